-- Registration requests, password reset links and rate limits. Runs unchanged on H2 and MySQL/MariaDB.

-- One row per request for access from the public form or POST /api/v1/registrations; the process
-- RegistrationRequest (business key: id) carries it to Order Management's decision.
CREATE TABLE registration_request (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    email            VARCHAR(254)  NOT NULL,
    first_name       VARCHAR(100)  NOT NULL,
    last_name        VARCHAR(100)  NOT NULL,
    phone            VARCHAR(40)   NOT NULL,
    organisation     VARCHAR(200)  NOT NULL,
    account_type     VARCHAR(16)   NOT NULL,
    proof            VARCHAR(100)  NOT NULL,
    message          VARCHAR(2000),
    status           VARCHAR(16)   NOT NULL,
    -- The email while the request is open, NULL once it is decided: the unique key lets every node
    -- refuse a second open request for the same email, also when two arrive at the same moment.
    open_email       VARCHAR(254),
    submitted_at     TIMESTAMP(6)  NOT NULL,
    decided_at       TIMESTAMP(6),
    decided_by       VARCHAR(64),
    rejection_reason VARCHAR(2000),
    account_id       BIGINT,
    user_id          BIGINT,
    CONSTRAINT uk_registration_open_email UNIQUE (open_email),
    CONSTRAINT ck_registration_status CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    CONSTRAINT ck_registration_account_type CHECK (account_type IN ('PARTNER', 'CUSTOMER')),
    CONSTRAINT fk_registration_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_registration_user FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE SET NULL
);
CREATE INDEX ix_registration_email ON registration_request (email);

-- Invitation links and password reset links are the same thing: a single-use token of one user, stored
-- only as its SHA-256 hash, for one purpose.
ALTER TABLE invitation_token RENAME TO link_token;
ALTER TABLE link_token ADD COLUMN purpose VARCHAR(16) DEFAULT 'INVITATION' NOT NULL;
ALTER TABLE link_token ADD CONSTRAINT ck_link_token_purpose CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET'));
CREATE INDEX ix_link_token_user_purpose ON link_token (user_id, purpose);

-- Attempts counted by the rate limits of the public forms (per client address, per email), in the
-- database so that every node counts the same.
CREATE TABLE rate_limit_hit (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    limit_name VARCHAR(40)  NOT NULL,
    limit_key  VARCHAR(300) NOT NULL,
    hit_at     TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_rate_limit_hit_lookup ON rate_limit_hit (limit_name, limit_key, hit_at);
