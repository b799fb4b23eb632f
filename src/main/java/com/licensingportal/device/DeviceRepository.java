package com.licensingportal.device;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeviceRepository extends JpaRepository<Device, Long> {

	/** A query string, not a derived query: Hibernate caches the plan of the one, and plans the other on every call. */
	@Query("select d from Device d where d.deviceId = :deviceId")
	Optional<Device> findByDeviceId(String deviceId);

	@Query("select d from Device d where d.account.id = :accountId and d.hostId = :hostId order by d.id")
	List<Device> findByAccountAndHostId(Long accountId, String hostId);

	/** The devices of the given accounts whose name, Device ID or host ID contains {@code text} (lower case). */
	@Query(value = """
			select d from Device d join fetch d.account a where a.id in :accountIds
			 and (:text is null or lower(d.name) like :text or lower(d.deviceId) like :text or lower(d.hostId) like :text)""",
			countQuery = """
			select count(d) from Device d where d.account.id in :accountIds
			 and (:text is null or lower(d.name) like :text or lower(d.deviceId) like :text or lower(d.hostId) like :text)""")
	Page<Device> search(Collection<Long> accountIds, String text, Pageable pageable);

	@Query("select d from Device d join fetch d.account where d.account.id in :accountIds order by d.name, d.id")
	List<Device> findByAccounts(Collection<Long> accountIds);

}
