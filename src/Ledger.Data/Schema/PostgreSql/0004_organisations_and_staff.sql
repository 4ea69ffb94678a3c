-- PostgreSQL twin of Sqlite/0004_organisations_and_staff.sql: organisations, their staff, and the key-to-staff link.
CREATE TABLE organisations (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    area_code     TEXT    NOT NULL CHECK (area_code ~ '^[0-9]{6}$'),
    created_at_ms BIGINT  NOT NULL
);
CREATE INDEX ix_organisations_area_code ON organisations (area_code);

CREATE TABLE staff_accounts (
    id              TEXT    NOT NULL PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    label           TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    created_at_ms   BIGINT  NOT NULL,
    disabled_at_ms  BIGINT  NULL
);
CREATE INDEX ix_staff_accounts_organisation ON staff_accounts (organisation_id);

ALTER TABLE api_keys ADD COLUMN staff_id TEXT NULL REFERENCES staff_accounts (id);
CREATE INDEX ix_api_keys_staff ON api_keys (staff_id);
