-- Whether a batch keeps its raw file at this path (the raw folder's sweep).
SELECT EXISTS (SELECT 1 FROM import_batches WHERE raw_path = $path) AS referenced;
