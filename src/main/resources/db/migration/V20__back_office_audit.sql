-- The back office's audit trail (issue 17): who changed what, when, with the value before and after. Runs unchanged
-- on H2 and MySQL/MariaDB. The subject is named by the key Order Management knows it by (account number, part
-- number, order number), so that an entry outlives a rename and reads without a join.
CREATE TABLE back_office_audit (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at   TIMESTAMP(6)  NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    subject_type  VARCHAR(16)   NOT NULL,
    subject_key   VARCHAR(64)   NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    before_value  VARCHAR(2000),
    after_value   VARCHAR(2000),
    CONSTRAINT ck_audit_subject_type CHECK (subject_type IN ('ACCOUNT', 'PRODUCT', 'SALES_ORDER'))
);
CREATE INDEX ix_audit_subject ON back_office_audit (subject_type, subject_key, occurred_at);
CREATE INDEX ix_audit_occurred ON back_office_audit (occurred_at);
