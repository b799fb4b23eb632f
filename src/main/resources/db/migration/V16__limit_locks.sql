-- One row per thing a limit counts (an email at a client address, an address, an email): a login, a public
-- form or a Camunda login first updates its row, which locks it, and only then counts and checks. So
-- parallel tries for the same key, on any node, are counted one after the other and none slips past the limit.
CREATE TABLE limit_lock (
    limit_name VARCHAR(40)  NOT NULL,
    limit_key  VARCHAR(330) NOT NULL,
    used_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_limit_lock PRIMARY KEY (limit_name, limit_key)
);
CREATE INDEX ix_limit_lock_used_at ON limit_lock (used_at);
