package com.licensingportal.security;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this email from this client address. */
public class LoginLockedException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	public LoginLockedException() {
		super("too many failed logins");
	}

}
