package com.licensingportal.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.account.Account;
import com.licensingportal.api.PersonalAccessTokenService;
import com.licensingportal.device.Activation;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route of the application, read from its own request mappings (so that a new route is covered
 * without anyone remembering), × the four user types × their own, a related and a foreign account. What a
 * user may not see answers 404 and never shows up in a page or an API answer. A route whose path variable
 * this test does not know fails it: teach {@link #VARIABLES} what the variable names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest extends PortalIntegrationTest {

	/** Routes anyone may use without logging in, or that show no account data; checked elsewhere. */
	private static final List<String> NOT_ACCOUNT_DATA = List.of("/", "/login", "/error", "/dev/**", "/invitations/**",
			"/.well-known/**", "/schemas/**", "/v3/api-docs**", "/swagger-ui**", "/api/v1/auth/token",
			"/api/v1/registrations", "/register**", "/forgot-password**", "/password-reset/**");

	/** What each path variable stands for, given the world (account) it must come from. */
	private static final Map<String, Function<Data, String>> VARIABLES = Map.of(
			"activationId", data -> data.lineItem.getActivationId(),
			"deviceId", data -> data.device.device().getDeviceId(),
			"userId", data -> String.valueOf(data.user.getId()),
			"accountId", data -> String.valueOf(data.account.getId()),
			"transferNumber", data -> data.transferNumber,
			"/api/v1/transfers/{id}", data -> data.transferNumber,
			"/profile/tokens/{id}", data -> String.valueOf(data.tokenId),
			"/devices/{deviceId}/license-files/{id}", data -> "1");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ApplicationContext context;

	@Autowired
	PersonalAccessTokenService tokens;

	@Autowired
	TransferService transfers;

	private LicenseFixtures fixtures;

	/** The data of one account: a line item, a device holding one of its channels, a user, a token of that user. */
	record Data(Account account, LineItem lineItem, Activation device, PortalUser user, Long tokenId,
			String transferNumber) {

		List<String> markers() {
			return List.of(this.account.getName(), this.lineItem.getActivationId(), this.device.device().getDeviceId(),
					this.user.getEmail(), this.transferNumber);
		}

	}

	/** A viewer, with the accounts that are its own, related to it, and foreign to it. */
	record Viewer(String label, PortalUser user, String token, Data own, Data related, boolean seesRelated, Data foreign) {
	}

	private final List<Viewer> viewers = new ArrayList<>();

	@BeforeAll
	void buildTheWorld() {
		this.fixtures = new LicenseFixtures(this.context);
		Product product = this.fixtures.product("ISO");
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Iso Customer"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Iso Partner"), customer);
		Account foreignCustomer = this.fixtures.customer(LicenseFixtures.unique("Iso Foreign Customer"));
		Account foreignPartner = this.fixtures.partnerOf(LicenseFixtures.unique("Iso Foreign Partner"), foreignCustomer);
		// Every account transfers a channel to one outside account, whose name a requester may of course see.
		Account outside = this.fixtures.customer(LicenseFixtures.unique("Iso Transfer Target"));
		Data partnerData = data(partner, product, UserType.PARTNER_USER, outside);
		Data customerData = data(customer, product, UserType.CUSTOMER_USER, outside);
		Data foreignPartnerData = data(foreignPartner, product, UserType.PARTNER_USER, outside);
		Data foreignCustomerData = data(foreignCustomer, product, UserType.CUSTOMER_USER, outside);

		viewer("Partner Administrator", partner, UserType.PARTNER_ADMINISTRATOR, partnerData, customerData, true, foreignCustomerData);
		viewer("Partner User", partner, UserType.PARTNER_USER, partnerData, customerData, true, foreignPartnerData);
		viewer("Customer Administrator", customer, UserType.CUSTOMER_ADMINISTRATOR, customerData, partnerData, false,
				foreignCustomerData);
		viewer("Customer User", customer, UserType.CUSTOMER_USER, customerData, partnerData, false, foreignPartnerData);
	}

	@Test
	void everyRouteAnswers404ForAnotherAccountsData() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			if (route.variables().isEmpty()) {
				continue;
			}
			for (Viewer viewer : this.viewers) {
				List<Data> hidden = viewer.seesRelated() ? List.of(viewer.foreign()) : List.of(viewer.foreign(), viewer.related());
				for (Data data : hidden) {
					MvcResult result = perform(route, viewer, data);
					checked++;
					if (result.getResponse().getStatus() != 404) {
						failures.add(route + " as " + viewer.label() + " on " + data.account().getName() + " answered "
								+ result.getResponse().getStatus());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(checked).as("requests made").isGreaterThan(40);
	}

	@Test
	void listsAndExportsNeverShowAnotherAccountsData() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			if (!route.variables().isEmpty() || route.method() != HttpMethod.GET) {
				continue;
			}
			for (Viewer viewer : this.viewers) {
				String body = perform(route, viewer, viewer.own()).getResponse().getContentAsString();
				checked++;
				List<Data> hidden = viewer.seesRelated() ? List.of(viewer.foreign()) : List.of(viewer.foreign(), viewer.related());
				for (Data data : hidden) {
					for (String marker : data.markers()) {
						if (body.contains(marker)) {
							failures.add(route + " as " + viewer.label() + " shows " + marker);
						}
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(checked).as("pages read").isGreaterThan(20);
	}

	@Test
	void theMatrixSeesWhatItShouldSee() throws Exception {
		// The 404s above mean something only if the same routes answer for the viewer's own data.
		for (Viewer viewer : this.viewers) {
			assertThat(status(HttpMethod.GET, "/entitlements/" + viewer.own().lineItem().getActivationId(), viewer))
				.as("own line item for %s", viewer.label())
				.isEqualTo(200);
			assertThat(status(HttpMethod.GET, "/devices/" + viewer.own().device().device().getDeviceId(), viewer)).isEqualTo(200);
			String list = perform(new Route(HttpMethod.GET, "/entitlements", List.of()), viewer, viewer.own()).getResponse()
				.getContentAsString();
			assertThat(list).contains(viewer.own().lineItem().getActivationId());
			if (viewer.seesRelated()) {
				assertThat(list).contains(viewer.related().lineItem().getActivationId());
				assertThat(status(HttpMethod.GET, "/entitlements/" + viewer.related().lineItem().getActivationId(), viewer))
					.isEqualTo(200);
			}
		}
	}

	@Test
	void everyPathVariableIsKnown() {
		for (Route route : routes()) {
			for (String variable : route.variables()) {
				assertThat(resolver(route, variable))
					.as("the isolation matrix does not know {%s} of %s: add it to VARIABLES", variable, route)
					.isNotNull();
			}
		}
	}

	private int status(HttpMethod method, String path, Viewer viewer) throws Exception {
		return perform(new Route(method, path, List.of()), viewer, viewer.own()).getResponse().getStatus();
	}

	private MvcResult perform(Route route, Viewer viewer, Data data) throws Exception {
		String path = route.pattern();
		for (String variable : route.variables()) {
			Function<Data, String> resolver = resolver(route, variable);
			assertThat(resolver).as("unknown path variable {%s} of %s", variable, route).isNotNull();
			path = path.replace("{" + variable + "}", resolver.apply(data));
		}
		MockHttpServletRequestBuilder request = request(route.method(), path);
		if (path.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + viewer.token());
		}
		else {
			request.with(LicenseFixtures.as(viewer.user())).with(csrf());
		}
		return this.mvc.perform(request).andReturn();
	}

	private static Function<Data, String> resolver(Route route, String variable) {
		for (Map.Entry<String, Function<Data, String>> entry : VARIABLES.entrySet()) {
			if (entry.getKey().startsWith("/") && route.pattern().startsWith(entry.getKey())
					&& entry.getKey().endsWith("{" + variable + "}")) {
				return entry.getValue();
			}
		}
		return VARIABLES.get(variable);
	}

	/** One method and path pattern of a request mapping. */
	record Route(HttpMethod method, String pattern, List<String> variables) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	private List<Route> routes() {
		Set<String> seen = new TreeSet<>();
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (isNotAccountData(pattern)) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (seen.add(method + " " + pattern)) {
						routes.add(new Route(method.asHttpMethod(), pattern, variables(pattern)));
					}
				}
			}
		}
		assertThat(routes).as("routes found").hasSizeGreaterThan(15);
		return routes;
	}

	private static boolean isNotAccountData(String pattern) {
		for (String open : NOT_ACCOUNT_DATA) {
			boolean prefix = open.endsWith("**");
			String stem = prefix ? open.substring(0, open.length() - 2) : open;
			if (prefix ? pattern.startsWith(stem) : pattern.equals(stem)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> variables(String pattern) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\{([^}:]+)").matcher(pattern);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	private Data data(Account account, Product product, UserType userType, Account transferTarget) {
		LineItem lineItem = this.fixtures.lineItem(account, product, 10, null);
		Activation device = this.fixtures.activateOnNewDevice(lineItem, 1, LicenseFixtures.unique("ISO-NVR"));
		PortalUser user = this.fixtures.user("Iso", account, userType);
		Long tokenId = this.tokens.issue(user.getId(), "iso", null).token().getId();
		String transferNumber = this.transfers.request(user.getId(),
				new TransferRequest(lineItem.getActivationId(), 1, transferTarget.getAccountNumber(), null, null, null))
			.transfer()
			.getTransferNumber();
		return new Data(account, lineItem, device, user, tokenId, transferNumber);
	}

	private void viewer(String label, Account account, UserType type, Data own, Data related, boolean seesRelated,
			Data foreign) {
		PortalUser user = this.fixtures.user(label.replace(' ', '-'), account, type);
		String token = this.tokens.issue(user.getId(), "matrix", null).secret();
		this.viewers.add(new Viewer(label, user, token, own, related, seesRelated, foreign));
	}


}
