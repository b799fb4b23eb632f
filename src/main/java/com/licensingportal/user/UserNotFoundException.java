package com.licensingportal.user;

import java.io.Serial;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A user that does not exist, or that the viewer may not see or act on: the same "not found" for both. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UserNotFoundException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public UserNotFoundException() {
		super("No such user");
	}

}
