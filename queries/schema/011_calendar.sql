-- 节假日与调休 (docs/workflow.md: deadlines in working days): the days that differ from the plain week — a public
-- holiday on a weekday (holiday) or a weekend day made a working day (workday, 调休). The shipped years come from
-- data/calendar/cn-holidays.csv (queries/calendar.ts); the admin edits them.
CREATE TABLE calendar_days (
  day        DATE PRIMARY KEY,
  kind       VARCHAR NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name       VARCHAR,
  updated_by VARCHAR,
  updated_at TIMESTAMP
);
