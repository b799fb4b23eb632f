package com.licensingportal.license;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductRepository extends JpaRepository<Product, Long> {

	Optional<Product> findByPartNumber(String partNumber);

	/** Whether the product is a renewal part number of some product (and so not sold as a new license). */
	@org.springframework.data.jpa.repository.Query("select count(p) > 0 from Product p join p.renewals r where r.id = :productId")
	boolean isRenewalPart(Long productId);

}
