-- The product catalogue, accounts' customer numbers, and the sales orders the order system sends (issue 16).
-- Runs unchanged on H2 and MySQL/MariaDB.

-- A product's license term: permanent (null) or N months counted from the order date; a retired product takes
-- no new orders, its licenses stay as they are.
ALTER TABLE product ADD COLUMN unit VARCHAR(32) DEFAULT 'CHANNEL' NOT NULL;
ALTER TABLE product ADD COLUMN term_months INT;
ALTER TABLE product ADD COLUMN status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE product ADD CONSTRAINT ck_product_term CHECK (term_months IS NULL OR term_months > 0);
ALTER TABLE product ADD CONSTRAINT ck_product_status CHECK (status IN ('ACTIVE', 'RETIRED'));
ALTER TABLE product ADD CONSTRAINT ck_product_unit CHECK (unit IN ('CHANNEL'));

-- Part numbers that renew licenses of a product by the renewal part's term.
CREATE TABLE product_renewal (
    product_id         BIGINT NOT NULL,
    renewal_product_id BIGINT NOT NULL,
    CONSTRAINT pk_product_renewal PRIMARY KEY (product_id, renewal_product_id),
    CONSTRAINT fk_renewal_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_renewal_renewal_product FOREIGN KEY (renewal_product_id) REFERENCES product (id)
);
CREATE INDEX ix_product_renewal_renewal ON product_renewal (renewal_product_id);

-- The catalogue the demo used to make in code; kept where an earlier demo already made it.
INSERT INTO product (part_number, name, product_type)
    SELECT 'ACC7-ENT-CH', 'ACC 7 Enterprise camera channel', 'ACC Enterprise' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-ENT-CH');
INSERT INTO product (part_number, name, product_type)
    SELECT 'ACC7-STD-CH', 'ACC 7 Standard camera channel', 'ACC Standard' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-STD-CH');
INSERT INTO product (part_number, name, product_type)
    SELECT 'ACC7-COR-CH', 'ACC 7 Core camera channel', 'ACC Core' FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-COR-CH');
INSERT INTO product (part_number, name, product_type, term_months)
    SELECT 'ACC7-ENT-CH-1Y', 'ACC 7 Enterprise camera channel, 1-year subscription', 'ACC Enterprise', 12 FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-ENT-CH-1Y');
INSERT INTO product (part_number, name, product_type, term_months)
    SELECT 'ACC7-COR-CH-1Y', 'ACC 7 Core camera channel, 1-year subscription', 'ACC Core', 12 FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-COR-CH-1Y');
INSERT INTO product (part_number, name, product_type, term_months)
    SELECT 'ACC7-CARE-1Y', 'ACC 7 subscription renewal, 1 year', 'ACC Enterprise', 12 FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-CARE-1Y');
INSERT INTO product (part_number, name, product_type, term_months)
    SELECT 'ACC7-COR-CARE-1Y', 'ACC 7 Core subscription renewal, 1 year', 'ACC Core', 12 FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM product WHERE part_number = 'ACC7-COR-CARE-1Y');
INSERT INTO product_renewal (product_id, renewal_product_id)
    SELECT p.id, r.id FROM product p, product r WHERE p.part_number = 'ACC7-ENT-CH-1Y' AND r.part_number = 'ACC7-CARE-1Y';
INSERT INTO product_renewal (product_id, renewal_product_id)
    SELECT p.id, r.id FROM product p, product r WHERE p.part_number = 'ACC7-COR-CH-1Y' AND r.part_number = 'ACC7-COR-CARE-1Y';

-- The order system's number for an account: optional, unique when present.
ALTER TABLE account ADD COLUMN customer_number VARCHAR(40);
ALTER TABLE account ADD CONSTRAINT uk_account_customer_number UNIQUE (customer_number);

-- A sales order as the order system sent it; the order number makes the intake idempotent.
CREATE TABLE sales_order (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_number            VARCHAR(64)  NOT NULL,
    order_date              DATE         NOT NULL,
    customer_number         VARCHAR(40)  NOT NULL,
    sold_to_name            VARCHAR(200) NOT NULL,
    sold_to_type            VARCHAR(16)  NOT NULL,
    partner_customer_number VARCHAR(40),
    contact_email           VARCHAR(254) NOT NULL,
    contact_first_name      VARCHAR(100),
    contact_last_name       VARCHAR(100),
    state                   VARCHAR(32)  NOT NULL,
    account_id              BIGINT,
    entitlement_id          BIGINT,
    rejection_reason        VARCHAR(2000),
    received_by             VARCHAR(254) NOT NULL,
    received_at             TIMESTAMP(6) NOT NULL,
    lock_version            BIGINT       NOT NULL,
    CONSTRAINT uk_sales_order_number UNIQUE (order_number),
    CONSTRAINT fk_sales_order_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_sales_order_entitlement FOREIGN KEY (entitlement_id) REFERENCES entitlement (id),
    CONSTRAINT ck_sales_order_type CHECK (sold_to_type IN ('PARTNER', 'CUSTOMER')),
    CONSTRAINT ck_sales_order_state CHECK (state IN ('RECEIVED', 'WAITING_FOR_ACCOUNT', 'ENTERED', 'REJECTED'))
);

-- One line: a new license (product, version, channels) or the renewal of an existing line item.
CREATE TABLE sales_order_line (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    sales_order_id       BIGINT      NOT NULL,
    line_number          INT         NOT NULL,
    product_id           BIGINT      NOT NULL,
    product_version      VARCHAR(32),
    quantity             INT         NOT NULL,
    renews_line_item_id  BIGINT,
    line_item_id         BIGINT,
    CONSTRAINT uk_sales_order_line UNIQUE (sales_order_id, line_number),
    CONSTRAINT fk_sales_order_line_order FOREIGN KEY (sales_order_id) REFERENCES sales_order (id),
    CONSTRAINT fk_sales_order_line_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_sales_order_line_renews FOREIGN KEY (renews_line_item_id) REFERENCES line_item (id),
    CONSTRAINT fk_sales_order_line_item FOREIGN KEY (line_item_id) REFERENCES line_item (id),
    CONSTRAINT ck_sales_order_line_quantity CHECK (quantity BETWEEN 1 AND 100000)
);

-- Cancelled channels of an order line and renewals join a line item's trail.
ALTER TABLE license_event DROP CONSTRAINT ck_event_type;
ALTER TABLE license_event ADD CONSTRAINT ck_event_type CHECK (event_type IN ('CREATED', 'ACTIVATED', 'DEACTIVATED',
    'RESERVED', 'RELEASED', 'TRANSFERRED_OUT', 'TRANSFERRED_IN', 'CANCELLED', 'RENEWED'));
