-- Every filtered payment with all its columns, for CSV/XLSX export (the caller caps the count first).
SELECT p.pay_date::VARCHAR AS pay_date, p.voucher_no, p.amount::VARCHAR AS amount,
       du.name AS unit_name, tu.name AS town_name, vu.name AS village_name,
       p.payee_name, p.payee_type, p.payee_account, p.payee_bank, p.purpose,
       p.indicator_id, p.indicator_doc_no, f.name AS fund_name, p.project_code, p.func_code, p.eco_code
FROM filtered p
LEFT JOIN units du ON du.id = p.unit_id
LEFT JOIN units tu ON tu.id = p.town_id
LEFT JOIN units vu ON vu.id = p.village_id
LEFT JOIN indicators i ON i.id = p.indicator_id
LEFT JOIN funds f ON f.id = i.fund_id
ORDER BY p.pay_date DESC, p.voucher_no DESC
LIMIT $limit
