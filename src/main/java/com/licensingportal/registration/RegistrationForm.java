package com.licensingportal.registration;

import java.util.Locale;

import com.licensingportal.account.AccountType;
import com.licensingportal.base.EmailAddress;
import com.licensingportal.base.PlainText;
import com.licensingportal.user.PortalUser;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for access as the technical contact types it, on the /register page or as the JSON body of
 * {@code POST /api/v1/registrations}. Values lose their surrounding blanks, blank ones become null (so that
 * an empty field gets the one message "Enter ..."); the email is lower case.
 */
public class RegistrationForm {

	@Schema(example = "Jana")
	@NotBlank(message = "Enter your first name.")
	@Size(max = 100, message = "Use at most 100 characters for your first name.")
	@PlainText(message = "Remove the emoji and the invisible or control characters from your first name.")
	private String firstName;

	@Schema(example = "Novak")
	@NotBlank(message = "Enter your last name.")
	@Size(max = 100, message = "Use at most 100 characters for your last name.")
	@PlainText(message = "Remove the emoji and the invisible or control characters from your last name.")
	private String lastName;

	@Schema(example = "jana.novak@bayside-security.example")
	@NotBlank(message = "Enter your email address.")
	@EmailAddress
	private String email;

	@Schema(example = "+1 604 555 0188")
	@NotBlank(message = "Enter a phone number where Order Management can reach you.")
	@Pattern(regexp = "[+(0-9][0-9 ()./-]{0,39}",
			message = "Enter a phone number with digits, spaces and + - ( ) only, like +1 604 555 0100.")
	// Too short is its own problem ("1" has only digits): at least five digits, said once. A number with other
	// characters passes here and gets the sentence above instead.
	@Pattern(regexp = "(?=(?:\\D*\\d){5}).*|.*[^0-9 ()./+-].*",
			message = "Enter the whole phone number, with its area code, like +1 604 555 0100.")
	private String phone;

	@Schema(example = "Bayside Security Ltd.")
	@NotBlank(message = "Enter the name of your organisation.")
	@Size(max = 200, message = "Use at most 200 characters for the organisation.")
	@PlainText(message = "Remove the emoji and the invisible or control characters from the name of your organisation.")
	private String organisation;

	@Schema(example = "PARTNER", allowableValues = { "PARTNER", "CUSTOMER" },
			description = "PARTNER for a dealer or integrator, CUSTOMER for an organisation that uses the licenses")
	@NotBlank(message = "Choose whether your organisation is a partner or a customer.")
	@Pattern(regexp = "PARTNER|CUSTOMER", message = "Choose whether your organisation is a partner or a customer.")
	private String accountType;

	@Schema(example = "E-20261127-0001", description = "a sales order number or Entitlement ID of a purchase")
	@NotBlank(message = "Enter a sales order number or Entitlement ID, so that we can find your purchase.")
	@Size(max = 100, message = "Use at most 100 characters for the sales order or Entitlement ID.")
	@PlainText(message = "Remove the emoji and the invisible or control characters from the sales order or Entitlement ID.")
	private String proof;

	@Schema(example = "We install the cameras for the harbour authority.")
	@Size(max = 2000, message = "Use at most 2000 characters for the message.")
	@PlainText(lineBreaks = true, message = "Remove the emoji and the invisible or control characters from the message.")
	private String message;

	public AccountType accountType() {
		return AccountType.valueOf(this.accountType);
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = strip(firstName);
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = strip(lastName);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = PortalUser.normalizeEmail(strip(email));
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = strip(phone);
	}

	public String getOrganisation() {
		return this.organisation;
	}

	public void setOrganisation(String organisation) {
		this.organisation = strip(organisation);
	}

	public String getAccountType() {
		return this.accountType;
	}

	public void setAccountType(String accountType) {
		String stripped = strip(accountType);
		this.accountType = stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
	}

	public String getProof() {
		return this.proof;
	}

	public void setProof(String proof) {
		this.proof = strip(proof);
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = strip(message);
	}

	/** Surrounding blanks go; nothing but blanks is no value. */
	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
