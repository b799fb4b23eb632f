package com.licensingportal.backoffice.orders;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.backoffice.orders.ImportedOrders.Checked;
import com.licensingportal.backoffice.orders.SalesOrderCsv.Problem;
import com.licensingportal.backoffice.orders.SalesOrderImports.Import;
import com.licensingportal.backoffice.orders.SalesOrderImports.Upload;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.refusal.RefusedException;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSV import of sales orders on the real database: every problem of a file named by row and column with
 * nothing imported, a good file imported whole in the background and entered by the intake process, the same file
 * again importing nothing new.
 */
class SalesOrderImportTest extends PortalIntegrationTest {

	static final String HEADER = "Order number,Order date,Customer number,Contact email,Contact first name,"
			+ "Contact last name,Line,Part number,Version,Quantity,Renews Activation ID\n";

	@Autowired
	SalesOrderImports imports;

	@Autowired
	SalesOrderIntakeService intake;

	@Autowired
	AccountRepository accounts;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	Account customer;

	@BeforeEach
	void customer() {
		Account account = new Account(LicenseFixtures.unique("Imported Customer"), AccountType.CUSTOMER);
		account.setCustomerNumber(LicenseFixtures.unique("C-IMP"));
		this.customer = this.accounts.save(account);
	}

	String row(String orderNumber, int line, String partNumber, String quantity) {
		return orderNumber + ",2026-12-06," + this.customer.getCustomerNumber() + ",it@imported.example,Ana,Silva," + line
				+ "," + partNumber + ",7.14," + quantity + ",\n";
	}

	Upload upload(String csv) {
		return upload(csv.getBytes(StandardCharsets.UTF_8));
	}

	Upload upload(byte[] file) {
		return this.imports.upload("orders.csv", new ByteArrayInputStream(file), "om");
	}

	List<Problem> problems(String csv) {
		Upload upload = upload(csv);
		assertThat(upload.started()).as("a file with problems is not imported").isNull();
		assertThat(upload.check().importable()).isFalse();
		return upload.check().problems();
	}

	long ordersNumbered(String prefix) {
		return this.jdbc.queryForObject("select count(*) from sales_order where order_number like ?", Long.class,
				prefix + "%");
	}

	Import finished(long id) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		Import upload = this.imports.find(id).orElseThrow();
		while (upload.running() && Instant.now().isBefore(until)) {
			Thread.sleep(100);
			upload = this.imports.find(id).orElseThrow();
		}
		return upload;
	}

	SalesOrderView entered(String orderNumber) {
		ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SalesOrderIntakeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(orderNumber)
			.singleResult()
			.getId());
		return this.intake.view(orderNumber);
	}

	@Test
	void aGoodFileIsImportedInTheBackgroundAndTheSameFileAgainImportsNothingNew() throws Exception {
		String prefix = LicenseFixtures.unique("SO-IMP");
		String csv = HEADER + row(prefix + "-1", 1, "ACC7-ENT-CH", "16") + row(prefix + "-1", 2, "ACC7-STD-CH", "8")
				+ row(prefix + "-2", 1, "ACC7-COR-CH", "4");

		Upload first = upload(csv);

		assertThat(first.check().problemCount()).isZero();
		assertThat(first.check().orders()).isEqualTo(2);
		assertThat(first.check().lines()).isEqualTo(3);
		Import done = finished(first.started().id());
		assertThat(done.state()).isEqualTo("DONE");
		assertThat(done.ordersDone()).isEqualTo(2);
		assertThat(done.ordersNew()).isEqualTo(2);
		assertThat(done.linesDone()).isEqualTo(3);
		assertThat(done.percent()).isEqualTo(100);
		SalesOrderView order = entered(prefix + "-1");
		assertThat(order.state()).isEqualTo(SalesOrderState.ENTERED);
		assertThat(order.account().accountNumber()).isEqualTo(this.customer.getAccountNumber());
		assertThat(order.lines()).extracting(SalesOrderView.LineView::quantity).containsExactly(16, 8);
		assertThat(entered(prefix + "-2").lines()).singleElement()
			.satisfies(line -> assertThat(line.activationId()).isNotNull());

		Upload again = upload(csv);

		assertThat(again.started()).as("nothing new to import").isNull();
		assertThat(again.check().importable()).isTrue();
		assertThat(again.check().alreadyReceived()).isEqualTo(2);
		assertThat(ordersNumbered(prefix)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from line_item li join sales_order_line l on l.line_item_id = li.id"
				+ " join sales_order o on o.id = l.sales_order_id where o.order_number like ?", Long.class, prefix + "%"))
			.isEqualTo(3);
	}

	@Test
	void aFileWithOneBadRowImportsNothingAndNamesTheRowAndColumn() {
		String prefix = LicenseFixtures.unique("SO-BAD");
		long importsBefore = this.jdbc.queryForObject("select count(*) from sales_order_import", Long.class);
		String csv = HEADER + row(prefix + "-1", 1, "ACC7-ENT-CH", "16") + row(prefix + "-2", 1, "NO-SUCH-PART", "4")
				+ row(prefix + "-3", 1, "ACC7-ENT-CH", "2");

		List<Problem> problems = problems(csv);

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.row()).isEqualTo(3);
			assertThat(problem.column()).isEqualTo("Part number");
			assertThat(problem.message()).isEqualTo("No product has the part number NO-SUCH-PART.");
		});
		assertThat(ordersNumbered(prefix)).as("all or nothing").isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from sales_order_import", Long.class)).isEqualTo(importsBefore);
	}

	@Test
	void everyProblemOfTheFileIsNamedWithItsRowAndColumn() {
		String prefix = LicenseFixtures.unique("SO-MANY");
		String csv = HEADER + row(prefix + "-1", 1, "ACC7-ENT-CH", "16") + row(prefix + "-1", 1, "ACC7-STD-CH", "8")
				+ row(prefix + "-2", 1, "ACC7-ENT-CH", "=1+1") + row(prefix + "-3", 1, "ACC7-ENT-CH", "0")
				+ prefix + "-4,2026-12-06,C-NOBODY-HAS-THIS,it@imported.example,,,1,ACC7-ENT-CH,7.14,3,\n"
				+ row(prefix + "-5", 1, "ACC7-ENT-CH", "many") + row(prefix + "-1", 2, "ACC7-ENT-CH", "1");

		List<Problem> problems = problems(csv);

		assertThat(problems).extracting(Problem::row, Problem::column)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(3L, "Line"),
					org.assertj.core.groups.Tuple.tuple(4L, "Quantity"), org.assertj.core.groups.Tuple.tuple(5L, "Quantity"),
					org.assertj.core.groups.Tuple.tuple(6L, "Customer number"),
					org.assertj.core.groups.Tuple.tuple(7L, "Quantity"), org.assertj.core.groups.Tuple.tuple(8L, "Order number"));
		Function<Long, String> message = row -> problems.stream().filter(p -> p.row() == row).findFirst().orElseThrow().message();
		assertThat(message.apply(3L)).isEqualTo("Line number 1 appears more than once.");
		assertThat(message.apply(4L)).contains("starts with \"=\"", "formula");
		assertThat(message.apply(5L)).isEqualTo("Quantity must be 1 to 100,000 channels.");
		assertThat(message.apply(6L)).startsWith("No account has the customer number C-NOBODY-HAS-THIS.");
		assertThat(message.apply(7L)).isEqualTo("Quantity must be a whole number.");
		assertThat(message.apply(8L)).contains("must follow one another");
		assertThat(ordersNumbered(prefix)).isZero();
	}

	@Test
	void aFileOfTheWrongShapeGetsOneSentenceAndChangesNothing() {
		assertThat(problems("Order,Date,Customer\nSO-1,2026-12-06,C-1\n")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("The first row must name the columns Order number,")
				.contains("Missing: Order number, Order date, Customer number,", "Not known to the import: Order, Date, Customer."));
		assertThat(problems(HEADER)).extracting(Problem::message).containsExactly("The file has a header row but no orders.");
		assertThat(problems("\n\n")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("The file is empty."));
		byte[] latin1 = (HEADER + row("SO-LATIN", 1, "ACC7-ENT-CH", "1").replace("Ana", "Ján")).getBytes(StandardCharsets.ISO_8859_1);
		Upload notUtf8 = upload(latin1);
		assertThat(notUtf8.check().problems()).extracting(Problem::message)
			.containsExactly("The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\" and upload it again.");
		assertThatThrownBy(() -> upload(new byte[0])).isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The file is empty.");
		assertThatThrownBy(() -> upload(new byte[(int) SalesOrderImports.MAX_BYTES + 1]))
			.isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The file is larger than 10 MB.")
			.satisfies(ex -> assertThat(((RefusedException) ex).kind()).isEqualTo(RefusedException.Kind.TOO_LARGE));
		assertThat(ordersNumbered("SO-LATIN")).isZero();
	}

	@Test
	void aSpreadsheetsByteOrderMarkAndQuotedCellsAreRead() throws Exception {
		String prefix = LicenseFixtures.unique("SO-BOM");
		String csv = "\uFEFF" + HEADER.replace("Order number", "order NUMBER")
				+ row(prefix + "-1", 1, "ACC7-ENT-CH", "16").replace("Silva", "\"Silva, da\"");

		Upload upload = upload(csv);

		assertThat(upload.check().problems()).isEmpty();
		assertThat(finished(upload.started().id()).state()).isEqualTo("DONE");
		assertThat(this.jdbc.queryForObject("select contact_last_name from sales_order where order_number = ?",
				String.class, prefix + "-1")).isEqualTo("Silva, da");
	}

	@Test
	void anOrderNumberInThePortalWithOtherContentIsAProblem() throws Exception {
		String prefix = LicenseFixtures.unique("SO-DIFF");
		Upload first = upload(HEADER + row(prefix + "-1", 1, "ACC7-ENT-CH", "16"));
		assertThat(finished(first.started().id()).state()).isEqualTo("DONE");

		List<Problem> problems = problems(HEADER + row(prefix + "-1", 1, "ACC7-ENT-CH", "17"));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.row()).isEqualTo(2);
			assertThat(problem.column()).isEqualTo("Order number");
			assertThat(problem.message()).contains("is in the portal already, with other content", "Quantity");
		});
	}

	@Test
	void aRenewalLineIsImportedAndMovesTheLicensesExpirationOn() throws Exception {
		String prefix = LicenseFixtures.unique("SO-REN");
		Upload subscription = upload(HEADER + row(prefix + "-1", 1, "ACC7-ENT-CH-1Y", "4"));
		assertThat(finished(subscription.started().id()).state()).isEqualTo("DONE");
		SalesOrderView.LineView license = entered(prefix + "-1").lines().get(0);

		Upload renewal = upload(HEADER + prefix + "-2,2026-12-06," + this.customer.getCustomerNumber()
				+ ",it@imported.example,,,1,ACC7-CARE-1Y,,4," + license.activationId().toLowerCase() + "\n");

		assertThat(renewal.check().problems()).isEmpty();
		assertThat(finished(renewal.started().id()).state()).isEqualTo("DONE");
		SalesOrderView renewed = entered(prefix + "-2");
		assertThat(renewed.state()).isEqualTo(SalesOrderState.ENTERED);
		assertThat(renewed.lines().get(0).activationId()).isEqualTo(license.activationId());
		assertThat(renewed.lines().get(0).expiresOn()).isEqualTo(license.expiresOn().plusMonths(12));
	}

	@Test
	void manyProblemsAreCountedAndTheFirstOnesShown() {
		StringBuilder csv = new StringBuilder(HEADER);
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < ImportedOrders.MAX_PROBLEMS_SHOWN + 50; i++) {
			rows.add(row("SO-COUNT-" + i, 1, "NO-SUCH-PART", "1"));
		}
		rows.forEach(csv::append);

		Checked check = upload(csv.toString()).check();

		assertThat(check.problemCount()).isEqualTo(ImportedOrders.MAX_PROBLEMS_SHOWN + 50);
		assertThat(check.problems()).hasSize(ImportedOrders.MAX_PROBLEMS_SHOWN);
	}

}
