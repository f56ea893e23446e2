-- Migration to schema version 4: every list sort order the interface offers
-- is served by an index (keyset pages never sort the table), and history
-- rows cannot be replaced with INSERT OR REPLACE, which would bypass the
-- DELETE trigger.  The expressions must stay identical to sort_exprs[] in
-- src/query.c (tests/plan checks the query plans).
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
