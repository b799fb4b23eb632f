package com.licensingportal.usermanagement;

import com.licensingportal.text.Text;
import com.licensingportal.user.PortalUser;

/**
 * Who invited a user: named in the invitation email, and told when the invitation expires.
 *
 * @param name as the invited user reads it, e.g. "Paula Admin" or "Order Management"
 * @param email where the expiry notice goes; null for Order Management, whose address is configured
 */
public record Inviter(String name, String email) {

	/** An approved registration request: the invitation comes from the vendor's Order Management team. */
	public static final Inviter ORDER_MANAGEMENT = new Inviter(Text.of("users.inviter.orderManagement").toString(), null);

	public static Inviter of(PortalUser admin) {
		return new Inviter(admin.getDisplayName(), admin.getEmail());
	}

}
