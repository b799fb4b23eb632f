package com.licensingportal.offline;

import com.licensingportal.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.refusal.RefusedException.Kind;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.refusal.RefusedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Offline activation for scripts: the request file as the body, the signed license file as the answer. */
@RestController
@Tag(name = "Devices and activation")
class OfflineActivationApiController {

	private final OfflineActivations offline;

	OfflineActivationApiController(OfflineActivations offline) {
		this.offline = offline;
	}

	@PostMapping(path = "/api/v1/activations/offline", produces = LicenseFile.CONTENT_TYPE)
	@Operation(operationId = "activateOffline", summary = "Activate offline: send the offline server's activation request file, get the signed license file",
			description = "The body is the request file exactly as the server wrote it (application/json, at most 64 KiB, "
					+ "format: /schemas/activation-request.schema.json). The answer is the license file to copy to the "
					+ "server (verify it with the key at /.well-known/licensing-public-key). A request file works once "
					+ "(409 when used again), 413 above 64 KiB, 415 for another content type.",
			requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
					schema = @Schema(type = "object", externalDocs = @io.swagger.v3.oas.annotations.ExternalDocumentation(
							description = "request file format", url = "/schemas/activation-request.schema.json")),
					examples = @ExampleObject(value = """
							{"formatVersion": 1, "deviceName": "HARBOR-NVR-07",
							 "hostId": "4C4C4544-0042-3510-8052-B4C04F4A3337",
							 "nonce": "q3Jm0vYb8x1VhRz2Lp5KtA9w", "createdAt": "2026-11-27T09:30:00Z",
							 "licenses": [{"activationId": "7KQ2-9XTM-C4HP-R8WD", "quantity": 4}]}"""))),
			responses = @ApiResponse(responseCode = "201", description = "the signed license file (JWS, JSON serialization)",
					content = @Content(mediaType = LicenseFile.CONTENT_TYPE)))
	ResponseEntity<String> activate(@AuthenticationPrincipal PortalUserPrincipal user, HttpServletRequest request)
			throws IOException {
		OfflineActivation activation = this.offline.activate(user.getUserId(), request.getContentType(), read(request),
				user.getEmail());
		String deviceId = activation.getDevice().getDeviceId();
		String licenseFile = this.offline.licenseFile(user.getUserId(), deviceId, activation.getId())
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.offline.noFile")));
		return ResponseEntity.created(URI.create("/api/v1/devices/" + deviceId))
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("license-" + deviceId + "-" + activation.getId() + ".json")
				.build()
				.toString())
			.body(licenseFile);
	}

	/** Not read at all when it says it is too large; otherwise at most one byte too many, which the parser refuses. */
	private static byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > ActivationRequestFile.MAX_BYTES) {
			throw new RefusedException(Kind.TOO_LARGE, OfflineActivationController.TOO_LARGE);
		}
		try (InputStream in = request.getInputStream()) {
			return in.readNBytes(ActivationRequestFile.MAX_BYTES + 1);
		}
	}

}
