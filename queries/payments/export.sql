-- Every filtered payment with all its columns, for CSV/XLSX export (the caller caps the count first). Each row is one
-- JSON object: @duckdb/node-api converts a value at ≈1 µs, so 17 columns × 100,000 rows cost ≈2 s, one text per row
-- (parsed by JSON.parse) a fraction of that (BENCHMARKS.md "Issue 11: exports").
SELECT to_json({
         'pay_date': p.pay_date::VARCHAR, 'voucher_no': p.voucher_no, 'amount': p.amount::VARCHAR,
         'unit_name': du.name, 'town_name': tu.name, 'village_name': vu.name,
         'payee_name': p.payee_name, 'payee_type': p.payee_type, 'payee_account': p.payee_account,
         'payee_bank': p.payee_bank, 'purpose': p.purpose, 'indicator_id': p.indicator_id,
         'indicator_doc_no': p.indicator_doc_no, 'fund_name': f.name, 'project_code': p.project_code,
         'func_code': p.func_code, 'eco_code': p.eco_code
       })::VARCHAR AS json
FROM filtered p
LEFT JOIN units du ON du.id = p.unit_id
LEFT JOIN units tu ON tu.id = p.town_id
LEFT JOIN units vu ON vu.id = p.village_id
LEFT JOIN indicators i ON i.id = p.indicator_id
LEFT JOIN funds f ON f.id = i.fund_id
ORDER BY p.pay_date DESC, p.voucher_no DESC
LIMIT $limit
