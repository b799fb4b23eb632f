package com.licensingportal.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The filters in front of Camunda's webapps and REST API, before Spring Security and Camunda's own filters:
 * the firewall on every request, then the allowed networks, then the login throttle.
 */
@Configuration(proxyBeanMethods = false)
class CamundaLoginProtection {

	@Bean
	FilterRegistrationBean<EarlyFirewall> earlyFirewall(ObjectProvider<HttpFirewall> firewall,
			RequestRejectedHandler rejected) {
		FilterRegistrationBean<EarlyFirewall> registration = new FilterRegistrationBean<>(
				new EarlyFirewall(firewall.getIfAvailable(StrictHttpFirewall::new), rejected));
		registration.setName("early-firewall");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 3);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CamundaNetworks> camundaNetworks(CamundaProperties camunda) {
		FilterRegistrationBean<CamundaNetworks> registration = new FilterRegistrationBean<>(
				new CamundaNetworks(camunda.allowedNetworks()));
		registration.setName("camunda-allowed-networks");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CamundaLoginThrottle> camundaLoginThrottle(LoginLockout lockout, IdentityService identity) {
		FilterRegistrationBean<CamundaLoginThrottle> registration = new FilterRegistrationBean<>(
				new CamundaLoginThrottle(lockout, identity));
		registration.setName("camunda-login-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
