-- EPCIS capture (issue #11). Each captured event is an ordinary record (food-safety/epcis-event, sealed like any L2
-- record); these tables are its query and trace index, in the canonical forms of the CBV 2.0 event hash, plus the
-- capture jobs. The index holds identifiers, times, steps and places, never the sealed event itself.
CREATE TABLE epcis_capture_jobs (
    id             TEXT    NOT NULL PRIMARY KEY,
    status         TEXT    NOT NULL CHECK (status IN ('running', 'success', 'failed')),
    organisation   TEXT    NOT NULL,
    submitted_by   TEXT    NOT NULL,
    created_at_ms  INTEGER NOT NULL,
    finished_at_ms INTEGER,
    event_count    INTEGER NOT NULL DEFAULT 0,
    errors_json    TEXT
);

CREATE TABLE epcis_events (
    record_id      TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    capture_id     TEXT    NOT NULL,
    event_hash_id  TEXT    NOT NULL,
    event_id       TEXT,
    event_type     TEXT    NOT NULL,
    event_time_ms  INTEGER NOT NULL,
    biz_step       TEXT,
    biz_location   TEXT,
    action         TEXT,
    declares_error INTEGER NOT NULL
);
CREATE INDEX ix_epcis_events_event_hash_id ON epcis_events (event_hash_id);
CREATE INDEX ix_epcis_events_event_id ON epcis_events (event_id);
CREATE INDEX ix_epcis_events_event_time_ms ON epcis_events (event_time_ms);

-- One row per identifier an event names (epc, parent, child, input, output, and the quantity lists' classes): what
-- MATCH_epc / MATCH_epcClass and the trace look events up by.
CREATE TABLE epcis_event_identifiers (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    record_id  TEXT    NOT NULL REFERENCES epcis_events (record_id),
    role       TEXT    NOT NULL,
    identifier TEXT    NOT NULL
);
CREATE INDEX ix_epcis_event_identifiers_identifier_role ON epcis_event_identifiers (identifier, role);
CREATE INDEX ix_epcis_event_identifiers_record_id ON epcis_event_identifiers (record_id);
