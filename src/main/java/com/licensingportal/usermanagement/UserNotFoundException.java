package com.licensingportal.usermanagement;

import java.io.Serial;

import com.licensingportal.base.NotFoundException;

/** A user that does not exist, or that the viewer may not see or act on: the same "not found" for both. */
public class UserNotFoundException extends NotFoundException {

	@Serial
	private static final long serialVersionUID = 1L;

	public UserNotFoundException() {
		super("The user");
	}

}
