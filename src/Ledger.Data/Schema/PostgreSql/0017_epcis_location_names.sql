-- PostgreSQL twin of Sqlite/0017_epcis_location_names.sql: location names from EPCIS master data, per capturing organisation.
CREATE TABLE epcis_location_names (
    identifier   TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    capture_id   TEXT    NOT NULL,
    named_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (identifier, organisation)
);
