-- What the rules on subsidies to people (惠民发放, docs/rules.md) read, installed as routines (queries/routines.ts).

-- The payouts a rule sees as of a 截止日期: those of the months begun by then, so a past 截止日期 reproduces a past
-- run. payout_key is the payout as a warning's subject: its voucher, or, where the export had none, the ID number,
-- month and item that make one payout.
CREATE OR REPLACE MACRO payouts_by(as_of) AS TABLE
  SELECT po.*, coalesce(nullif(trim(po.voucher_no), ''), po.id_number || ':' || po.month || ':' || po.item) AS payout_key
  FROM payouts po
  WHERE po.month <= as_of;

-- One row per ID number on a comparison list (a list imported twice names a person twice), with the list's label for
-- the evidence, the name and place the list gives, and the earliest event date (the date of death on 'deaths').
CREATE OR REPLACE MACRO watched(list_name) AS TABLE
  SELECT w.id_number,
         min(CASE w.list WHEN 'payroll' THEN '财政供养人员名单' WHEN 'deaths' THEN '死亡人员名单'
                         WHEN 'registered_poor' THEN '建档立卡户名单' END) AS list_label,
         min(w.name) AS listed_name, min(w.place) AS listed_place, min(w.event_date) AS event_date
  FROM watchlists w
  WHERE w.list = list_name
  GROUP BY w.id_number;
