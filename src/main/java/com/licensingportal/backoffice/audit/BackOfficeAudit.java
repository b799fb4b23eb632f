package com.licensingportal.backoffice.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.license.EntitlementCsv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's audit trail: every change Order Management makes is recorded here, in the transaction of the
 * change itself (so a change that rolls back leaves no entry, and none is made without one), and shown on the page
 * of what it changed; the whole trail, or one subject's, downloads as CSV.
 */
@Service
public class BackOfficeAudit {

	static final String[] CSV_HEADER = { "When (UTC)", "Who", "Subject", "Key", "Action", "Before", "After" };

	private final AuditEntryRepository entries;

	private final Clock clock;

	BackOfficeAudit(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** Records a change; to be called inside the change's transaction. Nothing is recorded when nothing changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, SubjectType type, String key, AuditAction action, String before, String after) {
		if (before != null && Objects.equals(before, after)) {
			return;
		}
		this.entries.save(new AuditEntry(this.clock.instant(), actor, type, key, action.name(), before, after));
	}

	/** The newest 200 changes of one account, product or order, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> of(SubjectType type, String key) {
		return this.entries.findTop200BySubjectTypeAndSubjectKeyOrderByOccurredAtDescIdDesc(type, key);
	}

	/** The newest 200 changes of all, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> latest() {
		return this.entries.findTop200ByOrderByOccurredAtDescIdDesc();
	}

	/**
	 * Writes the trail (one subject's when {@code type} is given, else all) as CSV, oldest first, streamed from the
	 * database: memory does not grow with the trail; cells are neutralised against spreadsheet formulas.
	 */
	@Transactional(readOnly = true)
	public void writeCsv(SubjectType type, String key, OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
				Stream<AuditEntry> rows = type == null ? this.entries.streamAll() : this.entries.streamOf(type, key)) {
			rows.forEach(entry -> {
				try {
					csv.printRecord(Stream.of(entry.getOccurredAt().toString(), entry.getActor(),
							entry.getSubjectType().name(), entry.getSubjectKey(), entry.getAction(), entry.getBefore(),
							entry.getAfter()).map(EntitlementCsv::neutralise).toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
