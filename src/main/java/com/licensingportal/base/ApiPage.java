package com.licensingportal.base;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list as the API answers it. A page after the last one is empty rather than the last page
 * again, so that a script that reads until it gets no items stops.
 *
 * @param page the page number, from 1
 * @param total how many items the whole search matched
 */
public record ApiPage<T>(List<T> items, @Schema(example = "1") int page, @Schema(example = "25") int size,
		@Schema(example = "42") long total) {

	/** Refuses a page below 1 or a size other than the list's page sizes: 422 naming the parameter. */
	public static void checkPaging(Integer page, Integer size, List<Integer> sizes) {
		List<RefusedException.FieldError> problems = pagingProblems(page, size, sizes);
		if (!problems.isEmpty()) {
			throw RefusedException.invalid(problems);
		}
	}

	/** What {@link #checkPaging} refuses, for a caller that reports it with other problems. */
	public static List<RefusedException.FieldError> pagingProblems(Integer page, Integer size,
			List<Integer> sizes) {
		List<RefusedException.FieldError> problems = new ArrayList<>();
		if (page != null && page < 1) {
			problems.add(new RefusedException.FieldError("page", Text.of("users.check.page")));
		}
		if (size != null && !sizes.contains(size)) {
			problems.add(new RefusedException.FieldError("size", Text.of("users.check.pageSize",
					sizes.stream().map(String::valueOf).collect(Collectors.joining(", ")))));
		}
		return problems;
	}

}
