package com.licensingportal.monitoring;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness: the portal's schema is the one this version expects (every migration applied). Once it was, it stays
 * so for this node's life: the answer is kept, so that a probe while the database is away waits for one connection
 * (the db indicator's), not two.
 */
@Component("flywayHealthIndicator")
class FlywayHealth extends AbstractHealthIndicator {

	private final Flyway flyway;

	private volatile String migratedVersion;

	FlywayHealth(Flyway flyway) {
		super("Flyway health check failed");
		this.flyway = flyway;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.migratedVersion != null) {
			builder.up().withDetail("version", this.migratedVersion).withDetail("pending", 0);
			return;
		}
		MigrationInfo[] pending = this.flyway.info().pending();
		MigrationInfo current = this.flyway.info().current();
		builder.withDetail("version", current == null ? "none" : current.getVersion().toString())
			.withDetail("pending", pending.length);
		if (pending.length == 0) {
			this.migratedVersion = current == null ? "none" : current.getVersion().toString();
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
