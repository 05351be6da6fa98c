-- Import batches in full: options, outcome and rollback; saved header mappings; the whole raw row of each reject.
-- (DuckDB cannot add a column with a NOT NULL constraint; the importer always writes these.)

ALTER TABLE import_batches ADD COLUMN status VARCHAR DEFAULT 'loaded'; -- loaded | rolled_back
ALTER TABLE import_batches ADD COLUMN options VARCHAR;                           -- JSON: unit, day_first, sheet …
ALTER TABLE import_batches ADD COLUMN subtotal_rows_skipped BIGINT DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN totals_reconciled BOOLEAN;
ALTER TABLE import_batches ADD COLUMN amount_total DECIMAL(18,2);
ALTER TABLE import_batches ADD COLUMN matched_indicator BIGINT;
ALTER TABLE import_batches ADD COLUMN matched_project BIGINT;

ALTER TABLE import_rejects ADD COLUMN raw_row VARCHAR;                          -- JSON array of the row's cells

CREATE TABLE import_presets (
  name       VARCHAR NOT NULL,
  kind       VARCHAR NOT NULL,
  mapping    VARCHAR NOT NULL,                                                    -- JSON: normalised header → field
  options    VARCHAR,                                                             -- JSON: unit, day_first …
  created_by VARCHAR,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (kind, name)
);

CREATE SEQUENCE import_batch_seq START 1;
