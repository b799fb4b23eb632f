package com.licensingportal.usermanagement;

import com.licensingportal.base.EmailAddress;
import com.licensingportal.base.PlainText;
import com.licensingportal.user.PortalUser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The user information and contact details of the user screens, also the form they are typed into. Values
 * lose their surrounding blanks, blank optional ones become null, the email is lower case. The email is
 * checked only when a user is created ({@link Creating}): afterwards it is read-only.
 */
public class UserProfile {

	/** Validation group of the checks that apply only while the email can still be chosen. */
	public interface Creating {
	}

	@NotBlank(message = "{users.fields.email.empty}", groups = Creating.class)
	@EmailAddress(groups = Creating.class)
	private String email;

	@NotBlank(message = "{users.fields.firstName.empty}")
	@Size(max = 100, message = "{users.fields.tooLong.100}")
	@PlainText
	private String firstName = "";

	@NotBlank(message = "{users.fields.lastName.empty}")
	@Size(max = 100, message = "{users.fields.tooLong.100}")
	@PlainText
	private String lastName = "";

	@Size(max = 40, message = "{users.fields.tooLong.40}")
	@PlainText
	private String phone;

	@Size(max = 100, message = "{users.fields.tooLong.100}")
	@PlainText
	private String jobTitle;

	@Size(max = 500, message = "{users.fields.tooLong.500}")
	@PlainText(lineBreaks = true)
	private String address;

	public UserProfile() {
	}

	public UserProfile(String email, String firstName, String lastName, String phone, String jobTitle, String address) {
		setEmail(email);
		setFirstName(firstName);
		setLastName(lastName);
		setPhone(phone);
		setJobTitle(jobTitle);
		setAddress(address);
	}

	public static UserProfile of(PortalUser user) {
		return new UserProfile(user.getEmail(), user.getFirstName(), user.getLastName(), user.getPhone(),
				user.getJobTitle(), user.getAddress());
	}

	void applyTo(PortalUser user) {
		user.setFirstName(this.firstName);
		user.setLastName(this.lastName);
		user.setPhone(this.phone);
		user.setJobTitle(this.jobTitle);
		user.setAddress(this.address);
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = PortalUser.normalizeEmail(email);
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName == null ? "" : firstName.strip();
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName == null ? "" : lastName.strip();
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = blankToNull(phone);
	}

	public String getJobTitle() {
		return this.jobTitle;
	}

	public void setJobTitle(String jobTitle) {
		this.jobTitle = blankToNull(jobTitle);
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = blankToNull(address);
	}

	public String getDisplayName() {
		return this.firstName + " " + this.lastName;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
