package com.licensingportal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licensingportal.backoffice.audit.AuditEntry;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.backoffice.product.ProductCatalogue;
import com.licensingportal.backoffice.product.ProductCatalogue.ProductForm;
import com.licensingportal.backoffice.product.ProductCatalogue.ProductView;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.refusal.RefusedException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The product catalogue as Order Management keeps it, on the real database: every change audited, bad input refused. */
class ProductCatalogueTest extends PortalIntegrationTest {

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	BackOfficeAudit audit;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aProductIsCreatedEditedRetiredAndReactivated() {
		String renewal = LicenseFixtures.unique("BO-CARE").toUpperCase();
		String part = LicenseFixtures.unique("BO-SUB").toLowerCase();
		this.catalogue.create("om", renewal, new ProductForm("Care, 1 year", "BO Type", "12", ""));

		ProductView created = this.catalogue.create("om", part, new ProductForm("Subscription", "BO Type", "12", renewal));
		ProductView edited = this.catalogue.edit("om", created.partNumber(),
				new ProductForm("Subscription, renamed", "BO Type", "", ""));
		ProductView retired = this.catalogue.retire("om", created.partNumber(), true);
		ProductView reactivated = this.catalogue.retire("om", created.partNumber(), false);

		assertThat(created.partNumber()).isEqualTo(part.toUpperCase());
		assertThat(created.renewalPartNumbers()).containsExactly(renewal);
		assertThat(edited.termMonths()).as("permanent").isNull();
		assertThat(edited.renewalPartNumbers()).isEmpty();
		assertThat(retired.retired()).isTrue();
		assertThat(reactivated.retired()).isFalse();
		assertThat(this.audit.of(SubjectType.PRODUCT, created.partNumber())).extracting(AuditEntry::getAction)
			.containsExactly("REACTIVATED", "RETIRED", "EDITED", "CREATED");
		assertThat(this.audit.of(SubjectType.PRODUCT, created.partNumber()).get(2).getBefore()).contains("12 months",
				renewal);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		String permanent = LicenseFixtures.unique("BO-PERM").toUpperCase();
		this.catalogue.create("om", permanent, new ProductForm("Permanent", "BO Type", null, null));
		String before = state();

		assertRefused(() -> this.catalogue.create("om", permanent, new ProductForm("Again", "BO Type", null, null)),
				"is already in the catalogue");
		assertRefused(() -> this.catalogue.create("om", "has space", new ProductForm("x", "T", null, null)),
				"A part number is letters, digits");
		assertRefused(() -> this.catalogue.create("om", LicenseFixtures.unique("BO"), new ProductForm("x", "T", "0", null)),
				"The term is a number of months from 1 to 1200");
		assertRefused(() -> this.catalogue.create("om", LicenseFixtures.unique("BO"), new ProductForm("x", "T", null, permanent)),
				"is permanent: a renewal part number needs a term");
		assertRefused(() -> this.catalogue.edit("om", permanent, new ProductForm("", "T", null, permanent)),
				"Enter the product's name");
		assertRefused(() -> this.catalogue.retire("om", "NO-SUCH-PART", true), "There is no part number NO-SUCH-PART");

		assertThat(state()).isEqualTo(before);
	}

	private String state() {
		return this.jdbc.queryForList("select part_number, name, product_type, term_months, status from product order by id")
			.toString() + this.jdbc.queryForList("select * from product_renewal order by product_id, renewal_product_id")
			+ this.jdbc.queryForObject("select count(*) from back_office_audit", Long.class);
	}

	private static void assertRefused(Runnable change, String sentence) {
		assertThatThrownBy(change::run).isInstanceOf(RefusedException.class).hasMessageContaining(sentence);
	}

}
