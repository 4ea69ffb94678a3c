-- Organisations above others: a township judicial office under its district judicial bureau, a district under its
-- city. The parent's staff may revoke and correct the child's records, so the registry only accepts a registered
-- parent in the same jurisdiction (the same area code, or the city or province containing it) and never a cycle;
-- the foreign key keeps a parent from disappearing under its children.
ALTER TABLE organisations ADD COLUMN parent_id TEXT NULL REFERENCES organisations (id);
CREATE INDEX ix_organisations_parent_id ON organisations (parent_id);
