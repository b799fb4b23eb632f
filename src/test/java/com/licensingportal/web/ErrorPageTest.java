package com.licensingportal.web;

import java.util.Map;

import com.licensingportal.support.PortalIntegrationTest;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The error page says in plain words what happened and what to do, for every status a refusal can have. */
class ErrorPageTest extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void eachClientErrorSaysWhatHappenedAndWhatToDo() throws Exception {
		Map<Integer, String> sentences = Map.of(400, "Go back, check what you typed and try again", 403,
				"This form has expired. Reload the page and try again.", 404,
				"does not exist, or you cannot see it. Check the address, or open the page from the menu.", 405,
				"Open the page from the menu and use its buttons.", 409, "Reload the page, check what it shows now and try again.",
				413, "Choose the right, smaller file and try again.", 415,
				"Use the page's own form, and upload the kind of file it asks for.", 422,
				"correct what the page points out and try again.", 429, "Wait a few minutes, then try again.");
		for (Map.Entry<Integer, String> status : sentences.entrySet()) {
			String page = this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status.getKey())
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere"))
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(HtmlUtils.htmlUnescape(page).replaceAll("\\s+", " ")).as("the %s page", status.getKey())
				.contains("<title>Error " + status.getKey() + " · Licensing Portal</title>", status.getValue())
				.doesNotContain("Something went wrong");
		}
	}

}
