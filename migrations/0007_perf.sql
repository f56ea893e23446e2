-- Migration to schema version 7: the read paths of a million petitions.
--
-- 1. Copies of the sort keys the list offers (the enterprise's and the lead
--    agency's Vietnamese collation keys) and of the enterprise's park on
--    each petition, so the enterprise and agency orders and the park filter
--    walk an index of petitions instead of sorting a join.  lead_key is
--    x'ffff' when there is no lead agency (unassigned petitions sort last).
--    Derived data only: triggers keep them in step in the same transaction
--    as every write, including renames and park changes of enterprises and
--    renames of agencies (which rewrite that party's petitions).
-- 2. petition_counts: petitions per status, category and park (0 = none),
--    kept by triggers, so counts over those dimensions read a few hundred
--    rows instead of a million (pq_count).  No row holds n = 0, so equal
--    petitions mean equal counter rows whatever path they took.
-- 3. Indexes for the agency and park filters in the default order, and
--    partial indexes over open petitions for the overdue and due-soon lists.
-- The expressions must stay identical to sort_exprs[] and the open-status
-- clause of src/query.c (tests/plan checks the query plans).
ALTER TABLE petitions ADD COLUMN enterprise_key BLOB;
ALTER TABLE petitions ADD COLUMN lead_key BLOB;
ALTER TABLE petitions ADD COLUMN zone_id INTEGER REFERENCES zones(id);

UPDATE petitions SET
	enterprise_key = (SELECT e.sort_key FROM enterprises e WHERE e.id = petitions.enterprise_id),
	zone_id = (SELECT e.zone_id FROM enterprises e WHERE e.id = petitions.enterprise_id),
	lead_key = coalesce((SELECT a.sort_key FROM agencies a WHERE a.id = petitions.lead_agency_id), x'ffff');

CREATE TABLE petition_counts (
	status      TEXT NOT NULL,
	category_id INTEGER NOT NULL, -- 0: no category yet
	zone_id     INTEGER NOT NULL, -- 0: enterprise outside any park
	n           INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (status, category_id, zone_id)
) STRICT, WITHOUT ROWID;

INSERT INTO petition_counts(status, category_id, zone_id, n)
SELECT status, coalesce(category_id, 0), coalesce(zone_id, 0), count(*) FROM petitions GROUP BY 1, 2, 3;

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
