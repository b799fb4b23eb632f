-- Invitation links: only a hash of each single-use token is kept; the token itself exists only in the email.
-- A user can hold more than one live token (the invitation and its reminder); accepting, expiring,
-- resending or deleting the user removes them all.

CREATE TABLE invitation_token (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT       NOT NULL,
    token_hash VARCHAR(64)  NOT NULL,
    issued_at  TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_invitation_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_invitation_token_user FOREIGN KEY (user_id) REFERENCES portal_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_invitation_token_user ON invitation_token (user_id);
