-- name: year
-- A year's holidays and 调休 working days, in date order, with who last set each (the admin's page).
SELECT day::VARCHAR AS day, kind, name, updated_by, updated_at::VARCHAR AS updated_at
FROM calendar_days
WHERE year(day) = $year
ORDER BY day;

-- name: get
SELECT day::VARCHAR AS day, kind, name FROM calendar_days WHERE day = $day::DATE;

-- name: set
-- Adds the day, or changes the kind and note of one already in the calendar.
INSERT INTO calendar_days (day, kind, name, updated_by, updated_at)
VALUES ($day::DATE, $kind, nullif($name, ''), $actor, current_timestamp)
ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,
  updated_by = excluded.updated_by, updated_at = excluded.updated_at;

-- name: remove
DELETE FROM calendar_days WHERE day = $day::DATE;

-- name: mark_year
-- The year is the admin's now: the shipped calendar is never loaded into it again (load.sql).
INSERT INTO calendar_years_edited (year, updated_by, updated_at)
VALUES (year($day::DATE), $actor, current_timestamp)
ON CONFLICT (year) DO UPDATE SET updated_by = excluded.updated_by, updated_at = excluded.updated_at;
