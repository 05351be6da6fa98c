-- How many of a batch's payments found their indicator (明细号, or 文号 + fund at import) and their project.
SELECT
  count(*) FILTER (WHERE p.indicator_id IN (SELECT id FROM indicators)) AS matched_indicator,
  count(*) FILTER (WHERE p.project_code IN (SELECT code FROM projects)) AS matched_project
FROM payments p
WHERE p.batch_id = $batch;
