package com.licensingportal.api;

import org.springframework.context.i18n.LocaleContextHolder;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import com.licensingportal.security.EarlyAnswerHeaders;
import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json with a sentence a person understands: 400 malformed, 404 not
 * found or not visible, 409 conflicts, 413 too large, 415 wrong content type, 422 validation (with the
 * fields), 429 rate limited (with Retry-After). The services' {@link RefusedException}s say which of these
 * they are ({@link RefusedException.Kind}), so that no controller catches or translates them. Never a stack trace; never a 500 for the caller's mistake.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(BadCredentialsException.class)
	ProblemDetail badCredentials(BadCredentialsException ex) {
		return problem(HttpStatus.UNAUTHORIZED, Text.of("licenses.api.title.unauthorized"), Text.of("licenses.api.badCredentials"));
	}

	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds())
			.body(refused(ex));
	}

	/** Every refusal of the portal's rules: its kind decides the status, an invalid request names its fields. */
	@ExceptionHandler(RefusedException.class)
	ProblemDetail refused(RefusedException ex) {
		ProblemDetail problem = problem(HttpStatus.valueOf(ex.kind().status()),
				title(ex.kind()).in(locale()), ex.message(locale()));
		if (ex.kind() == RefusedException.Kind.INVALID && !ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors()
				.stream()
				.map(error -> Map.of("field", error.field(), "message", error.message(locale())))
				.toList());
		}
		return problem;
	}

	private static Text title(RefusedException.Kind kind) {
		return switch (kind) {
			case MALFORMED -> Text.of("licenses.api.title.MALFORMED");
			case INVALID -> Text.of("licenses.api.title.INVALID");
			case NOT_FOUND -> Text.of("licenses.api.title.NOT_FOUND");
			case CONFLICT -> Text.of("licenses.api.title.CONFLICT");
			case GONE -> Text.of("licenses.api.title.GONE");
			case TOO_LARGE -> Text.of("licenses.api.title.TOO_LARGE");
			case UNSUPPORTED_TYPE -> Text.of("licenses.api.title.UNSUPPORTED_TYPE");
			case TOO_MANY -> Text.of("licenses.api.title.TOO_MANY");
		};
	}

	/** A parameter name that the request object cannot hold, such as {@code page[x]}. */
	@ExceptionHandler(InvalidPropertyException.class)
	ProblemDetail unknownParameter(InvalidPropertyException ex) {
		return problem(HttpStatus.BAD_REQUEST, Text.of("licenses.api.title.MALFORMED"),
				Text.of("licenses.api.unknownParameter", ex.getPropertyName()));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, WebRequest request) {
		log.error("API request {} failed", request.getDescription(false), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, Text.of("licenses.api.title.unexpected"),
				Text.of("licenses.api.unexpected"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", message(error)))
			.toList();
		String detail = errors.isEmpty() ? Text.of("licenses.api.notValid").in(locale())
				: errors.stream().map(e -> e.get("field") + ": " + e.get("message")).reduce((a, b) -> a + "; " + b).get();
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("licenses.api.title.INVALID").in(locale()),
				detail);
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("licenses.api.title.INVALID"),
				Text.of("licenses.api.parametersNotValid", ex.getAllErrors()
					.stream()
					.map(ApiProblemHandler::message)
					.reduce((a, b) -> a + "; " + b)
					.orElse(Text.of("licenses.api.seeDocumentation").in(locale()))));
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof ApiRequestLimits.BodyTooLargeException) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, Text.of("licenses.api.title.TOO_LARGE"), ApiRequestLimits.TOO_LARGE));
		}
		Text detail = Text.of("licenses.api.notJson");
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			// A value of the wrong type, or a number out of range (which Jackson wraps with the path).
			Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
					: mapping.getCause() instanceof InputCoercionException outOfRange ? outOfRange.getTargetType() : null;
			detail = Text.of("licenses.api.wrongType", field(mapping), expected(type));
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, Text.of("licenses.api.title.MALFORMED"),
					Text.of("licenses.api.checkDocumentation", detail)));
	}

	/** The JSON path of the value, as {@code licenses[0].quantity}. */
	private static String field(JsonMappingException mapping) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference step : mapping.getPath()) {
			if (step.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
			}
			else if (step.getIndex() >= 0) {
				path.append('[').append(step.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static Text expected(Class<?> type) {
		if (type == null) {
			return Text.of("licenses.api.expected.other");
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return Text.of("licenses.api.expected.wholeNumber");
		}
		if (Number.class.isAssignableFrom(type)) {
			return Text.of("licenses.api.expected.number");
		}
		if (type == String.class) {
			return Text.of("licenses.api.expected.text");
		}
		if (type == Boolean.class || type == boolean.class) {
			return Text.of("licenses.api.expected.booleanValue");
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return Text.of("licenses.api.expected.list");
		}
		if (type.isEnum()) {
			return Text.of("licenses.api.expected.oneOf",
					Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
		}
		return Text.of("licenses.api.expected.object");
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		boolean number = type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class);
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, Text.of("licenses.api.title.MALFORMED"),
					Text.of(number ? "licenses.api.notWholeNumber" : "licenses.api.notValidValue", name,
							String.valueOf(ex.getValue()))));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, Text.of("licenses.api.title.TOO_LARGE"),
					Text.of("licenses.api.requestTooLarge")));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own ProblemDetail for the remaining MVC errors (405, 406, 415, missing parameters ...):
		// keep its status and sentence, never the exception's internals.
		if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
			body = error.updateAndGetBody(getMessageSource(), java.util.Locale.ENGLISH);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * Answers the problem straight away, for the filters that refuse a request before any controller: in the
	 * first of the request's languages (Accept-Language) that the portal speaks.
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, HttpStatus status,
			Text title, Text detail) {
		Locale locale = Languages.firstSpoken(request.getLocales());
		EarlyAnswerHeaders.write(request, response);
		try {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem(status, title.in(locale), detail.in(locale)));
		}
		catch (IOException ignored) {
			// The client went away; nothing left to tell it.
		}
	}

	/** The problem in the request's language (Accept-Language, resolved by the dispatcher). */
	static ProblemDetail problem(HttpStatus status, Text title, Text detail) {
		return problem(status, title.in(locale()), detail.in(locale()));
	}

	/** A field error's message in the request's language: the bundle's, when its code is one ({code}). */
	private static String message(org.springframework.context.MessageSourceResolvable error) {
		String message = String.valueOf(error.getDefaultMessage());
		if (message.startsWith("{") && message.endsWith("}")) {
			String code = message.substring(1, message.length() - 1);
			if (com.licensingportal.text.Messages.has(code)) {
				return Text.of(code).in(locale());
			}
		}
		return message;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
