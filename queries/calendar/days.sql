-- The calendar's exceptions from $from to $to (YYYY-MM-DD), in date order.
SELECT day::VARCHAR AS day, kind, name FROM calendar_days
WHERE day BETWEEN $from::DATE AND $to::DATE
ORDER BY day
