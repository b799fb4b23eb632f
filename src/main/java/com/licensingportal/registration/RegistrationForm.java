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
	@NotBlank(message = "{users.register.check.firstName.empty}")
	@Size(max = 100, message = "{users.register.check.firstName.tooLong}")
	@PlainText(message = "{users.register.check.firstName.plain}")
	private String firstName;

	@Schema(example = "Novak")
	@NotBlank(message = "{users.register.check.lastName.empty}")
	@Size(max = 100, message = "{users.register.check.lastName.tooLong}")
	@PlainText(message = "{users.register.check.lastName.plain}")
	private String lastName;

	@Schema(example = "jana.novak@bayside-security.example")
	@NotBlank(message = "{users.register.check.email.empty}")
	@EmailAddress
	private String email;

	@Schema(example = "+1 604 555 0188")
	@NotBlank(message = "{users.register.check.phone.empty}")
	@Pattern(regexp = "[+(0-9][0-9 ()./-]{0,39}",
			message = "{users.check.phone.characters}")
	// Too short is its own problem ("1" has only digits): at least five digits, said once. A number with other
	// characters passes here and gets the sentence above instead.
	@Pattern(regexp = "(?=(?:\\D*\\d){5}).*|.*[^0-9 ()./+-].*",
			message = "{users.check.phone.tooShort}")
	private String phone;

	@Schema(example = "Bayside Security Ltd.")
	@NotBlank(message = "{users.register.check.organisation.empty}")
	@Size(max = 200, message = "{users.register.check.organisation.tooLong}")
	@PlainText(message = "{users.register.check.organisation.plain}")
	private String organisation;

	@Schema(description = "PARTNER for a dealer or integrator, CUSTOMER for an organisation that uses the licenses",
			example = "PARTNER", allowableValues = { "PARTNER", "CUSTOMER" })
	@NotBlank(message = "{users.register.type.empty}")
	@Pattern(regexp = "PARTNER|CUSTOMER", message = "{users.register.type.empty}")
	private String accountType;

	@Schema(example = "E-20261127-0001", description = "a sales order number or Entitlement ID of a purchase")
	@NotBlank(message = "{users.register.check.proof.empty}")
	@Size(max = 100, message = "{users.register.check.proof.tooLong}")
	@PlainText(message = "{users.register.check.proof.plain}")
	private String proof;

	@Schema(example = "We install the cameras for the harbour authority.")
	@Size(max = 2000, message = "{users.register.check.message.tooLong}")
	@PlainText(lineBreaks = true, message = "{users.register.check.message.plain}")
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
