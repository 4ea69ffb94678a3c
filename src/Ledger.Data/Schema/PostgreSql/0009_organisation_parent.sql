-- PostgreSQL twin of Sqlite/0009_organisation_parent.sql: organisations above others.
ALTER TABLE organisations ADD COLUMN parent_id TEXT NULL REFERENCES organisations (id);
CREATE INDEX ix_organisations_parent_id ON organisations (parent_id);
