package com.licensingportal.backoffice.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account as its users see it, read-only, for Order Management: its users with their types, its line items,
 * devices, transfers and the latest history of its licenses. Read straight from the tables, the newest first and
 * at most {@value #LIMIT} of each, so that a large account's page stays quick.
 */
@Service
public class AccountOverview {

	static final int LIMIT = 200;

	public record UserRow(String email, String name, String userType, String status) {
	}

	public record LineItemRow(String activationId, String entitlementId, String partNumber, String version,
			int available, int total, LocalDate expiresOn) {
	}

	public record DeviceRow(String deviceId, String name, String hostId, Instant activatedAt) {
	}

	public record TransferRow(String transferNumber, String activationId, String source, String target, int amount,
			String state, Instant requestedAt) {
	}

	public record EventRow(Instant occurredAt, String activationId, String eventType, int quantity, String actor) {
	}

	/** Everything the page shows, besides the account itself, its relations and its audit trail. */
	public record Overview(List<UserRow> users, List<LineItemRow> lineItems, List<DeviceRow> devices,
			List<TransferRow> transfers, long pendingTransfersIn, List<EventRow> history) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	AccountOverview(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Overview of(Long accountId) {
		Map<String, Object> id = Map.of("id", accountId, "limit", LIMIT);
		List<UserRow> users = this.jdbc.query("select u.email, u.first_name, u.last_name, m.user_type, u.status"
				+ " from account_membership m join portal_user u on u.id = m.user_id where m.account_id = :id"
				+ " order by u.last_name, u.first_name, u.id limit :limit", id,
				(row, i) -> new UserRow(row.getString(1), row.getString(2) + " " + row.getString(3), row.getString(4),
						row.getString(5)));
		List<LineItemRow> lineItems = this.jdbc.query("select li.activation_id, e.entitlement_number, p.part_number,"
				+ " li.product_version, li.available_quantity, li.total_quantity, li.expires_on from line_item li"
				+ " join entitlement e on e.id = li.entitlement_id join product p on p.id = li.product_id"
				+ " where li.owner_account_id = :id order by li.created_at desc, li.id desc limit :limit", id,
				(row, i) -> new LineItemRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getInt(5), row.getInt(6), row.getObject(7, LocalDate.class)));
		List<DeviceRow> devices = this.jdbc.query("select device_number, name, host_id, activated_at from device"
				+ " where account_id = :id order by activated_at desc, id desc limit :limit", id,
				(row, i) -> new DeviceRow(row.getString(1), row.getString(2), row.getString(3), instant(row.getTimestamp(4))));
		List<TransferRow> transfers = this.jdbc.query("select t.transfer_number, li.activation_id, s.name, g.name,"
				+ " t.amount, t.state, t.requested_at from channel_transfer t join line_item li on li.id = t.source_line_item_id"
				+ " join account s on s.id = t.source_account_id join account g on g.id = t.target_account_id"
				+ " where t.source_account_id = :id or t.target_account_id = :id order by t.requested_at desc, t.id desc"
				+ " limit :limit", id,
				(row, i) -> new TransferRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getInt(5), row.getString(6), instant(row.getTimestamp(7))));
		Long pendingIn = this.jdbc.queryForObject("select count(*) from channel_transfer where target_account_id = :id"
				+ " and state = 'PENDING_APPROVAL'", id, Long.class);
		List<EventRow> history = this.jdbc.query("select ev.occurred_at, li.activation_id, ev.event_type, ev.quantity,"
				+ " ev.actor from license_event ev join line_item li on li.id = ev.line_item_id"
				+ " where li.owner_account_id = :id order by ev.occurred_at desc, ev.id desc limit :limit", id,
				(row, i) -> new EventRow(instant(row.getTimestamp(1)), row.getString(2), row.getString(3), row.getInt(4),
						row.getString(5)));
		return new Overview(users, lineItems, devices, transfers, pendingIn == null ? 0 : pendingIn, history);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
