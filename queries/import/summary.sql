-- The outcome of one file, from imp_view and imp_outcome. rows_read counts every non-blank record; each is exactly one
-- of accepted, rejected, duplicate or a 小计/合计 line. The file's own totals are checked against every data row whose
-- amount could be read (accepted, duplicate or rejected for another reason): 总计 lines when the file has them, else
-- 合计 lines; NULL when it has neither. missing_raw: rejected rows whose raw cells the first pass did not keep (it keeps
-- them for the rows it already finds wanting; a key conflict is found later), so the loader reads them again.
WITH r AS (
  SELECT r.rn, r.ok, r.sub, r.total_kind, r.amount, r.raw IS NULL AS no_raw, o.outcome
  FROM imp_view r LEFT JOIN imp_outcome o ON o.rn = r.rn
),
t AS (
  SELECT
    count(*) AS rows_read,
    count(*) FILTER (WHERE ok AND outcome IS NULL) AS accepted,
    count(*) FILTER (WHERE (NOT sub AND NOT ok) OR outcome = 'conflict') AS rejected,
    count(*) FILTER (WHERE outcome = 'duplicate') AS duplicates,
    count(*) FILTER (WHERE sub) AS subtotal_rows_skipped,
    coalesce(sum(amount) FILTER (WHERE ok AND outcome IS NULL), 0)::DECIMAL(38,2) AS amount_total,
    coalesce(sum(amount) FILTER (WHERE NOT sub), 0) AS data_sum,
    count(*) FILTER (WHERE total_kind = 'grand') AS grand_rows,
    count(*) FILTER (WHERE total_kind = 'total') AS total_rows,
    sum(amount) FILTER (WHERE total_kind = 'grand') AS grand_sum,
    sum(amount) FILTER (WHERE total_kind = 'total') AS total_sum,
    count(*) FILTER (WHERE total_kind = 'grand' AND amount IS NULL) AS unreadable_grand,
    count(*) FILTER (WHERE total_kind = 'total' AND amount IS NULL) AS unreadable_total,
    count(*) FILTER (WHERE no_raw AND ((NOT sub AND NOT ok) OR outcome = 'conflict')) AS missing_raw
  FROM r
)
SELECT rows_read, accepted, rejected, duplicates, subtotal_rows_skipped, amount_total, missing_raw,
  CASE
    WHEN NOT $has_amount OR grand_rows + total_rows = 0 THEN NULL
    WHEN grand_rows > 0 THEN unreadable_grand = 0 AND grand_sum = data_sum
    ELSE unreadable_total = 0 AND total_sum = data_sum
  END AS totals_reconciled
FROM t;
