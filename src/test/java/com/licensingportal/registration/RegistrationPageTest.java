package com.licensingportal.registration;

import java.util.UUID;

import com.licensingportal.account.AccountType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The public /register page: its link from the login page, its messages, honeypot, rate limits and duplicates. */
class RegistrationPageTest extends RegistrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageLinksToTheFormWhichAnyoneMayOpen() throws Exception {
		String login = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(login).contains("href=\"/register\"", "request access", "href=\"/forgot-password\"", "Forgot Password?");

		MvcResult form = this.mvc.perform(get("/register")).andReturn();

		assertThat(form.getResponse().getStatus()).isEqualTo(200);
		assertThat(form.getResponse().getContentAsString()).contains("Request access", "name=\"firstName\"",
				"name=\"lastName\"", "name=\"email\"", "name=\"phone\"", "name=\"organisation\"", "value=\"PARTNER\"",
				"value=\"CUSTOMER\"", "name=\"proof\"", "name=\"message\"", "name=\"_csrf\"",
				// the honeypot: off screen, hidden from screen readers, never focused by the keyboard
				"aria-hidden=\"true\"", "name=\"website\" tabindex=\"-1\"");
	}

	@Test
	void aCompleteRequestIsThankedAndStartsTheProcess() throws Exception {
		String email = uniqueEmail("page");
		MvcResult answer = this.mvc.perform(register(email, uniqueAddress())).andReturn();

		assertThat(answer.getResponse().getStatus()).isEqualTo(200);
		assertThat(answer.getResponse().getContentAsString()).contains("Thank you, we have your request", email);
		RegistrationRequest request = this.requests.findByOpenEmail(email).orElseThrow();
		assertThat(request.getAccountType()).isEqualTo(AccountType.CUSTOMER);
		assertThat(request.getOrganisation()).isEqualTo("Harbour Authority");
		assertThat(processOf(request)).isNotNull();
	}

	@Test
	void emptyAndMalformedFieldsGetAClearMessageEachAndChangeNothing() throws Exception {
		MvcResult empty = this.mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))).andReturn();

		assertThat(empty.getResponse().getStatus()).isEqualTo(422);
		assertThat(empty.getResponse().getContentAsString()).contains("Please correct the following",
				"Enter your first name.", "Enter your last name.", "Enter your email address.",
				"Enter a phone number where Order Management can reach you.", "Enter the name of your organisation.",
				"Choose whether your organisation is a partner or a customer.",
				"Enter a sales order number or Entitlement ID, so that we can find your purchase.", "is-invalid");

		String email = "not-an-email-" + UUID.randomUUID();
		MvcResult malformed = this.mvc.perform(register(email, uniqueAddress()).param("phone", "call me maybe")
			.param("accountType", "RESELLER")).andReturn();

		assertThat(malformed.getResponse().getStatus()).isEqualTo(422);
		assertThat(malformed.getResponse().getContentAsString())
			.contains("Enter a valid email address, like name@example.com.",
					"Enter a phone number with digits, spaces and + - ( ) only, like +1 604 555 0100.",
					"Choose whether your organisation is a partner or a customer.")
			// What was typed stays in the form.
			.contains("value=\"Harbour Authority\"");
		// One message per field (next to it), and once more in the summary above the form.
		assertThat(malformed.getResponse().getContentAsString().split("Enter a valid email address", -1)).hasSize(3);
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email)).isEmpty();
	}

	@Test
	void aPhoneNumberThatIsTooShortIsCalledThatNotWrongCharacters() throws Exception {
		String email = uniqueEmail("short-phone");
		MvcResult tooShort = this.mvc.perform(register(email, uniqueAddress()).with(phone("1"))).andReturn();

		assertThat(tooShort.getResponse().getStatus()).isEqualTo(422);
		assertThat(tooShort.getResponse().getContentAsString())
			.contains("Enter the whole phone number, with its area code, like +1 604 555 0100.")
			.doesNotContain("digits, spaces and + - ( ) only");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email)).isEmpty();

		MvcResult letters = this.mvc.perform(register(uniqueEmail("letters-phone"), uniqueAddress()).with(phone("call")))
			.andReturn();
		assertThat(letters.getResponse().getContentAsString())
			.contains("Enter a phone number with digits, spaces and + - ( ) only, like +1 604 555 0100.")
			.doesNotContain("Enter the whole phone number");
	}

	@Test
	void aFilledHoneypotGetsTheUsualAnswerAndNothingHappens() throws Exception {
		String email = uniqueEmail("bot");
		MvcResult answer = this.mvc.perform(register(email, uniqueAddress()).param("website", "http://spam.example"))
			.andReturn();

		assertThat(answer.getResponse().getStatus()).isEqualTo(200);
		assertThat(answer.getResponse().getContentAsString()).contains("Thank you, we have your request");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where limit_key = ?", Long.class,
				"email:" + email)).isZero();
	}

	@Test
	void aSecondRequestForTheSameEmailIsAnsweredKindlyAndNotDuplicated() throws Exception {
		String email = uniqueEmail("again");
		this.mvc.perform(register(email, uniqueAddress()));

		MvcResult again = this.mvc.perform(register(email, uniqueAddress())).andReturn();

		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(again.getResponse().getContentAsString()).contains("Your request is already with us", email,
				"There is no need to send it again").doesNotContain("Thank you, we have your request");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email)).hasSize(1);
	}

	@Test
	void oneEmailMayAskThreeTimesAnHourThenWaits() throws Exception {
		String email = uniqueEmail("often");
		for (int i = 1; i <= 3; i++) {
			assertThat(this.mvc.perform(register(email, uniqueAddress())).andReturn().getResponse().getStatus())
				.isEqualTo(200);
		}

		MvcResult refused = this.mvc.perform(register(email, uniqueAddress())).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).matches("\\d+");
		assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(3500, 3600);
		assertThat(refused.getResponse().getContentAsString())
			.contains("There were too many requests for this email address. Try again in 60 minutes.")
			.contains("value=\"" + email + "\"");
	}

	@Test
	void oneClientAddressMayAskTenTimesAnHourThenWaits() throws Exception {
		String address = uniqueAddress();
		for (int i = 1; i <= 10; i++) {
			assertThat(this.mvc.perform(register(uniqueEmail("address-" + i), address)).andReturn().getResponse()
				.getStatus()).isEqualTo(200);
		}
		String eleventh = uniqueEmail("address-11");

		MvcResult refused = this.mvc.perform(register(eleventh, address)).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getContentAsString())
			.contains("There were too many requests from your network. Try again in");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(eleventh)).isEmpty();
		// Another address is not affected.
		assertThat(this.mvc.perform(register(eleventh, uniqueAddress())).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void anAddressAMailServerWouldReadAsAnotherOrSeveralIsRefusedWithTheReason() throws Exception {
		String quoted = "\"x,victim-" + UUID.randomUUID() + "@target.example\"@evil.example";
		MvcResult refused = this.mvc.perform(register(quoted, uniqueAddress())).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(refused.getResponse().getContentAsString()))
			.contains("Enter the email address without quotation marks, like name@example.com: the portal does not "
					+ "accept quoted addresses.");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(quoted.toLowerCase())).isEmpty();

		String two = uniqueEmail("two") + ",victim@target.example";
		MvcResult several = this.mvc.perform(register(two, uniqueAddress())).andReturn();
		assertThat(several.getResponse().getStatus()).isEqualTo(422);
		assertThat(several.getResponse().getContentAsString())
			.contains("Enter one email address, without commas or semicolons, like name@example.com.");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(two.toLowerCase())).isEmpty();

		String plain = "o'brien+portal-" + UUID.randomUUID() + "@sub.harbour-authority.example";
		assertThat(this.mvc.perform(register(plain, uniqueAddress())).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	private MockHttpServletRequestBuilder register(String email, String clientAddress) {
		return post("/register").with(csrf())
			.with(from(clientAddress))
			.param("firstName", "Hugo")
			.param("lastName", "Harbour")
			.param("email", email)
			.param("phone", "(604) 555-0199")
			.param("organisation", "Harbour Authority")
			.param("accountType", "CUSTOMER")
			.param("proof", "PO-2026-118")
			.param("message", "")
			.param("website", "");
	}

	/** The form's phone number replaced (a second {@code param} would send both, joined by a comma). */
	private static RequestPostProcessor phone(String phone) {
		return request -> {
			request.setParameter("phone", phone);
			return request;
		};
	}

	private static RequestPostProcessor from(String clientAddress) {
		return request -> {
			request.setRemoteAddr(clientAddress);
			return request;
		};
	}

}
