-- PostgreSQL twin of Sqlite/0014_food_lookups.sql: rapid tests by lot and by stall through partial expression indexes.
-- The envelope stays exact text (its bytes are what is hashed); the expressions read it as jsonb only to index a field.
-- The queries in Api/Food/FoodFlags.cs repeat these expressions and WHERE clauses word for word.
CREATE INDEX ix_records_failed_rapid_test_lot ON records (((envelope_json::jsonb) #>> '{payload,lotEpc}'), id)
    WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1
      AND ((envelope_json::jsonb) #>> '{payload,result}') = 'unqualified';

CREATE INDEX ix_records_rapid_test_lot ON records (((envelope_json::jsonb) #>> '{payload,lotEpc}'))
    WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1;

CREATE INDEX ix_records_rapid_test_stall ON records (((envelope_json::jsonb) #>> '{payload,stall,id}'), occurred_at)
    WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1;
