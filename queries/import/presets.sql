-- Named header mappings per import kind (a source system's export layout), saved by the user to reuse.
SELECT name, kind, mapping, options, created_by, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at
FROM import_presets
WHERE ($kind IS NULL OR kind = $kind) AND ($name IS NULL OR name = $name)
ORDER BY kind, name;
