-- supersessions: which record corrects which. The correcting record is an ordinary record of the same type whose
-- envelope names the earlier one ("supersedes"), so the link itself is sealed, signed and anchored; this table is its
-- index. The unique superseded_record_id is what makes a second correction of the same record fail, even when two race
-- each other across instances.
CREATE TABLE supersessions (
    id                   TEXT    NOT NULL PRIMARY KEY REFERENCES records (id),
    superseded_record_id TEXT    NOT NULL REFERENCES records (id),
    superseded_at_ms     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_supersessions_superseded_record_id ON supersessions (superseded_record_id);
