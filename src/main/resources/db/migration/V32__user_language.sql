-- The language a portal user chose on their profile ("en", "fr"); null: the browser's (Accept-Language) for
-- pages, English for emails until they choose.
ALTER TABLE portal_user ADD COLUMN language VARCHAR(16) NULL;
