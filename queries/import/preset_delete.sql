DELETE FROM import_presets WHERE kind = $kind AND name = $name;
