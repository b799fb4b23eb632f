package com.licensingportal.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the portal answers while its database cannot be reached, with the exceptions that the real drivers,
 * Hikari and Spring throw when it happens: nothing listening on the port, the pool's wait for a connection
 * timing out, and a connection that drops in the middle of a query (the database server stops).
 */
class DatabaseOutageTest {

	private final DatabaseOutage outage = new DatabaseOutage();

	@Test
	void aDatabaseThatRefusesConnectionsIsAnOutage() throws Exception {
		String url = "jdbc:mysql://127.0.0.1:" + closedPort() + "/portal?connectTimeout=2000";

		Throwable refused = catchThrowable(() -> DriverManager.getConnection(url, "portal", "portal").close());
		Throwable poolTimedOut;
		Throwable noJdbcConnection;
		Throwable noTransaction;
		try (HikariDataSource pool = pool(url, 1)) {
			poolTimedOut = catchThrowable(() -> pool.getConnection().close());
			noJdbcConnection = catchThrowable(() -> new JdbcTemplate(pool).queryForObject("select 1", Integer.class));
			noTransaction = catchThrowable(
					() -> new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(tx -> {
					}));
		}

		assertThat(refused).isInstanceOf(SQLException.class).hasMessageContaining("Communications link failure");
		assertThat(poolTimedOut).isInstanceOf(java.sql.SQLTransientConnectionException.class)
			.hasMessageContaining("Connection is not available, request timed out");
		assertThat(noJdbcConnection).isInstanceOf(DataAccessException.class);
		assertThat(noTransaction).isInstanceOf(org.springframework.transaction.CannotCreateTransactionException.class);
		for (Throwable failure : new Throwable[] { refused, poolTimedOut, noJdbcConnection, noTransaction,
				new ServletException("Request processing failed", noTransaction) }) {
			assertThat(DatabaseOutage.isCause(failure)).as("%s", failure).isTrue();
		}
	}

	@Test
	void aPoolWhoseConnectionsAreAllTakenIsAnOutageForTheNextRequest() throws Exception {
		try (HikariDataSource pool = pool("jdbc:h2:mem:outage-" + UUID.randomUUID(), 1);
				Connection taken = pool.getConnection()) {
			Throwable waited = catchThrowable(() -> new JdbcTemplate(pool).queryForObject("select 1", Integer.class));

			assertThat(DatabaseOutage.isCause(waited)).as("%s", waited).isTrue();
			assertThat(taken.isValid(1)).isTrue();
		}
	}

	@Test
	void aConnectionThatDropsInTheMiddleOfAQueryIsAnOutage() throws Exception {
		int port = closedPort();
		Server database = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
		Throwable dropped;
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:tcp://127.0.0.1:" + port + "/mem:outage-" + UUID.randomUUID(), "sa", "")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create alias if not exists SLEEP for 'java.lang.Thread.sleep(long)'");
			}
			CompletableFuture<Void> query = CompletableFuture.runAsync(() -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute("call SLEEP(5000)");
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			Thread.sleep(500);
			database.stop();
			dropped = catchThrowable(() -> query.get(30, TimeUnit.SECONDS));
		}
		finally {
			database.stop();
		}

		assertThat(dropped).hasRootCauseInstanceOf(SQLException.class);
		assertThat(DatabaseOutage.isCause(dropped)).as("%s", dropped).isTrue();
	}

	@Test
	void aRollbackThatFailsBecauseTheConnectionDroppedIsAnOutage() throws Exception {
		// What a portal node threw while MariaDB went away under load (ClusterIT): the transfer's transaction lost
		// its connection, Hikari closed it, and the rollback's failure replaced the first exception.
		Throwable rollbackFailed;
		try (HikariDataSource pool = pool("jdbc:h2:mem:outage-" + UUID.randomUUID(), 1)) {
			Connection connection = pool.getConnection();
			connection.close();
			rollbackFailed = catchThrowable(connection::rollback);
		}
		Throwable asSpringThrowsIt = new org.springframework.orm.jpa.JpaSystemException(
				new org.hibernate.TransactionException("Unable to rollback against JDBC Connection",
						(SQLException) rollbackFailed));

		assertThat(rollbackFailed).isExactlyInstanceOf(SQLException.class).hasMessage("Connection is closed");
		assertThat(DatabaseOutage.isCause(asSpringThrowsIt)).as("%s", asSpringThrowsIt).isTrue();
	}

	@Test
	void mistakesInQueriesAndOtherFailuresAreNoOutage() {
		try (HikariDataSource pool = pool("jdbc:h2:mem:outage-" + UUID.randomUUID(), 2)) {
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			jdbc.execute("create table plate (number varchar(10) primary key)");
			jdbc.update("insert into plate values ('A-1')");

			Throwable badSql = catchThrowable(() -> jdbc.queryForObject("select nothing from nowhere", Integer.class));
			Throwable duplicate = catchThrowable(() -> jdbc.update("insert into plate values ('A-1')"));

			for (Throwable failure : new Throwable[] { badSql, duplicate, new IllegalStateException("boom"),
					new ServletException(new NullPointerException()) }) {
				assertThat(DatabaseOutage.isCause(failure)).as("%s", failure).isFalse();
			}
		}
	}

	@Test
	void aPageRequestGetsAFriendly503PageWithRetryAfterAndNoTechnicalWords() throws Exception {
		MockHttpServletResponse response = throughFilter("/entitlements", poolTimeout());

		assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		assertThat(response.getHeader("Retry-After")).isEqualTo("60");
		assertThat(response.getContentType()).startsWith("text/html");
		// Its one style is inline, allowed by its hash: the page needs no further request, which would fail too.
		String styleHash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
			.digest(between(response.getContentAsString(), "<style>", "</style>").getBytes(StandardCharsets.UTF_8)));
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self';",
				"style-src 'sha256-" + styleHash + "'");
		assertThat(response.getContentAsString()).doesNotContain("<link", "<script");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentAsString()).contains("The portal is briefly unavailable", "Try again in a minute.")
			.doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("jdbc")
			.doesNotContain("request timed out");
	}

	@Test
	void anApiRequestGetsProblemJsonWithRetryAfter() throws Exception {
		MockHttpServletResponse response = throughFilter("/api/v1/entitlements", poolTimeout());

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("60");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getContentAsString()).isEqualTo(
				"{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
						+ "\"detail\":\"The portal is briefly unavailable. Try again in a minute.\"}");
	}

	@Test
	void aFailureInsideAControllerIsAnsweredBeforeTheApisCatchAllMakesIt500() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/activations");
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(this.outage.resolveException(request, response, null, poolTimeout())).isNotNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(this.outage.resolveException(new MockHttpServletRequest("GET", "/api/v1/devices"),
				new MockHttpServletResponse(), null, new IllegalStateException("a bug"))).isNull();
	}

	@Test
	void otherFailuresAndAnAnswerAlreadyUnderWayGoOnAsBefore() throws Exception {
		IllegalStateException bug = new IllegalStateException("a bug");
		assertThatThrownBy(() -> throughFilter("/entitlements", bug)).isSameAs(bug);

		MockHttpServletResponse streaming = new MockHttpServletResponse();
		streaming.getWriter().write("Activation ID,Entitlement ID");
		streaming.flushBuffer();
		Exception outageMidStream = poolTimeout();
		assertThatThrownBy(() -> new DatabaseOutageFilter(this.outage).doFilter(new MockHttpServletRequest("GET",
				"/entitlements/export"), streaming, failingChain(outageMidStream))).isSameAs(outageMidStream);
		assertThat(streaming.getStatus()).isEqualTo(200);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	private MockHttpServletResponse throughFilter(String path, Exception failure) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new DatabaseOutageFilter(this.outage).doFilter(new MockHttpServletRequest("GET", path), response,
				failingChain(failure));
		return response;
	}

	private static MockFilterChain failingChain(Exception failure) {
		return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
					throws ServletException, IOException {
				if (failure instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new ServletException(failure);
			}
		});
	}

	/** A real Hikari timeout, as Spring's JdbcTemplate reports it, from a pool whose database is not there. */
	private static Exception poolTimeout() throws IOException {
		try (HikariDataSource pool = pool("jdbc:mysql://127.0.0.1:" + closedPort() + "/portal?connectTimeout=1000", 1)) {
			return (Exception) catchThrowable(() -> new JdbcTemplate(pool).queryForObject("select 1", Integer.class));
		}
	}

	/**
	 * A pool that waits half a second for a connection. On H2 it starts with its first connection made (which
	 * takes longer than that on a busy machine); without a database it starts all the same, as the portal's
	 * running pool goes on when its database leaves.
	 */
	private static HikariDataSource pool(String url, int size) {
		boolean h2 = url.startsWith("jdbc:h2");
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(h2 ? "sa" : "portal");
		pool.setPassword(h2 ? "" : "portal");
		pool.setMaximumPoolSize(size);
		pool.setMinimumIdle(size);
		pool.setConnectionTimeout(500);
		pool.setValidationTimeout(250);
		pool.setInitializationFailTimeout(h2 ? 30_000 : -1);
		return pool;
	}

	/** A port on which nothing listens (it was free a moment ago). */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
