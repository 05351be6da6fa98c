-- Saving under an existing name replaces that preset.
INSERT OR REPLACE INTO import_presets (name, kind, mapping, options, created_by)
VALUES ($name, $kind, $mapping, $options, $user);
