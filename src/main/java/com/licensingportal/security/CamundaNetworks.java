package com.licensingportal.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code PORTAL_CAMUNDA_ALLOWED_NETWORKS}: when set, Camunda's webapps and REST API answer only to client
 * addresses in these networks (the address as the portal sees it: behind a trusted proxy, the forwarded one);
 * everyone else gets 404, as if they did not exist. Unset: everyone.
 */
class CamundaNetworks extends OncePerRequestFilter {

	private final List<IpAddressMatcher> networks;

	CamundaNetworks(String allowedNetworks) {
		this.networks = parse(allowedNetworks);
	}

	static List<IpAddressMatcher> parse(String allowedNetworks) {
		if (allowedNetworks == null || allowedNetworks.isBlank()) {
			return List.of();
		}
		return Arrays.stream(allowedNetworks.split(",")).map(String::strip).filter(cidr -> !cidr.isEmpty()).map(cidr -> {
			try {
				return new IpAddressMatcher(cidr);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("PORTAL_CAMUNDA_ALLOWED_NETWORKS: \"" + cidr
						+ "\" is not a network; write addresses or CIDRs separated by commas, e.g. 10.0.0.0/8,192.168.1.7");
			}
		}).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (this.networks.isEmpty()) {
			return true;
		}
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return !(isUnder(path, "/camunda") || isUnder(path, "/engine-rest"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = request.getRemoteAddr();
		if (this.networks.stream().anyMatch(network -> matches(network, client))) {
			chain.doFilter(request, response);
			return;
		}
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	private static boolean matches(IpAddressMatcher network, String client) {
		try {
			return network.matches(client);
		}
		catch (IllegalArgumentException notAnAddress) {
			return false;
		}
	}

	private static boolean isUnder(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

}
