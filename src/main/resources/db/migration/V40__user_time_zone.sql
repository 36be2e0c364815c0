-- Each user's time zone for the web UI (an IANA name such as Asia/Tokyo). NULL: the browser's zone, else UTC.
ALTER TABLE system_admin ADD COLUMN preferred_time_zone VARCHAR(64);
ALTER TABLE org_user ADD COLUMN preferred_time_zone VARCHAR(64);
