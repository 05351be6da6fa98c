-- Payments without a 指标明细号: the indicator whose 指标文号 matches, among the funds the row's fund cell means
-- (fund_set, a row of imp_fund_sets; any fund when the row names none the catalog knows), when exactly one indicator
-- does. imp_doc_names holds the distinct (文号, fund set, candidate fund ids) of such rows.
CREATE OR REPLACE TEMP TABLE imp_doc_lookup AS
SELECT n.doc, n.fund_set, min(i.id) AS indicator_id
FROM imp_doc_names n
JOIN indicators i ON i.doc_no = n.doc AND (n.fund_ids IS NULL OR list_contains(n.fund_ids, i.fund_id))
GROUP BY n.doc, n.fund_set
HAVING count(*) = 1;
