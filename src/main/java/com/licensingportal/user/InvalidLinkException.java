package com.licensingportal.user;

import java.io.Serial;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.LinkToken.Purpose;

/**
 * An emailed link (invitation or password reset) that is unknown, already used, replaced or expired: all get
 * the same answer, the "no longer valid" page of the link's purpose. A refusal of kind GONE that also carries the
 * purpose, which the page needs for its words.
 */
public class InvalidLinkException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Purpose purpose;

	public InvalidLinkException(Purpose purpose) {
		super(Kind.GONE, purpose.noLongerValid());
		this.purpose = purpose;
	}

	public Purpose purpose() {
		return this.purpose;
	}

}
