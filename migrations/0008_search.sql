-- Migration to schema version 8: a search index without positions.
--
-- Every search roviec runs (src/query.c, fts_query) is an implicit AND of
-- quoted words, the last one a prefix: no phrase, no NEAR, no column
-- filter, no snippet or highlight.  Positions (detail=full) were dead
-- weight, and costly: a prefix term makes FTS5 merge the postings of every
-- word it starts, positions included, before the first row ("dat"* at a
-- million petitions: ~250,000 documents).  detail=none keeps one entry per
-- word and petition, so the index is several times smaller, that merge
-- reads a fraction of the pages, and every write indexes less.
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
