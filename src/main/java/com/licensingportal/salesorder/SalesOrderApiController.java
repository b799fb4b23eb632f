package com.licensingportal.salesorder;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.salesorder.SalesOrderIntakeService.Cancellation;
import com.licensingportal.salesorder.SalesOrderIntakeService.Receipt;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The order system's door: sales orders in, their state out, a line cancelled (a credit note). */
@RestController
@RequestMapping("/api/v1/sales-orders")
@Tag(name = "Sales orders", description = "For the order system and Order Management's scripts: HTTP Basic as a Camunda "
		+ "user of the group order-intake or order-management")
@SecurityRequirement(name = "camundaBasic")
class SalesOrderApiController {

	static final String EXAMPLE = """
			{"orderNumber": "SO-2026-1001",
			 "orderDate": "2026-12-06",
			 "soldTo": {"customerNumber": "C-10001", "name": "Harbor Logistics", "type": "CUSTOMER",
			            "partnerCustomerNumber": "P-20001"},
			 "contact": {"email": "it@harbor.example", "firstName": "Ana", "lastName": "Silva"},
			 "lines": [{"lineNumber": 1, "partNumber": "ACC7-ENT-CH", "version": "7.14", "quantity": 16},
			           {"lineNumber": 2, "partNumber": "ACC7-CARE-1Y", "renewsActivationId": "7KQ2-9XTM-C4HP-R8WD", "quantity": 16}]}""";

	private final SalesOrderIntakeService orders;

	SalesOrderApiController(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	@Operation(operationId = "receiveSalesOrder", summary = "Send a sales order; the same order number again answers the same order",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = SalesOrderRequest.class),
							examples = @ExampleObject(name = "new license and renewal", value = EXAMPLE))),
			responses = { @ApiResponse(responseCode = "202", description = "Received: the SalesOrderIntake process enters it"),
					@ApiResponse(responseCode = "200", description = "This order was received before, with the same content"),
					@ApiResponse(responseCode = "400", description = "Not JSON, or fields this call does not know"),
					@ApiResponse(responseCode = "409", description = "The order number was received with other content; the problem names the fields"),
					@ApiResponse(responseCode = "422", description = "Fields missing or wrong; the problem's errors name each one") })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SalesOrderView> receive(@RequestBody JsonNode body, Authentication caller) {
		Receipt receipt = this.orders.receive(SalesOrderRequest.read(body), caller.getName());
		if (!receipt.created()) {
			return ResponseEntity.ok(receipt.order());
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/sales-orders/" + receipt.order().orderNumber()))
			.body(receipt.order());
	}

	@Operation(operationId = "getSalesOrder", summary = "A sales order's state; once entered its Entitlement ID and Activation IDs")
	@GetMapping("/{orderNumber}")
	SalesOrderView show(@PathVariable String orderNumber) {
		return this.orders.view(orderNumber);
	}

	@Operation(operationId = "cancelSalesOrderLine", summary = "A credit note: removes the channels of the line's license that are still available")
	@PostMapping("/{orderNumber}/lines/{lineNumber}/cancel")
	Cancellation cancel(@PathVariable String orderNumber, @PathVariable int lineNumber, Authentication caller) {
		return this.orders.cancelLine(orderNumber, lineNumber, caller.getName());
	}

}
