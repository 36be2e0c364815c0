-- Each user's language ('ja' or 'en'), chosen in the web UI: answers to a request without a Language header
-- are in it. NULL: jita.default-language.
ALTER TABLE system_admin ADD COLUMN preferred_language VARCHAR(8);
ALTER TABLE org_user ADD COLUMN preferred_language VARCHAR(8);

-- Log levels are Exastro's, INFO and DEBUG; the quieter ones an older jita accepted become INFO.
UPDATE log_level_setting SET log_level = 'INFO' WHERE log_level NOT IN ('DEBUG', 'INFO');
