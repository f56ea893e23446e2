-- roviec schema: the source of truth for a new database.
--
-- Compiled into the binary (tools/embed.py); the program never reads this
-- file at run time.  A new database is created from it in one transaction
-- and stamped with PRAGMA user_version = 7; older databases are upgraded by
-- the ordered migrations in src/migrate.c, each in its own transaction.
--
-- Conventions: STRICT tables; dates are ISO 'YYYY-MM-DD' TEXT (they compare
-- correctly as text and read naturally in the sqlite3 shell); timestamps are
-- ISO 8601 UTC 'YYYY-MM-DDTHH:MM:SSZ'; closed sets are TEXT with a CHECK that
-- lists every value (src/enums.h holds the same lists; tests compare them);
-- sort_key columns hold Vietnamese collation keys (src/text.c), compared as
-- BLOBs with memcmp.  Overdue is never stored: it is derived from status,
-- deadline and "today".

CREATE TABLE zones (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL UNIQUE,
	sort_key BLOB NOT NULL
) STRICT;

CREATE TABLE agencies (
	id       INTEGER PRIMARY KEY,
	code     TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL,
	kind     TEXT NOT NULL CHECK (kind IN ('board', 'department', 'ministry', 'commune',
	                                       'utility', 'police', 'tax', 'other')),
	sort_key BLOB NOT NULL
) STRICT;

CREATE TABLE enterprises (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	tax_code TEXT NOT NULL UNIQUE,
	zone_id  INTEGER REFERENCES zones(id),
	contact  TEXT,
	sort_key BLOB NOT NULL
) STRICT;
CREATE INDEX enterprises_by_name ON enterprises(sort_key);
CREATE INDEX enterprises_by_zone ON enterprises(zone_id);

CREATE TABLE categories (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE,
	label_vi    TEXT NOT NULL,
	label_en    TEXT NOT NULL,
	within_days INTEGER NOT NULL CHECK (within_days BETWEEN 1 AND 365)
) STRICT;

-- Days that break the plain Monday–Friday week: 'off' (holiday, swapped day
-- off) and 'work' (make-up working Saturday).  Seeded from
-- data/holidays-vn.csv; editable because 2027 is not yet announced.
CREATE TABLE holidays (
	day  TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
	name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- An OS login and the role it plays.  Agency liaisons belong to an agency,
-- enterprise accounts to an enterprise.
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	login         TEXT NOT NULL UNIQUE,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'official', 'agency', 'enterprise')),
	agency_id     INTEGER REFERENCES agencies(id),
	enterprise_id INTEGER REFERENCES enterprises(id),
	CHECK (role <> 'agency' OR agency_id IS NOT NULL),
	CHECK (role <> 'enterprise' OR enterprise_id IS NOT NULL)
) STRICT;

-- Per-year counters behind the human tracking codes KN-YYYY-NNNNN.
CREATE TABLE code_sequences (
	year INTEGER PRIMARY KEY,
	last INTEGER NOT NULL
) STRICT;

CREATE TABLE petitions (
	id                 INTEGER PRIMARY KEY,
	uuid               TEXT NOT NULL UNIQUE,
	code               TEXT NOT NULL UNIQUE,
	request_id         TEXT UNIQUE,          -- caller's idempotency key (petition add --request-id)
	enterprise_id      INTEGER NOT NULL REFERENCES enterprises(id),
	channel            TEXT NOT NULL CHECK (channel IN ('conference', 'written', 'phone', 'online', 'direct')),
	received           TEXT NOT NULL,
	title              TEXT NOT NULL CHECK (title <> ''),
	body               TEXT NOT NULL DEFAULT '',
	category_id        INTEGER REFERENCES categories(id),
	lead_agency_id     INTEGER REFERENCES agencies(id),
	responsible_person TEXT,
	assigned           TEXT,                 -- date of assignment; deadlines count from the day after
	deadline           TEXT,
	original_deadline  TEXT,
	status             TEXT NOT NULL CHECK (status IN ('received', 'classified', 'assigned', 'in_progress',
	                                                    'answered', 'closed', 'rejected', 'withdrawn')),
	result             TEXT,
	outcome            TEXT CHECK (outcome IN ('resolved', 'partly_resolved', 'explained', 'declined')),
	answered           TEXT,
	late_days          INTEGER,              -- working days late when answered (0 = on time)
	rating             INTEGER CHECK (rating BETWEEN 1 AND 5),
	feedback           TEXT,
	closed             TEXT,
	reject_reason      TEXT,
	refer_to           TEXT,
	decided_by         TEXT,                 -- who decided a rejection
	version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL,
	-- "rõ người, rõ việc, rõ trách nhiệm, rõ thời hạn": nothing is assigned
	-- without a task, a lead agency, a person and a deadline.
	CHECK (status IN ('received', 'classified', 'rejected', 'withdrawn')
	       OR (category_id IS NOT NULL AND lead_agency_id IS NOT NULL
	           AND responsible_person IS NOT NULL AND deadline IS NOT NULL)),
	CHECK (status NOT IN ('answered', 'closed') OR (result IS NOT NULL AND outcome IS NOT NULL))
) STRICT;
CREATE INDEX petitions_by_received   ON petitions(received, id);
CREATE INDEX petitions_by_deadline   ON petitions(deadline, id) WHERE deadline IS NOT NULL;
CREATE INDEX petitions_by_status     ON petitions(status, deadline);
CREATE INDEX petitions_by_enterprise ON petitions(enterprise_id, received);
CREATE INDEX petitions_by_category   ON petitions(category_id, received);
CREATE INDEX petitions_by_lead       ON petitions(lead_agency_id, status, deadline);

-- Coordinating agencies (cơ quan phối hợp), any number per petition.
CREATE TABLE petition_agencies (
	petition_id INTEGER NOT NULL REFERENCES petitions(id),
	agency_id   INTEGER NOT NULL REFERENCES agencies(id),
	PRIMARY KEY (petition_id, agency_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX petition_agencies_by_agency ON petition_agencies(agency_id, petition_id);

CREATE TABLE extensions (
	id           INTEGER PRIMARY KEY,
	petition_id  INTEGER NOT NULL REFERENCES petitions(id),
	old_deadline TEXT NOT NULL,
	new_deadline TEXT NOT NULL,
	reason       TEXT NOT NULL,
	actor        TEXT NOT NULL,
	at           TEXT NOT NULL
) STRICT;
CREATE INDEX extensions_by_petition ON extensions(petition_id, id);

-- Every change to a petition, written in the same transaction as the
-- change.  Append-only: the triggers below refuse UPDATE and DELETE.
-- `version` is the petition's version after the change, so a refused
-- stale write can list exactly what happened since.  `hash` chains the rows
-- in id order: SHA-256 of the previous row's hash and this row's columns
-- (src/history.h, docs/trust.md); `roviec verify` checks it.  The odd line
-- break before it is what migration 0005's ADD COLUMN leaves, kept
-- identical so an upgraded database has exactly this schema.
CREATE TABLE history (
	id          INTEGER PRIMARY KEY,
	petition_id INTEGER NOT NULL REFERENCES petitions(id),
	version     INTEGER NOT NULL,
	at          TEXT NOT NULL,
	os_login    TEXT NOT NULL,
	actor       TEXT NOT NULL,
	action      TEXT NOT NULL,
	field       TEXT,
	old         TEXT,
	new         TEXT,
	note        TEXT
, hash BLOB) STRICT;
CREATE INDEX history_by_petition ON history(petition_id, id);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only: rows cannot be changed');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only: rows cannot be deleted');
END;

-- Accent-insensitive search: an FTS5 index over a folded copy (lower case,
-- no marks, đ → d) of the code, title, body, responsible person and
-- enterprise name.  Contentless, so the folded text is not stored twice; the
-- triggers keep it in step using roviec_fold(), which every roviec
-- connection registers (the sqlite3 shell cannot write petitions, by design).
-- detail=none and prefix indexes (schema version 8, see
-- migrations/0008_search.sql): no query asks for a phrase, a column or a
-- snippet, and a last word of up to six letters is read newest first from
-- its own prefix entry instead of merging every word it starts.
CREATE VIRTUAL TABLE petition_search USING fts5(
	code, title, body, person, enterprise,
	content = '', detail = none, prefix = '1 2 3 4 5 6', tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER petitions_search_insert AFTER INSERT ON petitions
BEGIN
	INSERT INTO petition_search(rowid, code, title, body, person, enterprise)
	VALUES (NEW.id, roviec_fold(NEW.code), roviec_fold(NEW.title), roviec_fold(NEW.body),
	        roviec_fold(NEW.responsible_person),
	        (SELECT roviec_fold(name) FROM enterprises WHERE id = NEW.enterprise_id));
END;

CREATE TRIGGER petitions_search_update
AFTER UPDATE OF code, title, body, responsible_person, enterprise_id ON petitions
BEGIN
	INSERT INTO petition_search(petition_search, rowid, code, title, body, person, enterprise)
	VALUES ('delete', OLD.id, roviec_fold(OLD.code), roviec_fold(OLD.title), roviec_fold(OLD.body),
	        roviec_fold(OLD.responsible_person),
	        (SELECT roviec_fold(name) FROM enterprises WHERE id = OLD.enterprise_id));
	INSERT INTO petition_search(rowid, code, title, body, person, enterprise)
	VALUES (NEW.id, roviec_fold(NEW.code), roviec_fold(NEW.title), roviec_fold(NEW.body),
	        roviec_fold(NEW.responsible_person),
	        (SELECT roviec_fold(name) FROM enterprises WHERE id = NEW.enterprise_id));
END;

CREATE TRIGGER enterprises_search_rename AFTER UPDATE OF name ON enterprises
BEGIN
	INSERT INTO petition_search(petition_search, rowid, code, title, body, person, enterprise)
	SELECT 'delete', id, roviec_fold(code), roviec_fold(title), roviec_fold(body),
	       roviec_fold(responsible_person), roviec_fold(OLD.name)
	FROM petitions WHERE enterprise_id = NEW.id;
	INSERT INTO petition_search(rowid, code, title, body, person, enterprise)
	SELECT id, roviec_fold(code), roviec_fold(title), roviec_fold(body),
	       roviec_fold(responsible_person), roviec_fold(NEW.name)
	FROM petitions WHERE enterprise_id = NEW.id;
END;

CREATE TRIGGER petitions_no_delete BEFORE DELETE ON petitions
BEGIN
	SELECT RAISE(ABORT, 'petitions are never deleted: withdraw or reject instead');
END;

-- Open petitions per lead agency and deadline, kept in step by triggers in
-- the same transaction as every write.  The officials' board reads a few
-- thousand rows of this instead of scanning a million petitions: overdue
-- for an agency is SUM(n) over deadline < today, due soon a range above it.
CREATE TABLE open_deadlines (
	agency_id INTEGER NOT NULL REFERENCES agencies(id),
	deadline  TEXT NOT NULL,
	n         INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (agency_id, deadline)
) STRICT, WITHOUT ROWID;
CREATE INDEX open_deadlines_by_deadline ON open_deadlines(deadline, agency_id, n);

CREATE TRIGGER petitions_open_insert AFTER INSERT ON petitions
WHEN NEW.status IN ('received', 'classified', 'assigned', 'in_progress')
     AND NEW.lead_agency_id IS NOT NULL AND NEW.deadline IS NOT NULL
BEGIN
	INSERT INTO open_deadlines(agency_id, deadline, n) VALUES (NEW.lead_agency_id, NEW.deadline, 1)
	ON CONFLICT(agency_id, deadline) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER petitions_open_leave AFTER UPDATE OF status, lead_agency_id, deadline ON petitions
WHEN OLD.status IN ('received', 'classified', 'assigned', 'in_progress')
     AND OLD.lead_agency_id IS NOT NULL AND OLD.deadline IS NOT NULL
BEGIN
	UPDATE open_deadlines SET n = n - 1
	WHERE agency_id = OLD.lead_agency_id AND deadline = OLD.deadline;
	DELETE FROM open_deadlines
	WHERE agency_id = OLD.lead_agency_id AND deadline = OLD.deadline AND n = 0;
END;

CREATE TRIGGER petitions_open_enter AFTER UPDATE OF status, lead_agency_id, deadline ON petitions
WHEN NEW.status IN ('received', 'classified', 'assigned', 'in_progress')
     AND NEW.lead_agency_id IS NOT NULL AND NEW.deadline IS NOT NULL
BEGIN
	INSERT INTO open_deadlines(agency_id, deadline, n) VALUES (NEW.lead_agency_id, NEW.deadline, 1)
	ON CONFLICT(agency_id, deadline) DO UPDATE SET n = n + 1;
END;

-- Accountability figures per lead agency, kept by triggers in the same
-- transaction as every write (schema version 2): what the agency ranking
-- and `report agencies` read instead of aggregating every petition.
-- A petition counts for its current lead agency: assigned once it has one,
-- answered once it has an answer date, on time when answered with
-- late_days = 0.  Extensions count for the lead at the time they were
-- granted.
CREATE TABLE agency_stats (
	agency_id  INTEGER PRIMARY KEY REFERENCES agencies(id),
	assigned   INTEGER NOT NULL DEFAULT 0,
	answered   INTEGER NOT NULL DEFAULT 0,
	on_time    INTEGER NOT NULL DEFAULT 0,
	late_sum   INTEGER NOT NULL DEFAULT 0,
	extensions INTEGER NOT NULL DEFAULT 0,
	rated      INTEGER NOT NULL DEFAULT 0,
	rating_sum INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TRIGGER agency_stats_insert AFTER INSERT ON petitions
WHEN NEW.lead_agency_id IS NOT NULL
BEGIN
	INSERT INTO agency_stats(agency_id, assigned, answered, on_time, late_sum, rated, rating_sum)
	VALUES (NEW.lead_agency_id, 1, NEW.answered IS NOT NULL,
	        NEW.answered IS NOT NULL AND coalesce(NEW.late_days, 0) = 0,
	        CASE WHEN NEW.answered IS NOT NULL THEN coalesce(NEW.late_days, 0) ELSE 0 END,
	        NEW.rating IS NOT NULL, coalesce(NEW.rating, 0))
	ON CONFLICT(agency_id) DO UPDATE SET
		assigned = assigned + excluded.assigned, answered = answered + excluded.answered,
		on_time = on_time + excluded.on_time, late_sum = late_sum + excluded.late_sum,
		rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum;
END;

CREATE TRIGGER agency_stats_leave AFTER UPDATE OF lead_agency_id, answered, late_days, rating ON petitions
WHEN OLD.lead_agency_id IS NOT NULL
BEGIN
	UPDATE agency_stats SET
		assigned = assigned - 1,
		answered = answered - (OLD.answered IS NOT NULL),
		on_time = on_time - (OLD.answered IS NOT NULL AND coalesce(OLD.late_days, 0) = 0),
		late_sum = late_sum - CASE WHEN OLD.answered IS NOT NULL THEN coalesce(OLD.late_days, 0) ELSE 0 END,
		rated = rated - (OLD.rating IS NOT NULL),
		rating_sum = rating_sum - coalesce(OLD.rating, 0)
	WHERE agency_id = OLD.lead_agency_id;
END;

CREATE TRIGGER agency_stats_enter AFTER UPDATE OF lead_agency_id, answered, late_days, rating ON petitions
WHEN NEW.lead_agency_id IS NOT NULL
BEGIN
	INSERT INTO agency_stats(agency_id, assigned, answered, on_time, late_sum, rated, rating_sum)
	VALUES (NEW.lead_agency_id, 1, NEW.answered IS NOT NULL,
	        NEW.answered IS NOT NULL AND coalesce(NEW.late_days, 0) = 0,
	        CASE WHEN NEW.answered IS NOT NULL THEN coalesce(NEW.late_days, 0) ELSE 0 END,
	        NEW.rating IS NOT NULL, coalesce(NEW.rating, 0))
	ON CONFLICT(agency_id) DO UPDATE SET
		assigned = assigned + excluded.assigned, answered = answered + excluded.answered,
		on_time = on_time + excluded.on_time, late_sum = late_sum + excluded.late_sum,
		rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum;
END;

CREATE TRIGGER agency_stats_extension AFTER INSERT ON extensions
BEGIN
	UPDATE agency_stats SET extensions = extensions + 1
	WHERE agency_id = (SELECT lead_agency_id FROM petitions WHERE id = NEW.petition_id);
END;

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

-- Schema version 4 (migrations/0004_sort_indexes.sql):
CREATE INDEX petitions_by_deadline_key ON petitions(coalesce(deadline, '9999-12-31'));
CREATE INDEX petitions_by_category_key ON petitions(coalesce(category_id, 9223372036854775807));
CREATE INDEX petitions_by_status_rank ON petitions((CASE status WHEN 'received' THEN 0 WHEN 'classified' THEN 1
	WHEN 'assigned' THEN 2 WHEN 'in_progress' THEN 3 WHEN 'answered' THEN 4 WHEN 'closed' THEN 5
	WHEN 'rejected' THEN 6 ELSE 7 END));
CREATE INDEX petitions_by_lead_id ON petitions(lead_agency_id, id);

CREATE TRIGGER history_no_replace BEFORE INSERT ON history
WHEN NEW.id >= 1 AND NEW.id <= (SELECT max(id) FROM history) -- an automatic id is -1 here
BEGIN
	SELECT RAISE(ABORT, 'history is append-only: rows cannot be replaced or inserted out of order');
END;

-- Schema version 6 (migrations/0006_lookup.sql): enterprise status lookup.
-- petition_pins keeps a salted Argon2id hash (libsodium crypto_pwhash_str)
-- of the PIN printed on the intake receipt, never the PIN itself.  A
-- petition without a row (imported, demo data, or recorded before version
-- 5) cannot be looked up until staff issue one: roviec petition pin CODE.
CREATE TABLE petition_pins (
	petition_id INTEGER PRIMARY KEY REFERENCES petitions(id),
	hash        TEXT NOT NULL CHECK (hash LIKE '$argon2id$%'),
	issued_at   TEXT NOT NULL
) STRICT;

-- Failed lookups per tracking code as typed (upper-cased), whether or not
-- such a petition exists, so a lock says nothing about existence.  Five
-- failures lock the code for 15 minutes; a right PIN or a re-issued PIN
-- clears the row; rows idle for a day are dropped.  The only table that
-- roviec lookup writes.
CREATE TABLE lookup_failures (
	code         TEXT PRIMARY KEY,
	failures     INTEGER NOT NULL CHECK (failures >= 0),
	last_at      TEXT NOT NULL,
	locked_until TEXT
) STRICT, WITHOUT ROWID;

-- Schema version 7 (migrations/0007_perf.sql): derived sort keys and park
-- on petitions, petition counts per status/category/park, indexes for the
-- filters and the open-petition lists.  The columns are added with ALTER
-- TABLE, as the migration does, so both schemas read the same.
ALTER TABLE petitions ADD COLUMN enterprise_key BLOB;
ALTER TABLE petitions ADD COLUMN lead_key BLOB;
ALTER TABLE petitions ADD COLUMN zone_id INTEGER REFERENCES zones(id);

CREATE TABLE petition_counts (
	status      TEXT NOT NULL,
	category_id INTEGER NOT NULL, -- 0: no category yet
	zone_id     INTEGER NOT NULL, -- 0: enterprise outside any park
	n           INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (status, category_id, zone_id)
) STRICT, WITHOUT ROWID;

-- A new petition is counted in the park it was written with.  Writers
-- supply the derived columns in the INSERT (and with every change of
-- enterprise_id or lead_agency_id), so these triggers are a safety net that
-- rewrites the row only when a writer left a derived column wrong; that
-- rewrite moves the count to the right park through petitions_counts_update.
CREATE TRIGGER petitions_derived_insert AFTER INSERT ON petitions
BEGIN
	INSERT INTO petition_counts(status, category_id, zone_id, n)
	VALUES (NEW.status, coalesce(NEW.category_id, 0), coalesce(NEW.zone_id, 0), 1)
	ON CONFLICT(status, category_id, zone_id) DO UPDATE SET n = n + 1;
	UPDATE petitions SET
		enterprise_key = (SELECT sort_key FROM enterprises WHERE id = NEW.enterprise_id),
		zone_id = (SELECT zone_id FROM enterprises WHERE id = NEW.enterprise_id),
		lead_key = coalesce((SELECT sort_key FROM agencies WHERE id = NEW.lead_agency_id), x'ffff')
	WHERE id = NEW.id
	  AND (NEW.enterprise_key IS NOT (SELECT sort_key FROM enterprises WHERE id = NEW.enterprise_id)
	       OR NEW.zone_id IS NOT (SELECT zone_id FROM enterprises WHERE id = NEW.enterprise_id)
	       OR NEW.lead_key IS NOT coalesce((SELECT sort_key FROM agencies WHERE id = NEW.lead_agency_id), x'ffff'));
END;

CREATE TRIGGER petitions_counts_update AFTER UPDATE OF status, category_id, zone_id ON petitions
WHEN OLD.status IS NOT NEW.status OR OLD.category_id IS NOT NEW.category_id OR OLD.zone_id IS NOT NEW.zone_id
BEGIN
	UPDATE petition_counts SET n = n - 1
	WHERE status = OLD.status AND category_id = coalesce(OLD.category_id, 0) AND zone_id = coalesce(OLD.zone_id, 0);
	DELETE FROM petition_counts
	WHERE status = OLD.status AND category_id = coalesce(OLD.category_id, 0) AND zone_id = coalesce(OLD.zone_id, 0)
	      AND n = 0;
	INSERT INTO petition_counts(status, category_id, zone_id, n)
	VALUES (NEW.status, coalesce(NEW.category_id, 0), coalesce(NEW.zone_id, 0), 1)
	ON CONFLICT(status, category_id, zone_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER petitions_keys_enterprise AFTER UPDATE OF enterprise_id ON petitions
WHEN NEW.enterprise_key IS NOT (SELECT sort_key FROM enterprises WHERE id = NEW.enterprise_id)
     OR NEW.zone_id IS NOT (SELECT zone_id FROM enterprises WHERE id = NEW.enterprise_id)
BEGIN
	UPDATE petitions SET
		enterprise_key = (SELECT sort_key FROM enterprises WHERE id = NEW.enterprise_id),
		zone_id = (SELECT zone_id FROM enterprises WHERE id = NEW.enterprise_id)
	WHERE id = NEW.id;
END;

CREATE TRIGGER petitions_keys_lead AFTER UPDATE OF lead_agency_id ON petitions
WHEN NEW.lead_key IS NOT coalesce((SELECT sort_key FROM agencies WHERE id = NEW.lead_agency_id), x'ffff')
BEGIN
	UPDATE petitions SET lead_key = coalesce((SELECT sort_key FROM agencies WHERE id = NEW.lead_agency_id), x'ffff')
	WHERE id = NEW.id;
END;

CREATE TRIGGER enterprises_keys_rename AFTER UPDATE OF sort_key ON enterprises
WHEN OLD.sort_key IS NOT NEW.sort_key
BEGIN
	UPDATE petitions SET enterprise_key = NEW.sort_key WHERE enterprise_id = NEW.id;
END;

CREATE TRIGGER enterprises_keys_zone AFTER UPDATE OF zone_id ON enterprises
WHEN OLD.zone_id IS NOT NEW.zone_id
BEGIN
	UPDATE petitions SET zone_id = NEW.zone_id WHERE enterprise_id = NEW.id;
END;

CREATE TRIGGER agencies_keys_rename AFTER UPDATE OF sort_key ON agencies
WHEN OLD.sort_key IS NOT NEW.sort_key
BEGIN
	UPDATE petitions SET lead_key = NEW.sort_key WHERE lead_agency_id = NEW.id;
END;

CREATE INDEX petitions_by_enterprise_key ON petitions(enterprise_key);
CREATE INDEX petitions_by_lead_key ON petitions(lead_key);
CREATE INDEX petitions_by_zone ON petitions(zone_id, received);
CREATE INDEX petitions_by_lead_received ON petitions(lead_agency_id, received);
CREATE INDEX petitions_open_by_received ON petitions(received, id, deadline)
	WHERE status IN ('received', 'classified', 'assigned', 'in_progress');
CREATE INDEX petitions_open_by_deadline ON petitions(coalesce(deadline, '9999-12-31'), id, deadline)
	WHERE status IN ('received', 'classified', 'assigned', 'in_progress');

-- Schema version 9 (migrations/0009_conference_stats.sql): per-conference
-- counters and the follow-up order.  The column is added with ALTER TABLE,
-- as the migration does, so both schemas read the same.

-- The petition's tracking code, copied when it is linked (codes never
-- change): the follow-up table is in code order, and this index serves its
-- pages by seeking (conference, code) instead of sorting every linked row.
-- Writers put the code in the statement that links; the trigger below is a
-- safety net that fills it when a writer left it out.
ALTER TABLE conference_petitions ADD COLUMN code TEXT;
CREATE INDEX conference_petitions_by_code ON conference_petitions(conference_id,
	printf('%.8s%03d%s', code, length(code), code));

-- Figures per conference over all its linked petitions, kept by triggers in
-- the same transaction as every write, with the definitions of conf_list
-- and the follow-up table (src/conference*.c):
--   petitions   linked petitions;
--   answered    answered IS NOT NULL;   in_session: of those, answered in
--               the session (conference_petitions.answered_in_session);
--   on_time     answered AND late_days = 0;
--   open        status received, classified, assigned or in_progress;
--   rated, rating_sum  over rating > 0 (the average is rating_sum / rated).
-- Every conference with a linked petition has a row (rows are never
-- deleted; a conference without one reads as zeros).
CREATE TABLE conference_stats (
	conference_id INTEGER PRIMARY KEY REFERENCES conferences(id),
	petitions     INTEGER NOT NULL DEFAULT 0,
	answered      INTEGER NOT NULL DEFAULT 0,
	in_session    INTEGER NOT NULL DEFAULT 0,
	on_time       INTEGER NOT NULL DEFAULT 0,
	open          INTEGER NOT NULL DEFAULT 0,
	rated         INTEGER NOT NULL DEFAULT 0,
	rating_sum    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Open linked petitions per conference and deadline: overdue depends on
-- today, so it is SUM(n) over deadline < today, as open_deadlines does for
-- the board.  No row with n = 0.
CREATE TABLE conference_open_deadlines (
	conference_id INTEGER NOT NULL REFERENCES conferences(id),
	deadline      TEXT NOT NULL,
	n             INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (conference_id, deadline)
) STRICT, WITHOUT ROWID;

-- Every change goes through this view: inserting a row adds (sign 1) or
-- takes away (sign -1) one petition's figures, given as values, in its
-- conference, so the definitions above are written once.
CREATE VIEW conference_stats_delta(conference_id, sign, in_session, status, deadline, answered, late_days, rating) AS
SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER conference_stats_apply INSTEAD OF INSERT ON conference_stats_delta
BEGIN
	INSERT INTO conference_stats(conference_id, petitions, answered, in_session, on_time, open, rated, rating_sum)
	VALUES (NEW.conference_id, NEW.sign, NEW.sign * (NEW.answered IS NOT NULL),
	        NEW.sign * (NEW.answered IS NOT NULL AND NEW.in_session),
	        NEW.sign * (NEW.answered IS NOT NULL AND NEW.late_days IS 0),
	        NEW.sign * (NEW.status IN ('received', 'classified', 'assigned', 'in_progress')),
	        NEW.sign * coalesce(NEW.rating > 0, 0), NEW.sign * CASE WHEN NEW.rating > 0 THEN NEW.rating ELSE 0 END)
	ON CONFLICT(conference_id) DO UPDATE SET
		petitions = petitions + excluded.petitions, answered = answered + excluded.answered,
		in_session = in_session + excluded.in_session, on_time = on_time + excluded.on_time,
		open = open + excluded.open, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum;
	-- (SQLite checks n >= 0 before it sees the conflict: no upsert of -1)
	UPDATE conference_open_deadlines SET n = n - 1
	WHERE NEW.sign < 0 AND NEW.status IN ('received', 'classified', 'assigned', 'in_progress')
	      AND conference_id = NEW.conference_id AND deadline = NEW.deadline;
	DELETE FROM conference_open_deadlines WHERE conference_id = NEW.conference_id AND deadline = NEW.deadline AND n = 0;
	INSERT INTO conference_open_deadlines(conference_id, deadline, n)
	SELECT NEW.conference_id, NEW.deadline, 1
	WHERE NEW.sign > 0 AND NEW.deadline IS NOT NULL
	      AND NEW.status IN ('received', 'classified', 'assigned', 'in_progress')
	ON CONFLICT(conference_id, deadline) DO UPDATE SET n = n + 1;
END;

-- A link adds the petition's figures to its conference (and fills the
-- code when the writer left it out).
CREATE TRIGGER conference_stats_link AFTER INSERT ON conference_petitions
BEGIN
	UPDATE conference_petitions SET code = (SELECT code FROM petitions WHERE id = NEW.petition_id)
	WHERE petition_id = NEW.petition_id AND NEW.code IS NOT (SELECT code FROM petitions WHERE id = NEW.petition_id);
	INSERT INTO conference_stats_delta
	SELECT NEW.conference_id, 1, NEW.answered_in_session, status, deadline, answered, late_days, rating
	FROM petitions WHERE id = NEW.petition_id;
END;

-- An unlink (no command unlinks today) takes them away again.
CREATE TRIGGER conference_stats_unlink AFTER DELETE ON conference_petitions
BEGIN
	INSERT INTO conference_stats_delta
	SELECT OLD.conference_id, -1, OLD.answered_in_session, status, deadline, answered, late_days, rating
	FROM petitions WHERE id = OLD.petition_id;
END;

-- A move to another conference (an upsert's DO UPDATE, conf_link) or a
-- change of the in-session flag: out of the old figures, into the new.
CREATE TRIGGER conference_stats_relink AFTER UPDATE OF conference_id, answered_in_session ON conference_petitions
WHEN OLD.conference_id IS NOT NEW.conference_id OR OLD.answered_in_session IS NOT NEW.answered_in_session
BEGIN
	INSERT INTO conference_stats_delta
	SELECT OLD.conference_id, -1, OLD.answered_in_session, status, deadline, answered, late_days, rating
	FROM petitions WHERE id = OLD.petition_id;
	INSERT INTO conference_stats_delta
	SELECT NEW.conference_id, 1, NEW.answered_in_session, status, deadline, answered, late_days, rating
	FROM petitions WHERE id = NEW.petition_id;
END;

-- A change to a linked petition's figures: its old values out of its
-- conference, the new ones in (the conference found by
-- conference_petitions' primary key).
CREATE TRIGGER petitions_conference_stats AFTER UPDATE OF status, deadline, answered, late_days, rating ON petitions
WHEN (OLD.status IS NOT NEW.status OR OLD.deadline IS NOT NEW.deadline OR OLD.answered IS NOT NEW.answered
      OR OLD.late_days IS NOT NEW.late_days OR OLD.rating IS NOT NEW.rating)
     AND EXISTS (SELECT 1 FROM conference_petitions WHERE petition_id = NEW.id)
BEGIN
	INSERT INTO conference_stats_delta
	SELECT conference_id, -1, answered_in_session, OLD.status, OLD.deadline, OLD.answered, OLD.late_days, OLD.rating
	FROM conference_petitions WHERE petition_id = NEW.id;
	INSERT INTO conference_stats_delta
	SELECT conference_id, 1, answered_in_session, NEW.status, NEW.deadline, NEW.answered, NEW.late_days, NEW.rating
	FROM conference_petitions WHERE petition_id = NEW.id;
END;

-- Schema version 10 (migrations/0010_code_order.sql): tracking codes in
-- numeric order (KN-2026-99999 before KN-2026-100000): prefix and year,
-- then the length of the code, then the code.  The expression must stay
-- identical to PETITION_CODE_ORDER in src/petition.h.
CREATE INDEX petitions_by_code_order ON petitions(printf('%.8s%03d%s', code, length(code), code));
