package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.refusal.RefusedException;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Transfers page and the API show: a user's own transfer requests and, for administrators, those
 * from the accounts they administer ({@link AccountVisibility#seesTransfer}); anything else is "not found".
 */
@Service
public class TransferList {

	/** The newest this many transfers are listed. */
	static final int LIMIT = 200;

	/**
	 * One event of the transfer's trail, on a line item named by its Activation ID when the user can see
	 * it (or it is the license the channels came from), otherwise by its account.
	 */
	public record HistoryEntry(Instant occurredAt, LicenseEventType type, int quantity, String actor,
			String activationId, String accountName, String note) {
	}

	private final AccountVisibility visibility;

	private final ChannelTransferRepository transfers;

	private final JdbcTemplate jdbc;

	TransferList(AccountVisibility visibility, ChannelTransferRepository transfers, JdbcTemplate jdbc) {
		this.visibility = visibility;
		this.transfers = transfers;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<TransferView> transfersOf(Long userId) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		Set<Long> administered = visible.administered().isEmpty() ? Set.of(-1L) : visible.administered();
		return this.transfers.findRequestedByOrFrom(userId, administered, PageRequest.of(0, LIMIT))
			.stream()
			.map(transfer -> TransferView.of(transfer, visible))
			.toList();
	}

	/** @throws RefusedException (NOT_FOUND) when the user may not see it */
	@Transactional(readOnly = true)
	public TransferView transfer(Long userId, String transferNumber) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		return this.transfers.findByTransferNumber(transferNumber)
			.filter(transfer -> AccountVisibility.seesTransfer(userId, visible, transfer.getRequestedByUserId(),
					transfer.getSourceAccount().getId()))
			.map(transfer -> TransferView.of(transfer, visible))
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.transfer.notFound", transferNumber)));
	}

	/** The events the transfer wrote (reserved, released, transferred out and in), oldest first. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(Long userId, String transferNumber) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		TransferView transfer = transfer(userId, transferNumber);
		return this.jdbc.query("""
				select ev.occurred_at, ev.event_type, ev.quantity, ev.actor, ev.note, li.activation_id,
				 li.owner_account_id, a.name as owner_name
				 from license_event ev join line_item li on li.id = ev.line_item_id join account a on a.id = li.owner_account_id
				 where ev.reference = ? order by ev.occurred_at, ev.id""", (rs, n) -> {
			String activationId = rs.getString("activation_id");
			boolean shown = activationId.equals(transfer.activationId()) || visible.canSee(rs.getLong("owner_account_id"));
			return new HistoryEntry(utc(rs), LicenseEventType.valueOf(rs.getString("event_type")), rs.getInt("quantity"),
					rs.getString("actor"), shown ? activationId : null, rs.getString("owner_name"), rs.getString("note"));
		}, transferNumber);
	}

	/** Hibernate writes instants in UTC, so they are read back in UTC too. */
	private static Instant utc(ResultSet rs) throws SQLException {
		return rs.getTimestamp("occurred_at", Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant();
	}

}
