package com.licensingportal.license;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a line item licenses, identified by its part number, e.g. {@code ACC7-ENT-CH}. */
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

	protected Product() {
	}

	public Product(String partNumber, String name, String productType) {
		this.partNumber = partNumber;
		this.name = name;
		this.productType = productType;
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
