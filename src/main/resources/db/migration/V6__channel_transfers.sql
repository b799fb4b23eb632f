-- Channel transfers: one row per request, from the reservation to the end of bpmn/channel-transfer.bpmn.
-- The requester is kept by id and email without a foreign key: deleting a user keeps the transfer history.
CREATE TABLE channel_transfer (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    transfer_number      VARCHAR(32)   NOT NULL,
    source_line_item_id  BIGINT        NOT NULL,
    source_account_id    BIGINT        NOT NULL,
    target_account_id    BIGINT        NOT NULL,
    add_to_line_item_id  BIGINT,
    amount               INT           NOT NULL,
    state                VARCHAR(32)   NOT NULL,
    requested_by_user_id BIGINT        NOT NULL,
    requested_by         VARCHAR(254)  NOT NULL,
    requested_at         TIMESTAMP(6)  NOT NULL,
    idempotency_key      VARCHAR(100)  NOT NULL,
    request_fingerprint  VARCHAR(64)   NOT NULL,
    approval_required    INT           NOT NULL,
    approval_rule        VARCHAR(300),
    process_instance_id  VARCHAR(64),
    decided_by           VARCHAR(254),
    decided_at           TIMESTAMP(6),
    decision_reason      VARCHAR(1000),
    result_line_item_id  BIGINT,
    executed_at          TIMESTAMP(6),
    ended_at             TIMESTAMP(6),
    ended_by             VARCHAR(254),
    CONSTRAINT uk_transfer_number UNIQUE (transfer_number),
    -- A form or an API call submitted twice with the same key makes one transfer.
    CONSTRAINT uk_transfer_idempotency UNIQUE (requested_by_user_id, idempotency_key),
    CONSTRAINT fk_transfer_source_line_item FOREIGN KEY (source_line_item_id) REFERENCES line_item (id),
    CONSTRAINT fk_transfer_source_account FOREIGN KEY (source_account_id) REFERENCES account (id),
    CONSTRAINT fk_transfer_target_account FOREIGN KEY (target_account_id) REFERENCES account (id),
    CONSTRAINT fk_transfer_add_to_line_item FOREIGN KEY (add_to_line_item_id) REFERENCES line_item (id),
    CONSTRAINT fk_transfer_result_line_item FOREIGN KEY (result_line_item_id) REFERENCES line_item (id),
    CONSTRAINT ck_transfer_amount CHECK (amount > 0),
    CONSTRAINT ck_transfer_approval_required CHECK (approval_required IN (0, 1)),
    CONSTRAINT ck_transfer_state CHECK (state IN ('PENDING_APPROVAL', 'APPROVED', 'COMPLETED', 'REJECTED', 'EXPIRED',
        'CANCELLED'))
);
CREATE INDEX ix_transfer_requester ON channel_transfer (requested_by_user_id, requested_at);
CREATE INDEX ix_transfer_source_account ON channel_transfer (source_account_id, requested_at);
CREATE INDEX ix_transfer_source_line_item ON channel_transfer (source_line_item_id);
