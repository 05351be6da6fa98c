-- The stored absolute paths of the files kept beside the raw imports (lib/import/raw-dir.ts): a batch's raw file, an
-- 已整改's attachment, an archived 通报. Each moves from the folder $from (ending in a separator) to $to when it
-- starts with it; a path elsewhere names a file the backup did not hold and stays. DuckDB's length and substr count
-- characters alike, so a Chinese folder name cuts right.

-- name: raw_path
UPDATE import_batches SET raw_path = $to || substr(raw_path, length($from) + 1) WHERE starts_with(raw_path, $from);

-- name: attachment_path
UPDATE warning_events SET attachment_path = $to || substr(attachment_path, length($from) + 1) WHERE starts_with(attachment_path, $from);

-- name: briefing_path
UPDATE briefings SET path = $to || substr(path, length($from) + 1) WHERE starts_with(path, $from);
