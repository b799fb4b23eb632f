package com.licensingportal.license;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily expiry digests: for every account with line items (channels left) that expire within
 * {@value #MONTH} days, one digest per administrator of the account, listing what expires within
 * {@value #WEEK} days and what within {@value #MONTH}. A line item is announced once per threshold, as the
 * table {@code expiry_announcement} records; accounts with nothing new get nothing.
 */
@Service
public class ExpiryReminders {

	public static final int MONTH = 30;

	public static final int WEEK = 7;

	private final JdbcTemplate jdbc;

	ExpiryReminders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One line of a digest. */
	record Expiring(long lineItemId, long accountId, String accountName, String accountNumber, String activationId,
			String entitlementId, String partNumber, String version, int available, LocalDate expiresOn) {
	}

	/**
	 * Collects what is new to announce on {@code today} and records it as announced. The digests are plain
	 * maps and lists (process variables, mail template model): to, recipientName, accountName, accountNumber,
	 * today, expiringBefore (for the portal link), within7 and within30 (lines with activationId, entitlementId, partNumber, version, available,
	 * expiresOn, daysLeft, when: "today", "tomorrow" or "in 12 days").
	 */
	@Transactional
	public ArrayList<HashMap<String, Object>> collect(LocalDate today) {
		Map<Long, List<Expiring>> byAccount = new LinkedHashMap<>();
		for (Expiring line : unannounced(today)) {
			byAccount.computeIfAbsent(line.accountId(), id -> new ArrayList<>()).add(line);
		}
		ArrayList<HashMap<String, Object>> digests = new ArrayList<>();
		byAccount.forEach((accountId, lines) -> {
			List<Map<String, Object>> administrators = administrators(accountId);
			if (administrators.isEmpty()) {
				return; // announced once someone can read it
			}
			for (Map<String, Object> administrator : administrators) {
				digests.add(digest(administrator, lines, today));
			}
			for (Expiring line : lines) {
				this.jdbc.update("insert into expiry_announcement (line_item_id, threshold_days, announced_on) values (?, ?, ?)",
						line.lineItemId(), threshold(line, today), today);
			}
		});
		return digests;
	}

	private List<Expiring> unannounced(LocalDate today) {
		List<Expiring> unannounced = new ArrayList<>();
		this.jdbc.query("""
				select li.id, a.id as account_id, a.name, a.account_number, li.activation_id, e.entitlement_number,
				 p.part_number, li.product_version, li.available_quantity, li.expires_on,
				 aw.line_item_id as week_announced, am.line_item_id as month_announced
				 from line_item li
				 join account a on a.id = li.owner_account_id
				 join entitlement e on e.id = li.entitlement_id
				 join product p on p.id = li.product_id
				 left join expiry_announcement aw on aw.line_item_id = li.id and aw.threshold_days = ?
				 left join expiry_announcement am on am.line_item_id = li.id and am.threshold_days = ?
				 where li.expires_on >= ? and li.expires_on <= ? and li.available_quantity > 0 and a.status = 'ACTIVE'
				 order by a.name, a.id, li.expires_on, li.activation_id""", rs -> {
			Expiring line = new Expiring(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
					rs.getString("account_number"), rs.getString("activation_id"), rs.getString("entitlement_number"),
					rs.getString("part_number"), rs.getString("product_version"), rs.getInt("available_quantity"),
					rs.getObject("expires_on", LocalDate.class));
			boolean announced = rs.getObject(threshold(line, today) == WEEK ? "week_announced" : "month_announced") != null;
			if (!announced) {
				unannounced.add(line);
			}
		}, WEEK, MONTH, today, today.plusDays(MONTH));
		return unannounced;
	}

	private List<Map<String, Object>> administrators(long accountId) {
		return this.jdbc.queryForList("""
				select u.email, u.first_name from account_membership m join portal_user u on u.id = m.user_id
				 where m.account_id = ? and u.status = 'ACTIVE'
				 and m.user_type in ('PARTNER_ADMINISTRATOR', 'CUSTOMER_ADMINISTRATOR') order by u.email""", accountId);
	}

	private static HashMap<String, Object> digest(Map<String, Object> administrator, List<Expiring> lines,
			LocalDate today) {
		HashMap<String, Object> digest = new HashMap<>();
		digest.put("to", administrator.get("email"));
		digest.put("recipientName", administrator.get("first_name"));
		digest.put("accountName", lines.get(0).accountName());
		digest.put("accountNumber", lines.get(0).accountNumber());
		digest.put("today", today.toString());
		digest.put("expiringBefore", today.plusDays(MONTH + 1).toString());
		ArrayList<HashMap<String, Object>> week = new ArrayList<>();
		ArrayList<HashMap<String, Object>> month = new ArrayList<>();
		for (Expiring line : lines) {
			(threshold(line, today) == WEEK ? week : month).add(line(line, today));
		}
		digest.put("within7", week);
		digest.put("within30", month);
		return digest;
	}

	private static HashMap<String, Object> line(Expiring line, LocalDate today) {
		HashMap<String, Object> map = new HashMap<>();
		map.put("activationId", line.activationId());
		map.put("entitlementId", line.entitlementId());
		map.put("partNumber", line.partNumber());
		map.put("version", line.version());
		map.put("available", line.available());
		map.put("expiresOn", line.expiresOn().toString());
		long daysLeft = ChronoUnit.DAYS.between(today, line.expiresOn());
		map.put("daysLeft", (int) daysLeft);
		map.put("when", daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days");
		return map;
	}

	/** Within a week: the 7-day announcement; otherwise the 30-day one. */
	private static int threshold(Expiring line, LocalDate today) {
		return ChronoUnit.DAYS.between(today, line.expiresOn()) <= WEEK ? WEEK : MONTH;
	}

}
