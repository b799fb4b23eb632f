-- Personal access tokens for the REST API: only a SHA-256 hash of each token is kept.
CREATE TABLE personal_access_token (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    token_hint   VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    expires_at   TIMESTAMP(6),
    last_used_at TIMESTAMP(6),
    revoked_at   TIMESTAMP(6),
    CONSTRAINT uk_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_token_user FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_token_user ON personal_access_token (user_id);
