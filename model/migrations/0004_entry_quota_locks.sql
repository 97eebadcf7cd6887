-- One row per event and enterprise, locked on MySQL while an entry of that
-- enterprise is counted against the event's quota: entries of one enterprise
-- into one event count one at a time, everyone else's go on.

CREATE TABLE entry_quota_locks (
  event_id {{ref}} NOT NULL,
  enterprise_id {{ref}} NOT NULL,
  PRIMARY KEY (event_id, enterprise_id),
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
){{options}};
