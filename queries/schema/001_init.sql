-- The whole data model (docs/data-model.md). Money is DECIMAL(18,2) in 元; 万元 exists only in lib/format.ts.

CREATE TABLE settings (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- 组织: 股室 sections, 部门/预算单位 departments, 镇(中心) towns, 村 villages (parent_id → town).
CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  kind       VARCHAR NOT NULL CHECK (kind IN ('section', 'department', 'town', 'village')),
  code       VARCHAR,
  name       VARCHAR NOT NULL,
  parent_id  INTEGER,
  account_no VARCHAR            -- the unit's own bank account (资金回流 checks)
);

-- 资金: the seed's fund catalog, each fund managed by one 股室.
CREATE TABLE funds (
  id              INTEGER PRIMARY KEY,
  level           VARCHAR NOT NULL CHECK (level IN ('central', 'province', 'city', 'county')),
  seq             INTEGER NOT NULL,
  name            VARCHAR NOT NULL,
  source_division VARCHAR,
  section_id      INTEGER NOT NULL,
  UNIQUE (level, seq)
);

CREATE TABLE import_batches (
  id           INTEGER PRIMARY KEY,
  kind         VARCHAR NOT NULL,
  file_name    VARCHAR NOT NULL,
  sha256       VARCHAR NOT NULL,
  encoding     VARCHAR,
  mapping      VARCHAR,           -- JSON: source header → field
  rows_read    BIGINT NOT NULL DEFAULT 0,
  accepted     BIGINT NOT NULL DEFAULT 0,
  rejected     BIGINT NOT NULL DEFAULT 0,
  duplicates   BIGINT NOT NULL DEFAULT 0,
  raw_path     VARCHAR,
  created_by   VARCHAR,
  created_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
  rolled_back_by VARCHAR,
  rolled_back_at TIMESTAMP
);

CREATE TABLE import_rejects (
  batch_id    INTEGER NOT NULL,
  row_no      BIGINT NOT NULL,    -- the row number as the user sees it in Excel
  column_name VARCHAR,
  raw_value   VARCHAR,
  reason      VARCHAR NOT NULL
);

-- 指标: indicators received by the county.
CREATE TABLE indicators (
  id            VARCHAR PRIMARY KEY,  -- 指标明细号
  doc_no        VARCHAR,              -- 指标文号
  parent_doc_no VARCHAR,              -- 上级文号
  fund_id       INTEGER NOT NULL,
  level         VARCHAR NOT NULL CHECK (level IN ('central', 'province', 'city', 'county')),
  year          INTEGER NOT NULL,
  amount        DECIMAL(18,2) NOT NULL,
  received_date DATE NOT NULL,
  func_code     VARCHAR,
  eco_code      VARCHAR,
  is_poverty    BOOLEAN NOT NULL DEFAULT true,
  is_direct     BOOLEAN NOT NULL DEFAULT false,
  is_to_person  BOOLEAN NOT NULL DEFAULT false,
  batch_id      INTEGER
);

-- 分配下达: the county allocates an indicator to a department or town, optionally for a project.
CREATE TABLE allocations (
  id           VARCHAR PRIMARY KEY,
  indicator_id VARCHAR NOT NULL,
  unit_id      INTEGER NOT NULL,
  project_code VARCHAR,
  amount       DECIMAL(18,2) NOT NULL,
  alloc_date   DATE NOT NULL,
  doc_no       VARCHAR,
  batch_id     INTEGER
);

-- 项目库. status: declared 申报, reviewed 审核, approved 入库, in_progress 实施, completed 完工, accepted 验收.
CREATE TABLE projects (
  code           VARCHAR PRIMARY KEY,
  name           VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  type           VARCHAR,
  town_id        INTEGER,
  village_id     INTEGER,
  unit_id        INTEGER,             -- implementing unit
  planned_amount DECIMAL(18,2),
  start_date     DATE,
  planned_end    DATE,
  actual_end     DATE,
  status         VARCHAR NOT NULL CHECK (status IN ('declared', 'reviewed', 'approved', 'in_progress', 'completed', 'accepted')),
  beneficiaries      INTEGER,         -- 受益户数
  poor_beneficiaries INTEGER,         -- 带贫人数
  batch_id       INTEGER
);

-- 绩效目标.
CREATE TABLE perf_targets (
  id           INTEGER PRIMARY KEY,
  project_code VARCHAR NOT NULL,
  level1       VARCHAR NOT NULL,      -- 产出/效益/满意度
  level2       VARCHAR,               -- 数量/质量/时效/成本/…
  name         VARCHAR NOT NULL,
  comparator   VARCHAR NOT NULL CHECK (comparator IN ('>=', '<=', '=')),
  target_value DOUBLE NOT NULL,
  unit         VARCHAR,
  actual_value DOUBLE,
  as_of        DATE,
  batch_id     INTEGER
);

-- 支付明细 (国库集中支付). voucher_no is unique; the importer enforces it (an index over tens of millions of
-- vouchers would cost more memory than the checks it saves). unit_id is the paying 预算单位 (a department or a town).
CREATE TABLE payments (
  voucher_no       VARCHAR NOT NULL,
  pay_date         DATE NOT NULL,
  amount           DECIMAL(18,2) NOT NULL,
  indicator_id     VARCHAR,
  indicator_doc_no VARCHAR,
  unit_id          INTEGER,
  project_code     VARCHAR,
  func_code        VARCHAR,
  eco_code         VARCHAR,
  payee_name       VARCHAR,
  payee_account    VARCHAR,
  payee_bank       VARCHAR,
  payee_type       VARCHAR CHECK (payee_type IN ('person', 'org')),
  purpose          VARCHAR,
  town_id          INTEGER,
  village_id       INTEGER,
  batch_id         INTEGER
);

-- 惠民发放明细: subsidies paid to individuals. month is the first day of the payout month.
CREATE TABLE payouts (
  voucher_no VARCHAR,
  month      DATE NOT NULL,
  fund_id    INTEGER,
  town_id    INTEGER,
  village_id INTEGER,
  name       VARCHAR NOT NULL,
  id_number  VARCHAR NOT NULL,
  item       VARCHAR NOT NULL,
  household_targeted BOOLEAN NOT NULL DEFAULT false,  -- only registered poor households may receive it
  due        DECIMAL(18,2),
  paid       DECIMAL(18,2) NOT NULL,
  account_no VARCHAR,
  batch_id   INTEGER
);

-- 比对名单: payroll 财政供养人员, deaths 死亡人员 (event_date = date of death), registered_poor 建档立卡户.
CREATE TABLE watchlists (
  list       VARCHAR NOT NULL CHECK (list IN ('payroll', 'deaths', 'registered_poor')),
  id_number  VARCHAR NOT NULL,
  name       VARCHAR,
  place      VARCHAR,
  event_date DATE,
  batch_id   INTEGER
);

-- 预警/疑点 and their workflow history. key is stable per rule + subject so re-running rules never duplicates.
CREATE TABLE warnings (
  id           INTEGER PRIMARY KEY,
  rule_id      VARCHAR NOT NULL,
  key          VARCHAR NOT NULL UNIQUE,
  subject_type VARCHAR NOT NULL,
  subject_id   VARCHAR NOT NULL,
  unit_id      INTEGER,
  amount       DECIMAL(18,2),
  severity     VARCHAR NOT NULL CHECK (severity IN ('red', 'orange', 'yellow', 'blue')),
  evidence     VARCHAR,               -- JSON
  status       VARCHAR NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'dismissed', 'sent', 'replied', 'returned', 'closed')),
  assigned_unit_id INTEGER,
  deadline     DATE,
  first_seen   TIMESTAMP NOT NULL DEFAULT current_timestamp,
  last_seen    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE warning_events (
  warning_id INTEGER NOT NULL,
  happened_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  actor      VARCHAR NOT NULL,
  action     VARCHAR NOT NULL,
  comment    VARCHAR
);

-- What the demo generator planted for each warning rule; rule tests check their hits against it.
CREATE TABLE demo_manifest (
  rule_id      VARCHAR NOT NULL,
  subject_type VARCHAR NOT NULL,
  subject_id   VARCHAR NOT NULL,
  note         VARCHAR
);

-- 序时进度: month/12 officially; the 'day' setting switches to days elapsed / days in the year.
-- A date past the budget year counts as the full year (carry-over views).
CREATE MACRO time_progress(as_of, budget_year, mode) AS
  CASE
    WHEN year(as_of) > budget_year THEN 1.0
    WHEN year(as_of) < budget_year THEN 0.0
    WHEN mode = 'day' THEN dayofyear(as_of)::DOUBLE / dayofyear(make_date(budget_year, 12, 31))
    ELSE month(as_of)::DOUBLE / 12
  END;

-- 支出进度/分配进度: a share of a total, 0 when the total is 0.
CREATE MACRO rate(part, total) AS
  CASE WHEN coalesce(total, 0) = 0 THEN 0.0 ELSE coalesce(part, 0)::DOUBLE / total::DOUBLE END;
