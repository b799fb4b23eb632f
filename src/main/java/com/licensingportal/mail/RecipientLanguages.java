package com.licensingportal.mail;

import java.util.Locale;

import com.licensingportal.text.Languages;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.workflow.OrderManagementProperties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language an email is written in, per recipient: the one a portal user chose on their profile; Order
 * Management's mailbox in its own ({@code portal.order-management.language}, English: Tasklist is its tool);
 * anyone else in the language of the request behind the email (the process's {@code language}: a registration's
 * browser, an inviter's), else English.
 */
@Component
public class RecipientLanguages {

	private final UserRepository users;

	private final String orderManagementEmail;

	private final Locale orderManagementLanguage;

	RecipientLanguages(UserRepository users, OrderManagementProperties orderManagement) {
		this.users = users;
		this.orderManagementEmail = orderManagement.email().strip();
		this.orderManagementLanguage = Languages.of(orderManagement.language());
	}

	@Transactional(readOnly = true)
	public Locale of(String email, Locale requestLanguage) {
		if (email.equalsIgnoreCase(this.orderManagementEmail)) {
			return this.orderManagementLanguage;
		}
		return this.users.findByEmail(email)
			.map(PortalUser::getLanguage)
			.filter(Languages::speaks)
			.map(Languages::of)
			.orElse(requestLanguage == null ? Languages.ENGLISH : Languages.supported(requestLanguage));
	}

}
