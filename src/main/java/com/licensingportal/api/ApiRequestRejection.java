package com.licensingportal.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.licensingportal.text.Text;
import com.licensingportal.security.EarlyAnswerHeaders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses addresses with path tricks (encoded slashes, semicolons, "..", "//")
 * before any chain runs. Under /api the refusal is problem+json like every other API error; pages keep the
 * error page (400).
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestRejection {

	static final Text DETAIL = Text.of("licenses.api.rejectedAddress");

	@Bean
	RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
		RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
		return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) -> {
			if (!request.getRequestURI().startsWith("/api/")) {
				EarlyAnswerHeaders.write(request, response);
				pages.handle(request, response, rejected);
				return;
			}
			ApiProblemHandler.write(request, response, json, HttpStatus.BAD_REQUEST,
					Text.of("licenses.api.title.MALFORMED"), DETAIL);
		};
	}

}
