package com.licensingportal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PersonalAccessTokenTest {

	private static final Instant CREATED = Instant.parse("2026-11-27T09:00:00Z");

	private final PersonalAccessToken token = new PersonalAccessToken(1L, "script", "hash", "lp_abcd", CREATED, null);

	@Test
	void firstUseIsRecorded() {
		this.token.markUsed(CREATED.plusSeconds(5));

		assertThat(this.token.getLastUsedAt()).isEqualTo(CREATED.plusSeconds(5));
	}

	@Test
	void usesWithinAMinuteOfTheRecordedOneWriteNothing() {
		this.token.markUsed(CREATED.plusSeconds(5));
		this.token.markUsed(CREATED.plusSeconds(64));

		assertThat(this.token.getLastUsedAt()).isEqualTo(CREATED.plusSeconds(5));
	}

	@Test
	void aUseAMinuteLaterIsRecorded() {
		this.token.markUsed(CREATED.plusSeconds(5));
		this.token.markUsed(CREATED.plusSeconds(65));

		assertThat(this.token.getLastUsedAt()).isEqualTo(CREATED.plusSeconds(65));
	}

}
