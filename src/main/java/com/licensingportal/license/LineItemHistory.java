package com.licensingportal.license;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import com.licensingportal.access.VisibleAccounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A line item's page: its counts, the devices holding its channels and its event trail. */
@Service
public class LineItemHistory {

	/** One entry of the trail as the page shows it; device and related line item by their public IDs. */
	public record TrailEntry(Instant occurredAt, LicenseEventType type, int quantity, String actor, String deviceId,
			String deviceName, String relatedActivationId, String reference, String note) {
	}

	/** Channels of the line item activated on one device. */
	public record Placement(String deviceId, String deviceName, int quantity, Instant activatedAt, String activatedBy) {
	}

	private final LineItemRepository lineItems;

	private final JdbcTemplate jdbc;

	LineItemHistory(LineItemRepository lineItems, JdbcTemplate jdbc) {
		this.lineItems = lineItems;
		this.jdbc = jdbc;
	}

	/** The line item, if one of the visible accounts owns it; anything else is "not found". */
	@Transactional(readOnly = true)
	public Optional<LineItem> find(VisibleAccounts accounts, String activationId) {
		return this.lineItems.findWithDetailsByActivationId(activationId)
			.filter(item -> accounts.canSee(item.getOwner().getId()));
	}

	/** The whole trail, as Order Management sees it. */
	public List<TrailEntry> trail(LineItem item) {
		return trail(item, null);
	}

	/**
	 * The trail as the viewer sees it: a related line item (the other side of a transfer) is named only when
	 * the viewer can see it.
	 */
	public List<TrailEntry> trail(LineItem item, VisibleAccounts viewer) {
		return this.jdbc.query("""
				select ev.occurred_at, ev.event_type, ev.quantity, ev.actor, d.device_number, d.name,
				 rli.activation_id as related, rli.owner_account_id as related_owner, ev.reference, ev.note
				 from license_event ev
				 left join device d on d.id = ev.device_id
				 left join line_item rli on rli.id = ev.related_line_item_id
				 where ev.line_item_id = ? order by ev.occurred_at, ev.id""", (rs, n) -> {
			String related = rs.getString("related");
			if (related != null && viewer != null && !viewer.canSee(rs.getLong("related_owner"))) {
				related = null;
			}
			return new TrailEntry(utc(rs, "occurred_at"), LicenseEventType.valueOf(rs.getString("event_type")),
					rs.getInt("quantity"), rs.getString("actor"), rs.getString("device_number"), rs.getString("name"),
					related, rs.getString("reference"), rs.getString("note"));
		}, item.getId());
	}

	public List<Placement> placements(LineItem item) {
		return this.jdbc.query("""
				select d.device_number, d.name, dl.quantity, dl.activated_at, dl.activated_by
				 from device_license dl join device d on d.id = dl.device_id
				 where dl.line_item_id = ? and dl.quantity > 0 order by dl.activated_at, dl.id""",
				(rs, n) -> new Placement(rs.getString("device_number"), rs.getString("name"), rs.getInt("quantity"),
						utc(rs, "activated_at"), rs.getString("activated_by")),
				item.getId());
	}

	/** Hibernate writes instants in UTC (hibernate.jdbc.time_zone), so they are read back in UTC too. */
	private static Instant utc(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant();
	}

}
