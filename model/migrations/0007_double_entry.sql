-- Blind double entry (双人双录) of paper score sheets: a judge's sheet of a
-- stage marked on paper is keyed twice, by two clerks who never see each
-- other's entry; the cells where they differ are settled from the paper.

-- A judge's sheet kept on paper, from the moment a clerk starts keying it.
CREATE TABLE paper_sheets (
  id {{id}},
  sheet_id {{ref}} NOT NULL,
  -- agreed_at is set when both entries agree, every difference settled, and
  -- the agreed values are the judge's marks.
  agreed_at {{time}} NULL,
  created_by {{ref}} NOT NULL,
  created_at {{time}} NOT NULL,
  FOREIGN KEY (sheet_id) REFERENCES sheets (id) ON DELETE CASCADE,
  FOREIGN KEY (created_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_paper_sheets ON paper_sheets (sheet_id);

-- One round of keying of a paper sheet (round 1 or 2), by one clerk: a clerk
-- keys one round of a sheet at the most.
CREATE TABLE keyings (
  id {{id}},
  paper_sheet_id {{ref}} NOT NULL,
  round INTEGER NOT NULL,
  clerk_id {{ref}} NOT NULL,
  submitted_at {{time}} NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (paper_sheet_id) REFERENCES paper_sheets (id) ON DELETE CASCADE,
  FOREIGN KEY (clerk_id) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_keyings_round ON keyings (paper_sheet_id, round);
CREATE UNIQUE INDEX ux_keyings_clerk ON keyings (paper_sheet_id, clerk_id);

-- The cells keyed in each round, in hundredths of a point; round 0 holds the
-- value read from the paper for a cell where the two rounds differ.
CREATE TABLE keyed_cells (
  id {{id}},
  paper_sheet_id {{ref}} NOT NULL,
  round INTEGER NOT NULL,
  entrant_id {{ref}} NOT NULL,
  criterion VARCHAR(64) NOT NULL,
  points INTEGER NOT NULL,
  note VARCHAR(100) NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  keyed_by {{ref}} NOT NULL,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (paper_sheet_id) REFERENCES paper_sheets (id) ON DELETE CASCADE,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id)
){{options}};

CREATE UNIQUE INDEX ux_keyed_cells ON keyed_cells (paper_sheet_id, round, entrant_id, criterion);
