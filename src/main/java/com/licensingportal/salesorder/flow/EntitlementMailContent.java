package com.licensingportal.salesorder.flow;

import java.util.List;

import com.licensingportal.license.EntitlementCsv;
import com.licensingportal.mail.MailContent;
import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.springframework.stereotype.Component;

/**
 * The entitlement email's recipients ({@code ${entitlementMail.recipients(execution.processBusinessKey)}}) and
 * content (the mail task's {@code mailContent}): the licenses and their CSV, read when the email is sent.
 */
@Component("entitlementMail")
public class EntitlementMailContent implements MailContent {

	private final SalesOrderIntakeService orders;

	EntitlementMailContent(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	public List<String> recipients(String orderNumber) {
		return this.orders.entitlementMail(orderNumber).recipients();
	}

	@Override
	public Content contentFor(String orderNumber) {
		SalesOrderIntakeService.EntitlementMail mail = this.orders.entitlementMail(orderNumber);
		return new Content(mail.model(), List.of(new Attachment(
				"licenses-" + mail.model().get("entitlementId") + ".csv", EntitlementCsv.CONTENT_TYPE, mail.csv())));
	}

}
