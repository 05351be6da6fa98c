-- The ledger as a province reads it (docs/province.md): one SELECT per table, each with `year` for the hive partition.
-- $county is the county's 行政区划代码, the other partition, so many counties' folders can be laid side by side.

-- name: indicators
SELECT $county::VARCHAR AS county, * FROM indicators;

-- name: allocations
-- The budget year of the allocation's indicator: a province sums a year's budget and its allocations together.
SELECT $county::VARCHAR AS county, a.*, i.year
FROM allocations a LEFT JOIN indicators i ON i.id = a.indicator_id;

-- name: payments
-- The year the payment was made (a carried-over indicator is paid in later years); payees' names, accounts and banks
-- only when asked for ($with_payees): no measure needs them, and they are personal data (docs/roles.md).
SELECT $county::VARCHAR AS county,
       * EXCLUDE (payee_name, payee_account, payee_bank),
       CASE WHEN $with_payees THEN payee_name END AS payee_name,
       CASE WHEN $with_payees THEN payee_account END AS payee_account,
       CASE WHEN $with_payees THEN payee_bank END AS payee_bank,
       year(pay_date) AS year
FROM payments;

-- name: projects
SELECT $county::VARCHAR AS county, * FROM projects;

-- name: perf_targets
SELECT $county::VARCHAR AS county, t.*, p.year
FROM perf_targets t LEFT JOIN projects p ON p.code = t.project_code;

-- name: units
SELECT $county::VARCHAR AS county, * FROM units;

-- name: funds
SELECT $county::VARCHAR AS county, * FROM funds;
