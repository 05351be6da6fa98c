-- Which payments a viewer may read (docs/roles.md): the one rule behind the 支付明细 list, its JSON route and exports,
-- and the 数据质量 page, so no two of them can disagree. viewer_kind and viewer_unit are lib/auth/roles.ts's
-- scopeParams ($scope_kind, $scope_unit):
--   all (admin, leader, supervisor): every payment;
--   section: the payments against the indicators of the funds the 股室 manages, plus the payments with no known
--     indicator that came in a batch the 股室 imported itself (import_batches.options.section_id): nobody else's
--     funds can be recognised in them, and the 股室 has to see them on 数据质量 to fix them;
--   department: the payments the 预算单位 made (unit_id);
--   town: the payments the 镇 and its sub-units made (unit_id in own_units) or that were made for it (town_id).
-- Callers cast the arguments ($scope_kind::VARCHAR, $scope_unit::INTEGER): typed macro parameters would need a
-- storage version newer than the one existing database files have.
-- The overview's measures are a different thing (a 镇's budget and spending are its own allocations and payments,
-- queries/overview/scope.sql); they share section_indicators and own_units.

-- The indicators a 股室 is answerable for: those of the funds it manages (the catalog).
CREATE OR REPLACE MACRO section_indicators(section_unit) AS TABLE
  SELECT i.id FROM indicators i JOIN funds f ON f.id = i.fund_id WHERE f.section_id = section_unit;

-- The unit each department or town is measured as (docs/units.md): a department under a town (a sub-unit, such as
-- 甲镇财政所) is measured as its town; every other unit as itself.
CREATE OR REPLACE MACRO measured_units() AS TABLE
  SELECT u.id, CASE WHEN u.kind = 'department' AND p.kind = 'town' THEN p.id ELSE u.id END AS measured_id
  FROM units u LEFT JOIN units p ON p.id = u.parent_id
  WHERE u.kind IN ('department', 'town');

-- The units whose allocations and payments are a unit's own: the unit itself, and for a town its sub-units.
CREATE OR REPLACE MACRO own_units(unit) AS TABLE
  SELECT id FROM measured_units() WHERE id = unit OR measured_id = unit;

-- One UNION ALL branch per kind of viewer: the query is planned with the parameters' values, so the branches of the
-- other kinds fold away, and each kind keeps a plain filter DuckDB can push into the scan (an OR of all four would
-- scan and test every payment against every kind). The 股室's two branches are disjoint: the second takes only
-- payments whose indicator is unknown. It starts from the 股室's own batches, so a 股室 that imported nothing never
-- scans payments for it, and one that did reads only its batches' payments (they are contiguous, as imports append).
-- `tbl` is 'payments' or 'payment_days' (the same payments summed per day, docs/data-model.md): both carry the
-- columns the rule reads (batch, indicator, paying unit, town), so one rule serves the vouchers and their sums.
CREATE OR REPLACE MACRO visible_rows(tbl, viewer_kind, viewer_unit) AS TABLE
  SELECT p.* FROM query_table(tbl) p WHERE viewer_kind = 'all'
  UNION ALL
  SELECT p.* FROM query_table(tbl) p WHERE viewer_kind = 'department' AND p.unit_id = viewer_unit
  UNION ALL
  SELECT p.* FROM query_table(tbl) p
  WHERE viewer_kind = 'town' AND (p.unit_id IN (SELECT id FROM own_units(viewer_unit)) OR p.town_id = viewer_unit)
  UNION ALL
  SELECT p.* FROM query_table(tbl) p
  WHERE viewer_kind = 'section' AND p.indicator_id IN (SELECT id FROM section_indicators(viewer_unit))
  UNION ALL
  SELECT p.* FROM import_batches b
  JOIN query_table(tbl) p ON p.batch_id = b.id
  LEFT JOIN indicators i ON i.id = p.indicator_id
  WHERE viewer_kind = 'section' AND try_cast(b.options->>'$.section_id' AS INTEGER) = viewer_unit AND i.id IS NULL;

CREATE OR REPLACE MACRO visible_payments(viewer_kind, viewer_unit) AS TABLE
  SELECT * FROM visible_rows('payments', viewer_kind, viewer_unit);

CREATE OR REPLACE MACRO visible_payment_days(viewer_kind, viewer_unit) AS TABLE
  SELECT * FROM visible_rows('payment_days', viewer_kind, viewer_unit);
