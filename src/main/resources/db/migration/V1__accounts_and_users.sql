-- Accounts, users and who may act for which account. Runs unchanged on H2 and MySQL/MariaDB.

CREATE TABLE account (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_number VARCHAR(20)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    account_type   VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_account_number UNIQUE (account_number),
    -- Lets the tables below pin an account's type in a foreign key.
    CONSTRAINT uk_account_id_type UNIQUE (id, account_type),
    CONSTRAINT ck_account_type CHECK (account_type IN ('PARTNER', 'CUSTOMER')),
    CONSTRAINT ck_account_status CHECK (status IN ('ACTIVE', 'DISABLED'))
);

-- A partner sells to its related customer accounts.
CREATE TABLE account_relation (
    partner_id    BIGINT      NOT NULL,
    partner_type  VARCHAR(16) DEFAULT 'PARTNER' NOT NULL,
    customer_id   BIGINT      NOT NULL,
    customer_type VARCHAR(16) DEFAULT 'CUSTOMER' NOT NULL,
    CONSTRAINT pk_account_relation PRIMARY KEY (partner_id, customer_id),
    CONSTRAINT fk_relation_partner FOREIGN KEY (partner_id, partner_type) REFERENCES account (id, account_type),
    CONSTRAINT fk_relation_customer FOREIGN KEY (customer_id, customer_type) REFERENCES account (id, account_type),
    CONSTRAINT ck_relation_partner CHECK (partner_type = 'PARTNER'),
    CONSTRAINT ck_relation_customer CHECK (customer_type = 'CUSTOMER')
);
CREATE INDEX ix_relation_customer ON account_relation (customer_id);

CREATE TABLE portal_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    phone         VARCHAR(40),
    job_title     VARCHAR(100),
    address       VARCHAR(500),
    status        VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(200),
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_user_email UNIQUE (email),
    CONSTRAINT ck_user_status CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED'))
);

-- A user's roles on one account, stored as one of the four valid user types:
-- PARTNER_ADMINISTRATOR = Dealer Admin + Dealer User + End User Admin + End User, PARTNER_USER = Dealer User + End User,
-- CUSTOMER_ADMINISTRATOR = End User Admin + End User, CUSTOMER_USER = End User. Dealer roles only on partner accounts.
CREATE TABLE account_membership (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT      NOT NULL,
    account_id   BIGINT      NOT NULL,
    account_type VARCHAR(16) NOT NULL,
    user_type    VARCHAR(32) NOT NULL,
    CONSTRAINT uk_membership UNIQUE (user_id, account_id),
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_account FOREIGN KEY (account_id, account_type) REFERENCES account (id, account_type),
    CONSTRAINT ck_membership_user_type CHECK (user_type IN
        ('PARTNER_ADMINISTRATOR', 'PARTNER_USER', 'CUSTOMER_ADMINISTRATOR', 'CUSTOMER_USER')),
    CONSTRAINT ck_membership_dealer_on_partner CHECK (account_type = 'PARTNER'
        OR user_type IN ('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_USER'))
);
CREATE INDEX ix_membership_account ON account_membership (account_id);

-- Failed logins, for the per email and client address lockout.
CREATE TABLE login_failure (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    failed_at      TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_login_failure_lookup ON login_failure (email, client_address, failed_at);
