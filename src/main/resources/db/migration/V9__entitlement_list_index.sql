-- List Entitlements counts and pages a user's line items by owner and channels left, sorted newest first by
-- default. With total_quantity and created_at in the owner index too, the totals and the page's ids are read
-- from the index alone (bench/FINDINGS.md); it replaces the narrower owner index (and still serves the owner
-- foreign key).
CREATE INDEX ix_line_item_owner_list ON line_item (owner_account_id, available_quantity, total_quantity, created_at);
DROP INDEX ix_line_item_owner ON line_item;
