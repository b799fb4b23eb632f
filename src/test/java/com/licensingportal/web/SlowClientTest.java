package com.licensingportal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 210 clients on this machine's loopback send a login form a byte at a time (the attack that filled Tomcat's 200
 * threads and stopped /login answering): pages keep answering, the clients beyond the body slots are refused at once
 * (503), and once they are gone logins work as before. Bounded: 210 connections, about 10 seconds.
 */
class SlowClientTest extends PortalIntegrationTest {

	private static final int SLOW_CLIENTS = 210;

	@Test
	void clientsTricklingTheirBodiesDoNotStopThePortalAnswering() throws Exception {
		List<Socket> clients = new ArrayList<>();
		try {
			for (int i = 0; i < SLOW_CLIENTS; i++) {
				Socket socket = new Socket("127.0.0.1", this.port);
				socket.setSoTimeout(50);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: 1000\r\n\r\ne").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				clients.add(socket);
			}
			Thread.sleep(2000);
			// A byte every two seconds: never idle long enough for a connection timeout.
			for (Socket client : clients) {
				client.getOutputStream().write('m');
				client.getOutputStream().flush();
			}

			long start = System.nanoTime();
			HttpBrowser.Page login = new HttpBrowser(baseUrl()).get("/login");
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(login.status()).isEqualTo(200);
			assertThat(millis).as("GET /login while %d clients trickle their bodies", SLOW_CLIENTS).isLessThan(5000);
			assertThat(new HttpBrowser(baseUrl()).get("/actuator/health/liveness").status()).isEqualTo(200);

			int refused = 0;
			for (Socket client : clients) {
				String answer = readSome(client.getInputStream());
				if (answer.startsWith("HTTP/1.1 503")) {
					assertThat(answer).contains("Retry-After: 5", "The portal is busy. Try again in a few seconds.");
					refused++;
				}
			}
			assertThat(refused).as("refused beyond the 100 body slots").isEqualTo(SLOW_CLIENTS - 100);
			LoggerFactory.getLogger(SlowClientTest.class)
				.info("{} clients trickling their bodies: GET /login answered in {} ms, {} refused at once (503)",
						SLOW_CLIENTS, millis, refused);
		}
		finally {
			for (Socket client : clients) {
				client.close();
			}
		}
		// The slots are free again: a login form is served as before (the login page again: no such user).
		HttpBrowser browser = new HttpBrowser(baseUrl());
		browser.get("/login");
		assertThat(browser.post("/login", java.util.Map.of("email", "nobody@slow.example", "password", "wrong")).status())
			.isEqualTo(401);
	}

	private static String readSome(InputStream in) throws IOException {
		byte[] buffer = new byte[4096];
		StringBuilder text = new StringBuilder();
		try {
			int read;
			while ((read = in.read(buffer)) > 0) {
				text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
		}
		catch (SocketTimeoutException stillWaiting) {
			// A client still being served (its body is not complete): nothing to read.
		}
		return text.toString();
	}

}
