package com.licensingportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * X-Forwarded-For is honoured only through the proxies README names (10/8, 172.16/12, 192.168/16, loopback):
 * a client at 198.51.100.7 behind a second proxy is seen as itself when that proxy is trusted, and as the proxy
 * when it is not. Seen through the address a failed login is counted under.
 */
class TrustedProxiesTest extends PortalIntegrationTest {

	private static final String CLIENT = "198.51.100.7";

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource({ "10.1.2.3, trusted", "172.16.0.9, trusted", "172.31.255.1, trusted", "192.168.7.1, trusted",
			"127.0.0.2, trusted", "172.32.0.1, not trusted", "169.254.1.1, not trusted", "100.64.0.1, not trusted",
			"fd00::1, not trusted", "fc00::1, not trusted", "fe80::1, not trusted", "203.0.113.5, not trusted" })
	void forwardedForIsHonouredOnlyFromTheDocumentedRanges(String proxy, String trust) throws Exception {
		String email = "proxy-" + UUID.randomUUID() + "@proxies.example";
		HttpResponse<Void> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", CLIENT + ", " + proxy)
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"wrong-password-1\"}"))
				.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select client_address from login_failure where email = ?", String.class, email))
			.isEqualTo(trust.equals("trusted") ? CLIENT : proxy);
	}

}
