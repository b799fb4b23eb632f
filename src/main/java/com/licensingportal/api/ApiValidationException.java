package com.licensingportal.api;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A request the API understood but cannot accept, because of one or more fields: answered 422. */
public class ApiValidationException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** One field's problem, in the caller's words. */
	public record FieldProblem(String field, String message) {
	}

	private final List<FieldProblem> errors;

	public ApiValidationException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public ApiValidationException(List<FieldProblem> errors) {
		super(errors.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
		this.errors = List.copyOf(errors);
	}

	/** The first field's name. */
	public String field() {
		return this.errors.get(0).field();
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
