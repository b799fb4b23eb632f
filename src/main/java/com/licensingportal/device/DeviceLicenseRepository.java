package com.licensingportal.device;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeviceLicenseRepository extends JpaRepository<DeviceLicense, Long> {

	@Query("select dl from DeviceLicense dl where dl.device.id = :deviceId and dl.lineItem.id = :lineItemId")
	Optional<DeviceLicense> findOnDevice(Long deviceId, Long lineItemId);

	/** The Activation IDs with channels on the device, read without loading the line items. */
	@Query("select dl.lineItem.activationId from DeviceLicense dl where dl.device.id = :deviceId")
	List<String> findActivationIdsOnDevice(Long deviceId);

	@Query("""
			select dl from DeviceLicense dl join fetch dl.lineItem li join fetch li.product join fetch li.entitlement
			 where dl.device.id = :deviceId order by li.activationId""")
	List<DeviceLicense> findDetailsOnDevice(Long deviceId);

	/** Per device: {device id, number of licenses, channels}. */
	@Query("""
			select dl.device.id, count(dl), coalesce(sum(dl.quantity), 0) from DeviceLicense dl
			 where dl.device.id in :deviceIds group by dl.device.id""")
	List<Object[]> countByDevice(Collection<Long> deviceIds);

}
