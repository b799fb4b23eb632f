package com.licensingportal.usermanagement.flow;

import com.licensingportal.mail.Mailer;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The emailed links of {@code bpmn/user-invitation.bpmn}, by the names the model uses. */
@Configuration(proxyBeanMethods = false)
class InvitationLinks {

	/** Starts SendInvitation and SendReminder: a new link until the invitation expires, as {@code invitationLink}. */
	@Bean
	IssueLinkListener issueInvitationToken(InvitationProcess process, LinkTokens links, Mailer mailer) {
		return new IssueLinkListener(Purpose.INVITATION, process::expiryOf, links, mailer);
	}

	/** BPMN task ExpireInvitation: every link of the invitation dies; the user stays invited. */
	@Bean
	ExpireLinksDelegate expireInvitation(LinkTokens links) {
		return new ExpireLinksDelegate(Purpose.INVITATION, links);
	}

}
