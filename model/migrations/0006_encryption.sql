-- Second encryption (二次加密): the encryption judge's recorded draw that
-- gives each present entrant of an event a secret work code (作品编号), which
-- is all that the judges of an encrypted stage see, and the decoding that
-- unseals the codes once every encrypted stage is signed off.

-- Every run of the encryption draw, kept for ever; the latest is in force.
-- The seed is as secret as the codes: with the numbers it gives them again.
CREATE TABLE encryption_runs (
  id {{id}},
  event_id {{ref}} NOT NULL,
  seed VARCHAR(16) NOT NULL,
  run_by {{ref}} NOT NULL,
  entrant_count INTEGER NOT NULL,
  created_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (run_by) REFERENCES accounts (id)
){{options}};

CREATE INDEX ix_encryption_runs_event ON encryption_runs (event_id, id);

-- The work codes of the run in force: one per present entrant, unique in the event.
CREATE TABLE work_codes (
  id {{id}},
  event_id {{ref}} NOT NULL,
  entrant_id {{ref}} NOT NULL,
  run_id {{ref}} NOT NULL,
  code VARCHAR(16) NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (entrant_id) REFERENCES entrants (id),
  FOREIGN KEY (run_id) REFERENCES encryption_runs (id)
){{options}};

CREATE UNIQUE INDEX ux_work_codes_code ON work_codes (event_id, code);
CREATE UNIQUE INDEX ux_work_codes_entrant ON work_codes (entrant_id);

-- The decoding (解密) of an event's codes: who unsealed them, and when.
CREATE TABLE encryption_decodings (
  id {{id}},
  event_id {{ref}} NOT NULL,
  decoded_by {{ref}} NOT NULL,
  decoded_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (decoded_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_encryption_decodings ON encryption_decodings (event_id);
