-- What the rules on subsidies to people (惠民发放, docs/rules.md) read, installed as routines (queries/routines.ts).

-- The payouts a rule sees as of a 截止日期: those of the months begun by then, so a past 截止日期 reproduces a past
-- run. payout_key is the payout as a warning's subject: its voucher, or, where the export had none, the ID number,
-- month and item that make one payout.
CREATE OR REPLACE MACRO payouts_by(as_of) AS TABLE
  SELECT po.*, coalesce(nullif(trim(po.voucher_no), ''), po.id_number || ':' || po.month || ':' || po.item) AS payout_key
  FROM payouts po
  WHERE po.month <= as_of;

-- A list's value as the rules compare it: trimmed, full-width letters, digits, signs and spaces made half-width
-- (ＡＢＣ１２３ → ABC123), so a 市场监管 list typed in full width still matches a payee; nothing else is changed, so a
-- name one character off is another name.
CREATE OR REPLACE MACRO list_key(t) AS
  nullif(trim(translate(t, '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　', '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ')), '');

-- One row per ID number on the comparison lists of a kind (payroll, deaths, registered_poor; any label), with the
-- labels of every list that names it for the evidence, the name and place a list gives, and the earliest event date
-- (the date of death on 'deaths'). A person on two lists, or twice on one, is one row.
CREATE OR REPLACE MACRO watched(list_kind) AS TABLE
  SELECT r.value AS id_number, string_agg(DISTINCT l.label, '；' ORDER BY l.label) AS list_label,
         min(r.name) AS listed_name, min(r.place) AS listed_place, min(r.event_date) AS event_date
  FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id
  WHERE l.kind = list_kind AND l.holds = 'id_number'
  GROUP BY r.value;

-- The labels of every list of a kind, for a rule that reports a person on none of them (NOT_POOR_RECIPIENT).
CREATE OR REPLACE MACRO list_labels(list_kind) AS
  (SELECT string_agg(DISTINCT label, '；' ORDER BY label) FROM comparison_lists WHERE kind = list_kind);

-- The values on the other departments' lists (kind 'other') that hold `what` (account, company), normalised
-- (list_key), with the value as the list writes it and the labels of the lists that name it.
CREATE OR REPLACE MACRO listed(what) AS TABLE
  SELECT list_key(r.value) AS k, min(r.value) AS listed_value, string_agg(DISTINCT l.label, '；' ORDER BY l.label) AS list_label
  FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id
  WHERE l.kind = 'other' AND l.holds = what AND list_key(r.value) IS NOT NULL
  GROUP BY 1;
