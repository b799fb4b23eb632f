package com.licensingportal.passwordreset.flow;

import com.licensingportal.mail.Mailer;
import com.licensingportal.passwordreset.PasswordResetProcess;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;
import com.licensingportal.usermanagement.flow.ExpireLinksDelegate;
import com.licensingportal.usermanagement.flow.IssueLinkListener;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The emailed link of {@code bpmn/password-reset.bpmn}, by the names the model uses. */
@Configuration(proxyBeanMethods = false)
class PasswordResetLinks {

	/** Starts SendPasswordResetLink: a new link until the reset's expiry timer fires, as {@code passwordResetLink}. */
	@Bean
	IssueLinkListener issuePasswordResetLink(PasswordResetProcess process, LinkTokens links, Mailer mailer) {
		return new IssueLinkListener(Purpose.PASSWORD_RESET, process::expiryOf, links, mailer);
	}

	/** BPMN task ExpirePasswordResetLink: the unused link dies; the password stays as it was. */
	@Bean
	ExpireLinksDelegate expirePasswordResetLink(LinkTokens links) {
		return new ExpireLinksDelegate(Purpose.PASSWORD_RESET, links);
	}

}
