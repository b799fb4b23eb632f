package com.licensingportal.backoffice.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.licensingportal.backoffice.audit.AuditAction;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.backoffice.orders.ImportedOrders.Checked;
import com.licensingportal.backoffice.orders.SalesOrderCsv.Problem;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order Management's CSV imports of sales orders. An upload is stored in a temporary file and checked whole; a
 * file with problems is refused with all of them and leaves nothing behind. A file without problems is imported
 * in the background, order by order through the intake (the same SalesOrderIntake process as the API), its
 * progress in the table {@code sales_order_import} so that any node shows it. An order number the portal has is
 * skipped: the same file twice enters each order once, and a file whose import stopped half-way can be uploaded
 * again to finish it.
 */
@Service
public class SalesOrderImports {

	/** An import as its page shows it. */
	public record Import(long id, String fileName, String uploadedBy, Instant uploadedAt, String state, int orders,
			int lines, int ordersDone, int ordersNew, int linesDone, Instant heartbeatAt, Instant finishedAt,
			String failure) {

		public int percent() {
			return this.lines == 0 ? 100 : (int) (100L * this.linesDone / this.lines);
		}

		public boolean running() {
			return "QUEUED".equals(this.state) || "RUNNING".equals(this.state);
		}

		/** Running, but its node has not written for longer than a node would: the node stopped. */
		public boolean stalledAt(Instant now) {
			return running() && this.heartbeatAt.isBefore(now.minus(STALLED_AFTER));
		}

	}

	/** What an upload came to: refused with the check's problems, nothing new to import, or an import. */
	public record Upload(Checked check, Import started) {
	}

	/** A file the import refuses as a whole, before reading its rows: too large, empty, not a file. */
	static final class UploadRefusedException extends RefusedException {

		private static final long serialVersionUID = 1L;

		UploadRefusedException(Kind kind, Text text) {
			super(kind, text, java.util.List.of(new FieldError("file", text)));
		}

	}

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	static final Duration STALLED_AFTER = Duration.ofMinutes(2);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

	private static final int CONCURRENT_IMPORTS = 2;

	private static final Logger log = LoggerFactory.getLogger(SalesOrderImports.class);

	private static final RowMapper<Import> IMPORT = (rs, n) -> new Import(rs.getLong("id"), rs.getString("file_name"),
			rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at")), rs.getString("state"),
			rs.getInt("order_count"), rs.getInt("line_count"), rs.getInt("orders_done"), rs.getInt("orders_new"),
			rs.getInt("lines_done"), instant(rs.getTimestamp("heartbeat_at")), instant(rs.getTimestamp("finished_at")),
			rs.getString("failure"));

	private final ImportedOrders orders;

	private final SalesOrderIntakeService intake;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate transaction;

	private final BackOfficeAudit audit;

	private final Clock clock;

	private final ThreadPoolExecutor workers;

	SalesOrderImports(ImportedOrders orders, SalesOrderIntakeService intake, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, Clock clock, BackOfficeAudit audit) {
		this.orders = orders;
		this.intake = intake;
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(CONCURRENT_IMPORTS, CONCURRENT_IMPORTS, 1, TimeUnit.MINUTES,
				new SynchronousQueue<>(), work -> {
					Thread thread = new Thread(work, "sales-order-import-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.workers.allowCoreThreadTimeOut(true);
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	/**
	 * Checks the uploaded file and, when it has no problems, starts importing it. The same file while its import
	 * still runs answers that import.
	 * @throws RefusedException when the file is too large or empty; nothing changed
	 */
	public Upload upload(String fileName, InputStream content, String actor) {
		Path file = store(content);
		boolean handedOn = false;
		try {
			String sha256 = sha256(file);
			Optional<Import> running = runningImportOf(sha256);
			if (running.isPresent()) {
				return new Upload(null, running.get());
			}
			Checked check = this.readOnly.execute(status -> this.orders.check(file));
			if (!check.importable() || check.alreadyReceived() == check.orders()) {
				return new Upload(check, null);
			}
			long id = insert(name(fileName), sha256, actor, check);
			try {
				this.workers.execute(() -> run(id, file, actor));
				handedOn = true;
			}
			catch (RejectedExecutionException busy) {
				this.transaction.executeWithoutResult(
						status -> this.jdbc.update("delete from sales_order_import where id = ?", id));
				throw new UploadRefusedException(RefusedException.Kind.CONFLICT, Text.of("backoffice.import.busy", CONCURRENT_IMPORTS));
			}
			log.info("{} uploaded {} ({} orders, {} lines): import {} started", actor, fileName, check.orders(),
					check.lines(), id);
			return new Upload(check, find(id).orElseThrow());
		}
		finally {
			if (!handedOn) {
				delete(file);
			}
		}
	}

	public Optional<Import> find(long id) {
		return this.jdbc.query("select * from sales_order_import where id = ?", IMPORT, id).stream().findFirst();
	}

	/** The latest imports, newest first. */
	public List<Import> latest(int count) {
		return this.jdbc.query("select * from sales_order_import order by uploaded_at desc, id desc limit ?", IMPORT,
				count);
	}

	public Instant now() {
		return this.clock.instant();
	}

	private Optional<Import> runningImportOf(String sha256) {
		Timestamp fresh = Timestamp.from(this.clock.instant().minus(STALLED_AFTER));
		return this.jdbc
			.query("select * from sales_order_import where file_sha256 = ? and state in ('QUEUED', 'RUNNING')"
					+ " and heartbeat_at > ? order by id desc", IMPORT, sha256, fresh)
			.stream()
			.findFirst();
	}

	// Each write of the import's row in a transaction of its own: the pool's connections do not commit by themselves.
	private long insert(String fileName, String sha256, String actor, Checked check) {
		Timestamp now = Timestamp.from(this.clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.transaction.executeWithoutResult(status -> this.jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("insert into sales_order_import (file_name,"
					+ " file_sha256, uploaded_by, uploaded_at, state, order_count, line_count, orders_done, orders_new,"
					+ " lines_done, heartbeat_at) values (?, ?, ?, ?, 'QUEUED', ?, ?, 0, 0, 0, ?)", new String[] { "id" });
			insert.setString(1, fileName);
			insert.setString(2, sha256);
			insert.setString(3, actor);
			insert.setTimestamp(4, now);
			insert.setLong(5, check.orders());
			insert.setLong(6, check.lines());
			insert.setTimestamp(7, now);
			return insert;
		}, key));
		return key.getKey().longValue();
	}

	/** The import itself: each order through the intake, progress written at least every second. */
	private void run(long id, Path file, String actor) {
		int[] done = new int[3]; // orders, new orders, lines
		Instant[] written = { Instant.EPOCH };
		try {
			progress(id, "RUNNING", done);
			this.orders.read(file, order -> {
				if (!order.alreadyReceived() && Boolean.TRUE.equals(this.transaction.execute(status -> {
					boolean created = this.intake.receive(order.request(), actor).created();
					if (created) {
						this.audit.record(actor, SubjectType.SALES_ORDER, order.request().orderNumber(),
								AuditAction.IMPORTED, null, "Import " + id + ": "
										+ SalesOrderDesk.summary(order.request()));
					}
					return created;
				}))) {
					done[1]++;
				}
				done[0]++;
				done[2] += order.lines();
				if (Duration.between(written[0], this.clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
					progress(id, "RUNNING", done);
					written[0] = this.clock.instant();
				}
			}, problem -> {
				throw new RefusedException(RefusedException.Kind.CONFLICT,
						Text.of("backoffice.import.rowChanged", String.valueOf(problem.row()), problem.message()));
			});
			progress(id, "DONE", done);
			log.info("Import {} by {} done: {} orders, {} of them new, {} lines", id, actor, done[0], done[1], done[2]);
		}
		catch (RuntimeException ex) {
			log.error("Import {} by {} stopped after {} orders", id, actor, done[0], ex);
			fail(id, done, ex instanceof RefusedException refused && refused.text() != null ? refused.text()
					: Text.of("backoffice.import.stopped", ex instanceof IllegalStateException ? ex.getMessage()
							: ex.getClass().getSimpleName()));
		}
		finally {
			delete(file);
		}
	}

	private void progress(long id, String state, int[] done) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.transaction.executeWithoutResult(status -> this.jdbc.update("""
				update sales_order_import set state = ?, orders_done = ?, orders_new = ?, lines_done = ?, heartbeat_at = ?,
				finished_at = ? where id = ?""", state, done[0], done[1], done[2], now,
				"DONE".equals(state) ? now : null, id));
	}

	/** The import stopped: the reason is kept in English, the default language (no reader is known here). */
	private void fail(long id, int[] done, Text reason) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String english = Text.of("backoffice.import.failed", reason).toString();
		String failure = english.length() > 1990 ? english.substring(0, 1990) : english;
		this.transaction.executeWithoutResult(status -> this.jdbc.update("""
				update sales_order_import set state = 'FAILED', orders_done = ?, orders_new = ?, lines_done = ?,
				heartbeat_at = ?, finished_at = ?, failure = ? where id = ?""", done[0], done[1], done[2],
				now, now, failure, id));
	}

	/** The upload in a temporary file, refused when larger than {@link #MAX_BYTES} or empty. */
	private static Path store(InputStream content) {
		try {
			Path file = Files.createTempFile("sales-order-import-", ".csv");
			long size;
			try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
				size = in.transferTo(new LimitedOutputStream(out, MAX_BYTES));
			}
			catch (LimitedOutputStream.TooLarge tooLarge) {
				delete(file);
				throw new UploadRefusedException(RefusedException.Kind.TOO_LARGE, tooLarge());
			}
			if (size == 0) {
				delete(file);
				throw new UploadRefusedException(RefusedException.Kind.INVALID, Text.of("backoffice.import.emptyFile"));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Text tooLarge() {
		return Text.of("backoffice.import.tooLarge", MAX_BYTES / 1024 / 1024, 10_000);
	}

	private static String sha256(Path file) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		return name.length() > 255 ? name.substring(0, 255) : name;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the import file {}", file, ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Counts what passes through and stops past the limit. */
	private static final class LimitedOutputStream extends java.io.FilterOutputStream {

		static final class TooLarge extends IOException {

			private static final long serialVersionUID = 1L;

		}

		private final long limit;

		private long written;

		LimitedOutputStream(OutputStream out, long limit) {
			super(out);
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			count(1);
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			count(len);
			this.out.write(b, off, len);
		}

		private void count(int bytes) throws TooLarge {
			this.written += bytes;
			if (this.written > this.limit) {
				throw new TooLarge();
			}
		}

	}

}
