-- Failed inspections by GS1 lot (issue #11). food-safety/inspection version 3 may name its lot as a GS1 identifier
-- (lotEpc), and a failed inspection then flags that lot in every trace that reaches it, as a failed rapid test does
-- through ix_records_failed_rapid_test_lot (0014). Inspections are L1, so stored in clear; the index is partial
-- (failed inspections with a lot only, a small set), and FoodFlags.FailedInspectionLotsSql repeats its WHERE clause
-- word for word so the planner uses it.
CREATE INDEX ix_records_failed_inspection_lot ON records (json_extract(envelope_json, '$.payload.lotEpc'), id)
    WHERE domain = 'food-safety' AND type = 'inspection' AND level = 1
      AND json_extract(envelope_json, '$.payload.result') = 'fail';

-- Every published inspection by lot as written: the public trace page lists a lot's inspections beside its rapid tests
-- (0014's ix_records_rapid_test_lot), so an inspection certificate's trace link shows the shopper that inspection.
CREATE INDEX ix_records_inspection_lot ON records (json_extract(envelope_json, '$.payload.lotEpc'))
    WHERE domain = 'food-safety' AND type = 'inspection' AND level = 1;
