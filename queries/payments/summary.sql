-- How many payments match the basis asked for and their sum in 元 (exact), for the page header and the export cap.
SELECT coalesce(sum(n), 0) AS n, coalesce(sum(amount), 0)::DECIMAL(18,2)::VARCHAR AS amount FROM filtered
