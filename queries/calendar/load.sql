-- The shipped calendar (data/calendar/cn-holidays.csv) for the years the database holds no calendar day of yet and
-- the admin never edited, so an admin's edits of a year are never overwritten (not even removing all its days).
INSERT INTO calendar_days (day, kind, name)
SELECT c.day::DATE, c.kind, c.name
FROM read_csv($path, header = true, all_varchar = true) c
WHERE year(c.day::DATE) NOT IN (SELECT DISTINCT year(day) FROM calendar_days)
  AND year(c.day::DATE) NOT IN (SELECT year FROM calendar_years_edited)
