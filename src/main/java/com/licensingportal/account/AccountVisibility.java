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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The one place that decides which accounts a user may see and administer. */
@Service
public class AccountVisibility {

	private final UserRepository users;

	private final AccountRepository accounts;

	private final TransactionTemplate readOnly;

	AccountVisibility(UserRepository users, AccountRepository accounts, PlatformTransactionManager transactions) {
		this.users = users;
		this.accounts = accounts;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		// Two single reads need no transaction of their own (READ COMMITTED gives them no common snapshot anyway):
		// one cost each request four more round trips to the database (bench/FINDINGS.md).
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
	}

	/**
	 * Links to disabled accounts grant nothing; an unknown or inactive user sees nothing. Decided once per
	 * web request (the layout and the page both ask): only the first asks the database, in the caller's
	 * transaction if there is one; the second asks nothing.
	 */
	public VisibleAccounts forUser(Long userId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = VisibleAccounts.class.getName() + "." + userId;
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof VisibleAccounts decided) {
			return decided;
		}
		VisibleAccounts decided = this.readOnly.execute(status -> decide(userId));
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

	/** Ids only: a partner with hundreds of customers is asked on every page (bench/FINDINGS.md). */
	private List<Long> activeRelatedCustomers(Long partnerId) {
		return this.accounts.findActiveRelatedCustomerIds(partnerId);
	}

}
