package com.licensingportal.device;

import java.util.List;

import com.licensingportal.license.LineItem;

/** What an activation granted: the device and, per line item, the channels put on it. */
public record Activation(Device device, List<Grant> grants) {

	public record Grant(LineItem lineItem, int quantity) {
	}

	public int channels() {
		return this.grants.stream().mapToInt(Grant::quantity).sum();
	}

}
