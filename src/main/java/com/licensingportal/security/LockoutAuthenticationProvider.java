package com.licensingportal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Counts a try against the lockout before the password is checked; a right password forgets the email's failures. */
class LockoutAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginLockout lockout;

	LockoutAuthenticationProvider(DaoAuthenticationProvider passwords, LoginLockout lockout) {
		this.passwords = passwords;
		this.lockout = lockout;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = String.valueOf(authentication.getPrincipal());
		String clientAddress = clientAddress(authentication);
		// Counted as failed before the check, so that parallel guesses cannot all be checked (LoginLockout).
		long counted = this.lockout.claim(email, clientAddress);
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.lockout.recordSuccess(email, clientAddress);
			return result;
		}
		catch (InternalAuthenticationServiceException failure) {
			// Not the user's doing (the database is away, say): no failed login, and an error, not "wrong password".
			this.lockout.release(counted);
			throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
		}
		catch (AuthenticationException failure) {
			// Unknown email, wrong password, invited or disabled user: one answer for all of them.
			throw new BadCredentialsException("Bad credentials", failure);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

}
