-- Organisations, accounts, sessions, login throttling, people and the audit trail.

CREATE TABLE organisations (
  id {{id}},
  parent_id {{ref}} NULL,
  kind VARCHAR(32) NOT NULL,
  name VARCHAR(128) NOT NULL,
  credit_code VARCHAR(18) NULL,
  region VARCHAR(64) NOT NULL DEFAULT '',
  industry VARCHAR(64) NOT NULL DEFAULT '',
  path VARCHAR(255) NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (parent_id) REFERENCES organisations (id)
){{options}};

CREATE UNIQUE INDEX ux_organisations_credit_code ON organisations (credit_code);
CREATE INDEX ix_organisations_path ON organisations (path);
CREATE INDEX ix_organisations_parent ON organisations (parent_id);

CREATE TABLE accounts (
  id {{id}},
  username VARCHAR(32) NOT NULL,
  username_key VARCHAR(32) NOT NULL,
  display_name VARCHAR(64) NOT NULL DEFAULT '',
  role VARCHAR(16) NOT NULL,
  organisation_id {{ref}} NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  last_login_at {{time}} NULL,
  FOREIGN KEY (organisation_id) REFERENCES organisations (id)
){{options}};

CREATE UNIQUE INDEX ux_accounts_username_key ON accounts (username_key);
CREATE INDEX ix_accounts_organisation ON accounts (organisation_id);

CREATE TABLE sessions (
  id {{id}},
  token_hash VARCHAR(64) NOT NULL,
  account_id {{ref}} NOT NULL,
  csrf_token VARCHAR(64) NOT NULL,
  created_at {{time}} NOT NULL,
  last_seen_at {{time}} NOT NULL,
  expires_at {{time}} NOT NULL,
  FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
){{options}};

CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_account ON sessions (account_id);

CREATE TABLE login_throttles (
  throttle_key VARCHAR(96) NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  last_failure_at {{time}} NOT NULL,
  locked_until {{time}} NULL
){{options}};

CREATE TABLE people (
  id {{id}},
  organisation_id {{ref}} NOT NULL,
  name VARCHAR(64) NOT NULL,
  gender VARCHAR(8) NOT NULL,
  id_number VARCHAR(18) NOT NULL,
  mobile VARCHAR(11) NOT NULL DEFAULT '',
  trade VARCHAR(64) NOT NULL DEFAULT '',
  skill_level VARCHAR(16) NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (organisation_id) REFERENCES organisations (id)
){{options}};

CREATE UNIQUE INDEX ux_people_id_number ON people (id_number);
CREATE INDEX ix_people_organisation ON people (organisation_id);

CREATE TABLE audit_entries (
  id {{id}},
  account_id {{ref}} NULL,
  action VARCHAR(64) NOT NULL,
  entity VARCHAR(32) NOT NULL,
  entity_id {{ref}} NOT NULL,
  before_value {{text}} NULL,
  after_value {{text}} NULL,
  reason VARCHAR(255) NOT NULL DEFAULT '',
  created_at {{time}} NOT NULL
){{options}};

CREATE INDEX ix_audit_entity ON audit_entries (entity, entity_id);
