package com.licensingportal.usermanagement;

import java.io.Serial;

import com.licensingportal.base.RefusedException;

/** A change to users that the portal's rules do not allow; the message is in the administrator's words. */
public class UserChangeRefusedException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** A change that conflicts with the users as they are: yourself, the last administrator, a taken email. */
	public UserChangeRefusedException(String message) {
		super(Kind.CONFLICT, null, message);
	}

	private UserChangeRefusedException(String field, String message) {
		super(Kind.INVALID, field, message);
	}

	/** A value the administrator gave that cannot be accepted; {@code field} names it. */
	public static UserChangeRefusedException invalid(String field, String message) {
		return new UserChangeRefusedException(field, message);
	}

}
