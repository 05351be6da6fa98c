-- One page of the filtered payments, newest first, with the names a reader needs. The page is cut before the names
-- are joined, so only its rows are looked up, not every payment that matches.
SELECT p.voucher_no, p.pay_date::VARCHAR AS pay_date, p.amount::VARCHAR AS amount,
       p.unit_id, du.name AS unit_name, p.town_id, tu.name AS town_name, vu.name AS village_name,
       p.payee_name, p.payee_type, p.purpose, p.indicator_id, f.name AS fund_name, p.project_code
FROM (SELECT * FROM filtered ORDER BY pay_date DESC, voucher_no DESC LIMIT $limit OFFSET $offset) p
LEFT JOIN units du ON du.id = p.unit_id
LEFT JOIN units tu ON tu.id = p.town_id
LEFT JOIN units vu ON vu.id = p.village_id
LEFT JOIN indicators i ON i.id = p.indicator_id
LEFT JOIN funds f ON f.id = i.fund_id
ORDER BY p.pay_date DESC, p.voucher_no DESC
