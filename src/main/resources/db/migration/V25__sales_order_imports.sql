-- Order Management's CSV imports of sales orders (back office, issue 17). One row per file that passed the check:
-- its state and progress live here, not in a node's memory, so that the page can be left and revisited on any
-- node. A file with problems is refused and leaves no row. Runs unchanged on H2 and MySQL/MariaDB.
CREATE TABLE sales_order_import (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_name       VARCHAR(255) NOT NULL,
    file_sha256     CHAR(64)     NOT NULL,
    uploaded_by     VARCHAR(254) NOT NULL,
    uploaded_at     TIMESTAMP(6) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    order_count     INT          NOT NULL,
    line_count      INT          NOT NULL,
    orders_done     INT          NOT NULL,
    orders_new      INT          NOT NULL,
    lines_done      INT          NOT NULL,
    -- The node that runs it writes this at least every few seconds: a running import without news is one whose
    -- node stopped.
    heartbeat_at    TIMESTAMP(6) NOT NULL,
    finished_at     TIMESTAMP(6),
    failure         VARCHAR(2000),
    CONSTRAINT ck_sales_order_import_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_sales_order_import_progress CHECK (orders_done BETWEEN 0 AND order_count
        AND orders_new BETWEEN 0 AND orders_done AND lines_done BETWEEN 0 AND line_count)
);
CREATE INDEX ix_sales_order_import_uploaded ON sales_order_import (uploaded_at);
CREATE INDEX ix_sales_order_import_file ON sales_order_import (file_sha256, state);

-- The back office's order search: by customer number, by account, by state, newest first.
CREATE INDEX ix_sales_order_customer_number ON sales_order (customer_number);
CREATE INDEX ix_sales_order_state ON sales_order (state, received_at);
CREATE INDEX ix_sales_order_received ON sales_order (received_at);
