-- 待办 (docs/workflow.md): the doubts waiting for the viewer's unit to answer — sent to it, or returned to it.
SELECT * FROM warning_lines WHERE to_viewer AND status IN ('sent', 'returned')
