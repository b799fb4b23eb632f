package com.licensingportal.backoffice.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Enter a sales order by hand: what the order system would send, typed in by Order Management. */
public class SalesOrderForm {

	/** Line rows the form offers; empty ones are left out. */
	static final int LINE_ROWS = 5;

	public static class LineForm {

		private String partNumber;

		private String version;

		private String quantity;

		private String renewsActivationId;

		boolean isBlank() {
			return blank(this.partNumber) && blank(this.version) && blank(this.quantity) && blank(this.renewsActivationId);
		}

		public String getPartNumber() {
			return this.partNumber;
		}

		public void setPartNumber(String partNumber) {
			this.partNumber = partNumber;
		}

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public String getQuantity() {
			return this.quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

		public String getRenewsActivationId() {
			return this.renewsActivationId;
		}

		public void setRenewsActivationId(String renewsActivationId) {
			this.renewsActivationId = renewsActivationId;
		}

	}

	private String orderNumber;

	private String orderDate = LocalDate.now().toString();

	private String customerNumber;

	private String soldToName;

	private String soldToType = "CUSTOMER";

	private String partnerCustomerNumber;

	private String contactEmail;

	private String contactFirstName;

	private String contactLastName;

	private List<LineForm> lines = new ArrayList<>();

	public SalesOrderForm() {
		fillLineRows();
	}

	/** Offers {@link #LINE_ROWS} line rows, keeping the ones typed in. */
	void fillLineRows() {
		while (this.lines.size() < LINE_ROWS) {
			this.lines.add(new LineForm());
		}
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public void setOrderNumber(String orderNumber) {
		this.orderNumber = orderNumber;
	}

	public String getOrderDate() {
		return this.orderDate;
	}

	public void setOrderDate(String orderDate) {
		this.orderDate = orderDate;
	}

	public String getCustomerNumber() {
		return this.customerNumber;
	}

	public void setCustomerNumber(String customerNumber) {
		this.customerNumber = customerNumber;
	}

	public String getSoldToName() {
		return this.soldToName;
	}

	public void setSoldToName(String soldToName) {
		this.soldToName = soldToName;
	}

	public String getSoldToType() {
		return this.soldToType;
	}

	public void setSoldToType(String soldToType) {
		this.soldToType = soldToType;
	}

	public String getPartnerCustomerNumber() {
		return this.partnerCustomerNumber;
	}

	public void setPartnerCustomerNumber(String partnerCustomerNumber) {
		this.partnerCustomerNumber = partnerCustomerNumber;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = contactEmail;
	}

	public String getContactFirstName() {
		return this.contactFirstName;
	}

	public void setContactFirstName(String contactFirstName) {
		this.contactFirstName = contactFirstName;
	}

	public String getContactLastName() {
		return this.contactLastName;
	}

	public void setContactLastName(String contactLastName) {
		this.contactLastName = contactLastName;
	}

	public List<LineForm> getLines() {
		return this.lines;
	}

	public void setLines(List<LineForm> lines) {
		this.lines = lines;
	}

}
