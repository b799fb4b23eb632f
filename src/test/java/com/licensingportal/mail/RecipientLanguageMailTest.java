package com.licensingportal.mail;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.licensingportal.account.Account;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.text.Languages;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementMailbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Each recipient reads an email in their own language: their profile's choice, else the request's, else English. */
class RecipientLanguageMailTest extends PortalIntegrationTest {

	@Autowired
	Mailer mailer;

	@Autowired
	UserRepository users;

	@Autowired
	OrderManagementMailbox orderManagement;

	@Autowired
	ApplicationContext context;

	@Test
	void aFrenchUserReadsTheFrenchEmailAndAnEnglishUserTheEnglishOne() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account account = fixtures.customer("Quai Saint-Laurent Logistique");
		PortalUser french = fixtures.user("Louise", account, UserType.CUSTOMER_USER);
		french.setLanguage("fr");
		this.users.save(french);
		PortalUser english = fixtures.user("Paula", account, UserType.CUSTOMER_USER);
		english.setLanguage("en");
		this.users.save(english);

		// The request behind the email was French: the English user's own choice still wins.
		this.mailer.send("invitation-reminder", List.of(french.getEmail(), english.getEmail()),
				Map.of("firstName", "Louise", "inviterName", "Paula Admin", "accountName", account.getName(),
						"invitationLink", "https://portal.example/invitations/x",
						"invitationExpiresAt", Date.from(Instant.parse("2026-11-26T14:05:00Z"))),
				List.of(), Languages.FRENCH);

		MimeMessage toFrench = MailReader.waitFor(greenMail(), french.getEmail());
		assertThat(toFrench.getSubject()).isEqualTo("Rappel : votre invitation au Portail des licences");
		assertThat(MailReader.text(toFrench)).contains("Bonjour Louise,")
			.contains("L’invitation expire le 26 novembre 2026, 14 h 05 UTC.");
		assertThat(MailReader.html(toFrench)).contains("lang=\"fr\"").contains("Accepter l’invitation");

		MimeMessage toEnglish = MailReader.waitFor(greenMail(), english.getEmail());
		assertThat(toEnglish.getSubject()).isEqualTo("Reminder: your invitation to the Licensing Portal");
		assertThat(MailReader.text(toEnglish)).contains("The invitation expires on 2026-11-26 14:05 UTC.")
			.doesNotContain("Bonjour");
		assertThat(MailReader.html(toEnglish)).contains("lang=\"en\"").contains("Accept the invitation");
	}

	@Test
	void someoneWhoNeverChoseReadsTheLanguageOfTheRequestAndOrderManagementReadsEnglish() throws Exception {
		String requester = LicenseFixtures.unique("requester") + "@example.com";
		String organisation = LicenseFixtures.unique("Bayside Sécurité");
		Map<String, Object> model = Map.of("firstName", "Louise", "organisation", organisation,
				"requestedAccountType", "PARTNER", "proof", "E-20261127-0001");

		this.mailer.send("registration-received", List.of(requester), model, List.of(), Languages.FRENCH);
		this.mailer.send("registration-received", List.of(this.orderManagement.getEmail()), model, List.of(),
				Languages.FRENCH);

		MimeMessage toRequester = MailReader.waitFor(greenMail(), requester);
		assertThat(toRequester.getSubject()).isEqualTo("Nous avons reçu votre demande d’accès au Portail des licences");
		assertThat(MailReader.text(toRequester))
			.contains("Merci de votre demande d’accès au Portail des licences pour " + organisation + " (Partenaire (revendeur ou intégrateur)).");
		MimeMessage toOrderManagement = null;
		for (MimeMessage message : MailReader.waitFor(greenMail(), this.orderManagement.getEmail(), 1)) {
			if (MailReader.text(message).contains(organisation)) {
				toOrderManagement = message;
			}
		}
		assertThat(toOrderManagement).isNotNull();
		assertThat(toOrderManagement.getSubject())
			.isEqualTo("We received your request for access to the Licensing Portal");
		assertThat(MailReader.text(toOrderManagement)).contains("for " + organisation + " (Partner (dealer or integrator)).");
	}

}
