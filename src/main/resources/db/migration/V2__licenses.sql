-- Products, sales orders (entitlements), their line items, devices and the license event trail.

CREATE TABLE product (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    part_number  VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    product_type VARCHAR(100) NOT NULL,
    CONSTRAINT uk_product_part_number UNIQUE (part_number)
);

-- Hands out the running number inside Entitlement IDs (E-20261127-0001).
CREATE TABLE entitlement_sequence (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    issued_at TIMESTAMP(6) NOT NULL
);

CREATE TABLE entitlement (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    entitlement_number VARCHAR(32)  NOT NULL,
    sold_to_account_id BIGINT       NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_entitlement_number UNIQUE (entitlement_number),
    CONSTRAINT fk_entitlement_sold_to FOREIGN KEY (sold_to_account_id) REFERENCES account (id)
);

CREATE TABLE line_item (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    activation_id      VARCHAR(32)  NOT NULL,
    entitlement_id     BIGINT       NOT NULL,
    owner_account_id   BIGINT       NOT NULL,
    sold_to_account_id BIGINT       NOT NULL,
    product_id         BIGINT       NOT NULL,
    product_version    VARCHAR(32)  NOT NULL,
    total_quantity     INT          NOT NULL,
    available_quantity INT          NOT NULL,
    reserved_quantity  INT          NOT NULL,
    expires_on         DATE,
    created_at         TIMESTAMP(6) NOT NULL,
    lock_version       BIGINT       NOT NULL,
    CONSTRAINT uk_line_item_activation_id UNIQUE (activation_id),
    CONSTRAINT fk_line_item_entitlement FOREIGN KEY (entitlement_id) REFERENCES entitlement (id),
    CONSTRAINT fk_line_item_owner FOREIGN KEY (owner_account_id) REFERENCES account (id),
    CONSTRAINT fk_line_item_sold_to FOREIGN KEY (sold_to_account_id) REFERENCES account (id),
    CONSTRAINT fk_line_item_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_line_item_total CHECK (total_quantity >= 0),
    CONSTRAINT ck_line_item_available CHECK (available_quantity >= 0),
    CONSTRAINT ck_line_item_reserved CHECK (reserved_quantity >= 0),
    CONSTRAINT ck_line_item_bounds CHECK (available_quantity + reserved_quantity <= total_quantity)
);
CREATE INDEX ix_line_item_owner ON line_item (owner_account_id, available_quantity);
CREATE INDEX ix_line_item_expires ON line_item (expires_on);

CREATE TABLE device (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    device_number VARCHAR(32)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    host_id      VARCHAR(200) NOT NULL,
    account_id   BIGINT       NOT NULL,
    activated_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_device_number UNIQUE (device_number),
    CONSTRAINT fk_device_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_device_account ON device (account_id);

-- The channels of one line item activated on one device.
CREATE TABLE device_license (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    device_id    BIGINT       NOT NULL,
    line_item_id BIGINT       NOT NULL,
    quantity     INT          NOT NULL,
    activated_at TIMESTAMP(6) NOT NULL,
    activated_by VARCHAR(254) NOT NULL,
    CONSTRAINT uk_device_license UNIQUE (device_id, line_item_id),
    CONSTRAINT fk_device_license_device FOREIGN KEY (device_id) REFERENCES device (id),
    CONSTRAINT fk_device_license_line_item FOREIGN KEY (line_item_id) REFERENCES line_item (id),
    CONSTRAINT ck_device_license_quantity CHECK (quantity >= 0)
);
CREATE INDEX ix_device_license_line_item ON device_license (line_item_id);

-- Append-only: what happened to which line item, how many channels, by whom, when.
CREATE TABLE license_event (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    line_item_id         BIGINT       NOT NULL,
    event_type           VARCHAR(32)  NOT NULL,
    quantity             INT          NOT NULL,
    actor                VARCHAR(254) NOT NULL,
    occurred_at          TIMESTAMP(6) NOT NULL,
    device_id            BIGINT,
    related_line_item_id BIGINT,
    reference            VARCHAR(64),
    note                 VARCHAR(500),
    CONSTRAINT fk_event_line_item FOREIGN KEY (line_item_id) REFERENCES line_item (id),
    CONSTRAINT fk_event_device FOREIGN KEY (device_id) REFERENCES device (id),
    CONSTRAINT fk_event_related_line_item FOREIGN KEY (related_line_item_id) REFERENCES line_item (id),
    CONSTRAINT ck_event_type CHECK (event_type IN ('CREATED', 'ACTIVATED', 'DEACTIVATED', 'RESERVED', 'RELEASED',
        'TRANSFERRED_OUT', 'TRANSFERRED_IN')),
    CONSTRAINT ck_event_quantity CHECK (quantity >= 0)
);
CREATE INDEX ix_event_line_item ON license_event (line_item_id, occurred_at);
