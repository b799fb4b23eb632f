package com.licensingportal.workflow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Order Management team ({@code portal.order-management.*}).
 *
 * @param email the team's mailbox: reminded of registration requests waiting for a decision, told when an invitation
 * it sent expires (PORTAL_ORDER_MANAGEMENT_EMAIL)
 * @param language the language of the emails to the team ("en", the default: Tasklist, its tool, speaks English)
 */
@ConfigurationProperties("portal.order-management")
@Validated
public record OrderManagementProperties(@NotBlank String email, @DefaultValue("en") @Pattern(regexp = "en|fr", message = "must be en or fr, a language the portal speaks") String language) {
}
