-- Which 股室 (section) each fund, indicator and fund name of the file belongs to, for an import by a section user
-- (the view, view-sql.ts, rejects a row whose fund is another section's or cannot be established).
-- Built after the lookups, so imp_fund_sets holds every fund name of the file that was resolved.
CREATE OR REPLACE TEMP TABLE imp_sec_fund AS
SELECT f.id AS fund_id, f.section_id FROM funds f;

CREATE OR REPLACE TEMP TABLE imp_sec_ind AS
SELECT i.id, f.section_id FROM indicators i JOIN funds f ON f.id = i.fund_id;

-- A fund name may mean several funds (中央/省/市/县); it settles the section only when all of them share one.
CREATE OR REPLACE TEMP TABLE imp_sec_set AS
SELECT s.set_id, list(DISTINCT f.section_id ORDER BY f.section_id) AS sections, any_value(s.k) AS label
FROM (SELECT set_id, k, unnest(ids) AS fund_id FROM imp_fund_sets) s
JOIN funds f ON f.id = s.fund_id
GROUP BY s.set_id;

-- 指标明细号 that rows in the database already name but the ledger does not hold (an admin's payments or
-- allocations on an indicator not imported yet): a section may not create them, or those rows would become its
-- spending (docs/import-limits.md).
CREATE OR REPLACE TEMP TABLE imp_sec_claimed AS
SELECT indicator_id AS id FROM payments WHERE indicator_id IS NOT NULL
UNION
SELECT indicator_id FROM allocations
EXCEPT
SELECT id FROM indicators;
