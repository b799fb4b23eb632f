package com.licensingportal.offline;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public key that verifies license files, open to anyone: PEM by default, a JWK (RFC 8037) with
 * {@code ?format=jwk} or {@code Accept: application/jwk+json} (or {@code application/json}).
 */
@RestController
class PublicKeyController {

	static final String PATH = "/.well-known/licensing-public-key";

	static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

	static final MediaType JWK = MediaType.parseMediaType("application/jwk+json");

	private final LicenseSigningKeys keys;

	PublicKeyController(LicenseSigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(PATH)
	ResponseEntity<?> publicKey(@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		boolean jwk = "jwk".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("json"));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		if (jwk) {
			Map<String, String> body = LicenseKeys.toJwk(this.keys.publicKey());
			return response.contentType(JWK).body(body);
		}
		return response.contentType(PEM).body(LicenseKeys.toPem(this.keys.publicKey()));
	}

}
