-- An entry keeps the details of the people it names as they were entered,
-- and its enterprise's name; withdrawn entries keep theirs too. Masters are
-- named in event_participants beside the competitors.

ALTER TABLE entrants ADD COLUMN enterprise_name VARCHAR(128) NOT NULL DEFAULT '';

UPDATE entrants SET enterprise_name = (SELECT name FROM organisations WHERE organisations.id = entrants.enterprise_id);

ALTER TABLE event_participants ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'competitor';
ALTER TABLE event_participants ADD COLUMN active_key {{ref}} NULL;
ALTER TABLE event_participants ADD COLUMN name VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN gender VARCHAR(8) NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN id_number VARCHAR(18) NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN mobile VARCHAR(11) NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN trade VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN skill_level VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE event_participants ADD COLUMN years_in_trade INTEGER NOT NULL DEFAULT 0;

UPDATE event_participants SET active_key = person_id;

-- Withdrawn individual entries lost their participant row before; give them one back.
INSERT INTO event_participants (event_id, person_id, entrant_id, position, role, active_key)
SELECT event_id, person_id, id, 0, 'competitor', NULL FROM entrants
WHERE person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.entrant_id = entrants.id);

INSERT INTO event_participants (event_id, person_id, entrant_id, position, role, active_key)
SELECT event_id, master_person_id, id, 0, 'master', NULL FROM entrants WHERE master_person_id IS NOT NULL;

UPDATE event_participants SET
  name = (SELECT name FROM people WHERE people.id = event_participants.person_id),
  gender = (SELECT gender FROM people WHERE people.id = event_participants.person_id),
  id_number = (SELECT id_number FROM people WHERE people.id = event_participants.person_id),
  mobile = (SELECT mobile FROM people WHERE people.id = event_participants.person_id),
  trade = (SELECT trade FROM people WHERE people.id = event_participants.person_id),
  skill_level = (SELECT skill_level FROM people WHERE people.id = event_participants.person_id),
  years_in_trade = (SELECT years_in_trade FROM people WHERE people.id = event_participants.person_id);

CREATE UNIQUE INDEX ux_event_participants_active ON event_participants (event_id, active_key);
DROP INDEX ux_event_participants ON event_participants;
CREATE INDEX ix_event_participants_person ON event_participants (person_id);

-- Old failure counts are cleared by age.
CREATE INDEX ix_login_throttles_last_failure ON login_throttles (last_failure_at);
