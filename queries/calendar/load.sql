-- The shipped calendar (data/calendar/cn-holidays.csv) for the years the database holds no calendar day of yet, so an
-- admin's edits of a year are never overwritten.
INSERT INTO calendar_days (day, kind, name)
SELECT c.day::DATE, c.kind, c.name
FROM read_csv($path, header = true, all_varchar = true) c
WHERE year(c.day::DATE) NOT IN (SELECT DISTINCT year(day) FROM calendar_days)
