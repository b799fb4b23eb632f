package com.licensingportal.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read health details and /actuator/prometheus ({@code portal.management.*}); neither the password nor the
 * networks are set by default: probes only.
 *
 * @param user the user name of the HTTP Basic credential, prometheus when empty (PORTAL_MANAGEMENT_USER)
 * @param password the password of the HTTP Basic credential; empty: no credential (PORTAL_MANAGEMENT_PASSWORD)
 * @param networks comma-separated CIDRs, e.g. 10.0.0.0/8, whose callers may read them without the credential
 * (PORTAL_MANAGEMENT_NETWORKS)
 */
@ConfigurationProperties("portal.management")
public record ManagementProperties(@DefaultValue("") String user, @DefaultValue("") String password,
		@DefaultValue("") String networks) {
}
