package com.licensingportal.web;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Requests with a body ({@code portal.request-bodies.*}), see {@link RequestBodyBulkhead}.
 *
 * @param maxConcurrent requests with a body served at once (half of Tomcat's 200 threads); one more is answered 503 at
 * once, so that slow clients cannot take every thread (PORTAL_MAX_CONCURRENT_BODIES)
 */
@ConfigurationProperties("portal.request-bodies")
@Validated
public record RequestBodiesProperties(@DefaultValue("100") @Positive int maxConcurrent) {
}
