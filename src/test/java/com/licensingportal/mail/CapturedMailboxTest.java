package com.licensingportal.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The embedded default's captured mail: what would have been sent is kept and served as JSON. */
class CapturedMailboxTest {

	private final CapturedMailConfiguration configuration = new CapturedMailConfiguration();

	private final CapturedMailbox mailbox = this.configuration.capturedMailbox();

	private final JavaMailSender sender = this.configuration.capturingMailSender(this.mailbox);

	private final Mailer mailer = new Mailer(new MailRenderer(), this.sender, "Portal <no-reply@example.com>",
			"http://localhost:8080/");

	@Test
	void keepsEverySentMailWithItsTextAndHtml() {
		this.mailer.send("test-message", List.of("a@example.com", "b@example.com"), Map.of("name", "Ada"));

		assertThat(this.mailbox.all()).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly("a@example.com", "b@example.com");
			assertThat(mail.subject()).isEqualTo("A test for Ada");
			assertThat(mail.text()).contains("http://localhost:8080/entitlements");
			assertThat(mail.html()).contains("href=\"http://localhost:8080/entitlements\"");
			assertThat(mail.sentAt()).isNotNull();
		});
	}

	@Test
	void servesTheMailboxAsJsonNewestFirst() throws Exception {
		this.mailer.send("test-message", List.of("first@example.com"), Map.of("name", "First"));
		this.mailer.send("test-message", List.of("second@example.com"), Map.of("name", "Second"));
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new DevMailboxController(this.mailbox)).build();

		mvc.perform(get("/dev/mailbox.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].to[0]").value("second@example.com"))
			.andExpect(jsonPath("$[0].subject").value("A test for Second"))
			.andExpect(jsonPath("$[0].text", containsString("Hello Second")))
			.andExpect(jsonPath("$[0].html", containsString("Hello <span>Second</span>")))
			.andExpect(jsonPath("$[0].sentAt").exists())
			.andExpect(jsonPath("$[1].to[0]").value("first@example.com"));
	}

	@Test
	void anUnknownMessageIsNotFound() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new DevMailboxController(this.mailbox)).build();

		mvc.perform(get("/dev/mailbox/12345")).andExpect(status().isNotFound());
	}

}
