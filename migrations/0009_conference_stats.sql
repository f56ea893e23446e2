-- Migration to schema version 9: per-conference counters and the
-- follow-up order, so the conference list and one conference's screen read
-- a few rows at a million petitions instead of every linked one.
-- Must leave a version-8 database identical to a new one from schema.sql.

-- The petition's tracking code, copied when it is linked (codes never
-- change): the follow-up table is in code order, and this index serves its
-- pages by seeking (conference, code) instead of sorting every linked row.
-- Writers put the code in the statement that links; the trigger below is a
-- safety net that fills it when a writer left it out.
ALTER TABLE conference_petitions ADD COLUMN code TEXT;
CREATE INDEX conference_petitions_by_code ON conference_petitions(conference_id, code);

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

-- Filled from the data already there.
UPDATE conference_petitions SET code = (SELECT code FROM petitions WHERE id = petition_id);

INSERT INTO conference_stats(conference_id, petitions, answered, in_session, on_time, open, rated, rating_sum)
SELECT cp.conference_id, count(*), count(p.answered),
       coalesce(sum(p.answered IS NOT NULL AND cp.answered_in_session), 0),
       coalesce(sum(p.answered IS NOT NULL AND p.late_days IS 0), 0),
       coalesce(sum(p.status IN ('received', 'classified', 'assigned', 'in_progress')), 0),
       count(CASE WHEN p.rating > 0 THEN 1 END), coalesce(sum(CASE WHEN p.rating > 0 THEN p.rating END), 0)
FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id GROUP BY cp.conference_id;

INSERT INTO conference_open_deadlines(conference_id, deadline, n)
SELECT cp.conference_id, p.deadline, count(*)
FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id
WHERE p.deadline IS NOT NULL AND p.status IN ('received', 'classified', 'assigned', 'in_progress')
GROUP BY cp.conference_id, p.deadline;
