package com.licensingportal.system;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal that a page's controller did not show on its own form still reaches the user as the error page
 * with the refusal's status and sentence, never as a 500. After the API's own advice, which answers
 * problem+json for the REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusedPageAdvice {

	private static final Logger log = LoggerFactory.getLogger(RefusedPageAdvice.class);

	@ExceptionHandler(RefusedException.class)
	ModelAndView refused(RefusedException refused, HttpServletRequest request) {
		log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
		ModelAndView page = new ModelAndView("error", refused.kind().status());
		page.addObject("status", refused.kind().status().value());
		page.addObject("refusal", refused.getMessage());
		return page;
	}

}
