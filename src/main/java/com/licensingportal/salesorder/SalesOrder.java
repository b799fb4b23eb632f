package com.licensingportal.salesorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.Entitlement;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A sales order as the order system sent it, and where it stands: received, waiting for Order Management to
 * assign an account, entered (its entitlement exists) or rejected. Its order number is unique: the same order
 * sent twice is stored once.
 */
@Entity
@Table(name = "sales_order")
public class SalesOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "order_number", nullable = false, updatable = false)
	private String orderNumber;

	@Column(name = "order_date", nullable = false, updatable = false)
	private LocalDate orderDate;

	@Column(name = "customer_number", nullable = false, updatable = false)
	private String customerNumber;

	@Column(name = "sold_to_name", nullable = false, updatable = false)
	private String soldToName;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "sold_to_type", nullable = false, updatable = false)
	private AccountType soldToType;

	@Column(name = "partner_customer_number", updatable = false)
	private String partnerCustomerNumber;

	@Column(name = "contact_email", nullable = false, updatable = false)
	private String contactEmail;

	@Column(name = "contact_first_name", updatable = false)
	private String contactFirstName;

	@Column(name = "contact_last_name", updatable = false)
	private String contactLastName;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private SalesOrderState state;

	@ManyToOne
	@JoinColumn(name = "account_id")
	private Account account;

	@ManyToOne
	@JoinColumn(name = "entitlement_id")
	private Entitlement entitlement;

	@Column(name = "rejection_reason")
	private String rejectionReason;

	@Column(name = "received_by", nullable = false, updatable = false)
	private String receivedBy;

	@Column(name = "received_at", nullable = false, updatable = false)
	private Instant receivedAt;

	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
	@OrderBy("lineNumber")
	private List<SalesOrderLine> lines = new ArrayList<>();

	@Version
	@Column(name = "lock_version", nullable = false)
	private long lockVersion;

	protected SalesOrder() {
	}

	SalesOrder(SalesOrderRequest request, String receivedBy) {
		this.orderNumber = request.orderNumber();
		this.orderDate = request.orderDate();
		this.customerNumber = request.soldTo().customerNumber();
		this.soldToName = request.soldTo().name();
		this.soldToType = request.soldTo().type();
		this.partnerCustomerNumber = request.soldTo().partnerCustomerNumber();
		this.contactEmail = request.contact().email();
		this.contactFirstName = request.contact().firstName();
		this.contactLastName = request.contact().lastName();
		this.state = SalesOrderState.RECEIVED;
		this.receivedBy = receivedBy;
		this.receivedAt = Instant.now();
	}

	void addLine(int lineNumber, Product product, String version, int quantity, LineItem renews) {
		this.lines.add(new SalesOrderLine(this, lineNumber, product, version, quantity, renews));
	}

	/** The order as it came, to compare with the same order number sent again. */
	SalesOrderRequest asRequest() {
		return new SalesOrderRequest(this.orderNumber, this.orderDate,
				new SalesOrderRequest.SoldTo(this.customerNumber, this.soldToName, this.soldToType,
						this.partnerCustomerNumber),
				new SalesOrderRequest.Contact(this.contactEmail, this.contactFirstName, this.contactLastName),
				this.lines.stream()
					.map(line -> new SalesOrderRequest.Line(line.getLineNumber(), line.getProduct().getPartNumber(),
							line.getVersion(), line.getQuantity(),
							line.isRenewal() ? line.getRenews().getActivationId() : null))
					.toList());
	}

	/** The sold-to account is known: the order can be entered. */
	void assignTo(Account account) {
		requireOpen();
		this.account = account;
		this.state = SalesOrderState.RECEIVED;
	}

	void waitForAccount() {
		requireOpen();
		this.state = SalesOrderState.WAITING_FOR_ACCOUNT;
	}

	void reject(String reason) {
		requireOpen();
		this.state = SalesOrderState.REJECTED;
		this.rejectionReason = reason;
	}

	void entered(Entitlement entitlement) {
		requireOpen();
		if (this.account == null) {
			throw new IllegalStateException("Sales order " + this.orderNumber + " has no account to be entered for");
		}
		this.entitlement = entitlement;
		this.state = SalesOrderState.ENTERED;
	}

	private void requireOpen() {
		if (this.state == SalesOrderState.ENTERED || this.state == SalesOrderState.REJECTED) {
			throw new IllegalStateException("Sales order " + this.orderNumber + " is already " + this.state);
		}
	}

	public boolean isOpen() {
		return this.state == SalesOrderState.RECEIVED || this.state == SalesOrderState.WAITING_FOR_ACCOUNT;
	}

	public Long getId() {
		return this.id;
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public LocalDate getOrderDate() {
		return this.orderDate;
	}

	public String getCustomerNumber() {
		return this.customerNumber;
	}

	public String getSoldToName() {
		return this.soldToName;
	}

	public AccountType getSoldToType() {
		return this.soldToType;
	}

	public String getPartnerCustomerNumber() {
		return this.partnerCustomerNumber;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public String getContactFirstName() {
		return this.contactFirstName;
	}

	public String getContactLastName() {
		return this.contactLastName;
	}

	public SalesOrderState getState() {
		return this.state;
	}

	public Account getAccount() {
		return this.account;
	}

	public Entitlement getEntitlement() {
		return this.entitlement;
	}

	public String getRejectionReason() {
		return this.rejectionReason;
	}

	public String getReceivedBy() {
		return this.receivedBy;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public List<SalesOrderLine> getLines() {
		return this.lines;
	}

}
