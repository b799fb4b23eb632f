package com.licensingportal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks a password under the lockout's lock of email and address; a right password forgets the email's failures. */
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
		Authentication[] result = new Authentication[1];
		AuthenticationException[] refused = new AuthenticationException[1];
		boolean right;
		try {
			// Checked under the lock of this email at this address (LoginLockout): parallel guesses one at a time.
			right = this.lockout.check(email, clientAddress, () -> {
				try {
					result[0] = this.passwords.authenticate(authentication);
					return true;
				}
				catch (InternalAuthenticationServiceException notTheUsersDoing) {
					throw notTheUsersDoing;
				}
				catch (AuthenticationException failure) {
					refused[0] = failure;
					return false;
				}
			});
		}
		catch (InternalAuthenticationServiceException failure) {
			// Not the user's doing (the database is away, say): no failed login (the check's transaction rolled
			// back), and an error, not "wrong password".
			throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
		}
		if (!right) {
			// Unknown email, wrong password, invited or disabled user: one answer for all of them.
			throw new BadCredentialsException("bad credentials", refused[0]);
		}
		return result[0];
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
