package com.licensingportal.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.transaction.annotation.Transactional;

/** The one place that decides which accounts a user may see and administer. */
@Service
public class AccountVisibility {

	private final UserRepository users;

	private final AccountRepository accounts;

	AccountVisibility(UserRepository users, AccountRepository accounts) {
		this.users = users;
		this.accounts = accounts;
	}

	/**
	 * Links to disabled accounts grant nothing; an unknown or inactive user sees nothing. Decided once per
	 * web request (the layout and the page both ask).
	 */
	@Transactional(readOnly = true)
	public VisibleAccounts forUser(Long userId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = VisibleAccounts.class.getName() + "." + userId;
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof VisibleAccounts decided) {
			return decided;
		}
		VisibleAccounts decided = decide(userId);
		if (request != null) {
			request.setAttribute(key, decided, RequestAttributes.SCOPE_REQUEST);
		}
		return decided;
	}

	private VisibleAccounts decide(Long userId) {
		PortalUser user = userId == null ? null : this.users.findWithMembershipsById(userId).orElse(null);
		if (user == null || user.getStatus() != UserStatus.ACTIVE) {
			return VisibleAccounts.none();
		}
		Map<Long, UserType> links = new LinkedHashMap<>();
		for (AccountMembership membership : user.getMemberships()) {
			if (membership.getAccount().isActive()) {
				links.put(membership.getAccount().getId(), membership.getUserType());
			}
		}
		return VisibleAccounts.of(links, this::activeRelatedCustomers);
	}

	private List<Long> activeRelatedCustomers(Long partnerId) {
		return this.accounts.findById(partnerId)
			.map(partner -> partner.getRelatedCustomers().stream().filter(Account::isActive).map(Account::getId).toList())
			.orElse(List.of());
	}

}
