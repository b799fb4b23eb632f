package com.licensingportal.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path tricks on Camunda's addresses, anonymous, exactly as a script sends them: a 4xx with the portal's error
 * page, never a 500 or a stack trace.
 */
class MalformedPathTest extends PortalIntegrationTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/css/..;/engine-rest/task", "//engine-rest/task", "/engine-rest;a=b/task",
			"/css/..;/camunda/app/cockpit/default/", "//camunda/api/engine/engine/default/task",
			"/camunda;a=b/app/cockpit/default/", "/js/..;/engine-rest/engine", "/engine-rest/;/task",
			"/engine-rest//task", "/camunda/api;x/admin/auth/user/default" })
	void aMalformedPathToCamundaAnswersTheErrorPage(String target) throws Exception {
		Page page = raw(target);

		assertThat(page.status()).as(target + " answered:\n" + page.body()).isBetween(400, 499);
		assertThat(page.body()).doesNotContain("Exception", "\tat ", "at org.");
		assertThat(page.body()).contains("The portal could not read this request");
	}

	private Page raw(String target) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + HttpBrowser.ACCEPT_HTML
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return HostileInputCatalogueTest.RawAnswer.read(socket.getInputStream());
		}
	}

}
