-- The pools fed by final results (技能人才库, 技术专家库, 技术成果库) and the
-- award certificates (获奖证书). Rows are written once, in the transaction
-- that makes a contest final, from its final result snapshots, and never
-- change afterwards: a pool lists what was awarded, as it was awarded.

-- One row per person given an award in a final event (or per organisation,
-- for an entry of an organisation), each with its certificate. code is the
-- certificate's random code, which its QR code opens publicly. pool is
-- 'talent' for a worker of a skills contest (the talent pool), empty for
-- the others, who have a certificate only. No ID number is kept here.
CREATE TABLE award_winners (
  id {{id}},
  code VARCHAR(40) NOT NULL,
  contest_id {{ref}} NOT NULL,
  event_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  position INTEGER NOT NULL,
  person_id {{ref}} NULL,
  pool VARCHAR(16) NOT NULL DEFAULT '',
  name VARCHAR(255) NOT NULL,
  enterprise_id {{ref}} NOT NULL,
  enterprise_name VARCHAR(128) NOT NULL,
  organiser_name VARCHAR(200) NOT NULL,
  trade VARCHAR(64) NOT NULL DEFAULT '',
  skill_level VARCHAR(32) NOT NULL DEFAULT '',
  contest_name VARCHAR(200) NOT NULL,
  event_name VARCHAR(100) NOT NULL,
  year INTEGER NOT NULL,
  award VARCHAR(16) NOT NULL,
  rank_place INTEGER NOT NULL,
  titles VARCHAR(255) NOT NULL DEFAULT '',
  awarded_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (enterprise_id) REFERENCES organisations (id)
){{options}};

CREATE UNIQUE INDEX ux_award_winners_code ON award_winners (code);
CREATE UNIQUE INDEX ux_award_winners_entry ON award_winners (event_id, entrant_id, position);
-- A pool is read newest first, whole, or within an enterprise set, a trade
-- or a year.
CREATE INDEX ix_award_winners_pool ON award_winners (pool, id);
CREATE INDEX ix_award_winners_enterprise ON award_winners (pool, enterprise_id, id);
CREATE INDEX ix_award_winners_trade ON award_winners (pool, trade, id);
CREATE INDEX ix_award_winners_year ON award_winners (pool, year, award, id);
-- A search by a part of a name reads this index alone, not the table.
CREATE INDEX ix_award_winners_name ON award_winners (pool, name, id);

-- One row per awarded entry of a final innovation (五小) event: the
-- achievement library. title is the entry's statement as entered.
CREATE TABLE pool_achievements (
  id {{id}},
  contest_id {{ref}} NOT NULL,
  event_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  title {{text}} NOT NULL,
  authors VARCHAR(255) NOT NULL,
  enterprise_id {{ref}} NOT NULL,
  enterprise_name VARCHAR(128) NOT NULL,
  category VARCHAR(100) NOT NULL,
  contest_name VARCHAR(200) NOT NULL,
  year INTEGER NOT NULL,
  award VARCHAR(16) NOT NULL,
  rank_place INTEGER NOT NULL,
  awarded_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (enterprise_id) REFERENCES organisations (id)
){{options}};

CREATE UNIQUE INDEX ux_pool_achievements_entrant ON pool_achievements (entrant_id);
CREATE INDEX ix_pool_achievements_enterprise ON pool_achievements (enterprise_id, id);
CREATE INDEX ix_pool_achievements_year ON pool_achievements (year, award, id);

-- One row per judge's duty in a final event: the expert pool lists the
-- judges with the trades and contests they judged.
CREATE TABLE pool_experts (
  id {{id}},
  account_id {{ref}} NOT NULL,
  name VARCHAR(100) NOT NULL,
  organisation_name VARCHAR(200) NOT NULL,
  contest_id {{ref}} NOT NULL,
  event_id {{ref}} NOT NULL,
  contest_name VARCHAR(200) NOT NULL,
  event_name VARCHAR(100) NOT NULL,
  trade VARCHAR(64) NOT NULL DEFAULT '',
  duty VARCHAR(16) NOT NULL,
  year INTEGER NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
){{options}};

CREATE UNIQUE INDEX ux_pool_experts_duty ON pool_experts (event_id, account_id);
CREATE INDEX ix_pool_experts_account ON pool_experts (account_id, id);
CREATE INDEX ix_pool_experts_trade ON pool_experts (trade, account_id);
CREATE INDEX ix_pool_experts_year ON pool_experts (year, account_id);
