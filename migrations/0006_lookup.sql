-- Migration to schema version 6: enterprise status lookup (roviec lookup).
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
