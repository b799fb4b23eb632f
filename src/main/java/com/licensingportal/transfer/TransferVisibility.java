package com.licensingportal.transfer;

import com.licensingportal.account.VisibleAccounts;

/** Who may see a transfer; anyone else is told it does not exist. */
public final class TransferVisibility {

	private TransferVisibility() {
	}

	/**
	 * Whether the user may see the transfer: they asked for it, or they administer the account the channels
	 * come from.
	 */
	public static boolean canSee(Long userId, VisibleAccounts visible, ChannelTransfer transfer) {
		return transfer.getRequestedByUserId().equals(userId) || visible.canAdminister(transfer.getSourceAccount().getId());
	}

}
