package com.licensingportal.access;

import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PortalUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	PortalUserDetailsService(UserRepository users) {
		this.users = users;
	}

	/** An unknown email leaves the caller's transaction usable: the lockout counts the failure in it. */
	@Override
	@Transactional(readOnly = true, noRollbackFor = UsernameNotFoundException.class)
	public UserDetails loadUserByUsername(String email) {
		return this.users.findByEmail(PortalUser.normalizeEmail(email))
			.map(PortalUserPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("unknown email"));
	}

}
