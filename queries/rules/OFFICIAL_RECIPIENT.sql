-- 公职人员领取 (docs/rules.md): a subsidy paid to a person on the public payroll (财政供养人员). Orange: the list is
-- matched by ID number only and some subsidies (残疾人两项补贴) may be due to anyone; the reviewer judges the item.
-- The ID number is stored whole in the evidence; masking happens where it is shown.
SELECT 'payout' AS subject_type, po.payout_key AS subject_id, po.town_id AS unit_id, po.paid AS amount,
       'orange' AS severity,
       json_object('id_number', po.id_number, 'name', po.name, 'month', po.month, 'item', po.item,
                   'list', w.list_label, 'listed_name', w.listed_name, 'listed_place', w.listed_place) AS evidence
FROM payouts_by($as_of::DATE) po
JOIN watched('payroll') w ON w.id_number = po.id_number
