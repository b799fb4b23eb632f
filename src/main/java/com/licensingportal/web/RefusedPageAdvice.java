package com.licensingportal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import com.licensingportal.base.RefusedException;

/**
 * A refusal that a page's controller did not show on its own form still reaches the user as the error page
 * with the refusal's status and sentence, never as a 500. After the API's own advice, which answers
 * problem+json for the REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusedPageAdvice {

	private static final Logger log = LoggerFactory.getLogger(RefusedPageAdvice.class);

	/** A field name the form's object cannot hold, such as {@code channels[X][Y]}: not a form of the page's own. */
	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView unknownField(InvalidPropertyException unknown, HttpServletRequest request) {
		log.debug("{} {} sent a field that does not bind: {}", request.getMethod(), request.getRequestURI(),
				unknown.getMessage());
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("refusal", "The form has a field \"" + unknown.getPropertyName()
				+ "\" that this page does not know. Reload the page and use its own form.");
		return page;
	}

	@ExceptionHandler(RefusedException.class)
	ModelAndView refused(RefusedException refused, HttpServletRequest request) {
		log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
		ModelAndView page = new ModelAndView("error", refused.kind().status());
		page.addObject("status", refused.kind().status().value());
		page.addObject("refusal", refused.getMessage());
		return page;
	}

}
