-- Migration to schema version 2: per-agency accountability counters.
-- Must leave a version-1 database identical to a new one from schema.sql.

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

INSERT INTO agency_stats(agency_id, assigned, answered, on_time, late_sum, rated, rating_sum)
SELECT lead_agency_id, count(*), count(answered),
       coalesce(sum(answered IS NOT NULL AND coalesce(late_days, 0) = 0), 0),
       coalesce(sum(CASE WHEN answered IS NOT NULL THEN coalesce(late_days, 0) ELSE 0 END), 0),
       count(rating), coalesce(sum(rating), 0)
FROM petitions WHERE lead_agency_id IS NOT NULL GROUP BY lead_agency_id;

UPDATE agency_stats SET extensions = (
	SELECT count(*) FROM extensions x JOIN petitions p ON p.id = x.petition_id
	WHERE p.lead_agency_id = agency_stats.agency_id);
