-- One row per event and enterprise, locked on MySQL while an entry of that
-- enterprise is counted against the event's quota: entries of one enterprise
-- into one event count one at a time, everyone else's go on.

CREATE TABLE entry_quota_locks (
  event_id {{ref}} NOT NULL,
  enterprise_id {{ref}} NOT NULL,
  PRIMARY KEY (event_id, enterprise_id),
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
){{options}};

-- An event's entrants in entry order, one page at a time, without sorting them all.
CREATE INDEX ix_entrants_event_id ON entrants (event_id, id);
-- And one enterprise's entrants in an event: its page, and its count against the quota.
CREATE INDEX ix_entrants_event_enterprise ON entrants (event_id, enterprise_id, id);
