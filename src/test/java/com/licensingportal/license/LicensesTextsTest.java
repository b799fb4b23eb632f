package com.licensingportal.license;

import java.time.LocalDate;
import java.util.Arrays;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Messages;
import com.licensingportal.text.Text;
import com.licensingportal.transfer.TransferState;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of the licenses' pages in both languages: a name for every event, transfer state, column and kind of
 * refusal, and the sentences users stumbled on ("The 1 channel are reserved", "1 channels") right in each language.
 */
class LicensesTextsTest {

	@Test
	void everyEventStateColumnAndRefusalHasItsWords() {
		Arrays.stream(LicenseEventType.values()).forEach(type -> assertThat(type.text().in(Languages.FRENCH)).isNotBlank());
		Arrays.stream(TransferState.values()).forEach(state -> assertThat(state.text().in(Languages.FRENCH)).isNotBlank());
		Arrays.stream(EntitlementColumn.values())
			.forEach(column -> assertThat(Messages.has("licenses.column." + column.key())).as(column.key()).isTrue());
		Arrays.stream(RefusedException.Kind.values())
			.forEach(kind -> assertThat(Messages.has("licenses.api.title." + kind.name())).as(kind.name()).isTrue());
		// The CSV keeps its English header: the screen's English headers are the same words.
		Arrays.stream(EntitlementColumn.values())
			.forEach(column -> assertThat(Text.of("licenses.column." + column.key()).toString()).isEqualTo(column.label()));
	}

	@Test
	void oneChannelIsSingularAndManyArePluralInBothLanguages() {
		assertThat(Text.of("licenses.transfer.waiting", "T-1", "rule", 1).in(Languages.ENGLISH))
			.endsWith("The 1 channel is reserved until they decide.");
		assertThat(Text.of("licenses.transfer.waiting", "T-1", "rule", 3).in(Languages.ENGLISH))
			.endsWith("The 3 channels are reserved until they decide.");
		assertThat(Text.of("licenses.transfer.waiting", "T-1", "rule", 1).in(Languages.FRENCH))
			.endsWith("Le 1 canal est réservé jusqu’à sa décision.");
		assertThat(Text.of("licenses.transfer.waiting", "T-1", "rule", 3).in(Languages.FRENCH))
			.endsWith("Les 3 canaux sont réservés jusqu’à sa décision.");
		assertThat(Text.of("licenses.transfer.notEnough", 1, "7KQ2", 5).in(Languages.ENGLISH))
			.isEqualTo("Only 1 channel of 7KQ2 is available, not 5. Nothing was transferred.");
		assertThat(Text.of("licenses.devices.counts", 1, 1).in(Languages.ENGLISH)).isEqualTo("1 license, 1 channel");
		assertThat(Text.of("licenses.devices.counts", 2, 12).in(Languages.FRENCH)).isEqualTo("2 licences, 12 canaux");
		assertThat(Text.of("licenses.list.summary", 1, 25, 1200, 1, 1).in(Languages.FRENCH))
			.isEqualTo("1–25 de 1\u202f200 licences · 1 de 1 canal disponible");
	}

	@Test
	void theOrganisationIsNamedWithoutAPossessiveAndDaysFollowTheLanguage() {
		assertThat(Text.of("licenses.transfer.how.addTo", "Harbor Logistics", "7KQ2-9XTM-C4HP-R8WD").in(Languages.ENGLISH))
			.isEqualTo("added to the license 7KQ2-9XTM-C4HP-R8WD of Harbor Logistics");
		assertThat(Text.of("licenses.transfer.how.addTo", "Harbor Logistics", "7KQ2-9XTM-C4HP-R8WD").in(Languages.FRENCH))
			.isEqualTo("ajoutés à la licence 7KQ2-9XTM-C4HP-R8WD de Harbor Logistics");
		LocalDate day = LocalDate.of(2026, 11, 26);
		assertThat(Text.of("licenses.transfer.form.expired", day).in(Languages.ENGLISH))
			.isEqualTo("This license expired on 2026-11-26 and can no longer be transferred.");
		assertThat(Text.of("licenses.transfer.form.expired", day).in(Languages.FRENCH))
			.isEqualTo("Cette licence a expiré le 26 novembre 2026 et ne peut plus être transférée.");
	}

}
