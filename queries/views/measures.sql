-- The measures every view and the overview compute, written once (docs/measures.md). `paid` and `total` are the money
-- of a row (元), `tp` its 序时进度 (time_progress, a fraction). rate() and time_progress() are in the schema
-- (queries/schema/001_init.sql).

-- The day in China of a stored timestamp (kept in UTC, queries/db.ts): China keeps UTC+8 all year, without summer
-- time, so an answer given at 01:00 China time counts for that day, not the UTC day before.
CREATE OR REPLACE MACRO china_day(ts) AS (ts + INTERVAL 8 HOUR)::DATE;

-- 支出进度: a fraction, 0 when the total is 0.
CREATE OR REPLACE MACRO spend_rate(paid, total) AS rate(paid, total);

-- 超(短)序时进度 in percentage points: negative = behind.
CREATE OR REPLACE MACRO gap_points(paid, total, tp) AS (rate(paid, total) - tp) * 100;

-- 环比 compares with the previous month-end: the last day of the month before d's month (2018-06-15 and 2018-06-30
-- both compare with 2018-05-31). lib/views/compare.ts's previousMonthEnd names the same day on pages.
CREATE OR REPLACE MACRO previous_month_end(d) AS (date_trunc('month', d) - INTERVAL 1 DAY)::DATE;

-- 支出进度 at the previous month-end for 环比: null for a line that had no budget then (nothing to compare with).
CREATE OR REPLACE MACRO prev_spend_rate(paid_prev, total_prev) AS
  CASE WHEN total_prev <> 0 THEN spend_rate(paid_prev, total_prev) END;

-- 环比 in percentage points: 支出进度 now minus at the previous month-end.
CREATE OR REPLACE MACRO change_points(rate_now, rate_prev) AS (rate_now - rate_prev) * 100;

-- 超(短)序时金额 in 元: what would have to be paid to catch up (negative = behind), 0 for a row without a total.
CREATE OR REPLACE MACRO gap_amount(paid, total, tp) AS coalesce((rate(paid, total) - tp) * total, 0)::DECIMAL(18,2);

-- The colour band of a gap in points, given the lower bounds of the four upper bands (the settings' thresholds,
-- lib/settings.ts): at least `green` is green, … below `orange` is red.
CREATE OR REPLACE MACRO gap_band(points, green, blue, yellow, orange) AS
  CASE WHEN points >= green THEN 'green' WHEN points >= blue THEN 'blue' WHEN points >= yellow THEN 'yellow'
       WHEN points >= orange THEN 'orange' ELSE 'red' END;

-- 滞留资金 aging (docs/stalled-and-velocity.md): the bucket a balance idle `days` days falls in, named by its lower
-- bound (30, 90, 180, 365; null under 30 days, which is not stalled), and the bucket's name on pages and charts.
CREATE OR REPLACE MACRO idle_floor(days) AS
  CASE WHEN days >= 365 THEN 365 WHEN days >= 180 THEN 180 WHEN days >= 90 THEN 90 WHEN days >= 30 THEN 30 END;

CREATE OR REPLACE MACRO idle_bucket(days) AS
  CASE idle_floor(days) WHEN 365 THEN '365天以上' WHEN 180 THEN '180–364天' WHEN 90 THEN '90–179天' WHEN 30 THEN '30–89天' END;
