package com.licensingportal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who reaches Camunda's webapps and REST API ({@code portal.camunda.*}); {@link CamundaNetworks} checks the networks.
 *
 * @param allowedNetworks comma-separated addresses or CIDRs, e.g. 10.20.0.0/16,192.168.1.7: only clients from these
 * networks reach /camunda and /engine-rest, everyone else gets 404; empty: everyone (PORTAL_CAMUNDA_ALLOWED_NETWORKS)
 */
@ConfigurationProperties("portal.camunda")
public record CamundaProperties(@DefaultValue("") String allowedNetworks) {
}
