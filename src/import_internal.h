/* import_internal.h — what the CSV and JSON importers share: the session
 * of one import (result, error list, name look-ups) and row helpers. */
#ifndef ROVIEC_IMPORT_INTERNAL_H
#define ROVIEC_IMPORT_INTERNAL_H

#include <stdarg.h>

#include "bulk.h"
#include "import.h"
#include "rv_internal.h"

/* A name → id table matched by folded text (codes and names). */
struct name_map {
	struct {
		char *key; /* folded, punctuation collapsed */
		int64_t id;
		char *code;
	} *items;
	size_t n, cap;
};

struct import {
	struct rv *rv;
	const struct import_options *opt;
	struct import_result *res;
	const char *file;      /* base name, for history notes */
	struct name_map agencies, categories;
	bool keep_ids;         /* no petition when the import began: petitions and
	                        * extensions keep their exported ids (none can be taken) */
	struct bulk_history history; /* every history row of the import goes here */
	struct bulk_trigger search;  /* the search-index trigger, deferred at the first petition */
	bool search_deferred;
	struct bulk_uuids uuids;
};

/* Records a bad row (line) with a message; always returns RV_EINPUT. */
enum rv_code import_bad(struct import *im, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Records a bad row from the session's last error message. */
enum rv_code import_bad_rv(struct import *im, long line);

/* Folded, punctuation-collapsed key: "Sở Xây dựng" → "so xay dung". */
char *import_key(const char *s);

/* Loads the agencies (code, name) and categories (code, labels). */
enum rv_code import_load_maps(struct import *im);
void import_free_maps(struct import *im);
/* Matches by code or name; *id 0 and *code NULL when nothing matches. */
bool import_find(const struct name_map *m, const char *text, int64_t *id, const char **code);

/* One petition row to insert, values as stored (dates ISO). */
struct petition_in {
	int64_t id;                /* keep this id when free (JSON), 0 for a new one */
	const char *uuid;          /* NULL: a new one */
	const char *code;
	const char *request_id;
	int64_t enterprise, category, lead;
	const char *channel, *received, *title, *body, *person, *assigned, *deadline, *original_deadline;
	const char *status, *result, *outcome, *answered, *feedback, *closed, *reject_reason, *refer_to;
	const char *decided_by, *created_at, *updated_at;
	int late_days;             /* -1: NULL */
	int rating;                /* 0: NULL */
	int64_t version;
};

/* id when no row has it yet (sql: "SELECT 1 FROM t WHERE id = ?1", a
 * literal), else 0 (let SQLite choose). */
int64_t import_free_id(struct import *im, const char *sql, int64_t id);

/* Drops the search-index trigger for the rest of the import (once; outside
 * any savepoint: a ROLLBACK TO would bring it back behind our back); the
 * import's end indexes the new petitions in one statement (bulk.h). */
enum rv_code import_defer_search(struct import *im);
/* Inserts the petition (triggers keep deadlines and counters; the search
 * index is filled at the end); *id receives its id. */
enum rv_code import_insert_petition(struct import *im, const struct petition_in *p, int64_t *id);
enum rv_code import_insert_coordinating(struct import *im, int64_t petition, int64_t agency);
enum rv_code import_link_conference(struct import *im, int64_t petition, int64_t conference, bool in_session);

/* import_run without the file: data (len bytes, not NUL-terminated) read
 * as CSV or JSON; o->path only names it in history notes.  The caller has
 * checked the role.  Used by import_run and the fuzzing harnesses. */
enum rv_code import_data(struct rv *rv, const struct import_options *o, bool json, const char *data, size_t len,
                         struct import_result *res);

enum rv_code import_csv(struct import *im, const char *data, size_t len);
enum rv_code import_json(struct import *im, const char *data, size_t len);

#endif
