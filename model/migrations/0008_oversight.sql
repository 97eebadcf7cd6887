-- Oversight of judging: the chief judge's requests to mark a cell again
-- after the judges' marks on it differ too much, and judges replaced for the
-- rest of a stage.

-- A request to one judge to mark one cell (entrant x criterion) again, with
-- the chief judge's reason; settled when the judge saves the cell again.
CREATE TABLE remark_requests (
  id {{id}},
  event_id {{ref}} NOT NULL,
  stage VARCHAR(64) NOT NULL,
  entrant_id {{ref}} NOT NULL,
  criterion VARCHAR(64) NOT NULL,
  judge_id {{ref}} NOT NULL,
  reason VARCHAR(255) NOT NULL,
  -- The judge's mark when it was asked: a save that moves the mark past
  -- mark_version settles the request.
  mark_version INTEGER NOT NULL,
  points_before INTEGER NOT NULL,
  -- The request made the judge's submitted sheet editable again, for the
  -- cells asked only.
  reopened BOOLEAN NOT NULL DEFAULT FALSE,
  requested_by {{ref}} NOT NULL,
  created_at {{time}} NOT NULL,
  settled_at {{time}} NULL,
  -- changed, confirmed, or withdrawn (the judge was replaced).
  outcome VARCHAR(16) NOT NULL DEFAULT '',
  points_after INTEGER NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id),
  FOREIGN KEY (judge_id) REFERENCES accounts (id),
  FOREIGN KEY (requested_by) REFERENCES accounts (id)
){{options}};

CREATE INDEX ix_remark_requests_sheet ON remark_requests (event_id, stage, judge_id, settled_at);
CREATE INDEX ix_remark_requests_cell ON remark_requests (entrant_id, criterion);

-- One judge taking over another's sheet of a stage for the rest of it: the
-- marks the first judge gave stay its own.
CREATE TABLE judge_replacements (
  id {{id}},
  event_id {{ref}} NOT NULL,
  stage VARCHAR(64) NOT NULL,
  replaced_id {{ref}} NOT NULL,
  replacement_id {{ref}} NOT NULL,
  reason VARCHAR(255) NOT NULL,
  created_by {{ref}} NOT NULL,
  created_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (replaced_id) REFERENCES accounts (id),
  FOREIGN KEY (replacement_id) REFERENCES accounts (id),
  FOREIGN KEY (created_by) REFERENCES accounts (id)
){{options}};

-- A judge leaves a stage once: it is never replaced there twice.
CREATE UNIQUE INDEX ux_judge_replacements ON judge_replacements (event_id, stage, replaced_id);
