package com.licensingportal.salesorder;

import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a sales order: a new license (product, version, channels) or the renewal of a line item. */
@Entity
@Table(name = "sales_order_line")
public class SalesOrderLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "sales_order_id", updatable = false)
	private SalesOrder order;

	@Column(name = "line_number", nullable = false, updatable = false)
	private int lineNumber;

	@ManyToOne(optional = false)
	@JoinColumn(name = "product_id", updatable = false)
	private Product product;

	/** Null for a renewal line. */
	@Column(name = "product_version", updatable = false)
	private String version;

	@Column(nullable = false, updatable = false)
	private int quantity;

	/** The line item a renewal line renews; null for a new license. */
	@ManyToOne
	@JoinColumn(name = "renews_line_item_id", updatable = false)
	private LineItem renews;

	/** The line item a new-license line became, once the order is entered. */
	@ManyToOne
	@JoinColumn(name = "line_item_id")
	private LineItem lineItem;

	protected SalesOrderLine() {
	}

	SalesOrderLine(SalesOrder order, int lineNumber, Product product, String version, int quantity, LineItem renews) {
		this.order = order;
		this.lineNumber = lineNumber;
		this.product = product;
		this.version = version;
		this.quantity = quantity;
		this.renews = renews;
	}

	public boolean isRenewal() {
		return this.renews != null;
	}

	void enteredAs(LineItem item) {
		this.lineItem = item;
	}

	public int getLineNumber() {
		return this.lineNumber;
	}

	public Product getProduct() {
		return this.product;
	}

	public String getVersion() {
		return this.version;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public LineItem getRenews() {
		return this.renews;
	}

	/** The line item this line made or renewed; null before the order is entered. */
	public LineItem getLineItem() {
		return isRenewal() ? this.renews : this.lineItem;
	}

}
