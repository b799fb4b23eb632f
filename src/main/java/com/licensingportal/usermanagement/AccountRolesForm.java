package com.licensingportal.usermanagement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.licensingportal.refusal.RefusedException;

import org.springframework.util.MultiValueMap;

import com.licensingportal.text.Text;
import com.licensingportal.user.Role;

/**
 * The account and role check boxes of Link accounts and of a user's page: {@code account} = the ids of the
 * ticked accounts, {@code roles-ID} = the roles ticked for account ID.
 */
final class AccountRolesForm {

	static final String ACCOUNT = "account";

	static final String ROLES_PREFIX = "roles-";

	private AccountRolesForm() {
	}

	static List<AccountRoles> parse(MultiValueMap<String, String> params) {
		List<AccountRoles> links = new ArrayList<>();
		for (Long accountId : new LinkedHashSet<>(ids(params.get(ACCOUNT)))) {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String role : params.getOrDefault(ROLES_PREFIX + accountId, List.of())) {
				roles.add(role(role));
			}
			links.add(new AccountRoles(accountId, roles));
		}
		return links;
	}

	/** The form's state, to show it again after a refusal: account id → ticked roles. */
	static Map<Long, Set<Role>> selection(List<AccountRoles> links) {
		Map<Long, Set<Role>> selection = new LinkedHashMap<>();
		links.forEach(link -> selection.put(link.accountId(), link.roles()));
		return selection;
	}

	private static List<Long> ids(List<String> values) {
		List<Long> ids = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				try {
					ids.add(Long.valueOf(value.strip()));
				}
				catch (NumberFormatException ex) {
					throw UserDirectory.notFound();
				}
			}
		}
		return ids;
	}

	private static Role role(String name) {
		try {
			return Role.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw RefusedException.invalid("roles", Text.of("users.refused.roleCheckBoxes"));
		}
	}

}
