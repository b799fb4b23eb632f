package com.licensingportal.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.transfer.TransferState;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portal's gauges for {@code /actuator/prometheus}, read from the database and the engine, so that every node
 * reports the same figures (take max, not sum, across nodes): transfers by state, how long the oldest transfer and
 * registration request have waited for Order Management, sales orders by state, incidents and jobs without retries left. Counters of what a
 * node did (activations, emails) are counted where it happens. A scrape reads them once: the figures are kept for
 * a few seconds.
 */
@Component
class PortalMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(PortalMetrics.class);

	private static final Duration KEPT = Duration.ofSeconds(5);


	private final JdbcTemplate jdbc;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final Clock clock;

	private final ObjectProvider<HealthEndpoint> health;

	private volatile Figures figures;

	PortalMetrics(JdbcTemplate jdbc, RuntimeService runtime, ManagementService management, Clock clock,
			ObjectProvider<HealthEndpoint> health) {
		this.health = health;
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.management = management;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TransferState state : TransferState.values()) {
			gauge(registry, "portal.transfers", "Channel transfers by state",
					f -> f.transfers.getOrDefault(state.name(), 0L))
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		for (SalesOrderState state : SalesOrderState.values()) {
			gauge(registry, "portal.sales.orders", "Sales orders by state",
					f -> f.salesOrders.getOrDefault(state.name(), 0L))
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		gauge(registry, "portal.transfers.approval.oldest", "Seconds the oldest transfer has waited for approval",
				f -> f.oldestApproval)
			.baseUnit("seconds")
			.register(registry);
		gauge(registry, "portal.registration.requests.waiting", "Registration requests waiting for a decision",
				f -> f.registrationsWaiting)
			.register(registry);
		gauge(registry, "portal.registration.requests.oldest", "Seconds the oldest registration request has waited",
				f -> f.oldestRegistration)
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("portal.ready", this, PortalMetrics::ready)
			.description("1 while the node is ready (/actuator/health/readiness UP), 0 while not")
			.register(registry);
		gauge(registry, "portal.incidents", "Open Camunda incidents (Cockpit)", f -> f.incidents).register(registry);
		gauge(registry, "portal.jobs.failed", "Jobs without retries left", f -> f.failedJobs).register(registry);
	}

	private double ready() {
		HealthEndpoint endpoint = this.health.getIfAvailable();
		HealthComponent readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
		return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
	}

	private Gauge.Builder<PortalMetrics> gauge(MeterRegistry registry, String name, String description,
			ToDoubleFunction<Figures> value) {
		return Gauge.builder(name, this, metrics -> {
			Figures current = metrics.figures();
			return current == null ? Double.NaN : value.applyAsDouble(current);
		}).description(description);
	}

	private synchronized Figures figures() {
		Instant now = this.clock.instant();
		if (this.figures == null || this.figures.readAt.plus(KEPT).isBefore(now)) {
			try {
				this.figures = read(now);
			}
			catch (RuntimeException ex) {
				// The database is away: the gauges have no value (NaN) until it is back; readiness says why.
				log.debug("Could not read the portal's gauges", ex);
				return null;
			}
		}
		return this.figures;
	}

	private Figures read(Instant now) {
		Map<String, Long> transfers = countByState("SELECT state, COUNT(*) FROM channel_transfer GROUP BY state");
		Map<String, Long> salesOrders = countByState("SELECT state, COUNT(*) FROM sales_order GROUP BY state");
		double oldestApproval = age(now, "SELECT MIN(requested_at) FROM channel_transfer WHERE state = 'PENDING_APPROVAL'");
		long registrations = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM registration_request WHERE status = 'OPEN'", Long.class);
		double oldestRegistration = age(now, "SELECT MIN(submitted_at) FROM registration_request WHERE status = 'OPEN'");
		long incidents = this.runtime.createIncidentQuery().count();
		long failedJobs = this.management.createJobQuery().noRetriesLeft().count();
		return new Figures(now, transfers, salesOrders, oldestApproval, registrations, oldestRegistration, incidents,
				failedJobs);
	}

	private Map<String, Long> countByState(String query) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query(query, row -> {
			counts.put(row.getString(1), row.getLong(2));
		});
		return counts;
	}

	/** Seconds since the time the query answers (the portal stores UTC), 0 when there is none. */
	private double age(Instant now, String query) {
		LocalDateTime since = this.jdbc.queryForObject(query, (row, number) -> row.getObject(1, LocalDateTime.class));
		return since == null ? 0 : Math.max(0, Duration.between(since.toInstant(ZoneOffset.UTC), now).toSeconds());
	}

	private record Figures(Instant readAt, Map<String, Long> transfers, Map<String, Long> salesOrders, double oldestApproval, long registrationsWaiting,
			double oldestRegistration, long incidents, long failedJobs) {
	}

}
