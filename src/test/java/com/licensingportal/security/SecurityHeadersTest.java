package com.licensingportal.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.licensingportal.account.Account;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.device.Activation;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.Routes;
import com.licensingportal.support.Routes.Route;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The security headers, on every answer of every route: the routes are read from the application's request
 * mappings (as the isolation matrix reads them), and each is asked over real HTTP, so that error answers come
 * from the real error pages: as a logged-in user on their own data, anonymously, for something that does not
 * exist (404), with a method it does not have (405), without the CSRF token (403), with a wrong content type
 * (415) or an Accept it cannot serve (406); and the error handler itself (500). Static files too.
 */
class SecurityHeadersTest extends PortalIntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(SecurityHeadersTest.class);

	/** Public files that are neither account data nor secret: they may be cached. */
	private static final List<String> CACHEABLE = List.of("/css/", "/js/", "/webjars/", "/schemas/", "/favicon.ico",
			"/.well-known/licensing-public-key", "/camunda/app/");

	private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "Referrer-Policy",
			"X-Frame-Options", "Content-Security-Policy", "Cache-Control");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

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

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CSP))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		assertThat(SecurityConfiguration.CSP).contains("script-src 'self';")
			.contains("style-src 'self';")
			.doesNotContain("unsafe");
	}

	@Test
	void onlySwaggerUiAndCapturedMailMayUseInlineStyles() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.RELAXED_CSP));
		assertThat(SecurityConfiguration.RELAXED_CSP).contains("style-src 'self' 'unsafe-inline'")
			.contains("script-src 'self';");
	}

	@Test
	void theApiAnswersLoadNothingAndStayOutOfCaches() throws Exception {
		this.mvc.perform(get("/api/v1/accounts"))
			.andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
	}

	/** Static files have a chain of their own (no session): the same headers all the same. */
	@Test
	void stylesAndScriptsCarryThePageHeaders() throws Exception {
		for (String file : new String[] { "/css/portal.css", "/js/select-rows.js", "/webjars/bootstrap/css/bootstrap.min.css" }) {
			this.mvc.perform(get(file))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CSP))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		}
	}

	@Test
	void everyAnswerOfEveryRouteCarriesTheSecurityHeaders() throws Exception {
		ClientAddresses.forgetLoopbackCounts(this.jdbc);
		World world = world();
		Visitor user = new Visitor();
		user.logIn(world.admin().getEmail());
		Visitor anonymous = new Visitor();
		Answers answers = new Answers();
		List<Route> routes = Routes.of(this.mappings)
			.stream()
			.sorted((a, b) -> Boolean.compare(a.mutating(), b.mutating()))
			.toList();

		for (Route route : routes) {
			String path = world.path(route);
			answers.check(route + " as a user", user.send(route.method(), path, world.token()));
			answers.check(route + " anonymously", anonymous.send(route.method(), path, null));
			if (!route.variables().isEmpty()) {
				answers.check(route + " for something that does not exist",
						user.send(route.method(), route.pathWith("0"), world.token()));
			}
			if (route.mutating() && !route.isApi()) {
				answers.check(route + " without the CSRF token", user.sendWithoutCsrf(route.method(), path));
			}
			if (route.mutating() && route.isApi()) {
				answers.check(route + " with a text body", user.sendBody(route.method(), path, world.token(), "text/plain", "hello"));
				answers.check(route + " with malformed JSON",
						user.sendBody(route.method(), path, world.token(), "application/json", "{\"amount\":"));
			}
			if (!route.mutating() && route.isApi()) {
				answers.check(route + " asking for XML", user.sendAccepting(path, world.token(), "application/xml"));
			}
		}
		for (String pattern : routes.stream().map(Route::pattern).distinct().toList()) {
			Route route = new Route(HttpMethod.PATCH, pattern);
			answers.check(route + " (no such method)", user.send(HttpMethod.PATCH, world.path(route), world.token()));
		}
		answers.check("GET /error (the error handler's page)", user.send(HttpMethod.GET, "/error", null));
		answers.check("GET /error as JSON", user.sendAccepting("/error", null, "application/json"));
		answers.check("GET /no/such/page", user.send(HttpMethod.GET, "/no/such/page", null));
		answers.check("GET /api/v1/no/such/thing", user.send(HttpMethod.GET, "/api/v1/no/such/thing", world.token()));
		for (String file : staticFiles()) {
			answers.check("GET " + file, anonymous.send(HttpMethod.GET, file, null));
		}
		answers.check("POST /login with a wrong password", anonymous.logInWrongly(world.admin().getEmail()));
		answers.check("POST /logout", user.send(HttpMethod.POST, "/logout", null));

		// The public forms above counted against the loopback address; later tests start afresh.
		ClientAddresses.forgetLoopbackCounts(this.jdbc);
		// Camunda's webapps and REST API, which Order Management and the Camunda administrator use.
		for (String camunda : List.of("/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/",
				"/camunda/app/admin/default/", "/camunda/api/admin/auth/user/default", "/engine-rest/task",
				"/engine-rest/incident")) {
			answers.check("GET " + camunda, anonymous.send(HttpMethod.GET, camunda, null));
		}
		log.info("Security headers: {} answers checked, by status {}; 5xx: {}", answers.count(), answers.byStatus(),
				answers.serverErrors());
		assertThat(answers.failures()).isEmpty();
		// A 500 comes only from asking the error handler itself: no route failed on these requests.
		assertThat(answers.serverErrors()).allSatisfy(what -> assertThat(what).contains("/error"));
		// The error answers are really among them, not only the happy ones.
		assertThat(answers.byStatus()).containsKeys(200, 302, 400, 401, 403, 404, 405, 406, 415, 500);
	}

	/** A partner administrator's own data, which the routes' path variables name. */
	record World(PortalUser admin, String token, Account account, PortalUser user, LineItem lineItem, Activation device,
			Long tokenId, String transferNumber) {

		String path(Route route) {
			String path = route.pattern();
			Map<String, String> values = Map.of("activationId", this.lineItem.getActivationId(), "deviceId",
					this.device.device().getDeviceId(), "userId", String.valueOf(this.user.getId()), "accountId",
					String.valueOf(this.account.getId()), "transferNumber", this.transferNumber, "token", "not-a-real-link",
					// The order system's routes: a portal user's token gets 404, with the same headers.
					"orderNumber", "SO-1001", "lineNumber", "1");
			for (String variable : route.variables()) {
				String value = switch (route.pattern()) {
					case "/api/v1/transfers/{id}", "/api/v1/transfers/{id}/cancel" -> this.transferNumber;
					case "/profile/tokens/{id}/revoke" -> String.valueOf(this.tokenId);
					default -> variable.equals("id") ? "1" : values.getOrDefault(variable, backOffice(variable));
				};
				assertThat(value).as("the headers test does not know {%s} of %s", variable, route).isNotNull();
				path = path.replace("{" + variable + "}", value);
			}
			return path;
		}

		/** The back office's variables (Order Management's routes: a portal user gets 404, with the same headers). */
		private String backOffice(String variable) {
			if (variable.endsWith("ccountNumber")) {
				return this.account.getAccountNumber();
			}
			return switch (variable) {
				case "partNumber" -> "ACC7-ENT-CH";
				case "importId" -> "1";
				default -> null;
			};
		}

	}

	private World world() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account customer = fixtures.customer(LicenseFixtures.unique("Headers Customer"));
		Account partner = fixtures.partnerOf(LicenseFixtures.unique("Headers Partner"), customer);
		PortalUser admin = fixtures.user("headers-admin", partner, UserType.PARTNER_ADMINISTRATOR);
		PortalUser user = fixtures.user("headers-user", partner, UserType.PARTNER_USER);
		LineItem lineItem = fixtures.lineItem(partner, fixtures.product("HDR"), 10, null);
		Activation device = fixtures.activateOnNewDevice(lineItem, 2, LicenseFixtures.unique("HDR-NVR"));
		Long tokenId = this.tokens.issue(admin.getId(), "revoked by the test", null).token().getId();
		String transfer = this.transfers
			.request(admin.getId(), new TransferRequest(lineItem.getActivationId(), 1, customer.getAccountNumber(), null, null, null))
			.transfer()
			.getTransferNumber();
		return new World(admin, fixtures.apiToken(admin), partner, user, lineItem, device, tokenId, transfer);
	}

	/** The files under static/, as their URLs. */
	private static List<String> staticFiles() throws IOException {
		Path root = Path.of("src/main/resources/static");
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.map(file -> "/" + root.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	/** The answers checked so far, what was wrong with them, and how many of each status. */
	private static final class Answers {

		private final List<String> failures = new ArrayList<>();

		private final Map<Integer, Integer> byStatus = new TreeMap<>();

		private final List<String> serverErrors = new ArrayList<>();

		void check(String what, HttpResponse<String> answer) {
			this.byStatus.merge(answer.statusCode(), 1, Integer::sum);
			if (answer.statusCode() >= 500) {
				this.serverErrors.add(what);
			}
			String where = what + " → " + answer.statusCode() + ": ";
			String path = answer.uri().getPath();
			for (String name : SECURITY_HEADERS) {
				if (answer.headers().allValues(name).size() > 1) {
					this.failures.add(where + name + " sent twice: " + answer.headers().allValues(name));
				}
			}
			if (!"nosniff".equals(header(answer, "X-Content-Type-Options"))) {
				this.failures.add(where + "no X-Content-Type-Options: nosniff");
			}
			String referrer = header(answer, "Referrer-Policy");
			// The pages of emailed links keep their token in the path: they send no referrer at all.
			boolean linkPage = path.startsWith("/invitations/") || path.startsWith("/password-reset/");
			if (!"same-origin".equals(referrer) && !(linkPage && "no-referrer".equals(referrer))) {
				this.failures.add(where + "Referrer-Policy is " + referrer);
			}
			String csp = header(answer, "Content-Security-Policy");
			String frameOptions = header(answer, "X-Frame-Options");
			if (!Set.of("DENY", "SAMEORIGIN").contains(String.valueOf(frameOptions))
					&& (csp == null || !csp.contains("frame-ancestors"))) {
				this.failures.add(where + "may be framed (no X-Frame-Options, no frame-ancestors)");
			}
			if (String.valueOf(header(answer, "Content-Type")).startsWith("text/html")
					&& (csp == null || !csp.contains("default-src 'self'"))) {
				this.failures.add(where + "HTML without a Content-Security-Policy");
			}
			boolean cacheable = CACHEABLE.stream().anyMatch(path::startsWith) && answer.statusCode() < 400;
			if (!cacheable && !String.valueOf(header(answer, "Cache-Control")).contains("no-store")) {
				this.failures.add(where + "Cache-Control is " + header(answer, "Cache-Control"));
			}
		}

		List<String> failures() {
			return this.failures;
		}

		List<String> serverErrors() {
			return this.serverErrors;
		}

		Map<Integer, Integer> byStatus() {
			return this.byStatus;
		}

		int count() {
			return this.byStatus.values().stream().mapToInt(Integer::intValue).sum();
		}

		private static String header(HttpResponse<String> answer, String name) {
			return answer.headers().firstValue(name).orElse(null);
		}

	}

	/** A browser (or, for the API, a script) over real HTTP: its cookies, and the CSRF token of its last page. */
	private final class Visitor {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private String csrf;

		void logIn(String email) throws Exception {
			this.csrf = csrfOf(send(HttpMethod.GET, "/login", null));
			HttpResponse<String> login = form("/login", "email=" + encode(email) + "&password=" + encode(LicenseFixtures.PASSWORD)
					+ "&_csrf=" + encode(this.csrf));
			assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/entitlements"));
			// The token changes at login; a page of the session has the new one.
			this.csrf = csrfOf(send(HttpMethod.GET, "/entitlements", null));
		}

		HttpResponse<String> logInWrongly(String email) throws Exception {
			this.csrf = csrfOf(send(HttpMethod.GET, "/login", null));
			return form("/login", "email=" + encode(email) + "&password=wrong&_csrf=" + encode(this.csrf));
		}

		/** The route's usual request: a page's form with its CSRF token, an API call with its token and a JSON body. */
		HttpResponse<String> send(HttpMethod method, String path, String apiToken) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
			boolean api = path.startsWith("/api/");
			if (api && apiToken != null) {
				request.header("Authorization", "Bearer " + apiToken);
			}
			if (method == HttpMethod.GET || method == HttpMethod.DELETE && api) {
				request.method(method.name(), HttpRequest.BodyPublishers.noBody());
			}
			else if (api) {
				request.header("Content-Type", "application/json").method(method.name(), HttpRequest.BodyPublishers.ofString("{}"));
			}
			else {
				request.header("Content-Type", "application/x-www-form-urlencoded");
				if (this.csrf != null) {
					request.header("X-CSRF-TOKEN", this.csrf);
				}
				request.method(method.name(), HttpRequest.BodyPublishers.ofString(this.csrf == null ? "" : "_csrf=" + encode(this.csrf)));
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> sendWithoutCsrf(HttpMethod method, String path) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method.name(), HttpRequest.BodyPublishers.ofString("note=no+token"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> sendBody(HttpMethod method, String path, String apiToken, String contentType, String body)
				throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Authorization", "Bearer " + apiToken)
				.header("Content-Type", contentType)
				.method(method.name(), HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> sendAccepting(String path, String apiToken, String accept) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", accept);
			if (apiToken != null) {
				request.header("Authorization", "Bearer " + apiToken);
			}
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		private HttpResponse<String> form(String path, String body) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String csrfOf(HttpResponse<String> page) {
			Matcher matcher = CSRF.matcher(page.body());
			assertThat(matcher.find()).as("a CSRF token on %s", page.uri()).isTrue();
			return matcher.group(1);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/** A browser keeps styles and scripts and asks whether they changed: an unchanged file is not sent again. */
	@Test
	void stylesAndScriptsAreRevalidatedNotDownloadedOnEveryPage() throws Exception {
		for (String file : new String[] { "/css/portal.css", "/js/select-rows.js", "/webjars/bootstrap/css/bootstrap.min.css" }) {
			String lastModified = this.mvc.perform(get(file))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-cache"))
				.andReturn()
				.getResponse()
				.getHeader("Last-Modified");
			assertThat(lastModified).as("Last-Modified of %s", file).isNotBlank();
			this.mvc.perform(get(file).header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());
		}
	}

}
