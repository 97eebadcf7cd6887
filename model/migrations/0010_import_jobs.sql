-- Spreadsheet imports, kept as jobs: the file as it was uploaded, what
-- checking it found and what importing it did, so that the web app shows a
-- job's progress and problems after a reload, any app server can report it,
-- and its red-cell workbook can be downloaded afterwards.

CREATE TABLE import_jobs (
  id {{id}},
  kind VARCHAR(16) NOT NULL,
  contest_id {{ref}} NOT NULL,
  -- event_id is the event of a per-event import: rows that name no event are its.
  event_id {{ref}} NULL,
  -- organisation_id made the import (an enterprise for its own workers);
  -- account_id is who uploaded it.
  organisation_id {{ref}} NOT NULL,
  account_id {{ref}} NOT NULL,
  file_name VARCHAR(255) NOT NULL DEFAULT '',
  content LONGBLOB NOT NULL,
  -- checked_rows are the rows of a checked file as they passed the rules of
  -- an entry (JSON, gzipped), so that importing it does not read it again.
  checked_rows LONGBLOB NULL,
  status VARCHAR(16) NOT NULL,
  rows_total INTEGER NOT NULL DEFAULT 0,
  rows_done INTEGER NOT NULL DEFAULT 0,
  created_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  -- digest sums up what the check found would be written; an import writes
  -- only while checking again finds the same.
  digest VARCHAR(64) NOT NULL DEFAULT '',
  -- result is JSON: the problems found, or what each row does.
  result {{text}} NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  finished_at {{time}} NULL,
  FOREIGN KEY (contest_id) REFERENCES contests (id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
){{options}};

CREATE INDEX ix_import_jobs_organisation ON import_jobs (organisation_id, created_at);
CREATE INDEX ix_import_jobs_status ON import_jobs (status);
