-- Spreadsheet exports, kept as jobs: what was asked, how far writing it has
-- come, and the workbook written, downloadable afterwards by the account
-- that asked for it, from any app server.

CREATE TABLE export_jobs (
  id {{id}},
  -- kind is what is exported: registrations, scores or people.
  kind VARCHAR(16) NOT NULL,
  contest_id {{ref}} NULL,
  event_id {{ref}} NULL,
  stage VARCHAR(64) NOT NULL DEFAULT '',
  -- full_ids: ID numbers and mobiles were asked for unmasked, by a caller
  -- allowed to see them.
  full_ids BOOLEAN NOT NULL DEFAULT FALSE,
  organisation_id {{ref}} NOT NULL,
  account_id {{ref}} NOT NULL,
  status VARCHAR(16) NOT NULL,
  rows_total INTEGER NOT NULL DEFAULT 0,
  file_name VARCHAR(255) NOT NULL DEFAULT '',
  content LONGBLOB NULL,
  error {{text}} NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  finished_at {{time}} NULL,
  FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
){{options}};

CREATE INDEX ix_export_jobs_account ON export_jobs (account_id, created_at);
CREATE INDEX ix_export_jobs_status ON export_jobs (status);
