-- Results: each computation of an event's results kept as a snapshot that
-- never changes, the chief judge's decisions on ties at prize places, and
-- the decoding of results to names.

-- One computation of an event's results. version counts the event's
-- computations from 1; result is the engine's whole result as JSON, made by
-- the rules of rules_version. published_at and final_at say when the
-- organiser published it (public notice) and made it final; nothing else
-- of a snapshot ever changes.
CREATE TABLE result_snapshots (
  id {{id}},
  event_id {{ref}} NOT NULL,
  version INTEGER NOT NULL,
  rules_version INTEGER NOT NULL,
  result {{text}} NOT NULL,
  computed_by {{ref}} NOT NULL,
  computed_at {{time}} NOT NULL,
  published_at {{time}} NULL,
  final_at {{time}} NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (computed_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_result_snapshots ON result_snapshots (event_id, version);

-- The chief judge's order of entrants that the tie-break chain cannot
-- separate on a prize place: entrants holds their ids, best first,
-- comma-separated; reason is why.
CREATE TABLE tie_decisions (
  id {{id}},
  event_id {{ref}} NOT NULL,
  entrants VARCHAR(1000) NOT NULL,
  reason VARCHAR(255) NOT NULL,
  decided_by {{ref}} NOT NULL,
  decided_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (decided_by) REFERENCES accounts (id)
){{options}};

CREATE INDEX ix_tie_decisions_event ON tie_decisions (event_id);

-- The last layer of decoding (解密): draw numbers back to people. Work codes
-- back to draw numbers is encryption_decodings.
CREATE TABLE name_decodings (
  id {{id}},
  event_id {{ref}} NOT NULL,
  decoded_by {{ref}} NOT NULL,
  decoded_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (decoded_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_name_decodings ON name_decodings (event_id);

-- Results read each judge's sheet entrant by entrant: the marks' sheet index
-- now holds the cells and points, so that reading a sheet never visits the
-- table. It replaces the index on sheet_id alone (created first: MySQL keeps
-- an index for the foreign key throughout).
CREATE INDEX ix_marks_sheet_cells ON marks (sheet_id, entrant_id, criterion, points);
DROP INDEX ix_marks_sheet ON marks;
