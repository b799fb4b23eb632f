-- List Entitlements reads, filters and sorts line items without joins (bench/FINDINGS.md, issue 20): the names it
-- sorts on are copied onto the line item when it is written (LineItem), and an account's new name onto its line
-- items in the rename's transaction (BackOfficeAccounts.rename). expiry_sort is the Expiration column's order as
-- one value (permanent after every date), so that an index can give it.
ALTER TABLE line_item ADD COLUMN entitlement_number VARCHAR(32);
ALTER TABLE line_item ADD COLUMN sold_to_name VARCHAR(200);
ALTER TABLE line_item ADD COLUMN part_number VARCHAR(64);
ALTER TABLE line_item ADD COLUMN expiry_sort DATE;

UPDATE line_item SET
    entitlement_number = (SELECT e.entitlement_number FROM entitlement e WHERE e.id = line_item.entitlement_id),
    sold_to_name = (SELECT a.name FROM account a WHERE a.id = line_item.sold_to_account_id),
    part_number = (SELECT p.part_number FROM product p WHERE p.id = line_item.product_id),
    expiry_sort = COALESCE(expires_on, DATE '9999-12-31');

-- A user who sees thousands of accounts gets a page by walking the sort's index and stopping after the page's
-- rows; a user who sees a few accounts keeps the owner index (V9, EntitlementList.from). Each index holds the sort
-- column, then the id (the list's tie-breaker: it must follow the sort column for the index to give the order),
-- then the owner and the channels left, which every search checks: the walk reads no row it does not list (a
-- million line items do not fit MariaDB's buffer pool, and reading rows in another order costs a disk read each).
-- The Activation ID sorts by its unique index.
CREATE INDEX ix_line_item_created ON line_item (created_at, id, owner_account_id, available_quantity);
CREATE INDEX ix_line_item_entitlement_number ON line_item (entitlement_number, id, owner_account_id, available_quantity);
CREATE INDEX ix_line_item_sold_to_name ON line_item (sold_to_name, id, owner_account_id, available_quantity);
CREATE INDEX ix_line_item_part_number ON line_item (part_number, id, owner_account_id, available_quantity);
CREATE INDEX ix_line_item_version ON line_item (product_version, id, owner_account_id, available_quantity);
CREATE INDEX ix_line_item_available ON line_item (available_quantity, id, owner_account_id);
CREATE INDEX ix_line_item_total ON line_item (total_quantity, id, owner_account_id, available_quantity);
CREATE INDEX ix_line_item_expiry_sort ON line_item (expiry_sort, id, owner_account_id, available_quantity);
