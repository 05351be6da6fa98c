-- The 镇 or 部门 ranking of the overview (after scope.sql and unit_rows.sql).
SELECT id, name, total, paid, spend_rate, gap_points, gap_amount FROM unit_rows
