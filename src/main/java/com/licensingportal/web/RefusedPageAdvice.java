package com.licensingportal.web;

import org.springframework.context.i18n.LocaleContextHolder;
import java.io.IOException;

import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;


/**
 * The pages' one mapping of the portal's refusals ({@link RefusedException}): a refusal that a page's controller
 * did not show on its own form reaches the user as the error page with the refusal's status and sentence, never
 * as a 500. "Not found" is the exception: it answers the same 404 page as an address that does not exist, without
 * the sentence, so that nobody can probe for another account's data. After the API's own advice, which answers
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
		return errorPage(HttpStatus.BAD_REQUEST, Text.of("users.error.unknownField", unknown.getPropertyName())
			.in(LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(RefusedException.class)
	ModelAndView refused(RefusedException refused, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
		if (refused.kind() == RefusedException.Kind.NOT_FOUND) {
			// Order Management is told what was not found (an order, a line, an account it typed); a portal user gets
			// the bare "not found" page, which says nothing about what exists for others.
			if (request.getRequestURI().startsWith(request.getContextPath() + "/back-office/")) {
				return errorPage(HttpStatus.NOT_FOUND, refused.message(LocaleContextHolder.getLocale()));
			}
			response.sendError(HttpStatus.NOT_FOUND.value());
			return new ModelAndView();
		}
		if (refused instanceof RateLimitedException tooMany) {
			response.setHeader(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds());
		}
		return errorPage(HttpStatus.valueOf(refused.kind().status()), refused.message(LocaleContextHolder.getLocale()));
	}

	private static ModelAndView errorPage(HttpStatus status, String refusal) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("refusal", refusal);
		return page;
	}

}
