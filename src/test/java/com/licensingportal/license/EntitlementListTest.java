package com.licensingportal.license;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.account.Account;
import com.licensingportal.backoffice.account.BackOfficeAccounts;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.device.ActivationService;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static com.licensingportal.support.LicenseFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * List Entitlements on a few thousand generated line items: visibility, every filter, sorting by every
 * column, pagination and the CSV exports, each checked against what the generated data says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitlementListTest extends PortalIntegrationTest {

	private static final int PARTNER_ROWS = 1000;

	private static final int CUSTOMER_ROWS = 1200;

	private static final int FOREIGN_ROWS = 800;

	private static final int ORDER_LINES = 40;

	private static final List<String> VERSIONS = List.of("7.10", "7.12", "7.14", "8.0");

	@Autowired
	ApplicationContext context;

	@Autowired
	EntitlementList list;

	@Autowired
	ActivationService activations;

	@Autowired
	MockMvc mvc;

	private final LocalDate today = LocalDate.now();

	private Account partner;

	private Account customer;

	private Account foreign;

	private PortalUser partnerUser;

	private PortalUser customerUser;

	private List<Product> products;

	@Autowired
	private JdbcTemplate jdbc;

	/** What the generated data says each line item is, by Activation ID. */
	private final Map<String, EntitlementRow> expected = new LinkedHashMap<>();

	private final Map<String, Long> ownerOf = new LinkedHashMap<>();

	@BeforeAll
	void generate() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.customer = fixtures.customer(LicenseFixtures.unique("Alder Retail"));
		this.foreign = fixtures.customer(LicenseFixtures.unique("Birch Clinic"));
		this.partner = fixtures.partnerOf(LicenseFixtures.unique("Cobalt Partner"), this.customer);
		this.partnerUser = fixtures.user("pat", this.partner, UserType.PARTNER_USER);
		this.customerUser = fixtures.user("cus", this.customer, UserType.CUSTOMER_USER);
		this.products = List.of(fixtures.product("LST-ENT"), fixtures.product("LST-STD"), fixtures.product("LST-COR"));
		Random random = new Random(42);
		generate(fixtures, this.partner, PARTNER_ROWS, random);
		generate(fixtures, this.customer, CUSTOMER_ROWS, random);
		generate(fixtures, this.foreign, FOREIGN_ROWS, random);
		useUpSome(random);
	}

	private void generate(LicenseFixtures fixtures, Account account, int rows, Random random) {
		for (int ordered = 0; ordered < rows; ordered += ORDER_LINES) {
			OrderLine[] lines = new OrderLine[ORDER_LINES];
			for (int i = 0; i < lines.length; i++) {
				int kind = random.nextInt(10);
				LocalDate expiresOn = kind < 4 ? null
						: kind == 4 ? this.today.minusDays(1 + random.nextInt(100)) : this.today.plusDays(random.nextInt(400));
				lines[i] = new OrderLine(this.products.get(random.nextInt(this.products.size())),
						VERSIONS.get(random.nextInt(VERSIONS.size())), 1 + random.nextInt(200), expiresOn);
			}
			for (LineItem item : fixtures.order(account, lines)) {
				this.expected.put(item.getActivationId(), row(item, item.getTotalQuantity()));
				this.ownerOf.put(item.getActivationId(), account.getId());
			}
		}
	}

	/** Activates every channel of about 3% of the unexpired line items, so that they leave the default list. */
	private void useUpSome(Random random) {
		Map<Long, String> deviceOf = new LinkedHashMap<>();
		for (EntitlementRow row : List.copyOf(this.expected.values())) {
			if (row.isExpiredOn(this.today) || random.nextInt(100) >= 3) {
				continue;
			}
			Long owner = this.ownerOf.get(row.activationId());
			VisibleAccounts ownerOnly = new VisibleAccounts(Set.of(owner), Set.of(owner), false);
			DeviceTarget target = deviceOf.containsKey(owner) ? DeviceTarget.existing(deviceOf.get(owner))
					: DeviceTarget.newDevice("LIST-NVR", LicenseFixtures.unique("HOST"), owner);
			String deviceId = this.activations
				.activate(ownerOnly, target, Map.of(row.activationId(), row.total()), "fixture", null)
				.device()
				.getDeviceId();
			deviceOf.putIfAbsent(owner, deviceId);
			this.expected.put(row.activationId(), withAvailable(row, 0));
		}
	}

	@Test
	void aCustomerSeesOnlyTheirOwnAccountsRows() {
		List<EntitlementRow> rows = all(this.customerUser, search -> search.setShowUsedUp(true));

		assertThat(rows).extracting(EntitlementRow::activationId)
			.containsExactlyInAnyOrderElementsOf(ids(row -> owned(row, this.customer)));
		assertThat(rows).allSatisfy(row -> assertThat(row.ownerAccountNumber()).isEqualTo(this.customer.getAccountNumber()));
	}

	@Test
	void aPartnerSeesItsOwnAndItsRelatedCustomersRowsButNoOtherCustomers() {
		List<EntitlementRow> rows = all(this.partnerUser, search -> search.setShowUsedUp(true));

		assertThat(rows).hasSize(PARTNER_ROWS + CUSTOMER_ROWS);
		assertThat(rows).extracting(EntitlementRow::activationId)
			.containsExactlyInAnyOrderElementsOf(ids(row -> owned(row, this.partner) || owned(row, this.customer)))
			.doesNotContainAnyElementsOf(ids(row -> owned(row, this.foreign)));
	}

	@Test
	void lineItemsWithNoChannelsLeftLeaveTheListUnlessTheToggleShowsThem() {
		Set<String> usedUp = ids(row -> owned(row, this.customer) && row.available() == 0);
		assertThat(usedUp).isNotEmpty();

		assertThat(all(this.customerUser, search -> { })).extracting(EntitlementRow::activationId)
			.containsExactlyInAnyOrderElementsOf(ids(row -> owned(row, this.customer) && row.available() > 0))
			.doesNotContainAnyElementsOf(usedUp);
		assertThat(all(this.customerUser, search -> search.setShowUsedUp(true))).extracting(EntitlementRow::activationId)
			.containsAll(usedUp);
	}

	@Test
	void everyFilterMatchesExactlyWhatItSays() {
		EntitlementRow sample = this.expected.values().stream().filter(row -> owned(row, this.customer)).skip(17).findFirst().orElseThrow();
		String idPart = sample.activationId().substring(5, 12).toLowerCase();
		String entitlementPart = sample.entitlementId().substring(2);
		String product = this.products.get(1).getPartNumber();
		String soldToPart = this.customer.getName().substring(0, 12).toLowerCase();
		LocalDate before = this.today.plusDays(30);

		check(search -> search.setActivationId(idPart), row -> row.activationId().toLowerCase().contains(idPart));
		check(search -> search.setEntitlementId(entitlementPart), row -> row.entitlementId().contains(entitlementPart));
		check(search -> search.setSoldTo(soldToPart), row -> row.soldTo().toLowerCase().contains(soldToPart));
		check(search -> search.setProduct(product.toLowerCase()), row -> row.product().equals(product));
		check(search -> search.setVersion("7.1"), row -> row.version().contains("7.1"));
		check(search -> search.setVersion("8.0"), row -> row.version().equals("8.0"));
		check(search -> search.setAvailableMin(150), row -> row.available() >= 150);
		check(search -> search.setTotalMin(190), row -> row.total() >= 190);
		check(search -> search.setExpiration(EntitlementSearch.PERMANENT), EntitlementRow::isPermanent);
		check(search -> search.setExpiration(EntitlementSearch.EXPIRED), row -> row.isExpiredOn(this.today));
		check(search -> search.setExpiration(EntitlementSearch.EXPIRES),
				row -> !row.isPermanent() && !row.isExpiredOn(this.today));
		check(search -> search.setExpiringBefore(before), row -> !row.isPermanent() && row.expiresOn().isBefore(before));
		// What the filter's hint tells the user: "Expires (not yet expired)" leaves the expired ones out.
		check(search -> {
			search.setExpiringBefore(before);
			search.setExpiration(EntitlementSearch.EXPIRES);
		}, row -> !row.isPermanent() && !row.isExpiredOn(this.today) && row.expiresOn().isBefore(before));
		check(search -> {
			search.setProduct(product);
			search.setVersion("7.14");
			search.setExpiration(EntitlementSearch.PERMANENT);
			search.setAvailableMin(20);
		}, row -> row.product().equals(product) && row.version().equals("7.14") && row.isPermanent() && row.available() >= 20);
		// Wildcards typed by the user are taken literally.
		check(search -> search.setActivationId("%"), row -> false);
		check(search -> search.setActivationId("_"), row -> false);
	}

	@Test
	void partnersFilterByOwnerAccountAmongTheirs() {
		EntitlementSearch search = new EntitlementSearch();
		search.setShowUsedUp(true);
		List<EntitlementRow> rows = new ArrayList<>();
		this.list.forEachMatching(visible(this.partnerUser), new EntitlementList.Criteria(search, this.customer.getId()),
				rows::add);

		assertThat(rows).extracting(EntitlementRow::activationId)
			.containsExactlyInAnyOrderElementsOf(ids(row -> owned(row, this.customer)));
	}

	@Test
	void sortsByEveryColumnInBothDirections() {
		String product = this.products.get(0).getPartNumber();
		for (EntitlementColumn column : EntitlementColumn.values()) {
			for (String direction : List.of("asc", "desc")) {
				Consumer<EntitlementSearch> sortedSearch = search -> {
					search.setProduct(product);
					search.setShowUsedUp(true);
					search.setSort(column.key());
					search.setDir(direction);
				};
				Comparator<EntitlementRow> order = comparator(column).thenComparing(EntitlementRow::id);
				List<String> expectedOrder = this.expected.values()
					.stream()
					.filter(row -> (owned(row, this.partner) || owned(row, this.customer)) && row.product().equals(product))
					.sorted(direction.equals("asc") ? order : order.reversed())
					.map(EntitlementRow::activationId)
					.toList();

				assertThat(all(this.partnerUser, sortedSearch)).as("sorted by %s %s", column, direction)
					.extracting(EntitlementRow::activationId)
					.containsExactlyElementsOf(expectedOrder);
			}
		}
	}

	@Test
	void thePagesOfEveryPageSizeTogetherShowEachRowOnce() {
		Consumer<EntitlementSearch> filter = search -> {
			search.setOwner(this.customer.getAccountNumber());
			search.setSort("total");
			search.setDir("desc");
		};
		List<String> whole = all(this.customerUser, filter).stream().map(EntitlementRow::activationId).toList();
		for (int size : EntitlementSearch.PAGE_SIZES) {
			List<String> paged = new ArrayList<>();
			EntitlementList.Page page;
			int number = 1;
			do {
				EntitlementSearch search = search(filter);
				search.setSize(size);
				search.setPage(number++);
				page = this.list.page(visible(this.customerUser), new EntitlementList.Criteria(search, this.customer.getId()));
				assertThat(page.rows().size()).isLessThanOrEqualTo(size);
				page.rows().forEach(row -> paged.add(row.activationId()));
			}
			while (page.number() < page.pages());

			assertThat(paged).as("page size %d", size).containsExactlyElementsOf(whole);
			assertThat(page.pages()).isEqualTo((whole.size() + size - 1) / size);
			assertThat(page.matching()).isEqualTo(whole.size());
		}
	}

	@Test
	void aPageAfterTheLastShowsTheLastAndAnUnknownPageSizeTheDefault() {
		EntitlementSearch search = search(s -> s.setPage(100_000));
		search.setSize(7);
		EntitlementList.Page page = this.list.page(visible(this.customerUser), new EntitlementList.Criteria(search, null));

		assertThat(page.size()).isEqualTo(EntitlementSearch.DEFAULT_PAGE_SIZE);
		assertThat(page.number()).isEqualTo(page.pages());
		assertThat(page.rows()).isNotEmpty();
	}

	@Test
	void theTotalsAddUpTheChannelsOfTheMatchingRows() {
		EntitlementSearch search = search(s -> s.setProduct(this.products.get(2).getPartNumber()));
		EntitlementList.Page page = this.list.page(visible(this.partnerUser), new EntitlementList.Criteria(search, null));
		List<EntitlementRow> rows = this.expected.values()
			.stream()
			.filter(row -> (owned(row, this.partner) || owned(row, this.customer)) && row.available() > 0
					&& row.product().equals(this.products.get(2).getPartNumber()))
			.toList();

		assertThat(page.matching()).isEqualTo(rows.size());
		assertThat(page.availableChannels()).isEqualTo(rows.stream().mapToLong(EntitlementRow::available).sum());
		assertThat(page.totalChannels()).isEqualTo(rows.stream().mapToLong(EntitlementRow::total).sum());
	}

	@Test
	void aPartnerOfThousandsIsRestrictedThroughItsRelationsToTheSameRows() {
		// With no account list at all, the partner's visibility is "linked, or an active related customer": the form a
		// distributor of thousands gets. Every search must give what the listed accounts give.
		EntitlementList throughRelations = this.list.withLimits(EntitlementList.COUNT_LIMIT, 0);
		VisibleAccounts partnerSees = visible(this.partnerUser);
		assertThat(partnerSees.sellingPartners()).containsExactly(this.partner.getId());
		EntitlementRow partnersFirst = this.expected.entrySet()
			.stream()
			.filter(entry -> this.ownerOf.get(entry.getKey()).equals(this.partner.getId()) && entry.getValue().available() > 0)
			.findFirst()
			.orElseThrow()
			.getValue();
		List<Consumer<EntitlementSearch>> searches = List.of(search -> { }, search -> search.setShowUsedUp(true),
				search -> search.setProduct(this.products.get(0).getPartNumber().substring(4).toLowerCase()),
				search -> search.setSoldTo(this.customer.getName().substring(0, 9)), search -> {
					search.setSort("soldTo");
					search.setPage(3);
				}, search -> {
					search.setSort("expiration");
					search.setDir("desc");
					search.setVersion("7.1");
				}, search -> search.setActivationId(partnersFirst.activationId().substring(2, 9).toLowerCase()),
				search -> search.setEntitlementId(partnersFirst.entitlementId().substring(2)));
		for (Consumer<EntitlementSearch> filter : searches) {
			EntitlementList.Criteria criteria = new EntitlementList.Criteria(search(filter), null);
			List<EntitlementRow> listed = new ArrayList<>();
			List<EntitlementRow> joined = new ArrayList<>();
			this.list.forEachMatching(partnerSees, criteria, listed::add);
			throughRelations.forEachMatching(partnerSees, criteria, joined::add);

			assertThat(listed).isNotEmpty();
			assertThat(joined).containsExactlyElementsOf(listed);
			assertThat(throughRelations.page(partnerSees, criteria)).isEqualTo(this.list.page(partnerSees, criteria));
		}
		assertThat(joinedRowsOf(throughRelations, partnerSees)).noneMatch(row -> owned(row, this.foreign));
	}

	private List<EntitlementRow> joinedRowsOf(EntitlementList list, VisibleAccounts accounts) {
		List<EntitlementRow> rows = new ArrayList<>();
		list.forEachMatching(accounts, new EntitlementList.Criteria(search(search -> search.setShowUsedUp(true)), null),
				rows::add);
		return rows;
	}

	@Test
	void aSearchMatchingMoreThanTheCountLimitSaysSoAndStillPagesToTheEnd() {
		EntitlementList counting100 = this.list.withLimits(100, EntitlementList.LISTED_ACCOUNTS_LIMIT);
		VisibleAccounts partnerSees = visible(this.partnerUser);
		EntitlementList.Page exact = this.list.page(partnerSees, new EntitlementList.Criteria(search(s -> { }), null));
		assertThat(exact.matching()).isGreaterThan(2000);

		EntitlementList.Page first = counting100.page(partnerSees, new EntitlementList.Criteria(search(s -> { }), null));
		assertThat(first.countedAll()).isFalse();
		assertThat(first.matching()).isEqualTo(100);
		assertThat(first.pages()).as("four counted pages, and a Next").isEqualTo(5);
		assertThat(first.rows()).isEqualTo(exact.rows());
		assertThat(first.availableChannels()).isZero();

		// Each page asked for is counted up to its end, so Next always leads to the following rows, up to the last.
		int lastPage = exact.pages();
		for (int number : List.of(5, 20, lastPage - 1, lastPage, lastPage + 3)) {
			EntitlementList.Criteria criteria = new EntitlementList.Criteria(search(s -> s.setPage(number)), null);
			EntitlementList.Page counted = counting100.page(partnerSees, criteria);
			EntitlementList.Page whole = this.list.page(partnerSees, criteria);

			assertThat(counted.number()).as("page %d", number).isEqualTo(whole.number());
			assertThat(counted.rows()).as("page %d", number).isEqualTo(whole.rows());
			assertThat(counted.number() < counted.pages()).as("Next after page %d", number)
				.isEqualTo(whole.number() < whole.pages());
		}
		EntitlementList.Page last = counting100.page(partnerSees,
				new EntitlementList.Criteria(search(s -> s.setPage(lastPage)), null));
		assertThat(last.countedAll()).isTrue();
		assertThat(last).isEqualTo(this.list.page(partnerSees, new EntitlementList.Criteria(search(s -> s.setPage(lastPage)), null)));
	}

	@Test
	void aPartnerOfThousandsCountsToItsOwnLimitAndTheSamePagesFollow() {
		// Listed accounts count up to the first limit; a user joined through the relations up to the second.
		EntitlementList joinedCounting100 = this.list.withLimits(EntitlementList.COUNT_LIMIT, 100, Duration.ZERO, 0);
		VisibleAccounts partnerSees = visible(this.partnerUser);
		EntitlementList.Criteria firstPage = new EntitlementList.Criteria(search(s -> { }), null);
		EntitlementList.Page exact = this.list.page(partnerSees, firstPage);
		assertThat(exact.countedAll()).isTrue();

		EntitlementList.Page joined = joinedCounting100.page(partnerSees, firstPage);
		assertThat(joined.countedAll()).isFalse();
		assertThat(joined.matching()).isEqualTo(100);
		assertThat(joined.rows()).isEqualTo(exact.rows());
		assertThat(this.list.withLimits(EntitlementList.COUNT_LIMIT, 100, Duration.ZERO, EntitlementList.LISTED_ACCOUNTS_LIMIT)
			.page(partnerSees, firstPage)).as("the partner's accounts are listed: the first limit").isEqualTo(exact);
	}

	@Test
	void aCountThatRunsOutOfTimeIsStoppedByTheDatabaseAndTheRestRunsUnlimited() {
		MapSqlParameterSource none = new MapSqlParameterSource();
		String light = "select count(*), 0, 0 from (select id from account) m";
		assertThat(this.list.countWithin(Duration.ofSeconds(5), light, none)).as("within its time")
			.isEqualTo(this.list.countWithin(Duration.ZERO, light, none));
		if ("H2".equals(this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()))) {
			return; // H2 has no statement time limit: the count above ran as it is.
		}
		// Billions of rows: MariaDB (max_statement_time) and MySQL (MAX_EXECUTION_TIME) stop it after 50 ms.
		String endless = "select count(*), 0, 0 from (select 1 from information_schema.columns a, information_schema.columns b,"
				+ " information_schema.columns c limit 1000000000000) m";
		long started = System.nanoTime();
		assertThat(this.list.countWithin(Duration.ofMillis(50), endless, none)).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aPageWhoseCountRanOutOfTimeShowsItsRowsAndLeadsOnWhileFull() {
		List<EntitlementRow> full = List.copyOf(this.expected.values()).subList(0, 25);
		EntitlementList.Page first = EntitlementList.Page.uncounted(full, 1, 25);
		assertThat(first.counted()).isFalse();
		assertThat(first.countedAll()).isFalse();
		assertThat(first.firstRow()).isEqualTo(1);
		assertThat(first.lastRow()).isEqualTo(25);
		assertThat(first.pages()).as("Next").isEqualTo(2);
		assertThat(first.availableChannels()).isZero();

		EntitlementList.Page third = EntitlementList.Page.uncounted(full.subList(0, 7), 3, 25);
		assertThat(third.firstRow()).isEqualTo(51);
		assertThat(third.lastRow()).isEqualTo(57);
		assertThat(third.pages()).as("no Next after a short page").isEqualTo(3);

		EntitlementList.Page beyond = EntitlementList.Page.uncounted(List.of(), 400, 25);
		assertThat(beyond.firstRow()).isZero();
		assertThat(beyond.pages()).isEqualTo(400);
	}

	@Test
	void aRenamedAccountIsListedFilteredAndSortedByItsNewName() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account hotel = fixtures.customer(LicenseFixtures.unique("Dune Hotel"));
		fixtures.order(hotel, new OrderLine(this.products.get(0), "7.12", 5, null),
				new OrderLine(this.products.get(1), "7.12", 7, this.today.plusDays(9)));
		String newName = LicenseFixtures.unique("Aaa Harbour Inn");
		this.context.getBean(BackOfficeAccounts.class)
			.rename("list-test", hotel.getAccountNumber(), newName);
		VisibleAccounts hotelOnly = new VisibleAccounts(Set.of(hotel.getId()), Set.of(), false);
		List<EntitlementRow> rows = new ArrayList<>();
		this.list.forEachMatching(hotelOnly,
				new EntitlementList.Criteria(search(s -> s.setSoldTo(newName.substring(4, 15).toUpperCase())), null),
				rows::add);

		assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.soldTo()).isEqualTo(newName));
		assertThat(this.list.page(hotelOnly, new EntitlementList.Criteria(search(s -> s.setSoldTo("Dune Hotel")), null))
			.matching()).isZero();
	}

	@Test
	void thePageKeepsFiltersSortAndPageInItsLinks() throws Exception {
		String url = "/entitlements?owner=" + this.customer.getAccountNumber() + "&sort=available&dir=desc&size=10&page=2";
		String html = this.mvc.perform(get(url).with(as(this.partnerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> expectedPage = this.expected.values()
			.stream()
			.filter(row -> owned(row, this.customer) && row.available() > 0)
			.sorted(Comparator.comparing(EntitlementRow::available).thenComparing(EntitlementRow::id).reversed())
			.skip(10)
			.limit(10)
			.map(EntitlementRow::activationId)
			.toList();
		assertThat(rowIds(html)).containsExactlyElementsOf(expectedPage);
		assertThat(html).contains("owner=" + this.customer.getAccountNumber() + "&amp;sort=available&amp;dir=desc&amp;page=3&amp;size=10")
			.contains("aria-sort=\"descending\"")
			.contains("name=\"page\" value=\"2\"");
	}

	@Test
	void theExpiringBeforeFilterSaysThatItAlsoListsExpiredLicenses() throws Exception {
		String html = this.mvc.perform(get("/entitlements").with(as(this.partnerUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("aria-describedby=\"f-expiringBefore-help\"")
			.contains("id=\"f-expiringBefore-help\">Also lists the expired ones; choose Expiration &quot;Expires (not yet expired)&quot; to leave them out.");
	}

	@Test
	void badSearchValuesGetAClearMessageAndNoRows() throws Exception {
		String html = this.mvc.perform(get("/entitlements?availableMin=lots&expiringBefore=soon&owner=A-NONE-NONE")
			.with(as(this.partnerUser)))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Available quantity must be a whole number of channels, 0 or more.")
			.contains("Expiring before must be a date such as 2027-01-31.")
			.contains("None of your accounts has the number A-NONE-NONE.");
		assertThat(rowIds(html)).isEmpty();
	}

	@Test
	void exportAllMatchingWritesEveryMatchingRowNotOnlyThePage() throws Exception {
		String product = this.products.get(1).getPartNumber();
		MockHttpServletResponse response = this.mvc
			.perform(get("/entitlements/export?product=" + product + "&sort=activationId&dir=asc&size=10")
				.with(as(this.customerUser)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().encoding(StandardCharsets.UTF_8))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"entitlements-" + this.today + ".csv\""))
			.andReturn()
			.getResponse();

		List<CSVRecord> records = parse(response.getContentAsByteArray());
		List<EntitlementRow> expectedRows = this.expected.values()
			.stream()
			.filter(row -> owned(row, this.customer) && row.available() > 0 && row.product().equals(product))
			.sorted(Comparator.comparing(EntitlementRow::activationId))
			.toList();
		assertThat(records).hasSize(expectedRows.size()).hasSizeGreaterThan(10);
		for (int i = 0; i < records.size(); i++) {
			EntitlementRow row = expectedRows.get(i);
			assertThat(records.get(i).values()).containsExactly(row.activationId(), row.entitlementId(), row.soldTo(),
					row.product(), row.version(), String.valueOf(row.available()), String.valueOf(row.total()),
					row.expiration());
		}
	}

	@Test
	void exportSelectedItemsWritesOnlyTheSelectedRowsThatTheUserCanSee() throws Exception {
		List<String> mine = List.copyOf(ids(row -> owned(row, this.customer))).subList(0, 2);
		String someoneElses = ids(row -> owned(row, this.foreign)).iterator().next();

		byte[] csv = this.mvc.perform(post("/entitlements/export").with(csrf()).with(as(this.customerUser))
			.param("selected", mine.get(0), mine.get(1), someoneElses)
			.param("sort", "activationId"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(parse(csv)).extracting(record -> record.get("Activation ID"))
			.containsExactlyElementsOf(mine.stream().sorted().toList());
	}

	@Test
	void exportSelectedWithNothingOrTooMuchSelectedShowsTheListAgainWithAMessage() throws Exception {
		String nothing = this.mvc.perform(post("/entitlements/export").with(csrf()).with(as(this.customerUser))
			.param("product", "LST")
			.param("page", "2"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(nothing).contains(EntitlementListController.NOTHING_SELECTED.toString()).contains("id=\"line-items\"");
		String[] tooMany = java.util.stream.IntStream.rangeClosed(0, EntitlementListController.MAX_SELECTED)
			.mapToObj(i -> "ID-" + i)
			.toArray(String[]::new);
		this.mvc.perform(post("/entitlements/export").with(csrf()).with(as(this.customerUser)).param("selected", tooMany))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("Select at most 1000 licenses, or use Export All Matching.")));
	}

	@Test
	void theExportIsStreamedToTheClientAsItIsRead() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		logIn(client, this.partnerUser);

		HttpResponse<InputStream> response = client.send(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/entitlements/export?showUsedUp=true"))
			.build(), HttpResponse.BodyHandlers.ofInputStream());

		assertThat(response.statusCode()).isEqualTo(200);
		// No Content-Length: the body went out in chunks while rows were still being read, not buffered whole.
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
		try (InputStream body = response.body()) {
			assertThat(parse(body.readAllBytes())).hasSize(PARTNER_ROWS + CUSTOMER_ROWS);
		}
	}

	private void logIn(HttpClient client, PortalUser user) throws Exception {
		String loginPage = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrfToken = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrfToken.find()).isTrue();
		String form = "email=" + URLEncoder.encode(user.getEmail(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(LicenseFixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrfToken.group(1);
		HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/entitlements"));
	}

	private void check(Consumer<EntitlementSearch> filter, Predicate<EntitlementRow> matches) {
		EntitlementSearch search = search(filter);
		List<String> expectedIds = this.expected.values()
			.stream()
			.filter(row -> (owned(row, this.partner) || owned(row, this.customer)) && row.available() > 0 && matches.test(row))
			.map(EntitlementRow::activationId)
			.toList();
		List<EntitlementRow> rows = all(this.partnerUser, filter);
		EntitlementList.Page page = this.list.page(visible(this.partnerUser), new EntitlementList.Criteria(search, null));

		assertThat(rows).extracting(EntitlementRow::activationId).containsExactlyInAnyOrderElementsOf(expectedIds);
		assertThat(page.matching()).isEqualTo(expectedIds.size());
		assertThat(rows).allSatisfy(row -> assertThat(row).isEqualTo(this.expected.get(row.activationId())));
	}

	private List<EntitlementRow> all(PortalUser user, Consumer<EntitlementSearch> filter) {
		List<EntitlementRow> rows = new ArrayList<>();
		this.list.forEachMatching(visible(user), new EntitlementList.Criteria(search(filter), null), rows::add);
		return rows;
	}

	private static EntitlementSearch search(Consumer<EntitlementSearch> filter) {
		EntitlementSearch search = new EntitlementSearch();
		filter.accept(search);
		return search;
	}

	private VisibleAccounts visible(PortalUser user) {
		return new LicenseFixtures(this.context).visibleTo(user);
	}

	private boolean owned(EntitlementRow row, Account account) {
		return this.ownerOf.get(row.activationId()).equals(account.getId());
	}

	private Set<String> ids(Predicate<EntitlementRow> which) {
		Set<String> ids = new HashSet<>();
		this.expected.values().stream().filter(which).forEach(row -> ids.add(row.activationId()));
		return ids;
	}

	private static Comparator<EntitlementRow> comparator(EntitlementColumn column) {
		return switch (column) {
			case ACTIVATION_ID -> Comparator.comparing(EntitlementRow::activationId);
			case ENTITLEMENT_ID -> Comparator.comparing(EntitlementRow::entitlementId);
			case SOLD_TO -> Comparator.comparing(EntitlementRow::soldTo);
			case PRODUCT -> Comparator.comparing(EntitlementRow::product);
			case VERSION -> Comparator.comparing(EntitlementRow::version);
			case AVAILABLE -> Comparator.comparing(EntitlementRow::available);
			case TOTAL -> Comparator.comparing(EntitlementRow::total);
			case EXPIRATION -> Comparator.comparing(EntitlementRow::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()));
		};
	}

	private static List<String> rowIds(String html) {
		List<String> ids = new ArrayList<>();
		Matcher row = Pattern.compile("<tr data-activation-id=\"([^\"]+)\"").matcher(html);
		while (row.find()) {
			ids.add(row.group(1));
		}
		return ids;
	}

	static List<CSVRecord> parse(byte[] csv) throws Exception {
		try (Reader reader = new InputStreamReader(BOMInputStream.builder()
			.setInputStream(new java.io.ByteArrayInputStream(csv))
			.get(), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			assertThat(parser.getHeaderNames()).containsExactly("Activation ID", "Entitlement ID", "Sold to", "Product",
					"Version", "Available quantity", "Total quantity", "Expiration");
			return parser.getRecords();
		}
	}

	private EntitlementRow row(LineItem item, int available) {
		return new EntitlementRow(item.getId(), item.getActivationId(), item.getEntitlement().getEntitlementId(),
				item.getSoldTo().getName(), item.getProduct().getPartNumber(), item.getProductVersion(), available,
				item.getTotalQuantity(), item.getExpiresOn(), item.getOwner().getAccountNumber(), item.getOwner().getName());
	}

	private static EntitlementRow withAvailable(EntitlementRow row, int available) {
		return new EntitlementRow(row.id(), row.activationId(), row.entitlementId(), row.soldTo(), row.product(),
				row.version(), available, row.total(), row.expiresOn(), row.ownerAccountNumber(), row.ownerName());
	}

}
