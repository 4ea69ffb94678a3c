-- Identities: organisations (whose area code is the jurisdiction of the records they issue), their staff accounts,
-- and the link from an API key to the staff member it belongs to. Keys issued before this script keep no staff link
-- and still carry their own role and organisation.
CREATE TABLE organisations (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    area_code     TEXT    NOT NULL CHECK (length(area_code) = 6 AND area_code NOT GLOB '*[^0-9]*'),
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX ix_organisations_area_code ON organisations (area_code);

CREATE TABLE staff_accounts (
    id              TEXT    NOT NULL PRIMARY KEY,
    organisation_id TEXT    NOT NULL REFERENCES organisations (id),
    label           TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    created_at_ms   INTEGER NOT NULL,
    disabled_at_ms  INTEGER NULL
);
CREATE INDEX ix_staff_accounts_organisation ON staff_accounts (organisation_id);

ALTER TABLE api_keys ADD COLUMN staff_id TEXT NULL REFERENCES staff_accounts (id);
CREATE INDEX ix_api_keys_staff ON api_keys (staff_id);
