-- An 已整改 answer's one attachment (docs/workflow.md): the file kept beside the raw imports, recorded on the step's
-- event — its original name, size, content hash and where it is stored — so the history can offer it for download.
ALTER TABLE warning_events ADD COLUMN attachment_name VARCHAR;
ALTER TABLE warning_events ADD COLUMN attachment_size BIGINT;
ALTER TABLE warning_events ADD COLUMN attachment_sha256 VARCHAR;
ALTER TABLE warning_events ADD COLUMN attachment_path VARCHAR;

-- The years whose calendar the admin has edited (docs/workflow.md): the shipped calendar is loaded only into years
-- with no calendar day, so a year whose every day the admin removed must not get the shipped days back at the next start.
CREATE TABLE calendar_years_edited (
  year       INTEGER PRIMARY KEY,
  updated_by VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
