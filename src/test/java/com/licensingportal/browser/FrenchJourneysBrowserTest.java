package com.licensingportal.browser;

import java.util.List;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.mail.MailReader;
import com.licensingportal.passwordreset.PasswordResetProcess;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.usermanagement.InvitationMails;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.usermanagement.UserService;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User creation and password reset in a browser that asks for French (fr-CA): a partner administrator creates a
 * user, the invited user sets their password from the email's link, logs in, forgets the password and resets it;
 * every page on the way speaks French (the English journeys: {@link UserInvitationBrowserTest},
 * {@link RegistrationJourneyBrowserTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrenchJourneysBrowserTest extends PortalIntegrationTest {

	private static final String PASSWORD = "Lumieres-Du-Port-Sur-L-Eau-7";

	private static final String NEW_PASSWORD = "Maree-Haute-Au-Quai-Nord-9";

	@Autowired
	ApplicationContext context;

	@Autowired
	UserRepository users;

	@Autowired
	UserService userService;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	Browser browser;

	@BeforeAll
	void openBrowser() {
		this.browser = new Browser(baseUrl(), "fr-CA,fr");
	}

	@AfterAll
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aUserIsCreatedAcceptsTheInvitationAndResetsThePasswordInFrench() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		World world = fixtures.world();
		Account harbor = world.customer();
		String email = "nouvel.usager." + UUID.randomUUID().toString().substring(0, 8) + "@harbor.example";
		try {
			this.browser.open("/login");
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Connexion");
			this.browser.logIn(world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD).open("/users");
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Liste des utilisateurs");
			this.browser.click(By.id("actions")).click(By.id("action-create"));
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Créer un utilisateur");
			assertThat(this.browser.find(By.cssSelector("label[for=firstName]")).getText()).isEqualTo("Prénom");
			this.browser.type(By.id("firstName"), "Hélène")
				.type(By.id("lastName"), "Havre")
				.type(By.id("email"), email)
				.type(By.id("phone"), "+1 604 555 0142")
				.click(By.id("next"));
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Lier des comptes");
			this.browser.click(By.id("customers-tab"))
				.click(By.id("account-" + harbor.getId()))
				.click(By.id("role-" + harbor.getId() + "-END_USER"))
				.click(By.id("ok"));
			assertThat(this.browser.find(By.id("message")).getText())
				.isEqualTo("Une invitation par courriel est en route vers " + email + ".");
			PortalUser invited = this.users.findByEmail(email).orElseThrow();
			this.browser.open("/users/" + invited.getId());
			assertThat(this.browser.find(By.id("user-status")).getText()).isEqualTo("Invité");

			ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(InvitationProcess.PROCESS_KEY)
				.processInstanceBusinessKey(String.valueOf(invited.getId()))
				.singleResult()
				.getId());
			String link = InvitationMails.invitationPath(InvitationMails.awaitNth(greenMail(), email, 1));
			this.browser.logOut().open(baseUrl() + link);
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Bienvenue au Portail des licences");
			this.browser.type(By.id("password"), PASSWORD).type(By.id("repeatPassword"), "Autre-Chose-Encore-1")
				.click(By.id("set-password"));
			assertThat(this.browser.find(By.id("error")).getText())
				.isEqualTo("Les deux mots de passe ne sont pas identiques. Tapez le même mot de passe dans les deux champs.");
			this.browser.type(By.id("password"), PASSWORD)
				.type(By.id("repeatPassword"), PASSWORD)
				.click(By.id("set-password"));
			assertThat(this.browser.find(By.id("invitation-accepted")).getText())
				.contains("Votre mot de passe est choisi", "Vous pouvez maintenant vous connecter en tant que " + email + ".");
			assertThat(this.users.findByEmail(email).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
			this.browser.logIn(email, PASSWORD).find(By.id("line-items"));
			assertThat(this.browser.find(By.id("current-user")).getText()).isEqualTo("Hélène Havre");
			this.browser.logOut();

			int mailsBefore = MailReader.to(greenMail(), email).size();
			this.browser.open("/login").click(By.id("forgot-password"));
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Vous avez oublié votre mot de passe?");
			this.browser.type(By.id("email"), email).click(By.id("send-link"));
			assertThat(this.browser.find(By.id("reset-link-sent")).getText()).contains("Consultez vos courriels",
					"Si " + email + " appartient à un utilisateur actif du portail");
			ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(PasswordResetProcess.PROCESS_KEY)
				.processInstanceBusinessKey(String.valueOf(invited.getId()))
				.singleResult()
				.getId());
			String resetLink = MailReader.link(MailReader.waitFor(greenMail(), email, mailsBefore + 1).get(mailsBefore),
					"/password-reset/");
			this.browser.open(resetLink.replaceFirst("https?://[^/]+", baseUrl()));
			assertThat(this.browser.find(By.id("reset-greeting")).getText()).startsWith("Bonjour Hélène,");
			this.browser.type(By.id("password"), "court").type(By.id("repeatPassword"), "court")
				.click(By.id("set-password"));
			assertThat(this.browser.find(By.id("error")).getText())
				.isEqualTo("Le mot de passe est trop court : utilisez au moins 12 caractères.");
			this.browser.type(By.id("password"), NEW_PASSWORD)
				.type(By.id("repeatPassword"), NEW_PASSWORD)
				.click(By.id("set-password"));
			assertThat(this.browser.find(By.id("password-changed")).getText()).contains("Votre mot de passe est changé",
					"Connectez-vous en tant que " + email + " avec le nouveau mot de passe.");
			this.browser.logIn(email, NEW_PASSWORD).find(By.id("line-items"));
			assertThat(this.browser.find(By.id("current-user")).getText()).isEqualTo("Hélène Havre");
		}
		finally {
			this.browser.logOut();
			this.users.findByEmail(email).ifPresent(created -> {
				ProcessJobs.endRunning(this.runtime, PasswordResetProcess.PROCESS_KEY, String.valueOf(created.getId()));
				this.userService.delete(world.partnerAdmin().getId(), List.of(created.getId()));
			});
		}
	}

}
