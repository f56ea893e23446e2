-- Migration to schema version 10: tracking codes in numeric order.
-- Codes are KN-YYYY-NNNNN, numbered per year; past 99,999 in a year the
-- number grows a digit (KN-2026-100000), and in text order that code
-- sorts before KN-2026-99999.  The code order of the lists is this key:
-- prefix and year (the first 8 characters), then the code's length (more
-- digits is a larger number; numbers are zero-padded to 5), then the code
-- (same length: text order is numeric order).  Codes never change, so the
-- index needs no trigger.  The expression must stay identical to
-- PETITION_CODE_ORDER in src/petition.h (tests/plan checks the query plans).
CREATE INDEX petitions_by_code_order ON petitions(printf('%.8s%03d%s', code, length(code), code));

-- The follow-up table of a conference is paged in the same order.
DROP INDEX conference_petitions_by_code;
CREATE INDEX conference_petitions_by_code ON conference_petitions(conference_id,
	printf('%.8s%03d%s', code, length(code), code));
