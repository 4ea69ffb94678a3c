-- Location names from EPCIS master data (issue #11): a capture document's header may name its business locations and
-- read points (epcisHeader.epcisMasterData, vocabulary BusinessLocation or ReadPoint, attribute cbvmda:name). The
-- recall export and the trace page show a place's name beside its GLN. A name is kept per capturing organisation, and
-- an event's place is named by the organisation that captured the event, so no one renames another's places. Written
-- in the capture's own transaction (all or nothing); a later document of the same organisation replaces its name.
CREATE TABLE epcis_location_names (
    identifier   TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    capture_id   TEXT    NOT NULL,
    named_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (identifier, organisation)
);
