package com.licensingportal.backoffice;

import java.io.IOException;
import java.util.List;

import com.licensingportal.security.LoginLockedException;
import com.licensingportal.security.LoginLockout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The back office's chain: Camunda users of the group {@code order-management} sign in at
 * {@value #LOGIN_PAGE} with their Camunda user id and password, throttled per user and client address by the
 * portal's {@link LoginLockout} (the same count as their Tasklist logins). The session is the back office's own
 * ({@link SessionCookies}); membership is checked again on every request, so removing someone from the group ends
 * their back-office session at their next click. Everyone else (portal users, anonymous requests, personal access
 * tokens) gets the portal's "not found" on every back-office route but the login page.
 */
@Configuration(proxyBeanMethods = false)
class BackOfficeSecurity {

	static final String HOME = "/back-office";

	static final String LOGIN_PAGE = "/back-office/login";

	static final String LOGIN_FAILED = "/back-office/login/failed";

	static final String ROLE = "ORDER_MANAGEMENT";

	@Bean
	@Order(2)
	SecurityFilterChain backOfficeChain(HttpSecurity http, OrderManagementDirectory staff, LoginLockout lockout,
			@Value("${portal.login.lockout:PT15M}") java.time.Duration lockoutWindow) throws Exception {
		http.securityMatcher("/back-office", "/back-office/**")
			.authenticationManager(new ProviderManager(new StaffPasswords(staff, lockout)))
			.authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN_PAGE, LOGIN_FAILED)
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.formLogin(form -> form.loginPage(LOGIN_PAGE)
				.loginProcessingUrl(LOGIN_PAGE)
				.usernameParameter("username")
				.passwordParameter("password")
				.defaultSuccessUrl(HOME, true)
				.failureHandler((request, response, failure) -> {
					request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
					if (failure instanceof LoginLockedException) {
						response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
						response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(lockoutWindow.toSeconds()));
					}
					else {
						response.setStatus(HttpStatus.UNAUTHORIZED.value());
					}
					request.getRequestDispatcher(LOGIN_FAILED).forward(request, response);
				}))
			.logout(logout -> logout.logoutUrl("/back-office/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
			// Nobody is sent to the login page from elsewhere: what they may not see does not exist for them.
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, failure) -> response.sendError(HttpStatus.NOT_FOUND.value()))
				.accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value())))
			.addFilterAfter(new StillInTheGroup(staff), AnonymousAuthenticationFilter.class)
			.headers(headers -> headers
				.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
						com.licensingportal.security.SecurityConfiguration.CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** The Camunda password and the group, checked under the lockout's lock of the user at the client's address. */
	static final class StaffPasswords implements org.springframework.security.authentication.AuthenticationProvider {

		private final OrderManagementDirectory staff;

		private final LoginLockout lockout;

		StaffPasswords(OrderManagementDirectory staff, LoginLockout lockout) {
			this.staff = staff;
			this.lockout = lockout;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String userId = String.valueOf(authentication.getPrincipal()).trim();
			String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
			String clientAddress = authentication.getDetails() instanceof WebAuthenticationDetails details
					&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
			// Not in the group counts as a failure: the answer must not tell a Camunda user from a guess.
			boolean right = this.lockout.check(LoginLockout.camundaUser(userId), clientAddress,
					() -> this.staff.isStaffWithPassword(userId, password));
			if (!right) {
				throw new BadCredentialsException("Bad credentials");
			}
			return UsernamePasswordAuthenticationToken.authenticated(userId, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

	/**
	 * Checks on every request that the signed-in user is still in Order Management (one query, on whichever node):
	 * someone removed from the group is signed out at once and sent to the login page with a word why.
	 */
	static final class StillInTheGroup extends OncePerRequestFilter {

		static final String STAFF_MEMBER = StillInTheGroup.class.getName() + ".staffMember";

		private final OrderManagementDirectory staff;

		StillInTheGroup(OrderManagementDirectory staff) {
			this.staff = staff;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			boolean staffSession = signedIn != null && signedIn.isAuthenticated()
					&& signedIn.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + ROLE));
			if (staffSession) {
				var member = this.staff.staffMember(signedIn.getName());
				if (member.isEmpty()) {
					SecurityContextHolder.clearContext();
					HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?removed");
					return;
				}
				request.setAttribute(STAFF_MEMBER, member.get());
			}
			chain.doFilter(request, response);
		}

	}

}
