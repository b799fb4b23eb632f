package com.licensingportal.backoffice.audit;

import java.util.List;
import java.util.stream.Stream;

import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

	List<AuditEntry> findTop200BySubjectTypeAndSubjectKeyOrderByOccurredAtDescIdDesc(SubjectType type, String key);

	List<AuditEntry> findTop200ByOrderByOccurredAtDescIdDesc();

	@Query("select e from AuditEntry e order by e.occurredAt, e.id")
	Stream<AuditEntry> streamAll();

	@Query("select e from AuditEntry e where e.subjectType = :type and e.subjectKey = :key order by e.occurredAt, e.id")
	Stream<AuditEntry> streamOf(SubjectType type, String key);

}
