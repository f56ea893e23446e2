-- Migration to schema version 8: a search index without positions, with
-- prefix indexes.
--
-- Every search roviec runs (src/query.c, fts_query) is an implicit AND of
-- quoted words, the last one a prefix: no phrase, no NEAR, no column
-- filter, no snippet or highlight.  Positions (detail=full) were dead
-- weight.  And FTS5 (3.40) answers a prefix word by merging the postings of
-- every word it starts, all of them, before the first row: "dat"* at a
-- million petitions read ~250,000 documents with their positions (200 ms)
-- although the list shows the newest 50.
--   detail = none   one entry per word and petition: the index without its
--                   prefix entries is a fifth of the size;
--   prefix = 1-6    a last word of up to six characters (every Vietnamese
--                   syllable but "nghieng"; "dat d" while typing) is read
--                   from its own prefix entry, newest first, and the list
--                   stops after one page like for a plain word.  A longer
--                   prefix is merged as before, over the few words it starts.
-- Together smaller than before (214 MB against 340 MB at a million).
--
-- The index is contentless, so it is rebuilt from the petitions with the
-- same folding as the triggers (which keep working unchanged: they name the
-- table, not its options).  The rebuild is one pass over the petitions in
-- id order, then an 'optimize' so the fresh index is a single segment.
DROP TABLE petition_search;

CREATE VIRTUAL TABLE petition_search USING fts5(
	code, title, body, person, enterprise,
	content = '', detail = none, prefix = '1 2 3 4 5 6', tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO petition_search(rowid, code, title, body, person, enterprise)
SELECT p.id, roviec_fold(p.code), roviec_fold(p.title), roviec_fold(p.body), roviec_fold(p.responsible_person),
       roviec_fold(e.name)
FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id
ORDER BY p.id;

INSERT INTO petition_search(petition_search) VALUES ('optimize');
