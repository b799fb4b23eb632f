package com.licensingportal.backoffice.api;

import java.security.Principal;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountStatus;
import com.licensingportal.base.ApiPage;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.account.BackOfficeAccounts;
import com.licensingportal.backoffice.account.BackOfficeAccounts.AccountPage;
import com.licensingportal.backoffice.account.BackOfficeAccounts.AccountRow;
import com.licensingportal.backoffice.account.BackOfficeAccounts.AccountSort;
import com.licensingportal.backoffice.product.ProductCatalogue;
import com.licensingportal.backoffice.product.ProductCatalogue.ProductForm;
import com.licensingportal.backoffice.product.ProductCatalogue.ProductView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the back office's pages do to accounts, relations and products, for Order Management's scripts. */
@RestController
@RequestMapping("/api/v1/back-office")
@Tag(name = "Back office", description = "For Order Management's scripts: HTTP Basic as a Camunda user of the group "
		+ "order-management. Every change is recorded in the back office's audit trail under that user.")
@SecurityRequirement(name = "orderManagementBasic")
class BackOfficeApiController {

	/** An account as the back-office API shows it; {@code related} are its partners or customers. */
	record AccountJson(String accountNumber, String name, String type, String customerNumber, String state,
			List<AccountRow> related) {
	}

	record NewAccount(String name, String type, String customerNumber) {
	}

	record Name(String name) {
	}

	record CustomerNumber(String customerNumber) {
	}

	/** ACTIVE or DISABLED for an account; ACTIVE or RETIRED for a product. */
	record State(String state) {
	}

	record NewProduct(String partNumber, String name, String productType, Integer termMonths,
			List<String> renewalPartNumbers) {

		ProductForm form() {
			return new ProductForm(this.name, this.productType, this.termMonths == null ? null : this.termMonths.toString(),
					this.renewalPartNumbers == null ? null : String.join(",", this.renewalPartNumbers));
		}

	}

	private final BackOfficeAccounts accounts;

	private final ProductCatalogue catalogue;

	BackOfficeApiController(BackOfficeAccounts accounts, ProductCatalogue catalogue) {
		this.accounts = accounts;
		this.catalogue = catalogue;
	}

	@Operation(operationId = "searchBackOfficeAccounts", summary = "Accounts whose name, account number or customer number contains q")
	@GetMapping("/accounts")
	ApiPage<AccountRow> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") Integer page,
			@RequestParam(defaultValue = "name") AccountSort sort, @RequestParam(defaultValue = "false") boolean descending) {
		ApiPage.checkPaging(page, BackOfficeAccounts.PAGE_SIZE, List.of(BackOfficeAccounts.PAGE_SIZE));
		AccountPage result = this.accounts.search(q, page - 1, sort, descending);
		List<AccountRow> rows = result.page() == page - 1 ? result.rows() : List.of();
		return new ApiPage<>(rows, page, BackOfficeAccounts.PAGE_SIZE, result.total());
	}

	@Operation(operationId = "createBackOfficeAccount", summary = "Create a partner or customer account")
	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	AccountJson create(@RequestBody NewAccount body, Principal staff) {
		Account account = this.accounts.create(staff.getName(), body.name(), body.type(), body.customerNumber());
		return account(account.getAccountNumber());
	}

	@Operation(operationId = "getBackOfficeAccount", summary = "An account with its partners or customers")
	@GetMapping("/accounts/{accountNumber}")
	AccountJson account(@PathVariable String accountNumber) {
		Account account = this.accounts.find(accountNumber);
		return new AccountJson(account.getAccountNumber(), account.getName(), account.getType().name(),
				account.getCustomerNumber(), account.getStatus().name(), this.accounts.relatedTo(account.getAccountNumber()));
	}

	@Operation(operationId = "renameBackOfficeAccount", summary = "Rename an account")
	@PutMapping("/accounts/{accountNumber}/name")
	AccountJson rename(@PathVariable String accountNumber, @RequestBody Name body, Principal staff) {
		this.accounts.rename(staff.getName(), accountNumber, body.name());
		return account(accountNumber);
	}

	@Operation(operationId = "setBackOfficeCustomerNumber", summary = "Set, change or (null) remove an account's customer number")
	@PutMapping("/accounts/{accountNumber}/customer-number")
	AccountJson customerNumber(@PathVariable String accountNumber, @RequestBody CustomerNumber body, Principal staff) {
		this.accounts.changeCustomerNumber(staff.getName(), accountNumber, body.customerNumber());
		return account(accountNumber);
	}

	@Operation(operationId = "setBackOfficeAccountState", summary = "Disable (DISABLED) or enable (ACTIVE) an account")
	@PutMapping("/accounts/{accountNumber}/state")
	AccountJson state(@PathVariable String accountNumber, @RequestBody State body, Principal staff) {
		AccountStatus status = switch (body.state() == null ? "" : body.state()) {
			case "ACTIVE" -> AccountStatus.ACTIVE;
			case "DISABLED" -> AccountStatus.DISABLED;
			default -> throw RefusedException.invalid("state", Text.of("backoffice.api.accountState"));
		};
		this.accounts.changeStatus(staff.getName(), accountNumber, status);
		return account(accountNumber);
	}

	@Operation(operationId = "relateBackOfficeAccounts", summary = "Relate a customer to a partner (idempotent)")
	@PutMapping("/relations/{partnerAccountNumber}/customers/{customerAccountNumber}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void relate(@PathVariable String partnerAccountNumber, @PathVariable String customerAccountNumber, Principal staff) {
		this.accounts.relate(staff.getName(), customerAccountNumber, partnerAccountNumber);
	}

	@Operation(operationId = "unrelateBackOfficeAccounts", summary = "Remove a customer's relation to a partner")
	@DeleteMapping("/relations/{partnerAccountNumber}/customers/{customerAccountNumber}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unrelate(@PathVariable String partnerAccountNumber, @PathVariable String customerAccountNumber, Principal staff) {
		this.accounts.unrelate(staff.getName(), customerAccountNumber, partnerAccountNumber);
	}

	@Operation(operationId = "listBackOfficeProducts", summary = "The product catalogue")
	@GetMapping("/products")
	List<ProductView> products() {
		return this.catalogue.all();
	}

	@Operation(operationId = "createBackOfficeProduct", summary = "Add a product to the catalogue")
	@PostMapping("/products")
	@ResponseStatus(HttpStatus.CREATED)
	ProductView createProduct(@RequestBody NewProduct body, Principal staff) {
		return this.catalogue.create(staff.getName(), body.partNumber(), body.form());
	}

	@Operation(operationId = "getBackOfficeProduct", summary = "One product of the catalogue")
	@GetMapping("/products/{partNumber}")
	ProductView product(@PathVariable String partNumber) {
		return this.catalogue.find(partNumber);
	}

	@Operation(operationId = "editBackOfficeProduct", summary = "Change a product's name, type, term and renewal part numbers")
	@PutMapping("/products/{partNumber}")
	ProductView editProduct(@PathVariable String partNumber, @RequestBody NewProduct body, Principal staff) {
		return this.catalogue.edit(staff.getName(), partNumber, body.form());
	}

	@Operation(operationId = "setBackOfficeProductState", summary = "Retire (RETIRED) or reactivate (ACTIVE) a product")
	@PutMapping("/products/{partNumber}/state")
	ProductView productState(@PathVariable String partNumber, @RequestBody State body, Principal staff) {
		boolean retire = switch (body.state() == null ? "" : body.state()) {
			case "RETIRED" -> true;
			case "ACTIVE" -> false;
			default -> throw RefusedException.invalid("state", Text.of("backoffice.api.productState"));
		};
		return this.catalogue.retire(staff.getName(), partNumber, retire);
	}

}
