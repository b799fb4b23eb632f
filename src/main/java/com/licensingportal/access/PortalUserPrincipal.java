package com.licensingportal.access;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in portal user. Roles are per account, so they are not authorities here: what a user may
 * see and do is decided by {@link com.licensingportal.access.AccountVisibility}.
 */
public final class PortalUserPrincipal implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Long userId;

	private final String email;

	private final String displayName;

	private final String passwordHash;

	private final boolean active;

	public PortalUserPrincipal(Long userId, String email, String displayName, String passwordHash, boolean active) {
		this.userId = userId;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.active = active;
	}

	static PortalUserPrincipal of(PortalUser user) {
		return new PortalUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(),
				user.getStatus() == UserStatus.ACTIVE && user.getPasswordHash() != null);
	}

	public Long getUserId() {
		return this.userId;
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_PORTAL_USER"));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PortalUserPrincipal that && this.userId.equals(that.userId);
	}

	@Override
	public int hashCode() {
		return this.userId.hashCode();
	}

	@Override
	public String toString() {
		return "PortalUserPrincipal[" + this.userId + "]";
	}

}
