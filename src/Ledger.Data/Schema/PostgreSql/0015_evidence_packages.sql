-- PostgreSQL twin of Sqlite/0015_evidence_packages.sql: evidence packages made and waiting to be fetched until the
-- access-trail event of their making is anchored, sealed under the case's data key.
CREATE TABLE evidence_packages (
    id              TEXT    NOT NULL PRIMARY KEY,
    case_id         TEXT    NOT NULL REFERENCES correction_cases (id),
    requested_by    TEXT    NOT NULL,
    event_record_id TEXT    NOT NULL REFERENCES records (id),
    created_at_ms   BIGINT  NOT NULL,
    package_sealed  BYTEA   NOT NULL,
    key_id          TEXT    NULL REFERENCES data_keys (id) ON DELETE SET NULL
);
CREATE INDEX ix_evidence_packages_case ON evidence_packages (case_id);
