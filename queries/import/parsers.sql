-- Cell parsers of the importer: the one home of every value format (docs/data-model.md). Macros kept in the database file
-- and replaced whenever this text changes (queries/routines.ts). Each parser returns NULL for a value it cannot
-- read; its *_why twin says why, in Chinese, and is only evaluated for those few cells (CASE branches run lazily).
-- The fast path of each parser is a plain TRY_CAST, so clean exports pay for no regular expression.

-- Full-width digits, signs and punctuation to half-width (NFKC for the characters exports actually contain).
CREATE OR REPLACE MACRO imp_halfwidth(s) AS
  translate(s, '０１２３４５６７８９＋－−．，（）：／　', '0123456789+--.,():/ ');

-- A cell as text: surrounding ASCII/full-width/non-breaking spaces trimmed, empty → NULL. Most cells have none, and
-- the cheap tests (the first code point, the last bytes) let them through untouched: a trim costs several times more.
-- imp_text_o takes the first code point o = ord(s) already computed (the importer's first pass computes it once per
-- cell for this, the code and the 小计/合计 tests).
-- (Constant IN lists are written as list_contains or comparisons throughout: DuckDB turns a long IN list into a join,
-- which both costs more than the test and, inside the importer's first pass, would lose the file's row order.)
CREATE OR REPLACE MACRO imp_text_o(s, o) AS
  CASE
    WHEN o > 32 AND o <> 160 AND o <> 12288
     AND NOT ends_with(s, ' ') AND NOT ends_with(s, chr(12288)) AND NOT ends_with(s, chr(160)) AND NOT ends_with(s, chr(9))
     AND NOT ends_with(s, chr(10)) AND NOT ends_with(s, chr(13)) THEN s
    ELSE nullif(trim(s, ' ' || chr(9) || chr(10) || chr(13) || chr(160) || chr(12288)), '')
  END;

CREATE OR REPLACE MACRO imp_text(s) AS imp_text_o(s, ord(s));

-- A name made comparable: half-width, no white space anywhere, lower-case Latin letters.
CREATE OR REPLACE MACRO imp_name(s) AS
  lower(regexp_replace(imp_halfwidth(s), '\s', '', 'g'));

-- ── money (元, DECIMAL(18,2)) ──────────────────────────────────────────────────────────────────────────────────
-- A number cell reduced to sign, digits, point and an optional 元/万元 suffix: white space, thousands separators
-- (',' and '，') and currency signs dropped; an accounting negative '(1,234.00)' becomes '-1234.00'.
CREATE OR REPLACE MACRO imp_num_text(s) AS
  regexp_replace(regexp_replace(imp_halfwidth(s), '[\s,¥￥]', '', 'g'), '^\((.*)\)$', '-\1');

CREATE OR REPLACE MACRO imp_money_parts(t) AS
  regexp_extract(t, '^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(万元|万|元)?$', ['num', 'unit']);

-- num in the given unit → 元, rounded to the fen; NULL past DECIMAL(18,2).
CREATE OR REPLACE MACRO imp_yuan(num, unit) AS
  TRY_CAST(round(TRY_CAST(num AS DECIMAL(18,4)) * CASE WHEN list_contains(['万元', '万'], unit) THEN 10000 ELSE 1 END, 2) AS DECIMAL(18,2));

-- The slow path of every money cell: thousands separators, full-width digits, spaces, (1,234.00), a 元/万元 suffix.
-- unit is the column's unit (the user's choice, the header's or the title's) or NULL for 元; a suffix written in the
-- cell itself ("20万元", "1,234.50元") is the most specific statement and wins. Scientific notation is refused: it
-- means Excel already rounded the value.
CREATE OR REPLACE MACRO imp_money_slow(s, unit) AS
  CASE WHEN regexp_matches(s, '[eE]') THEN NULL
       ELSE imp_yuan(struct_extract(imp_money_parts(imp_num_text(s)), 'num'),
                     coalesce(nullif(struct_extract(imp_money_parts(imp_num_text(s)), 'unit'), ''), unit)) END;

-- The fast path is one cast of the cell as written (a plain 1234.50, surrounding spaces allowed); coalesce reaches the
-- slow path only for the cells the cast could not read (or that hold an E, which the cast would take for an exponent).
CREATE OR REPLACE MACRO imp_money_yuan(s) AS
  coalesce(CASE WHEN NOT contains(s, 'e') AND NOT contains(s, 'E') THEN TRY_CAST(s AS DECIMAL(18,2)) END, imp_money_slow(s, NULL));

-- (A value past DECIMAL(18,2) once in 元 gives NULL on both paths.)
CREATE OR REPLACE MACRO imp_money_wan(s) AS
  coalesce(CASE WHEN NOT contains(s, 'e') AND NOT contains(s, 'E') THEN imp_yuan(s, '万元') END, imp_money_slow(s, '万元'));

CREATE OR REPLACE MACRO imp_money(s, unit) AS
  CASE WHEN list_contains(['万元', '万'], unit) THEN imp_money_wan(s) ELSE imp_money_yuan(s) END;

CREATE OR REPLACE MACRO imp_money_why(s) AS
  CASE
    WHEN regexp_full_match(imp_num_text(s), '[+-]?[0-9.]+[eE][+-]?[0-9]+') THEN '金额为科学计数法，精度已丢失：' || s
    WHEN struct_extract(imp_money_parts(imp_num_text(s)), 'num') <> '' THEN '金额超出范围：' || s
    WHEN regexp_matches(imp_num_text(s), '[0-9]') AND regexp_matches(s, '[\p{Han}A-Za-z]') THEN '金额含说明文字，无法识别'
    ELSE '不是有效金额：' || s
  END;

-- ── dates ──────────────────────────────────────────────────────────────────────────────────────────────────
-- A date that reads fine but lies outside 2000-01-01 … 2100-12-31 is refused by imp_date_range_why (a check on the
-- value, so the parse itself stays one cast for an ISO date).
CREATE OR REPLACE MACRO imp_date_range_why(d, s) AS
  CASE WHEN d NOT BETWEEN DATE '2000-01-01' AND DATE '2100-12-31' THEN '日期超出合理范围（2000—2100年）：' || s END;

-- NULL for an impossible date such as 2018-13-45.
CREATE OR REPLACE MACRO imp_ymd(p) AS
  TRY_CAST(struct_extract(p, 'y') || '-' || struct_extract(p, 'm') || '-' || struct_extract(p, 'd') AS DATE);

-- 2018-09-07, 2018/9/7, 2018.9.7, 2018年9月7日, each optionally with a time part.
CREATE OR REPLACE MACRO imp_date_ymd(t) AS
  imp_ymd(regexp_extract(t,
    '^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:\s*T?\s*[0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2}(?:\.[0-9]*)?)?)?$',
    ['y', 'm', 'd']));

-- 20180907
CREATE OR REPLACE MACRO imp_date_compact(t) AS
  imp_ymd(regexp_extract(t, '^([0-9]{4})([0-9]{2})([0-9]{2})$', ['y', 'm', 'd']));

-- Excel serial day numbers (43350 = 2018-09-07; a fraction is the time of day).
CREATE OR REPLACE MACRO imp_date_serial(t) AS
  CASE WHEN regexp_full_match(t, '[0-9]{5}(\.[0-9]+)?') THEN DATE '1899-12-30' + floor(t::DOUBLE)::INTEGER END;

-- 07/09/2018 (day first), only when the user says the file writes dates that way.
CREATE OR REPLACE MACRO imp_date_dmy(t) AS
  imp_ymd(regexp_extract(t,
    '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?:\s+[0-9]{1,2}:[0-9]{1,2}(?::[0-9]{1,2})?)?$', ['d', 'm', 'y']));

CREATE OR REPLACE MACRO imp_date_slow(t, day_first) AS
  coalesce(imp_date_ymd(t), imp_date_compact(t), imp_date_serial(t), CASE WHEN day_first THEN imp_date_dmy(t) END);

-- The fast path is one cast (ISO dates, with or without a time part); the rest go through imp_date_slow.
CREATE OR REPLACE MACRO imp_date(s, day_first) AS
  coalesce(TRY_CAST(s AS DATE), CASE WHEN s IS NOT NULL THEN imp_date_slow(imp_halfwidth(trim(s)), day_first) END);

CREATE OR REPLACE MACRO imp_date_why(s, day_first) AS
  CASE
    WHEN NOT day_first AND imp_date_dmy(imp_halfwidth(trim(s))) IS NOT NULL THEN '日期为日/月/年格式，请选择“日在前”后重新导入：' || s
    ELSE '不是有效日期：' || s
  END;

-- ── months (the first day of the month) ──────────────────────────────────────────────────────────────────────
-- 2018-03, 2018/3, 2018.3, 2018年3月, 201803, or any date of that month.
CREATE OR REPLACE MACRO imp_ym(p) AS
  TRY_CAST(struct_extract(p, 'y') || '-' || struct_extract(p, 'm') || '-1' AS DATE);

CREATE OR REPLACE MACRO imp_month(s, day_first) AS
  CASE WHEN s IS NOT NULL THEN
    coalesce(imp_ym(regexp_extract(imp_halfwidth(trim(s)), '^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*月?$', ['y', 'm'])),
             imp_ym(regexp_extract(imp_halfwidth(trim(s)), '^([0-9]{4})([0-9]{2})$', ['y', 'm'])),
             date_trunc('month', imp_date(s, day_first))::DATE)
  END;

CREATE OR REPLACE MACRO imp_month_why(s, day_first) AS '不是有效月份：' || s;

CREATE OR REPLACE MACRO imp_month_range_why(d, s) AS
  CASE WHEN d NOT BETWEEN DATE '2000-01-01' AND DATE '2100-12-31' THEN '月份超出合理范围（2000—2100年）：' || s END;

-- ── whole numbers, numbers, yes/no ───────────────────────────────────────────────────────────────────────────
-- Thousands separators and full-width digits allowed; '12.0' is 12 but '12.5' is refused (a cast would round it);
-- a counting word after the number (户, 人, 个, 年) is the column's unit, not a note.
CREATE OR REPLACE MACRO imp_int_text(s) AS
  regexp_replace(imp_num_text(s), '(户|人|个|年)$', '');

CREATE OR REPLACE MACRO imp_int(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN strpos(s, '.') = 0 AND TRY_CAST(s AS BIGINT) IS NOT NULL THEN TRY_CAST(s AS INTEGER)
    WHEN TRY_CAST(imp_int_text(s) AS DECIMAL(18,4)) = trunc(TRY_CAST(imp_int_text(s) AS DECIMAL(18,4)))
      THEN TRY_CAST(TRY_CAST(imp_int_text(s) AS DECIMAL(18,4)) AS INTEGER)
  END;

CREATE OR REPLACE MACRO imp_int_why(s) AS
  CASE WHEN TRY_CAST(imp_int_text(s) AS DECIMAL(18,4)) IS NOT NULL THEN '应为整数：' || s ELSE '不是有效整数：' || s END;

-- A measured value such as a performance target: '90%' is 90 (the unit column says %).
CREATE OR REPLACE MACRO imp_number(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    ELSE coalesce(TRY_CAST(s AS DOUBLE), TRY_CAST(regexp_replace(imp_num_text(s), '%$', '') AS DOUBLE))
  END;

CREATE OR REPLACE MACRO imp_number_why(s) AS
  CASE WHEN regexp_matches(s, '[\p{Han}]') THEN '数值含说明文字，无法识别' ELSE '不是有效数值：' || s END;

CREATE OR REPLACE MACRO imp_bool(s) AS
  CASE
    WHEN list_contains(['是', 'y', 'yes', '1', 'true', 't', '√'], lower(imp_halfwidth(trim(s)))) THEN true
    WHEN list_contains(['否', 'n', 'no', '0', 'false', 'f', '×', 'x'], lower(imp_halfwidth(trim(s)))) THEN false
  END;

CREATE OR REPLACE MACRO imp_bool_why(s) AS '应为“是”或“否”：' || s;

-- ── codes (凭证号, 指标明细号, 科目, 账号 …) ───────────────────────────────────────────────────────────────────
-- Kept as text with their leading zeros. Excel's text markers are removed: a leading apostrophe or tab, ="0012".
-- A code Excel turned into a number and printed as 1.23E+15 has lost its digits: refused.
CREATE OR REPLACE MACRO imp_code_sci(t) AS
  (strpos(t, 'E') > 0 OR strpos(t, 'e') > 0) AND regexp_full_match(t, '[0-9](\.[0-9]+)?[eE]\+?[0-9]+');

CREATE OR REPLACE MACRO imp_code_text(t) AS
  CASE
    WHEN t[1] = '''' THEN imp_text(t[2:])
    WHEN t[1] = '=' AND regexp_full_match(t, '="(.*)"') THEN imp_text(regexp_extract(t, '^="(.*)"$', 1))
    ELSE t
  END;

-- Fast path: a code that starts with neither ' nor = and holds no E is kept as it is.
CREATE OR REPLACE MACRO imp_code(t) AS
  CASE
    WHEN ord(t) <> 39 AND ord(t) <> 61 AND NOT contains(t, 'E') AND NOT contains(t, 'e') THEN t
    WHEN t IS NULL OR imp_code_sci(t) THEN NULL
    ELSE imp_code_text(t)
  END;

-- The same over the trimmed text t of the cell c whose first code point is o: when c starts with no space, ' or =
-- (so t starts as c does) and holds no E, the code is t itself.
CREATE OR REPLACE MACRO imp_code_o(t, o, c) AS
  CASE
    WHEN o > 32 AND o <> 160 AND o <> 12288 AND o <> 39 AND o <> 61 AND NOT contains(c, 'E') AND NOT contains(c, 'e') THEN t
    ELSE imp_code(t)
  END;

CREATE OR REPLACE MACRO imp_code_why(t) AS
  CASE WHEN imp_code_sci(t) THEN '编码被Excel显示为科学计数法，原值已丢失：' || t ELSE '编码为空' END;

-- ── 身份证号 (GB 11643): 18 characters whose last is the check character; old 15-digit numbers are kept ────────
CREATE OR REPLACE MACRO imp_id_check(t) AS
  substr('10X98765432',
    1 + (list_sum(list_transform(range(17), i -> (t[i + 1])::INTEGER * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i + 1])) % 11)::INTEGER,
    1);

CREATE OR REPLACE MACRO imp_id_number_why(t) AS
  CASE
    WHEN t IS NULL THEN NULL
    WHEN regexp_full_match(t, '[0-9]{15}') THEN NULL
    WHEN NOT regexp_full_match(t, '[0-9]{17}[0-9Xx]') THEN '身份证号应为18位（或15位旧号）：' || t
    WHEN upper(t[18]) <> imp_id_check(t) THEN '身份证号校验位错误：' || t
  END;

-- ── 小计/合计/总计 rows ──────────────────────────────────────────────────────────────────────────────────────
CREATE OR REPLACE MACRO imp_total_label(t) AS
  regexp_matches(t, '^[\s　]*(小|合|总)[\s　]*计');

-- The cheap test in front of imp_total_label for a trimmed cell: does it start with 小, 合 or 总 and hold a 计
-- (小额信贷 starts with 小 too)?
CREATE OR REPLACE MACRO imp_total_start(t) AS
  CASE WHEN list_contains([23567, 21512, 24635], ord(t)) THEN contains(t, '计') ELSE false END;

CREATE OR REPLACE MACRO imp_total_word(t) AS
  regexp_matches(t, '(小|合|总)[\s　]*计');

-- ── labels → identifiers (docs/data-model.md, Names) ──────────────────────────────────────────────
-- 项目状态: the later stage wins when a label names two ("审核入库" is 入库).
CREATE OR REPLACE MACRO imp_project_status(t) AS
  CASE
    WHEN list_contains(['not_started', 'declared', 'reviewed', 'approved', 'in_progress', 'completed', 'accepted'], lower(t)) THEN lower(t)
    -- Before 开工 below: 未开工 / 尚未开工 is the opposite of it.
    WHEN strpos(t, '未开工') > 0 OR strpos(t, '未实施') > 0 THEN 'not_started'
    WHEN strpos(t, '验收') > 0 THEN 'accepted'
    WHEN strpos(t, '完工') > 0 OR strpos(t, '竣工') > 0 THEN 'completed'
    WHEN strpos(t, '实施') > 0 OR strpos(t, '在建') > 0 OR strpos(t, '开工') > 0 THEN 'in_progress'
    WHEN strpos(t, '入库') > 0 THEN 'approved'
    WHEN strpos(t, '审核') > 0 THEN 'reviewed'
    WHEN strpos(t, '申报') > 0 THEN 'declared'
  END;

CREATE OR REPLACE MACRO imp_project_status_why(t) AS
  '未知项目状态（应为未开工/申报/审核/入库/实施/完工/验收）：' || t;

-- A project code for a list that has none (资金安排表, docs/project-lists.md): the same 年度, place (the village's id,
-- else the town's) and 项目名称 give the same code on every import, so a re-import finds its rows again.
CREATE OR REPLACE MACRO imp_project_code(year, place_id, name) AS
  'G' || year || '-' || substr(md5(concat_ws(chr(31), year::VARCHAR, coalesce(place_id::VARCHAR, ''), name)), 1, 12);

CREATE OR REPLACE MACRO imp_payee_type(t) AS
  CASE
    WHEN t = '个人' THEN 'person'
    WHEN t = '单位' THEN 'org'
    WHEN list_contains(['个人', '对私', '自然人', 'person'], lower(t)) THEN 'person'
    WHEN list_contains(['单位', '对公', '企业', '公司', '机关', '法人', 'org'], lower(t)) THEN 'org'
  END;

CREATE OR REPLACE MACRO imp_payee_type_why(t) AS '收款人类型应为“个人”或“单位”：' || t;

CREATE OR REPLACE MACRO imp_comparator(t) AS
  CASE
    WHEN list_contains(['≥', '>=', '>', '＞', '≧', '大于等于', '不低于', '不少于', '大于'], imp_halfwidth(t)) THEN '>='
    WHEN list_contains(['≤', '<=', '<', '＜', '≦', '小于等于', '不高于', '不超过', '不多于', '小于'], imp_halfwidth(t)) THEN '<='
    WHEN list_contains(['=', '＝', '等于'], imp_halfwidth(t)) THEN '='
  END;

CREATE OR REPLACE MACRO imp_comparator_why(t) AS '指标符号应为 ≥、≤ 或 =：' || t;

CREATE OR REPLACE MACRO imp_level(t) AS
  CASE
    WHEN list_contains(['central', 'province', 'city', 'county'], lower(t)) THEN lower(t)
    WHEN list_contains(['中央', '中央级'], t) THEN 'central'
    WHEN list_contains(['省', '省级'], t) THEN 'province'
    WHEN list_contains(['市', '市级'], t) THEN 'city'
    WHEN list_contains(['县', '县级'], t) THEN 'county'
  END;

CREATE OR REPLACE MACRO imp_level_why(t) AS '预算级次应为中央/省/市/县：' || t;

CREATE OR REPLACE MACRO imp_level_label(l) AS
  CASE l WHEN 'central' THEN '中央' WHEN 'province' THEN '省' WHEN 'city' THEN '市' WHEN 'county' THEN '县' END;
