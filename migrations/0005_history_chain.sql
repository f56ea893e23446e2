-- Migration to schema version 5: history rows carry a hash chain
-- (src/history.h).  The column is added here; src/migrate.c then fills the
-- hash of every existing row in id order (in C: SHA-256 is not SQL), with
-- the no-update trigger lifted for that step only, and recreates it below
-- the marker, all in this migration's one transaction.
ALTER TABLE history ADD COLUMN hash BLOB;
DROP TRIGGER history_no_update;
-- roviec: backfill history chain
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
	SELECT RAISE(ABORT, 'history is append-only: rows cannot be changed');
END;
