-- The 股室 ranking of the overview (after scope.sql and section_rows.sql).
SELECT id, name, total, paid, spend_rate, gap_points, gap_amount FROM section_rows
