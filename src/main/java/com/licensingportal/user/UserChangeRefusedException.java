package com.licensingportal.user;

import java.io.Serial;

/** A change to users that the portal's rules do not allow; the message is in the administrator's words. */
public class UserChangeRefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public UserChangeRefusedException(String message) {
		super(message);
	}

}
