-- 个性风险点 (docs/rules.md "Risk points per fund"): what the 股室 managing a fund sets for it — the days allowed to
-- allocate an indicator after its receipt, the final date by which the money must be spent (最后使用关口) and the days
-- a balance may lie idle. NULL means the rule's own setting applies. The bounds repeat the form's (lib/funds/risk-points-form.ts)
-- so that no path into the table can store what the page would refuse.
CREATE TABLE fund_risk_points (
  fund_id    INTEGER PRIMARY KEY,
  alloc_days INTEGER CHECK (alloc_days BETWEEN 1 AND 3650),
  final_date DATE CHECK (final_date BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
  idle_days  INTEGER CHECK (idle_days BETWEEN 1 AND 3650),
  updated_by VARCHAR,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
