package com.licensingportal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import com.licensingportal.security.EarlyAnswerHeaders;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Messages;

/**
 * Requests that Tomcat refuses before the portal sees them (an encoded slash or a NUL in the address, a path
 * above the root, broken percent-encoding, a request line over 8 KB) got Tomcat's bare "HTTP Status 400"
 * report. They get the portal's own words instead: a plain page (static, since no template engine runs that
 * early) or, under /api, problem+json.
 */
@Component
class UnreadableRequestPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.setErrorReportValveClass(Report.class.getName());
			host.getPipeline().addValve(new Report());
		});
	}

	/** After Spring Boot's own customizer, which adds Tomcat's report without its details. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Tomcat's error report, in the portal's words for the client errors it answers itself. */
	public static class Report extends ErrorReportValve {

		private static final String PAGE = page();

		public Report() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || status >= 500 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				super.report(request, response, throwable);
				return;
			}
			try {
				boolean api = String.valueOf(request.getRequestURI()).startsWith("/api/");
				EarlyAnswerHeaders.write(request, response);
				response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : "text/html;charset=UTF-8");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					Locale locale = Languages.firstSpoken(request.getLocales());
					writer.write(api ? "{\"type\":\"about:blank\",\"title\":\""
							+ json(Messages.format("users.unreadable.api.title", locale)) + "\",\"status\":" + status
							+ ",\"detail\":\"" + json(Messages.format("users.unreadable.api.detail", locale)) + "\"}"
							: page(status, locale));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client went away or the response is already on its way; nothing left to tell.
			}
		}

		/** A sentence of the bundle inside a JSON string: a translation may hold quotes. */
		private static String json(String sentence) {
			return new String(JsonStringEncoder.getInstance().quoteAsString(sentence));
		}

		private static String page(int status, Locale locale) {
			return PAGE.replace("{status}", String.valueOf(status))
				.replace("{lang}", locale.getLanguage())
				.replace("{title}", HtmlUtils.htmlEscape(Messages.format("users.unreadable.title", locale)))
				.replace("{brand}", HtmlUtils.htmlEscape(Messages.format("users.layout.brand", locale)))
				.replace("{heading}", HtmlUtils.htmlEscape(Messages.format("users.error.400.heading", locale)))
				.replace("{text}", HtmlUtils.htmlEscape(Messages.format("users.unreadable.text", locale)))
				.replace("{back}", HtmlUtils.htmlEscape(Messages.format("users.error.backToPortal", locale)));
		}

		private static String page() {
			try (InputStream in = Report.class.getResourceAsStream("/unreadable-request.html")) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
