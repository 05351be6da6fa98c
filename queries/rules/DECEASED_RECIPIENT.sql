-- 已故人员领取 (docs/rules.md): a subsidy paid to a person in the deaths register (死亡人员) for a month after the
-- month of death; the month of death itself is still due. Red: money paid to the dead is to be recovered. An entry
-- with no date of death cannot be judged and is left out.
SELECT 'payout' AS subject_type, po.payout_key AS subject_id, po.town_id AS unit_id, po.paid AS amount,
       'red' AS severity,
       json_object('id_number', po.id_number, 'name', po.name, 'month', po.month, 'item', po.item,
                   'list', w.list_label, 'death_date', w.event_date,
                   'months_after', date_diff('month', date_trunc('month', w.event_date), po.month)) AS evidence
FROM payouts_by($as_of::DATE) po
JOIN watched('deaths') w ON w.id_number = po.id_number
WHERE po.month > date_trunc('month', w.event_date)
