-- Food-safety look-ups by index instead of by text (issue #11). Rapid tests are L1, so their envelopes are stored in
-- clear and SQLite can index fields of their payload; each index is partial, holding rapid tests only, and the queries
-- repeat its WHERE clause word for word so the planner uses it.
--
-- The failed rapid tests with a GS1 lot, by lot as written (a URN or a Digital Link): what flags a lot in a trace. The
-- trace compares canonical forms, which SQL cannot compute, so it reads these index entries (failed tests only, a small
-- set) and canonicalises each lot; no envelope is read unless its lot is in the trace.
CREATE INDEX ix_records_failed_rapid_test_lot ON records (json_extract(envelope_json, '$.payload.lotEpc'), id)
    WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1
      AND json_extract(envelope_json, '$.payload.result') = 'unqualified';

-- Every rapid test by lot as written: the public trace page finds a lot's published tests by the spelling its link carries.
CREATE INDEX ix_records_rapid_test_lot ON records (json_extract(envelope_json, '$.payload.lotEpc'))
    WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1;

-- A stall's rapid tests, newest first: the stall page.
CREATE INDEX ix_records_rapid_test_stall ON records (json_extract(envelope_json, '$.payload.stall.id'), occurred_at)
    WHERE domain = 'food-safety' AND type = 'rapid-test' AND level = 1;
