package com.licensingportal.license;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * A row of the product catalogue, identified by its part number, e.g. {@code ACC7-ENT-CH}: what a line item
 * licenses, for how long (permanent or N months from the order date), which part numbers renew it, and
 * whether it still takes new orders.
 */
@Entity
@Table(name = "product")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "part_number", nullable = false, updatable = false)
	private String partNumber;

	@Column(nullable = false)
	private String name;

	/** The product family: channels can only be added to a license of the same type. */
	@Column(name = "product_type", nullable = false)
	private String productType;

	/** Null for a permanent license. */
	@Column(name = "term_months")
	private Integer termMonths;

	@Column(nullable = false)
	private String status = "ACTIVE";

	@Column(nullable = false)
	private String unit = "CHANNEL";

	/** The part numbers that renew licenses of this product, each by its own term. */
	@ManyToMany
	@JoinTable(name = "product_renewal", joinColumns = @JoinColumn(name = "product_id"),
			inverseJoinColumns = @JoinColumn(name = "renewal_product_id"))
	private Set<Product> renewals = new LinkedHashSet<>();

	protected Product() {
	}

	public Product(String partNumber, String name, String productType) {
		this.partNumber = partNumber;
		this.name = name;
		this.productType = productType;
	}

	/** A product with a term of N months, counted from the order date. */
	public Product(String partNumber, String name, String productType, int termMonths) {
		this(partNumber, name, productType);
		this.termMonths = termMonths;
	}

	public boolean isPermanent() {
		return this.termMonths == null;
	}

	/** Null for a permanent product. */
	public Integer getTermMonths() {
		return this.termMonths;
	}

	/** When a license of this product ordered on {@code orderDate} expires; null when permanent. */
	public LocalDate expirationFrom(LocalDate orderDate) {
		return isPermanent() ? null : orderDate.plusMonths(this.termMonths);
	}

	public boolean isRetired() {
		return "RETIRED".equals(this.status);
	}

	/** No new orders; licenses already sold stay as they are. */
	public void retire() {
		this.status = "RETIRED";
	}

	/** Takes new orders again. */
	public void reactivate() {
		this.status = "ACTIVE";
	}

	/** Order Management's edit of the catalogue row (the part number stays): name, family and term. */
	public void describe(String name, String productType, Integer termMonths) {
		if (termMonths != null && termMonths <= 0) {
			throw new IllegalArgumentException("A term is a positive number of months");
		}
		this.name = name;
		this.productType = productType;
		this.termMonths = termMonths;
	}

	public String getUnit() {
		return this.unit;
	}

	/** Whether {@code renewal} is one of the part numbers that renew this product's licenses. */
	public boolean isRenewedBy(Product renewal) {
		return this.renewals.stream().anyMatch(r -> r.getId().equals(renewal.getId()));
	}

	public void addRenewal(Product renewal) {
		this.renewals.add(renewal);
	}

	public Set<Product> getRenewals() {
		return this.renewals;
	}

	public Long getId() {
		return this.id;
	}

	public String getPartNumber() {
		return this.partNumber;
	}

	public String getName() {
		return this.name;
	}

	public String getProductType() {
		return this.productType;
	}

}
