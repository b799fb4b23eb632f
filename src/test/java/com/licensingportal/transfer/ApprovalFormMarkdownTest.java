package com.licensingportal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.TasklistMarkdown;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown Tasklist renders in the approval form: a requester, account or device named like a link, an
 * image, a heading or HTML shows Order Management that name as text, never a working link or markup (issue 15
 * item 9); and no form of {@code bpmn/} puts anything but the portal's escaped texts into its Markdown. Rendered
 * with CommonMark; Tasklist's form-js renders with marked (GFM), whose autolinks start only where the text reads
 * {@code http://}, {@code https://}, {@code ftp://}, {@code www.} or {@code name@} unescaped, which is checked on
 * the Markdown itself.
 */
class ApprovalFormMarkdownTest extends TransferTestSupport {

	static final String LINK_NAME = "[Approve: verified by Northwind](https://evil.example/x)";

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

	/** Where marked's GFM autolinks could start: a scheme, www. or an email's @ that no backslash escapes. */
	private static final Pattern AUTOLINK = Pattern.compile("(?i)(?<!\\\\)(?:(?:https?|ftp)://|www\\.|[a-z0-9._+-]@)");

	/** The variables that the portal writes escaped for the forms' Markdown. */
	private static final Set<String> ESCAPED = Set.of("approvalSummary", "lineItemHistory");

	@Autowired
	UserRepository users;

	@ParameterizedTest
	@ValueSource(strings = { LINK_NAME, "![logo](https://evil.example/logo.png)", "<a href=\"https://evil.example\">Approve</a>",
			"<img src=x onerror=alert(1)>", "https://evil.example/approve", "www.evil.example", "victim@evil.example",
			"# Approved\n\n**by the vendor**", "[Approve][1]\n\n[1]: https://evil.example", "&lt;script&gt;",
			"`code` _emphasis_ ~~gone~~ | table |", "back\\slash\\[x](y)" })
	void anyTextRendersAsItselfAndNeverAsMarkup(String text) {
		String markdown = TasklistMarkdown.escape(text);
		String html = render(markdown);

		assertThat(html).doesNotContain("<a ", "<img", "<h1", "<strong", "<em", "<code", "<script");
		assertThat(HtmlUtils.htmlUnescape(html.replaceAll("</?p>", "")).strip()).isEqualTo(text.replaceAll("[\\n\\r]", " "));
		assertThat(AUTOLINK.matcher(markdown).find()).as("an autolink could start in %s", markdown).isFalse();
	}

	@Test
	void aRequesterAccountAndDeviceNamedLikeALinkShowAsTextInTheApprovalForm() {
		Account target = this.fixtures.customer("Kestrel <b>Foods</b> " + LicenseFixtures.unique("www.evil.example"));
		PortalUser requester = this.fixtures.user("hostile", this.partner, UserType.PARTNER_ADMINISTRATOR);
		requester = renamed(requester, LINK_NAME);
		LineItem source = this.fixtures.lineItem(this.partner, this.product, 10, null);
		this.fixtures.activateOnNewDevice(source, 1, "[Approved](https://evil.example/device)");

		ChannelTransfer transfer = requested(requester, request(source, 4, target));
		ProcessInstance instance = processOf(transfer);
		String taskId = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		String summaryMarkdown = (String) this.taskService.getVariableLocal(taskId, "approvalSummary");
		String historyMarkdown = (String) this.taskService.getVariableLocal(taskId, "lineItemHistory");
		String summary = render(summaryMarkdown);
		String history = render(historyMarkdown);

		assertThat(summary).doesNotContain("<a ", "<b>", "href").contains("<h3>Transfer " + transfer.getTransferNumber());
		assertThat(HtmlUtils.htmlUnescape(summary)).contains("Requested by:</strong> " + LINK_NAME + " Tester (",
				"To:</strong> " + target.getName() + " (" + target.getAccountNumber() + ")");
		assertThat(history).doesNotContain("<a ", "href").contains("<li>");
		assertThat(AUTOLINK.matcher(summaryMarkdown + historyMarkdown).find()).isFalse();
		assertThat(HtmlUtils.htmlUnescape(history)).contains("on [Approved](https://evil.example/device)");
	}

	@Test
	void noFormPutsAnythingButThePortalsEscapedTextsIntoItsMarkdownOrLabels() throws IOException {
		List<String> templated = new ArrayList<>();
		for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.form")) {
			try (InputStream in = form.getInputStream()) {
				collectTemplates(new ObjectMapper().readTree(in), form.getFilename(), templated);
			}
		}

		assertThat(templated).isNotEmpty().allSatisfy(reference -> assertThat(ESCAPED).contains(reference.split(": ")[1]));
	}

	private static void collectTemplates(JsonNode node, String form, List<String> found) {
		if (node.isTextual()) {
			Matcher matcher = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}").matcher(node.asText());
			while (matcher.find()) {
				found.add(form + ": " + matcher.group(1));
			}
			assertThat(node.asText().replaceAll("\\{\\{\\s*[^}\\s]+\\s*}}", "")).as(form).doesNotContain("{{");
		}
		node.forEach(child -> collectTemplates(child, form, found));
	}

	private PortalUser renamed(PortalUser user, String firstName) {
		PortalUser loaded = this.users.findById(user.getId()).orElseThrow();
		loaded.setFirstName(firstName);
		return this.users.save(loaded);
	}

	private static String render(String markdown) {
		return HTML.render(MARKDOWN.parse(markdown));
	}

}
