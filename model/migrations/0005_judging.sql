-- Judging: who judges what (panels), check-in, judges' score sheets, marks,
-- and every change of every mark.

CREATE TABLE panel_members (
  id {{id}},
  event_id {{ref}} NOT NULL,
  account_id {{ref}} NOT NULL,
  duty VARCHAR(16) NOT NULL,
  -- stages are the codes of the stages a judge or trainee marks, comma-separated.
  stages VARCHAR(500) NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_panel_members ON panel_members (event_id, account_id);
CREATE INDEX ix_panel_members_account ON panel_members (account_id);

-- A conflict a judge declares with one entrant (回避): the entrant leaves the
-- judge's sheets, and the chief judge sees why.
CREATE TABLE panel_conflicts (
  id {{id}},
  event_id {{ref}} NOT NULL,
  account_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  reason VARCHAR(255) NOT NULL,
  created_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES accounts (id),
  FOREIGN KEY (entrant_id) REFERENCES entrants (id)
){{options}};

CREATE UNIQUE INDEX ux_panel_conflicts ON panel_conflicts (event_id, account_id, entrant_id);

ALTER TABLE entrants ADD COLUMN attendance VARCHAR(8) NOT NULL DEFAULT '';
ALTER TABLE entrants ADD COLUMN checked_in_at {{time}} NULL;
ALTER TABLE entrants ADD COLUMN checked_in_by {{ref}} NULL;
-- A number finds its entrant: at check-in, and for every mark a judge saves.
CREATE INDEX ix_entrants_event_number ON entrants (event_id, draw_number);

-- A sheet is one judge's marks of one stage of an event.
CREATE TABLE sheets (
  id {{id}},
  event_id {{ref}} NOT NULL,
  stage VARCHAR(64) NOT NULL,
  judge_id {{ref}} NOT NULL,
  submitted_at {{time}} NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (judge_id) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_sheets ON sheets (event_id, stage, judge_id);

-- One mark per entrant, criterion and judge, in hundredths of a point.
CREATE TABLE marks (
  id {{id}},
  sheet_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  judge_id {{ref}} NOT NULL,
  criterion VARCHAR(64) NOT NULL,
  points INTEGER NOT NULL,
  note VARCHAR(100) NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_by {{ref}} NOT NULL,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (sheet_id) REFERENCES sheets (id) ON DELETE CASCADE,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id)
){{options}};

CREATE UNIQUE INDEX ux_marks ON marks (entrant_id, criterion, judge_id);
CREATE INDEX ix_marks_sheet ON marks (sheet_id);

-- Every change of every mark: before, after, who, when and why.
CREATE TABLE mark_changes (
  id {{id}},
  mark_id {{ref}} NOT NULL,
  sheet_id {{ref}} NOT NULL,
  before_points INTEGER NULL,
  after_points INTEGER NOT NULL,
  before_note VARCHAR(100) NOT NULL DEFAULT '',
  after_note VARCHAR(100) NOT NULL DEFAULT '',
  changed_by {{ref}} NOT NULL,
  reason VARCHAR(255) NOT NULL DEFAULT '',
  created_at {{time}} NOT NULL,
  FOREIGN KEY (mark_id) REFERENCES marks (id) ON DELETE CASCADE
){{options}};

CREATE INDEX ix_mark_changes_sheet ON mark_changes (sheet_id, id);

-- A stage of an event signed off by its chief judge: its marks are final
-- until a recorded reopening.
CREATE TABLE stage_signoffs (
  id {{id}},
  event_id {{ref}} NOT NULL,
  stage VARCHAR(64) NOT NULL,
  signed_by {{ref}} NOT NULL,
  signed_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
){{options}};

CREATE UNIQUE INDEX ux_stage_signoffs ON stage_signoffs (event_id, stage);
