package com.licensingportal.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.licensingportal.base.PageRefusal;

/**
 * Sets the status of every page that refuses what was sent, so that no controller has to: a page rendered
 * with a status from {@link PageRefusal} answers that status; a page rendered with problems (a binding
 * result with errors, or a {@code problems}, {@code problem} or {@code error} for the user to read) answers
 * 422 Unprocessable Content. Browsers show such pages as usual; scripts and monitors see the refusal. A
 * status a controller set itself (404 for a dead link, 429 with Retry-After) stays, and messages that
 * arrived as flash attributes after a redirect belong to the request that was redirected, not to this one.
 */
@Configuration(proxyBeanMethods = false)
class PageRefusalStatus implements WebMvcConfigurer, HandlerInterceptor {

	/** The model attributes in which pages show the user what is wrong with what they sent. */
	private static final List<String> PROBLEMS = List.of("problems", "problem", "error");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/error");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || request.getDispatcherType() != DispatcherType.REQUEST
				|| response.getStatus() != HttpStatus.OK.value() || isRedirectOrForward(page)) {
			return;
		}
		Map<String, Object> model = page.getModel();
		if (model.get(PageRefusal.STATUS) instanceof HttpStatus status) {
			response.setStatus(status.value());
		}
		else if (showsProblems(model, RequestContextUtils.getInputFlashMap(request))) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		}
	}

	private static boolean showsProblems(Map<String, Object> model, Map<String, ?> flash) {
		for (Map.Entry<String, Object> attribute : model.entrySet()) {
			if (flash != null && flash.containsKey(attribute.getKey())) {
				continue;
			}
			Object value = attribute.getValue();
			if (value instanceof BindingResult binding && binding.hasErrors()) {
				return true;
			}
			if (PROBLEMS.contains(attribute.getKey()) && value != null
					&& !(value instanceof Collection<?> list && list.isEmpty())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isRedirectOrForward(ModelAndView page) {
		String view = page.getViewName();
		return view != null && (view.startsWith("redirect:") || view.startsWith("forward:"))
				|| page.getView() instanceof org.springframework.web.servlet.view.RedirectView;
	}

}
