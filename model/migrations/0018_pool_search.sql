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

-- The pools' rows written before these tables: the same parts, made here
-- from every character position of each text (a statement runs to 20,000
-- characters), numbered by a table of positions dropped afterwards; LENGTH
-- counts bytes on MySQL, more than the characters, and the position past
-- the end gives ''. A part from a space is left out on MySQL, where
-- '' = ' ': a search never starts with one.
CREATE TABLE pool_part_digits (d INTEGER NOT NULL){{options}};
INSERT INTO pool_part_digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE pool_part_positions (n INTEGER NOT NULL PRIMARY KEY){{options}};
INSERT INTO pool_part_positions (n)
SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d
FROM pool_part_digits a, pool_part_digits b, pool_part_digits c, pool_part_digits e, pool_part_digits f
WHERE f.d < 3;
CREATE TABLE pool_part_lengths (k INTEGER NOT NULL){{options}};
INSERT INTO pool_part_lengths (k) VALUES (1), (2), (3), (4);

INSERT INTO award_winner_parts (row_id, part)
SELECT DISTINCT w.id, SUBSTR(LOWER(w.name), p.n, l.k)
FROM award_winners w, pool_part_positions p, pool_part_lengths l
WHERE w.pool = 'talent' AND p.n <= LENGTH(w.name) AND SUBSTR(w.name, p.n, 1) <> '';

INSERT INTO pool_achievement_parts (row_id, part)
SELECT DISTINCT t.id, SUBSTR(LOWER(t.text), p.n, l.k)
FROM pool_part_positions p, pool_part_lengths l,
  (SELECT id, title AS text FROM pool_achievements UNION ALL SELECT id, authors FROM pool_achievements) t
WHERE p.n <= LENGTH(t.text) AND SUBSTR(t.text, p.n, 1) <> '';

INSERT INTO pool_expert_parts (row_id, part)
SELECT DISTINCT x.id, SUBSTR(LOWER(x.name), p.n, l.k)
FROM pool_experts x, pool_part_positions p, pool_part_lengths l
WHERE p.n <= LENGTH(x.name) AND SUBSTR(x.name, p.n, 1) <> '';

INSERT INTO pool_term_parts (part, term)
SELECT DISTINCT SUBSTR(LOWER(t.term), p.n, l.k), t.term
FROM pool_part_positions p, pool_part_lengths l, (
  SELECT trade AS term FROM award_winners WHERE pool = 'talent' AND trade <> ''
  UNION SELECT trade FROM pool_experts WHERE trade <> ''
  UNION SELECT category FROM pool_achievements WHERE category <> ''
) t
WHERE p.n <= LENGTH(t.term) AND SUBSTR(t.term, p.n, 1) <> '';

DROP TABLE pool_part_lengths;
DROP TABLE pool_part_positions;
DROP TABLE pool_part_digits;
