-- 非建档立卡户 (docs/rules.md): a subsidy that only registered poor households may receive (payouts.household_targeted)
-- paid to an ID number on no 建档立卡户 list (the evidence names them all). Orange: a list may lag a household's
-- registration.
SELECT 'payout' AS subject_type, po.payout_key AS subject_id, po.town_id AS unit_id, po.paid AS amount,
       'orange' AS severity,
       json_object('id_number', po.id_number, 'name', po.name, 'month', po.month, 'item', po.item,
                   'list', list_labels('registered_poor')) AS evidence
FROM payouts_by($as_of::DATE) po
WHERE po.household_targeted
  AND NOT EXISTS (SELECT 1 FROM watched('registered_poor') w WHERE w.id_number = po.id_number)
