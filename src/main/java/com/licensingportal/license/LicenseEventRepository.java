package com.licensingportal.license;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LicenseEventRepository extends JpaRepository<LicenseEvent, Long> {

	List<LicenseEvent> findByLineItemIdOrderByOccurredAtAscIdAsc(Long lineItemId);

}
