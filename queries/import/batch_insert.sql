-- The batch record, written first in the import's transaction: file, checksum, choices and where the raw copy is kept.
INSERT INTO import_batches (id, kind, file_name, sha256, encoding, mapping, options, raw_path, created_by, status)
VALUES ($id, $kind, $file_name, $sha256, $encoding, $mapping, $options, $raw_path, $user, 'loaded');
