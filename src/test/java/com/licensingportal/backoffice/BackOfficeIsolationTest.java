package com.licensingportal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.Routes;
import com.licensingportal.support.Routes.Route;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every back-office route (pages under /back-office, the API under /api/v1/back-office), read from the request
 * mappings so that a new one is covered without anyone remembering: portal users of each type (signed in, and with
 * their personal access tokens) and anonymous requests get 404 and change nothing; Order Management gets the pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackOfficeIsolationTest extends PortalIntegrationTest {

	/** Open to anyone: the sign-in page, and its answer after a failed sign-in. */
	private static final List<String> SIGN_IN = List.of("GET /back-office/login", "POST /back-office/login/failed");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ApplicationContext context;

	@Autowired
	IdentityService identity;

	/** Portal users of each type, signed in to the portal. */
	private final Map<String, RequestPostProcessor> signedIn = new LinkedHashMap<>();

	/** The same users' personal access tokens. */
	private final Map<String, String> tokens = new LinkedHashMap<>();

	private final Map<String, String> variables = new LinkedHashMap<>();

	private String staff;

	private Account customer;

	@BeforeAll
	void buildTheWorld() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.customer = fixtures.customer(LicenseFixtures.unique("BoIso Customer"));
		Account partner = fixtures.partnerOf(LicenseFixtures.unique("BoIso Partner"), this.customer);
		String partNumber = fixtures.product("BOISO").getPartNumber();
		this.variables.put("accountNumber", this.customer.getAccountNumber());
		this.variables.put("customerAccountNumber", this.customer.getAccountNumber());
		this.variables.put("otherAccountNumber", partner.getAccountNumber());
		this.variables.put("partnerAccountNumber", partner.getAccountNumber());
		this.variables.put("partNumber", partNumber);
		// An entered order of this test; an import id is left to the default, whose page Order Management sees in SalesOrderPagesTest.
		Account numbered = fixtures.numbered(LicenseFixtures.unique("BoIso Ordering"), com.licensingportal.account.AccountType.CUSTOMER);
		this.variables.put("orderNumber", fixtures.enteredSalesOrder(numbered,
				new com.licensingportal.salesorder.SalesOrderRequest.Line(1, "ACC7-ENT-CH", "7.14", 2, null)).orderNumber());
		this.variables.put("lineNumber", "1");
		this.staff = BackOfficeStaff.user(this.identity, true);
		for (UserType type : UserType.values()) {
			Account own = type.name().startsWith("PARTNER") ? partner : this.customer;
			var user = fixtures.user("BoIso", own, type);
			this.signedIn.put(type + " signed in", LicenseFixtures.as(user));
			this.tokens.put(type + " with a token", fixtures.apiToken(user));
		}
	}

	@Test
	void portalUsersTokensAndAnonymousRequestsFindNothingInTheBackOffice() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		List<Route> routes = backOfficeRoutes();
		assertThat(routes).as("back-office routes").hasSizeGreaterThan(15);
		String stateBefore = accountState();
		for (Route route : routes) {
			List<String> viewers = new ArrayList<>(this.signedIn.keySet());
			viewers.addAll(this.tokens.keySet());
			for (String viewer : viewers) {
				MockHttpServletRequestBuilder request = request(route);
				if (this.signedIn.containsKey(viewer)) {
					request.with(this.signedIn.get(viewer));
				}
				else {
					request.header("Authorization", "Bearer " + this.tokens.get(viewer));
				}
				int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
				checked++;
				// A portal session means nothing to the API: it asks for its HTTP Basic login, as it does anonymously.
				int expected = route.isApi() && this.signedIn.containsKey(viewer) ? 401 : 404;
				if (status != expected) {
					failures.add(route + " as " + viewer + " answered " + status);
				}
			}
			int anonymous = this.mvc.perform(request(route)).andReturn().getResponse().getStatus();
			checked++;
			// The API asks for its HTTP Basic login, as the sales-order intake does; the pages do not exist.
			if (anonymous != (route.isApi() ? 401 : 404)) {
				failures.add(route + " anonymously answered " + anonymous);
			}
		}
		assertThat(failures).isEmpty();
		assertThat(accountState()).as("nothing changed").isEqualTo(stateBefore);
		assertThat(checked).isGreaterThan(100);
	}

	@Test
	void orderManagementGetsEveryPageAndEveryApiRead() throws Exception {
		List<String> failures = new ArrayList<>();
		for (Route route : backOfficeRoutes()) {
			if (route.method() != HttpMethod.GET || !knowsEveryVariable(route)) {
				continue;
			}
			MockHttpServletRequestBuilder request = request(route);
			if (route.isApi()) {
				request.header("Authorization", BackOfficeStaff.basic(this.staff));
			}
			else {
				request.with(staffSignedIn());
			}
			int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
			if (status != 200) {
				failures.add(route + " answered Order Management " + status);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyBackOfficeChangeIsForOrderManagementOnly() {
		// IsolationMatrixTest classifies these routes as Order Management's by their path; this test is what checks them.
		assertThat(backOfficeRoutes()).filteredOn(Route::mutating).isNotEmpty();
	}

	private List<Route> backOfficeRoutes() {
		return Routes.of(this.mappings)
			.stream()
			.filter(route -> route.pattern().startsWith("/back-office") || route.pattern().startsWith("/api/v1/back-office"))
			.filter(route -> !SIGN_IN.contains(route.toString()))
			.toList();
	}

	private boolean knowsEveryVariable(Route route) {
		return route.variables().stream().allMatch(this.variables::containsKey);
	}

	private MockHttpServletRequestBuilder request(Route route) {
		String path = route.pattern();
		for (String variable : route.variables()) {
			path = path.replace("{" + variable + "}", this.variables.getOrDefault(variable, "1"));
		}
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), path);
		if (route.mutating()) {
			request.with(csrf());
			if (route.isApi()) {
				request.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Changed\",\"state\":\"DISABLED\"}");
			}
			else {
				request.param("name", "Changed").param("other", this.variables.get("otherAccountNumber"));
			}
		}
		return request;
	}

	private RequestPostProcessor staffSignedIn() {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(this.staff, null,
				List.of(new SimpleGrantedAuthority("ROLE_ORDER_MANAGEMENT"))));
	}

	private String accountState() {
		return this.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForList("select name, status, customer_number from account where id = ?", this.customer.getId())
			.toString() + this.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("select count(*) from back_office_audit", Long.class);
	}

}
