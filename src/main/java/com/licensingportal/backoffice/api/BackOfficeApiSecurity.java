package com.licensingportal.backoffice.api;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.api.ApiSecurityConfiguration;
import com.licensingportal.salesorder.SalesOrderApiSecurity.CamundaBasicAuthentication;
import com.licensingportal.security.LoginLockout;
import com.licensingportal.text.Text;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The back office's API: HTTP Basic as a Camunda user of the group {@code order-management} only, checked as the
 * sales-order intake checks its callers (per user and client address under the portal's lockout). The order system's
 * group {@code order-intake} sends orders and nothing else; portal users' tokens and other Camunda users get 404.
 */
@Configuration(proxyBeanMethods = false)
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "orderManagementBasic",
		type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP, scheme = "basic",
		description = "a Camunda user of the group order-management")
class BackOfficeApiSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain backOfficeApiChain(HttpSecurity http, IdentityService identity, LoginLockout lockout,
			ObjectMapper json) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/back-office/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new CamundaBasicAuthentication(identity, lockout, json,
					Text.of("backoffice.api.realm.backOffice").toString(),
					List.of(OrderManagementSetup.GROUP)), AnonymousAuthenticationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ApiSecurityConfiguration.CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
