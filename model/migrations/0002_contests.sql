-- Contests, their events and rule sets, registrations (entrants) and draws.

ALTER TABLE people ADD COLUMN years_in_trade INTEGER NOT NULL DEFAULT 0;

CREATE TABLE contests (
  id {{id}},
  organiser_id {{ref}} NOT NULL,
  name VARCHAR(200) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  format VARCHAR(16) NOT NULL DEFAULT '',
  level VARCHAR(16) NOT NULL,
  description {{text}} NULL,
  registration_opens_at {{time}} NULL,
  registration_closes_at {{time}} NULL,
  judging_starts_at {{time}} NULL,
  judging_ends_at {{time}} NULL,
  status VARCHAR(24) NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (organiser_id) REFERENCES organisations (id)
){{options}};

CREATE INDEX ix_contests_organiser ON contests (organiser_id);

CREATE TABLE events (
  id {{id}},
  contest_id {{ref}} NOT NULL,
  name VARCHAR(100) NOT NULL,
  trade VARCHAR(64) NOT NULL DEFAULT '',
  entrant_type VARCHAR(16) NOT NULL,
  team_size INTEGER NOT NULL DEFAULT 0,
  quota_per_enterprise INTEGER NOT NULL DEFAULT 0,
  stations INTEGER NOT NULL DEFAULT 0,
  rules {{text}} NOT NULL,
  rules_version INTEGER NOT NULL DEFAULT 1,
  drawn_at {{time}} NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (contest_id) REFERENCES contests (id) ON DELETE CASCADE
){{options}};

CREATE UNIQUE INDEX ux_events_contest_name ON events (contest_id, name);

CREATE TABLE event_rule_versions (
  id {{id}},
  event_id {{ref}} NOT NULL,
  rules_version INTEGER NOT NULL,
  rules {{text}} NOT NULL,
  created_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
){{options}};

CREATE UNIQUE INDEX ux_event_rule_versions ON event_rule_versions (event_id, rules_version);

CREATE TABLE entrants (
  id {{id}},
  event_id {{ref}} NOT NULL,
  contest_id {{ref}} NOT NULL,
  enterprise_id {{ref}} NOT NULL,
  person_id {{ref}} NULL,
  master_person_id {{ref}} NULL,
  team_name VARCHAR(100) NOT NULL DEFAULT '',
  statement {{text}} NULL,
  natural_key VARCHAR(120) NULL,
  status VARCHAR(16) NOT NULL,
  reject_reason VARCHAR(255) NOT NULL DEFAULT '',
  draw_number VARCHAR(8) NOT NULL DEFAULT '',
  station INTEGER NOT NULL DEFAULT 0,
  session INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id),
  FOREIGN KEY (enterprise_id) REFERENCES organisations (id),
  FOREIGN KEY (person_id) REFERENCES people (id),
  FOREIGN KEY (master_person_id) REFERENCES people (id)
){{options}};

CREATE UNIQUE INDEX ux_entrants_event_key ON entrants (event_id, natural_key);
CREATE INDEX ix_entrants_event_status ON entrants (event_id, status);
CREATE INDEX ix_entrants_enterprise ON entrants (enterprise_id);

-- Everyone who competes in an event, once: individuals and team members.
CREATE TABLE event_participants (
  id {{id}},
  event_id {{ref}} NOT NULL,
  person_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id) ON DELETE CASCADE,
  FOREIGN KEY (person_id) REFERENCES people (id)
){{options}};

CREATE UNIQUE INDEX ux_event_participants ON event_participants (event_id, person_id);
CREATE INDEX ix_event_participants_entrant ON event_participants (entrant_id);

CREATE TABLE draws (
  id {{id}},
  event_id {{ref}} NOT NULL,
  seed VARCHAR(32) NOT NULL,
  drawn_by {{ref}} NOT NULL,
  entrant_count INTEGER NOT NULL,
  created_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
){{options}};

CREATE UNIQUE INDEX ux_draws_event ON draws (event_id);
