/* bulk.h — helpers for writers that load many rows inside one transaction
 * (import).  Both keep every guarantee of the row-by-row path: they only
 * change when, inside the caller's transaction, the same rows are written.
 *
 * Deferred trigger: a per-row AFTER INSERT trigger whose body is one
 * `INSERT INTO x(…) VALUES (…NEW.…)` (the search index's) is dropped for
 * the load and, at the end, run once as `INSERT INTO x(…) SELECT … FROM
 * table AS NEW WHERE NEW.id > (the highest id when the load began)`, then
 * created again from its stored SQL.  DDL is transactional in SQLite, so a
 * rollback brings the trigger back with everything else; other connections
 * never see it missing.  FTS5 flushes its pending terms at the end of every
 * statement: one statement instead of one per row is most of the gain.
 *
 * History batch: rows get their ids and chain hashes from history.h
 * (history_chain_next, from the head read at bulk_history_begin) and go in
 * multi-row INSERTs.  Nothing else may write history between begin and the
 * last flush. */
#ifndef ROVIEC_BULK_H
#define ROVIEC_BULK_H

#include "history.h"
#include "rv_internal.h"

struct bulk_trigger {
	char *create_sql; /* the trigger as stored; NULL when not deferred */
	char *select_sql; /* its body as one INSERT … SELECT for the new rows */
	int64_t after;    /* rows with a higher id are the load's */
};

/* Drops trigger `name` on `table` (id INTEGER PRIMARY KEY) when its shape
 * allows deferring (no WHEN, one INSERT … VALUES); otherwise leaves it in
 * place and returns RV_OK (the load is then only slower). */
enum rv_code bulk_trigger_defer(struct rv *rv, const char *name, const char *table, struct bulk_trigger *t);
/* Runs the deferred trigger once for the new rows and creates it again. */
enum rv_code bulk_trigger_finish(struct rv *rv, struct bulk_trigger *t);
void bulk_trigger_free(struct bulk_trigger *t);

/* Rows waiting for their INSERT, strings copied. */
struct bulk_history {
	struct rv *rv;
	struct history_chain chain;
	struct bulk_hrow *rows;
	size_t n, cap;
	char *text;         /* the rows' strings, NUL-terminated */
	size_t used, tcap;
	sqlite3_stmt *full; /* the BULK_HROWS-row INSERT */
};

/* A point to come back to (a petition refused under --skip-bad). */
struct bulk_history_mark {
	size_t n, used;
	struct history_chain chain;
};

enum rv_code bulk_history_begin(struct rv *rv, struct bulk_history *b);
/* Chains r and queues it.  RV_EINPUT (recorded, nothing queued) when a
 * column the table requires (at, os_login, actor, action) is missing. */
enum rv_code bulk_history_add(struct bulk_history *b, const struct history_row *r);
/* Writes what is queued (all of it, or only when a full INSERT's worth is
 * waiting when `all` is false). */
enum rv_code bulk_history_flush(struct bulk_history *b, bool all);
struct bulk_history_mark bulk_history_mark(const struct bulk_history *b);
/* Forgets what was queued since m (nothing may have been flushed since). */
void bulk_history_undo(struct bulk_history *b, const struct bulk_history_mark *m);
void bulk_history_free(struct bulk_history *b);

/* Random (version 4) UUIDs from one getrandom() per 256 instead of one
 * each (a system call per petition was 5% of a CSV import). */
struct bulk_uuids {
	unsigned char raw[256][16];
	int left;
};
void bulk_uuid(struct bulk_uuids *u, char out[static 37]);

#endif
