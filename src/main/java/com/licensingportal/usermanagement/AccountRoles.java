package com.licensingportal.usermanagement;

import java.util.Set;

import com.licensingportal.user.Role;

/** The role check boxes ticked for one account on the Link accounts screen or a user's page. */
public record AccountRoles(Long accountId, Set<Role> roles) {

	public AccountRoles {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
	}

}
