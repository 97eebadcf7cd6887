-- The reveal of published results at the award ceremony: per event, how
-- far the announcer has revealed them on the venue's big screen and the
-- public pages. level is none, honourable, third, second, first or all; an
-- event without a row shows all that is published. version detects two
-- announcers stepping at once.
CREATE TABLE result_reveals (
  id {{id}},
  event_id {{ref}} NOT NULL,
  level VARCHAR(16) NOT NULL,
  version INTEGER NOT NULL,
  updated_by {{ref}} NOT NULL,
  updated_at {{time}} NOT NULL,
  FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
  FOREIGN KEY (updated_by) REFERENCES accounts (id)
){{options}};

CREATE UNIQUE INDEX ux_result_reveals ON result_reveals (event_id);
