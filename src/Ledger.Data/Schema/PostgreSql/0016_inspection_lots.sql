-- PostgreSQL twin of Sqlite/0016_inspection_lots.sql: failed inspections, and published ones, by GS1 lot through partial
-- expression indexes. The envelope stays exact text; the expressions read it as jsonb only to index a field, spelled as
-- FoodFlags.FailedInspectionLotsSql spells them.
CREATE INDEX ix_records_failed_inspection_lot ON records (((envelope_json::jsonb) #>> '{payload,lotEpc}'), id)
    WHERE domain = 'food-safety' AND type = 'inspection' AND level = 1
      AND ((envelope_json::jsonb) #>> '{payload,result}') = 'fail';

CREATE INDEX ix_records_inspection_lot ON records (((envelope_json::jsonb) #>> '{payload,lotEpc}'))
    WHERE domain = 'food-safety' AND type = 'inspection' AND level = 1;
