-- 通报存档 (docs/briefing.md "Archive"): every generated 通报 file — its 截止日期 and scope, its format, who made it and
-- when, the hash of the data it read and of the file itself — kept beside the raw imports, so it can be downloaded
-- again as it was issued, and a later one read on unchanged data is known to hold the same numbers.
CREATE SEQUENCE briefing_seq START 1;
CREATE TABLE briefings (
  id          INTEGER PRIMARY KEY DEFAULT nextval('briefing_seq'),
  year        INTEGER NOT NULL,
  as_of       DATE NOT NULL,
  scope_kind  VARCHAR NOT NULL CHECK (scope_kind IN ('county', 'section')),
  -- the 股室 of a 股室's own report; NULL for the county's
  section_id  INTEGER,
  format      VARCHAR NOT NULL CHECK (format IN ('pdf', 'docx')),
  created_by  VARCHAR NOT NULL,
  created_at  TIMESTAMP NOT NULL,
  data_hash   VARCHAR NOT NULL,
  file_sha256 VARCHAR NOT NULL,
  size        BIGINT NOT NULL,
  -- the file's name for a download, and where it is kept (absolute, as import_batches.raw_path)
  file_name   VARCHAR NOT NULL,
  path        VARCHAR NOT NULL,
  CHECK ((scope_kind = 'county') = (section_id IS NULL))
);
CREATE INDEX briefings_as_of ON briefings (as_of, scope_kind, section_id);
