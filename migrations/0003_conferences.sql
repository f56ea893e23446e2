-- Migration to schema version 3: dialogue conferences.
-- Must leave a version-2 database identical to a new one from schema.sql.

-- Dialogue conferences (hội nghị đối thoại) where city leaders, agencies
-- and enterprises meet, and the petitions raised for or at each one
-- (schema version 3).  A petition belongs to at most one conference;
-- answered_in_session marks an answer given in the session itself.
-- Linking writes a "set conference" history row and bumps the petition's
-- version, like every other change.
CREATE TABLE conferences (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	title      TEXT NOT NULL CHECK (title <> ''),
	held_on    TEXT NOT NULL,
	zone_id    INTEGER REFERENCES zones(id),
	place      TEXT,
	theme      TEXT,
	chair      TEXT,
	created_at TEXT NOT NULL
) STRICT;
CREATE INDEX conferences_by_date ON conferences(held_on, id);

CREATE TABLE conference_agencies (
	conference_id INTEGER NOT NULL REFERENCES conferences(id),
	agency_id     INTEGER NOT NULL REFERENCES agencies(id),
	PRIMARY KEY (conference_id, agency_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE conference_petitions (
	petition_id         INTEGER PRIMARY KEY REFERENCES petitions(id),
	conference_id       INTEGER NOT NULL REFERENCES conferences(id),
	answered_in_session INTEGER NOT NULL DEFAULT 0 CHECK (answered_in_session IN (0, 1))
) STRICT;
CREATE INDEX conference_petitions_by_conference ON conference_petitions(conference_id, petition_id);
