package com.licensingportal.base;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the portal as a whole ({@code portal.*}).
 *
 * @param baseUrl the address users reach the portal at, e.g. https://licensing.example.com: links in emails and the
 * issuer of offline license files use it (PORTAL_BASE_URL)
 * @param nodeName this node's name in the engine's job log (Cockpit), e.g. portal-1; empty: the machine's address
 * (PORTAL_NODE_NAME)
 */
@ConfigurationProperties("portal")
@Validated
public record PortalProperties(
		@NotBlank @Pattern(regexp = "https?://\\S+",
				message = "must be the address users reach the portal at, such as https://licensing.example.com") String baseUrl,
		@DefaultValue("") String nodeName) {

	public PortalProperties {
		// Links are the base URL and a path that starts with a slash.
		if (baseUrl != null && baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		nodeName = nodeName == null ? "" : nodeName.strip();
	}

}
