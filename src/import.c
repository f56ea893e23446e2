/* import.c — the import dispatcher: reading the file, the one
 * transaction, bad-row bookkeeping, and matching names to codes.  The
 * formats are in import_csv.c and import_json.c.  See import.h. */
#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "import_internal.h"
#include "text.h"
#include "users.h"

enum rv_code import_bad(struct import *im, long line, const char *fmt, ...)
{
	struct import_result *r = im->res;
	r->bad++;
	if (r->n_errors < IMPORT_MAX_ERRORS) {
		char msg[1024];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		struct import_error *grown = realloc(r->errors, (r->n_errors + 1) * sizeof *grown);
		if (grown) {
			r->errors = grown;
			grown[r->n_errors].line = line;
			grown[r->n_errors].message = strdup(msg);
			r->n_errors += grown[r->n_errors].message != NULL;
		}
	}
	return RV_EINPUT;
}

enum rv_code import_bad_rv(struct import *im, long line)
{
	enum rv_code code = rv_status(im->rv);
	import_bad(im, line, "%s", rv_message(im->rv));
	rv_clear_error(im->rv);
	return code == RV_EIO ? RV_EIO : RV_EINPUT;
}

void import_result_free(struct import_result *r)
{
	for (size_t i = 0; i < r->n_errors; i++)
		free(r->errors[i].message);
	free(r->errors);
	memset(r, 0, sizeof *r);
}

/* ---- names ---- */

char *import_key(const char *s)
{
	char *f = text_fold(s ? s : "");
	if (!f)
		return NULL;
	size_t n = 0;
	bool gap = false;
	for (const char *p = f; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool word = ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z');
		if (!word) {
			gap = n > 0;
			continue;
		}
		if (gap)
			f[n++] = ' ';
		gap = false;
		f[n++] = (char)ch;
	}
	f[n] = '\0';
	return f;
}

static bool map_add(struct name_map *m, const char *text, int64_t id, const char *code)
{
	if (!text)
		return true;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		void *grown = realloc(m->items, cap * sizeof *m->items);
		if (!grown)
			return false;
		m->items = grown;
		m->cap = cap;
	}
	m->items[m->n].key = import_key(text);
	m->items[m->n].code = strdup(code);
	m->items[m->n].id = id;
	if (!m->items[m->n].key || !m->items[m->n].code) {
		free(m->items[m->n].key);
		free(m->items[m->n].code);
		return false;
	}
	m->n++;
	return true;
}

static void map_free(struct name_map *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->items[i].key);
		free(m->items[i].code);
	}
	free(m->items);
	memset(m, 0, sizeof *m);
}

static enum rv_code load_map(struct rv *rv, const char *sql, int ncols, struct name_map *m)
{
	sqlite3_stmt *st = db_stmt(rv, sql);
	if (!st)
		return rv->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		for (int c = 1; c < ncols; c++)
			if (!map_add(m, (const char *)sqlite3_column_text(st, c), id, code))
				return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading reference data");
}

enum rv_code import_load_maps(struct import *im)
{
	import_free_maps(im);
	enum rv_code rc = load_map(im->rv, "SELECT id, code, name FROM agencies ORDER BY id", 3, &im->agencies);
	if (!rc)
		rc = load_map(im->rv, "SELECT id, code, label_vi, label_en FROM categories ORDER BY id", 4, &im->categories);
	return rc;
}

void import_free_maps(struct import *im)
{
	map_free(&im->agencies);
	map_free(&im->categories);
}

bool import_find(const struct name_map *m, const char *text, int64_t *id, const char **code)
{
	*id = 0;
	*code = NULL;
	for (size_t i = 0; text && i < m->n; i++) /* the usual case, a code as stored: no folding */
		if (strcmp(m->items[i].code, text) == 0) {
			*id = m->items[i].id;
			*code = m->items[i].code;
			return true;
		}
	char *k = import_key(text);
	for (size_t i = 0; k && i < m->n; i++)
		if (strcmp(m->items[i].key, k) == 0) {
			*id = m->items[i].id;
			*code = m->items[i].code;
			break;
		}
	free(k);
	return *id != 0;
}

/* ---- rows ---- */

int64_t import_free_id(struct import *im, const char *sql, int64_t id)
{
	/* Checked apart from the INSERT: a sub-select on the table being
	 * inserted into makes SQLite stage every row in a temporary table. */
	sqlite3_stmt *st = id > 0 ? db_stmt(im->rv, sql) : NULL;
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	bool taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return taken ? 0 : id;
}

enum rv_code import_defer_search(struct import *im)
{
	if (im->search_deferred)
		return RV_OK;
	im->search_deferred = true;
	return bulk_trigger_defer(im->rv, "petitions_search_insert", "petitions", &im->search);
}

/* Derived columns are given here so the schema's safety-net trigger
 * (petitions_derived_insert) finds nothing to rewrite. */
static const char INSERT_PETITION[] =
	"INSERT INTO petitions(id, uuid, code, request_id, enterprise_id, channel, received, title, body, "
	"category_id, lead_agency_id, responsible_person, assigned, deadline, original_deadline, status, result, "
	"outcome, answered, late_days, rating, feedback, closed, reject_reason, refer_to, decided_by, version, "
	"created_at, updated_at, enterprise_key, zone_id, lead_key) "
	"VALUES (nullif(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, ''), nullif(?10, 0), nullif(?11, 0), ?12, ?13, ?14, "
	"?15, ?16, ?17, ?18, ?19, ?20, nullif(?21, 0), ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
	"(SELECT sort_key FROM enterprises WHERE id = ?5), (SELECT zone_id FROM enterprises WHERE id = ?5), "
	"coalesce((SELECT sort_key FROM agencies WHERE id = ?11), x'ffff'))";

enum rv_code import_insert_petition(struct import *im, const struct petition_in *p, int64_t *id)
{
	struct rv *rv = im->rv;
	enum rv_code rc = import_defer_search(im);
	sqlite3_stmt *st = rc ? NULL : db_stmt(rv, INSERT_PETITION);
	if (!st)
		return rv->code;
	char uuid[37];
	if (!p->uuid)
		bulk_uuid(&im->uuids, uuid);
	sqlite3_bind_int64(st, 1, im->keep_ids ? p->id : 0);
	db_bind_text(st, 2, p->uuid ? p->uuid : uuid);
	const char *text[] = { p->code, p->request_id };
	for (int i = 0; i < 2; i++)
		db_bind_text(st, 3 + i, text[i]);
	sqlite3_bind_int64(st, 5, p->enterprise);
	const char *text2[] = { p->channel, p->received, p->title, p->body };
	for (int i = 0; i < 4; i++)
		db_bind_text(st, 6 + i, text2[i]);
	sqlite3_bind_int64(st, 10, p->category);
	sqlite3_bind_int64(st, 11, p->lead);
	const char *text3[] = { p->person, p->assigned, p->deadline, p->original_deadline, p->status, p->result,
		                p->outcome, p->answered };
	for (int i = 0; i < 8; i++)
		db_bind_text(st, 12 + i, text3[i]);
	if (p->late_days >= 0)
		sqlite3_bind_int(st, 20, p->late_days);
	sqlite3_bind_int(st, 21, p->rating);
	const char *text4[] = { p->feedback, p->closed, p->reject_reason, p->refer_to, p->decided_by };
	for (int i = 0; i < 5; i++)
		db_bind_text(st, 22 + i, text4[i]);
	sqlite3_bind_int64(st, 27, p->version > 0 ? p->version : 1);
	db_bind_text(st, 28, p->created_at);
	db_bind_text(st, 29, p->updated_at ? p->updated_at : p->created_at);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(rv, "importing a petition");
	*id = sqlite3_last_insert_rowid(rv->db);
	return RV_OK;
}

enum rv_code import_insert_coordinating(struct import *im, int64_t petition, int64_t agency)
{
	sqlite3_stmt *st = db_stmt(im->rv, "INSERT OR IGNORE INTO petition_agencies(petition_id, agency_id) VALUES (?1, ?2)");
	if (!st)
		return im->rv->code;
	sqlite3_bind_int64(st, 1, petition);
	sqlite3_bind_int64(st, 2, agency);
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(im->rv, "importing coordinating agencies");
}

enum rv_code import_link_conference(struct import *im, int64_t petition, int64_t conference, bool in_session)
{
	/* An upsert, not INSERT OR REPLACE: a replace deletes without firing
	 * the delete trigger, and conference_stats would count the row twice. */
	sqlite3_stmt *st = db_stmt(im->rv, "INSERT INTO conference_petitions(petition_id, conference_id, "
	                                   "answered_in_session, code) VALUES (?1, ?2, ?3, "
	                                   "(SELECT code FROM petitions WHERE id = ?1)) ON CONFLICT(petition_id) "
	                                   "DO UPDATE SET conference_id = excluded.conference_id, "
	                                   "answered_in_session = excluded.answered_in_session");
	if (!st)
		return im->rv->code;
	sqlite3_bind_int64(st, 1, petition);
	sqlite3_bind_int64(st, 2, conference);
	sqlite3_bind_int(st, 3, in_session);
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(im->rv, "linking a conference");
}

/* ---- the file ---- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

static enum rv_code map_file(struct rv *rv, const char *path, const char **data, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return rv_fail(rv, e == ENOENT ? RV_ENOTFOUND : RV_EIO, "file", _("file: cannot read %s: %s"), path,
		               strerror(e));
	}
	*len = (size_t)sb.st_size;
	*data = *len ? mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0) : "";
	close(fd);
	if (*data == MAP_FAILED)
		return rv_fail(rv, RV_EIO, "file", _("file: cannot read %s: %s"), path, strerror(errno));
	return RV_OK;
}

static enum rv_code run_format(struct import *im, bool json, const char *data, size_t len)
{
	struct rv *rv = im->rv;
	/* The whole import is one transaction: give it room so SQLite does not
	 * spill pages to the log before the commit writes them anyway. */
	enum rv_code rc = db_exec(rv, "PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY");
	if (!rc)
		rc = db_begin(rv);
	if (rc)
		return rc;
	rc = import_load_maps(im);
	sqlite3_stmt *st = rc ? NULL : db_stmt(rv, "SELECT NOT EXISTS (SELECT 1 FROM petitions)");
	im->keep_ids = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	if (st)
		sqlite3_reset(st);
	/* The search index is filled once at the end (its trigger is dropped at
	 * the first petition, so an import adding none leaves the schema as it
	 * was), history in batches (bulk.h); both inside this transaction, so a
	 * rollback undoes them too. */
	if (!rc)
		rc = bulk_history_begin(rv, &im->history);
	if (!rc)
		rc = json ? import_json(im, data, len) : import_csv(im, data, len);
	bool refused = im->res->bad && !im->opt->skip_bad;
	if (!rc && !refused && !im->opt->dry_run)
		rc = bulk_history_flush(&im->history, true);
	if (!rc && !refused && !im->opt->dry_run)
		rc = bulk_trigger_finish(rv, &im->search);
	bulk_trigger_free(&im->search);
	bulk_history_free(&im->history);
	if (!rc && (refused || im->opt->dry_run)) {
		db_end(rv, RV_EINPUT); /* roll back: nothing is written (the trigger comes back) */
		db_exec(rv, "PRAGMA cache_size=-16384; PRAGMA temp_store=DEFAULT");
		return refused ? RV_EINPUT : RV_OK;
	}
	rc = db_end(rv, rc);
	db_exec(rv, "PRAGMA cache_size=-16384; PRAGMA temp_store=DEFAULT");
	im->res->written = rc == RV_OK;
	if (!rc && json)
		rc = db_load_calendar(rv); /* holidays may have come in */
	return rc;
}

enum rv_code import_data(struct rv *rv, const struct import_options *o, bool json, const char *data, size_t len,
                         struct import_result *res)
{
	const char *slash = strrchr(o->path, '/');
	struct import im = { .rv = rv, .opt = o, .res = res, .file = slash ? slash + 1 : o->path };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	enum rv_code rc = run_format(&im, json, data, len);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	res->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	import_free_maps(&im);
	return rc;
}

enum rv_code import_run(struct rv *rv, const struct import_options *o, struct import_result *res)
{
	memset(res, 0, sizeof *res);
	enum rv_code rc = users_require(rv, PERM_INTAKE);
	if (rc)
		return rc;
	bool json = ends_with(o->path, ".json");
	if (!json && !ends_with(o->path, ".csv"))
		return rv_fail(rv, RV_EINPUT, "file", _("file: %s is neither .csv nor .json"), o->path);
	const char *data = NULL;
	size_t len = 0;
	if ((rc = map_file(rv, o->path, &data, &len)) != RV_OK)
		return rc;
	rc = import_data(rv, o, json, data, len, res);
	if (len)
		munmap((void *)data, len);
	if (rc == RV_EINPUT && rv_status(rv) == RV_OK)
		rv_fail(rv, RV_EINPUT, "file", _("%s: %lld bad rows, nothing imported"), o->path, (long long)res->bad);
	return rc;
}
