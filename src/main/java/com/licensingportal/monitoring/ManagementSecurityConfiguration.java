package com.licensingportal.monitoring;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator}: the liveness and readiness probes answer anyone with their status alone; health details and
 * metrics only a caller with the management credential (HTTP Basic, {@code PORTAL_MANAGEMENT_USER} /
 * {@code PORTAL_MANAGEMENT_PASSWORD}) or from the configured networks ({@code PORTAL_MANAGEMENT_NETWORKS}, CIDRs).
 * Nothing is open by default: without either, only the probes answer.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

	static final String ROLE = "MANAGEMENT";

	@Bean
	@Order(-1)
	SecurityFilterChain managementChain(HttpSecurity http, ManagementProperties management) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(path.matcher("/actuator/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(path.matcher("/actuator/health/liveness"), path.matcher("/actuator/health/readiness"),
						path.matcher("/actuator/health"))
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.authenticationManager(credential(management.user(), management.password()))
			.httpBasic(basic -> basic.realmName("Licensing Portal management"))
			.addFilterBefore(new NetworkAuthentication(management.networks()), BasicAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/** The one management user, or none: a request with credentials is then always refused. */
	private static AuthenticationManager credential(String user, String password) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String name = user.isBlank() ? "prometheus" : user.strip();
		String hash = password.isBlank() ? null : encoder.encode(password);
		UserDetailsService users = username -> {
			if (hash == null || !name.equals(username)) {
				throw new UsernameNotFoundException("Not the management user");
			}
			return User.withUsername(name).password(hash).roles(ROLE).build();
		};
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return new ProviderManager(provider);
	}

	/** A request from a configured network counts as the management user (no password on the scrape). */
	static final class NetworkAuthentication extends OncePerRequestFilter {

		private final List<IpAddressMatcher> networks;

		NetworkAuthentication(String networks) {
			this.networks = Arrays.stream(networks.split(","))
				.map(String::strip)
				.filter(network -> !network.isEmpty())
				.map(IpAddressMatcher::new)
				.toList();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (allowed(request.getRemoteAddr())) {
				SecurityContextHolder.getContext()
					.setAuthentication(new PreAuthenticatedAuthenticationToken("network " + request.getRemoteAddr(), "n/a",
							AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
			}
			chain.doFilter(request, response);
		}

		boolean allowed(String address) {
			return this.networks.stream().anyMatch(network -> network.matches(address));
		}

	}

}
