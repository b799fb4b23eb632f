package com.licensingportal.usermanagement;

import java.io.Serial;

/** An invitation link that is unknown, already used, replaced or expired: all get the same answer. */
public class InvalidInvitationLinkException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public InvalidInvitationLinkException() {
		super("This invitation link is no longer valid");
	}

}
