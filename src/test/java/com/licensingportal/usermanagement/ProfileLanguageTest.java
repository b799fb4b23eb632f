package com.licensingportal.usermanagement;

import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The language on the profile: the browser's until the user chooses, then theirs from the next page on, in this
 * session and the next ones, whatever the browser asks for; a language the portal does not speak changes nothing.
 */
class ProfileLanguageTest extends UserTestSupport {

	Org org;

	PortalUser admin;

	@BeforeEach
	void setUp() {
		this.org = this.fixtures().org();
		this.admin = this.fixtures().activeUserWithoutPassword(this.org.customer(), UserType.CUSTOMER_ADMINISTRATOR);
	}

	@AfterEach
	void endInvitations() {
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	@Test
	void theBrowsersLanguageUntilTheUserChoosesThenTheirsFromTheNextPage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String french = page(session, "fr-CA,fr;q=0.9,en;q=0.5");
		assertThat(french).contains("lang=\"fr\"", "Liste des utilisateurs", "Langue", "Enregistrer la langue")
			.doesNotContain("List users");
		assertThat(page(new MockHttpSession(), "en-US,en;q=0.9")).contains("lang=\"en\"", "List users", "Save language");

		MvcResult english = choose(session, "en", "fr");
		assertThat(english.getResponse().getRedirectedUrl()).isEqualTo("/users/" + this.admin.getId());
		assertThat(english.getFlashMap().get("message")).isEqualTo("The language is saved.");
		assertThat(language()).isEqualTo("en");
		assertThat(page(session, "fr")).contains("lang=\"en\"", "List users", "selected=\"selected\">English</option>");

		assertThat(choose(session, "fr", "en").getFlashMap().get("message")).isEqualTo("La langue est enregistrée.");
		assertThat(language()).isEqualTo("fr");
		assertThat(page(session, "en")).contains("Liste des utilisateurs");
		// A new session (another browser, the next day) reads the choice from the user.
		assertThat(page(new MockHttpSession(), "en")).contains("lang=\"fr\"", "Liste des utilisateurs");

		choose(session, "", "en");
		assertThat(language()).isNull();
		assertThat(page(session, "en")).contains("List users");
		assertThat(page(session, "fr")).contains("Liste des utilisateurs");
	}

	@Test
	void aLanguageThePortalDoesNotSpeakIsRefusedAndChangesNothing() throws Exception {
		MockHttpSession session = new MockHttpSession();
		choose(session, "fr", "en");

		MvcResult german = this.mvc.perform(as(post("/profile/language").with(csrf()).param("language", "de"), session, "en"))
			.andReturn();

		assertThat(german.getResponse().getStatus()).isEqualTo(422);
		assertThat(german.getResponse().getContentAsString()).contains("Choisissez English, Français ou la langue du navigateur.");
		assertThat(language()).isEqualTo("fr");
	}

	private String page(MockHttpSession session, String acceptLanguage) throws Exception {
		return this.mvc.perform(as(get("/users/" + this.admin.getId()), session, acceptLanguage))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MvcResult choose(MockHttpSession session, String language, String acceptLanguage) throws Exception {
		return this.mvc
			.perform(as(post("/profile/language").with(csrf()).param("language", language), session, acceptLanguage))
			.andReturn();
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, MockHttpSession session,
			String acceptLanguage) {
		return request.session(session)
			.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage)
			.with(user(UserFixtures.principal(this.admin)));
	}

	private String language() {
		return this.users.findById(this.admin.getId()).orElseThrow().getLanguage();
	}

}
