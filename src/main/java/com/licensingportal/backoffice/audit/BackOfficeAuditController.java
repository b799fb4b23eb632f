package com.licensingportal.backoffice.audit;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The whole back-office audit trail: the newest changes on a page, all of them as CSV. */
@Controller
public class BackOfficeAuditController {

	static final String VIEW_AUDIT = "backoffice/audit";

	/** Writes CSV to a stream. */
	@FunctionalInterface
	public interface CsvWriter {

		void write(OutputStream out) throws IOException;

	}

	private final BackOfficeAudit audit;

	BackOfficeAuditController(BackOfficeAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/back-office/audit")
	String latest(Model model) {
		model.addAttribute("auditTrail", this.audit.latest());
		return VIEW_AUDIT;
	}

	@GetMapping("/back-office/audit.csv")
	void all(HttpServletResponse response) throws IOException {
		download(response, "back-office-audit.csv", out -> this.audit.writeCsv(null, null, out));
	}

	/** A CSV download of (part of) the audit trail, for the pages that show one. */
	public static void download(HttpServletResponse response, String fileName, CsvWriter csv) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		csv.write(response.getOutputStream());
	}

}
