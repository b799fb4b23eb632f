package com.licensingportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.junit.jupiter.api.Test;

/** PORTAL_CAMUNDA_ALLOWED_NETWORKS: Camunda's addresses only for the configured networks, 404 for everyone else. */
class CamundaNetworksTest {

	private final CamundaNetworks networks = new CamundaNetworks(" 10.20.0.0/16, 192.168.1.7 ,2001:db8::/32");

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "/engine-rest, /task, 10.20.3.4, 200", "/engine-rest, /task, 10.21.0.1, 404",
			"/engine-rest, /task, 192.168.1.7, 200", "/engine-rest, /task, 192.168.1.8, 404",
			"/camunda, /app/cockpit/default/, 2001:db8::5, 200", "/camunda, /app/cockpit/default/, 2001:db9::5, 404",
			"/camunda, , 198.51.100.7, 404", "/camunda/api/admin/auth/user/default/login/cockpit, , 198.51.100.7, 404",
			"/entitlements, , 198.51.100.7, 200", "/camundafoo, , 198.51.100.7, 200", "/login, , 198.51.100.7, 200" })
	void onlyConfiguredNetworksReachCamunda(String servletPath, String pathInfo, String client, int expected) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", servletPath + (pathInfo == null ? "" : pathInfo));
		request.setServletPath(servletPath);
		request.setPathInfo(pathInfo);
		request.setRemoteAddr(client);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.networks.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(expected);
		assertThat(chain.getRequest() != null).isEqualTo(expected == 200);
	}

	@Test
	void unsetMeansEveryone() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
		request.setServletPath("/engine-rest");
		request.setPathInfo("/task");
		request.setRemoteAddr("198.51.100.7");
		MockFilterChain chain = new MockFilterChain();

		new CamundaNetworks("").doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void aNetworkThatIsNoneIsRefusedAtStartWithASentence() {
		assertThatThrownBy(() -> new CamundaNetworks("10.0.0.0/8,intranet"))
			.hasMessage("PORTAL_CAMUNDA_ALLOWED_NETWORKS: \"intranet\" is not a network; write addresses or CIDRs "
					+ "separated by commas, e.g. 10.0.0.0/8,192.168.1.7");
	}

}
