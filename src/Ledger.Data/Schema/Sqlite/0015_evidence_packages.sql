-- Community correction: evidence packages made and waiting to be fetched. A package is handed out only once the
-- access-trail event of its making is anchored, with that event's proof inside, so a court holds a package that proves
-- on its own which manifest was handed out and when. Until then the ZIP waits here, sealed under the case's data key
-- (crypto-shredded with the case), and only the credential that asked for it may fetch it.
CREATE TABLE evidence_packages (
    id              TEXT    NOT NULL PRIMARY KEY,
    case_id         TEXT    NOT NULL REFERENCES correction_cases (id),
    requested_by    TEXT    NOT NULL,
    event_record_id TEXT    NOT NULL REFERENCES records (id),
    created_at_ms   INTEGER NOT NULL,
    package_sealed  BLOB    NOT NULL,
    key_id          TEXT    NULL REFERENCES data_keys (id) ON DELETE SET NULL
);
CREATE INDEX ix_evidence_packages_case ON evidence_packages (case_id);
