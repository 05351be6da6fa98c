-- Each backup the server or the command line made, or tried to make (docs/backups.md): the nightly timer reads the
-- last nightly run to know whether one is due, and the backup page shows the last result.
CREATE SEQUENCE backup_run_seq;
CREATE TABLE backup_runs (
  id          INTEGER PRIMARY KEY DEFAULT nextval('backup_run_seq'),
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  trigger     VARCHAR NOT NULL CHECK (trigger IN ('cli', 'manual', 'nightly')),
  actor       VARCHAR,
  name        VARCHAR,
  folder      VARCHAR NOT NULL,
  ok          BOOLEAN NOT NULL,
  error       VARCHAR,
  bytes       BIGINT,
  pruned      INTEGER NOT NULL DEFAULT 0
);
