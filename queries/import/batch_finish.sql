-- The batch's counts, written last in the import's transaction.
UPDATE import_batches SET
  rows_read = $rows_read, accepted = $accepted, rejected = $rejected, duplicates = $duplicates,
  subtotal_rows_skipped = $subtotal_rows_skipped, totals_reconciled = $totals_reconciled,
  amount_total = $amount_total::DECIMAL(18,2), matched_indicator = $matched_indicator, matched_project = $matched_project,
  options = $options
WHERE id = $id;
