-- The parts of what the pools are searched by, so that a search by a part
-- of a name is an equality on an index instead of a scan: every substring of
-- up to four characters (ASCII letters in lower case) of a talent's name, an
-- achievement's title and authors and an expert's name, one row each, keyed
-- by the pool row (row_id). A search looks up its first four characters and
-- checks the whole search on the rows found. Written with the pools, in the
-- transaction that makes a contest final; never changed afterwards.
CREATE TABLE award_winner_parts (
  id {{id}},
  row_id {{ref}} NOT NULL,
  part VARCHAR(4) NOT NULL,
  FOREIGN KEY (row_id) REFERENCES award_winners (id) ON DELETE CASCADE
){{options}};

CREATE INDEX ix_award_winner_parts_part ON award_winner_parts (part, row_id);

CREATE TABLE pool_achievement_parts (
  id {{id}},
  row_id {{ref}} NOT NULL,
  part VARCHAR(4) NOT NULL,
  FOREIGN KEY (row_id) REFERENCES pool_achievements (id) ON DELETE CASCADE
){{options}};

CREATE INDEX ix_pool_achievement_parts_part ON pool_achievement_parts (part, row_id);

CREATE TABLE pool_expert_parts (
  id {{id}},
  row_id {{ref}} NOT NULL,
  part VARCHAR(4) NOT NULL,
  FOREIGN KEY (row_id) REFERENCES pool_experts (id) ON DELETE CASCADE
){{options}};

CREATE INDEX ix_pool_expert_parts_part ON pool_expert_parts (part, row_id);

-- The parts of every trade (and achievement category) in the pools, each
-- with the whole name: a trade filter finds the names that hold it here and
-- then reads the pools by their trade indexes.
CREATE TABLE pool_term_parts (
  id {{id}},
  part VARCHAR(4) NOT NULL,
  term VARCHAR(100) NOT NULL
){{options}};

CREATE INDEX ix_pool_term_parts_part ON pool_term_parts (part, term);

-- The pools' rows written before these tables: the same parts, made here.
INSERT INTO award_winner_parts (row_id, part)
SELECT DISTINCT id, SUBSTR(rest, 1, k) FROM (
  WITH RECURSIVE tails (id, rest) AS (
    SELECT id, LOWER(name) FROM award_winners WHERE pool = 'talent'
    UNION ALL
    SELECT id, SUBSTR(rest, 2) FROM tails WHERE rest <> ''
  ) SELECT id, rest FROM tails WHERE rest <> ''
) AS t, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS ks;

INSERT INTO pool_achievement_parts (row_id, part)
SELECT DISTINCT id, SUBSTR(rest, 1, k) FROM (
  WITH RECURSIVE tails (id, rest) AS (
    SELECT id, LOWER(title) FROM pool_achievements
    UNION ALL
    SELECT id, LOWER(authors) FROM pool_achievements
    UNION ALL
    SELECT id, SUBSTR(rest, 2) FROM tails WHERE rest <> ''
  ) SELECT id, rest FROM tails WHERE rest <> ''
) AS t, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS ks;

INSERT INTO pool_expert_parts (row_id, part)
SELECT DISTINCT id, SUBSTR(rest, 1, k) FROM (
  WITH RECURSIVE tails (id, rest) AS (
    SELECT id, LOWER(name) FROM pool_experts
    UNION ALL
    SELECT id, SUBSTR(rest, 2) FROM tails WHERE rest <> ''
  ) SELECT id, rest FROM tails WHERE rest <> ''
) AS t, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS ks;

INSERT INTO pool_term_parts (part, term)
SELECT DISTINCT SUBSTR(rest, 1, k), term FROM (
  WITH RECURSIVE tails (term, rest) AS (
    SELECT term, LOWER(term) FROM (
      SELECT trade AS term FROM award_winners WHERE pool = 'talent' AND trade <> ''
      UNION SELECT trade FROM pool_experts WHERE trade <> ''
      UNION SELECT category FROM pool_achievements WHERE category <> ''
    ) AS terms
    UNION ALL
    SELECT term, SUBSTR(rest, 2) FROM tails WHERE rest <> ''
  ) SELECT term, rest FROM tails WHERE rest <> ''
) AS t, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) AS ks;
