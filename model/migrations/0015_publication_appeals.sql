-- Publication: the public notice (公示) of a contest's results lasts a set
-- number of working days from when it starts; appeals (申诉) by entrants'
-- enterprises go to the contest's supervision and arbitration panel
-- (监督仲裁组), whose ruling is final; and vetoes (一票否决) against entrants.

-- notice_workdays: how many working days the notice lasts (official calendar,
-- with weekend working days); appeal_hours: when above 0, appeals are also
-- taken while the contest judges, for that many hours after an event's
-- results are computed; notice_started_at: when the current notice started.
ALTER TABLE contests ADD COLUMN notice_workdays INTEGER NOT NULL DEFAULT 5;
ALTER TABLE contests ADD COLUMN appeal_hours INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contests ADD COLUMN notice_started_at {{time}} NULL;

-- The accounts the organisers name to a contest's arbitration panel.
CREATE TABLE arbitrators (
  id {{id}},
  contest_id {{ref}} NOT NULL,
  account_id {{ref}} NOT NULL,
  named_by {{ref}} NOT NULL,
  named_at {{time}} NOT NULL,
  FOREIGN KEY (contest_id) REFERENCES contests (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES accounts (id),
  FOREIGN KEY (named_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_arbitrators ON arbitrators (contest_id, account_id);
CREATE INDEX ix_arbitrators_account ON arbitrators (account_id);

-- An enterprise's written appeal against a result of one of its entrants,
-- as it stood in result_version, with the panel's review (复核) and ruling.
-- status: filed, reviewed, upheld or dismissed. open_key holds the entrant's
-- id until the ruling, so that an entrant has one open appeal at a time.
CREATE TABLE appeals (
  id {{id}},
  contest_id {{ref}} NOT NULL,
  event_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  enterprise_id {{ref}} NOT NULL,
  result_version INTEGER NOT NULL,
  reason {{text}} NOT NULL,
  status VARCHAR(16) NOT NULL,
  open_key {{ref}} NULL,
  filed_by {{ref}} NOT NULL,
  filed_at {{time}} NOT NULL,
  review {{text}} NULL,
  reviewed_by {{ref}} NULL,
  reviewed_at {{time}} NULL,
  ruling_text {{text}} NULL,
  ruled_by {{ref}} NULL,
  ruled_at {{time}} NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (contest_id) REFERENCES contests (id) ON DELETE CASCADE,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id),
  FOREIGN KEY (enterprise_id) REFERENCES organisations (id),
  FOREIGN KEY (filed_by) REFERENCES accounts (id),
  FOREIGN KEY (reviewed_by) REFERENCES accounts (id),
  FOREIGN KEY (ruled_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_appeals_open ON appeals (open_key);
CREATE INDEX ix_appeals_contest ON appeals (contest_id, status);
CREATE INDEX ix_appeals_entrant ON appeals (entrant_id);

-- A veto (一票否决) against an entrant, with its reason: the entrant keeps
-- its marks and gets no rank and no award.
CREATE TABLE vetoes (
  id {{id}},
  event_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  reason VARCHAR(500) NOT NULL,
  recorded_by {{ref}} NOT NULL,
  recorded_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id) ON DELETE CASCADE,
  FOREIGN KEY (recorded_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_vetoes_entrant ON vetoes (entrant_id);
CREATE INDEX ix_vetoes_event ON vetoes (event_id);
