-- Issue 18 (languages): the back office's audit trail stores what a change did by name (AuditAction), and the pages
-- say it in the reader's language; the rows written before say it in English. Runs on H2 and MySQL/MariaDB.
UPDATE back_office_audit SET before_value = CONCAT('line ', SUBSTRING(action, 16), ', ', before_value),
    after_value = CONCAT('line ', SUBSTRING(action, 16), ', ', after_value), action = 'LINE_CANCELLED'
    WHERE action LIKE 'Cancelled line %';
UPDATE back_office_audit SET action = 'CREATED' WHERE action = 'Created';
UPDATE back_office_audit SET action = 'RENAMED' WHERE action = 'Renamed';
UPDATE back_office_audit SET action = 'CUSTOMER_NUMBER_SET' WHERE action = 'Customer number set';
UPDATE back_office_audit SET action = 'CUSTOMER_NUMBER_REMOVED' WHERE action = 'Customer number removed';
UPDATE back_office_audit SET action = 'RELATED_TO_PARTNER' WHERE action = 'Related to a partner';
UPDATE back_office_audit SET action = 'RELATED_TO_CUSTOMER' WHERE action = 'Related to a customer';
UPDATE back_office_audit SET action = 'RELATION_REMOVED' WHERE action = 'Relation removed';
UPDATE back_office_audit SET action = 'DISABLED' WHERE action = 'Disabled';
UPDATE back_office_audit SET action = 'ENABLED' WHERE action = 'Enabled';
UPDATE back_office_audit SET action = 'EDITED' WHERE action = 'Edited';
UPDATE back_office_audit SET action = 'RETIRED' WHERE action = 'Retired';
UPDATE back_office_audit SET action = 'REACTIVATED' WHERE action = 'Reactivated';
UPDATE back_office_audit SET action = 'ENTERED_BY_HAND' WHERE action = 'Entered by hand';
UPDATE back_office_audit SET action = 'IMPORTED' WHERE action = 'Imported from a CSV file';
