-- A transfer re-checks at execution what it checked when requested; when that no longer holds it ends as
-- NO_LONGER_POSSIBLE, its reservation released, and ended_reason says why (the requester reads it too).
ALTER TABLE channel_transfer DROP CONSTRAINT ck_transfer_state;
ALTER TABLE channel_transfer ADD CONSTRAINT ck_transfer_state CHECK (state IN ('PENDING_APPROVAL', 'APPROVED',
    'COMPLETED', 'REJECTED', 'EXPIRED', 'CANCELLED', 'NO_LONGER_POSSIBLE'));
ALTER TABLE channel_transfer ADD ended_reason VARCHAR(500);
