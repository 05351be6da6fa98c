-- 预警列表 (docs/workflow.md): every warning the viewer may read (lines.sql).
SELECT * FROM warning_lines
