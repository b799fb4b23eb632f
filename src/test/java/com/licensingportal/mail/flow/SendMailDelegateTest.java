package com.licensingportal.mail.flow;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendMailDelegateTest {

	@Test
	void recipientsMayBeOneAddressACommaListOrACollection() {
		assertThat(SendMailDelegate.recipients("a@example.com")).containsExactly("a@example.com");
		assertThat(SendMailDelegate.recipients(" a@example.com, ,b@example.com ")).containsExactly("a@example.com",
				"b@example.com");
		assertThat(SendMailDelegate.recipients(List.of("a@example.com", "b@example.com"))).hasSize(2);
		assertThat(SendMailDelegate.recipients(null)).isEmpty();
	}

}
