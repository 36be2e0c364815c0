-- A menu's history pages read its journal newest first: one range of this index per page.
CREATE INDEX ix_journal_menu ON menu_journal (organization_id, workspace_id, menu_name, journal_id);
