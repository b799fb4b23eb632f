-- Offline activations (one per accepted request file) and the expiry reminders already sent.

-- An accepted offline activation request. The nonce is unique, so a request file is used once; the columns
-- keep what the signed license file says, so that the same file can be downloaded again.
CREATE TABLE offline_activation (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    nonce              VARCHAR(128) NOT NULL,
    device_id          BIGINT       NOT NULL,
    device_name        VARCHAR(200) NOT NULL,
    host_id            VARCHAR(200) NOT NULL,
    request_created_at VARCHAR(64)  NOT NULL,
    issued_at          TIMESTAMP(6) NOT NULL,
    issued_by          VARCHAR(254) NOT NULL,
    CONSTRAINT uk_offline_activation_nonce UNIQUE (nonce),
    CONSTRAINT fk_offline_activation_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX ix_offline_activation_device ON offline_activation (device_id);

-- The channels one offline activation granted, per line item.
CREATE TABLE offline_activation_license (
    offline_activation_id BIGINT NOT NULL,
    line_item_id          BIGINT NOT NULL,
    quantity              INT    NOT NULL,
    CONSTRAINT pk_offline_activation_license PRIMARY KEY (offline_activation_id, line_item_id),
    CONSTRAINT fk_offline_license_activation FOREIGN KEY (offline_activation_id) REFERENCES offline_activation (id),
    CONSTRAINT fk_offline_license_line_item FOREIGN KEY (line_item_id) REFERENCES line_item (id),
    CONSTRAINT ck_offline_license_quantity CHECK (quantity > 0)
);

-- A line item announced in an expiry digest for one threshold (30 or 7 days): never announced twice for it.
CREATE TABLE expiry_announcement (
    line_item_id   BIGINT NOT NULL,
    threshold_days INT    NOT NULL,
    announced_on   DATE   NOT NULL,
    CONSTRAINT pk_expiry_announcement PRIMARY KEY (line_item_id, threshold_days),
    CONSTRAINT fk_expiry_announcement_line_item FOREIGN KEY (line_item_id) REFERENCES line_item (id)
);

