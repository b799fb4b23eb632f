package com.licensingportal.license;

import com.licensingportal.base.ReadableCode;

import org.springframework.stereotype.Component;

/** Activation IDs: 16 symbols of 5 random bits each (80 bits), e.g. {@code 7KQ2-9XTM-C4HP-R8WD}; unique by constraint. */
@Component
public class ActivationIdGenerator {

	static final int GROUPS = 4;

	public String next() {
		return ReadableCode.random(GROUPS);
	}

}
