-- The candidates (imp_view_cand: rows whose key repeats in the file or exists in the table) that may be loaded, with
-- their content hash; the first of each key repeated in the file.
CREATE OR REPLACE TEMP TABLE imp_cand AS SELECT rn, key, h FROM imp_view_cand WHERE ok;

CREATE OR REPLACE TEMP TABLE imp_first AS
SELECT key, min(rn) AS first_rn FROM imp_cand GROUP BY key HAVING count(*) > 1;
