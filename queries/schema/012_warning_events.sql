-- A 疑点's steps (docs/workflow.md) say from which state to which, and where a 下发核实 sent it, so its history reads
-- without replaying the rules.
ALTER TABLE warning_events ADD COLUMN from_status VARCHAR;
ALTER TABLE warning_events ADD COLUMN to_status VARCHAR;
ALTER TABLE warning_events ADD COLUMN unit_id INTEGER;
