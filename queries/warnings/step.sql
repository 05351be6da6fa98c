-- name: state
-- The part of a warning a step depends on (lib/warnings/workflow.ts), read inside the step's transaction.
SELECT status, assigned_unit_id, cleared_at IS NOT NULL AS cleared, rule_id, subject_type, subject_id
FROM warnings WHERE id = $id;

-- name: apply
-- The step's new state; a 下发核实 also names the unit and the reply deadline, a 退回 keeps both.
UPDATE warnings
SET status = $to,
    assigned_unit_id = CASE WHEN $action = 'send' THEN $unit::INTEGER ELSE assigned_unit_id END,
    deadline = CASE WHEN $action = 'send' THEN $deadline::DATE ELSE deadline END
WHERE id = $id AND status = $from;

-- name: event
-- The step's event; an 已整改 may carry one attachment (queries/warnings/attachments.ts), stored before the step.
INSERT INTO warning_events (warning_id, actor, action, comment, from_status, to_status, unit_id,
  attachment_name, attachment_size, attachment_sha256, attachment_path)
VALUES ($id, $actor, $action, nullif($comment, ''), $from, $to, $unit::INTEGER,
  $file_name::VARCHAR, $file_size::BIGINT, $file_sha256::VARCHAR, $file_path::VARCHAR);
