package com.licensingportal.backoffice.orders;

import java.io.IOException;
import java.util.Locale;
import java.nio.charset.StandardCharsets;

import com.licensingportal.backoffice.orders.SalesOrderImports.Upload;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The CSV import of sales orders: the upload with its check, the example file, an import's progress. */
@Controller
class SalesOrderImportController {

	static final String VIEW_IMPORT = "backoffice/orders/import";

	static final String VIEW_PROGRESS = "backoffice/orders/import-progress";

	private final SalesOrderImports imports;

	SalesOrderImportController(SalesOrderImports imports) {
		this.imports = imports;
	}

	@GetMapping("/back-office/sales-orders/import")
	String page(Model model) {
		model.addAttribute("imports", this.imports.latest(10));
		model.addAttribute("columns", SalesOrderCsv.Column.values());
		model.addAttribute("now", this.imports.now());
		model.addAttribute("maxMegabytes", SalesOrderImports.MAX_BYTES / 1024 / 1024);
		return VIEW_IMPORT;
	}

	@GetMapping("/back-office/sales-orders/import/example.csv")
	ResponseEntity<byte[]> example() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("sales-orders-example.csv").build().toString())
			.body(SalesOrderCsv.example().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/back-office/sales-orders/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Authentication staff, Model model,
			Locale locale) throws IOException {
		if (file == null || file.isEmpty()) {
			return refused(model, HttpStatus.UNPROCESSABLE_ENTITY,
					Text.of(file == null ? "backoffice.import.noFile" : "backoffice.import.emptyFile").in(locale));
		}
		if (file.getSize() > SalesOrderImports.MAX_BYTES) {
			return refused(model, HttpStatus.PAYLOAD_TOO_LARGE, SalesOrderImports.tooLarge().in(locale));
		}
		Upload upload;
		try {
			upload = this.imports.upload(file.getOriginalFilename(), file.getInputStream(), staff.getName());
		}
		catch (RefusedException refused) {
			return refused(model, org.springframework.http.HttpStatus.valueOf(refused.kind().status()), refused.message(locale));
		}
		if (upload.started() != null) {
			return "redirect:/back-office/sales-orders/imports/" + upload.started().id();
		}
		model.addAttribute("check", upload.check());
		if (upload.check().importable()) {
			model.addAttribute("message",
					Text.of("backoffice.import.allThere", upload.check().orders()).in(locale));
		}
		else {
			PageRefusal.answer(model, HttpStatus.UNPROCESSABLE_ENTITY);
		}
		return page(model);
	}

	@GetMapping("/back-office/sales-orders/imports/{importId}")
	String progress(@PathVariable long importId, Model model) {
		model.addAttribute("upload", this.imports.find(importId).orElseThrow(() -> RefusedException.notFound(Text.of("backoffice.import.notFound"))));
		model.addAttribute("now", this.imports.now());
		return VIEW_PROGRESS;
	}

	/**
	 * A file over the server's upload limit: the import page with the sentence, not an error page. (No interceptor
	 * sees an exception handler's page: the status is set here.)
	 */
	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadableUpload(MultipartException ex, Locale locale) {
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		ExtendedModelMap model = new ExtendedModelMap();
		model.addAttribute("message",
				(tooLarge ? SalesOrderImports.tooLarge() : Text.of("backoffice.import.unreadable")).in(locale));
		return new ModelAndView(page(model), model, tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST);
	}

	private String refused(Model model, HttpStatus status, String message) {
		model.addAttribute("message", message);
		PageRefusal.answer(model, status);
		return page(model);
	}

}
