package com.licensingportal.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One address as a mail server takes it: what the portal accepts, and the sentence for what it refuses. */
class EmailAddressValidatorTest {

	@Test
	void plainAddressesAreAccepted() {
		assertThat(new String[] { "jana.novak@bayside-security.example", "o'brien+portal@sub.harbour.example",
				"a!#$%&'*+/=?^_`{|}~-z@x.io", "x@xn--bcher-kva.example", "UPPER@Example.COM",
				"l".repeat(64) + "@fixture.example" })
			.allSatisfy(address -> assertThat(EmailAddressValidator.problem(address)).as(address).isEmpty());
	}

	@Test
	void quotedLocalPartsAreRefusedAsQuoted() {
		assertThat(EmailAddressValidator.problem("\"x,victim@target.example\"@evil.example"))
			.contains(EmailAddressValidator.QUOTED);
		assertThat(EmailAddressValidator.problem("\"john doe\"@example.com")).contains(EmailAddressValidator.QUOTED);
	}

	@Test
	void listsAreRefusedAsSeveral() {
		assertThat(new String[] { "a@example.com,b@example.com", "a@example.com;b@example.com", "a,b@example.com" })
			.allSatisfy(address -> assertThat(EmailAddressValidator.problem(address)).as(address)
				.contains(EmailAddressValidator.SEVERAL));
	}

	@Test
	void whatAMailServerWouldNotTakeAsOneMailboxIsRefused() {
		assertThat(new String[] { "not-an-email", "a@localhost", "a@b", ".a@example.com", "a.@example.com",
				"a..b@example.com", "a b@example.com", "a@exa mple.com", "(comment)a@example.com", "a@[192.0.2.1]",
				"<a@example.com>", "Name <a@example.com>", "a@-example.com", "a@example-.com", "a@example..com",
				"jörg@example.de", "a@bücher.example", "a@example.com\n", "a\u202E@example.com", "a\\b@example.com",
				"a@b@example.com", "a@example.1", "l".repeat(65) + "@fixture.example" })
			.allSatisfy(address -> assertThat(EmailAddressValidator.problem(address)).as(address)
				.contains(EmailAddressValidator.INVALID));
		String longest = "a@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(61)
				+ ".example";
		assertThat(longest).hasSize(254);
		assertThat(EmailAddressValidator.problem(longest)).isEmpty();
		assertThat(EmailAddressValidator.problem("x" + longest)).contains(EmailAddressValidator.TOO_LONG);
	}

}
