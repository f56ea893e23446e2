/* bulk.c — deferred triggers and batched history for bulk loads.  See
 * bulk.h. */
#include "bulk.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <uuid/uuid.h>

#include "i18n.h"

enum {
	BULK_HROWS = 256, /* history rows per INSERT (12 parameters each) */
	HTEXTS = 8,       /* text columns of a history row */
};

/* A queued history row; its texts are offsets into the batch's arena
 * (NO_TEXT for NULL), as the arena may move while it grows. */
#define NO_TEXT SIZE_MAX
struct bulk_hrow {
	int64_t id, petition_id, version;
	size_t text[HTEXTS];
	unsigned char hash[HISTORY_HASH_LEN];
};

/* ---- deferred trigger ---- */

/* The first occurrence of the keyword kw (any case, on word boundaries)
 * in s, outside quotes; NULL when none. */
static const char *find_kw(const char *s, const char *kw)
{
	size_t n = strlen(kw);
	char quote = 0;
	for (const char *p = s; *p; p++) {
		if (quote) {
			quote = *p == quote ? 0 : quote;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			continue;
		}
		bool start = p == s || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		if (start && strncasecmp(p, kw, n) == 0 && !(isalnum((unsigned char)p[n]) || p[n] == '_'))
			return p;
	}
	return NULL;
}

/* The parenthesis closing the one at open, outside quotes; NULL if none. */
static const char *closing(const char *open)
{
	int depth = 0;
	char quote = 0;
	for (const char *p = open; *p; p++) {
		if (quote)
			quote = *p == quote ? 0 : quote;
		else if (*p == '\'' || *p == '"')
			quote = *p;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p;
	}
	return NULL;
}

static bool blank_until(const char *p, const char *end)
{
	for (; p < end; p++)
		if (!isspace((unsigned char)*p) && *p != ';')
			return false;
	return true;
}

/* "INSERT INTO x(…) VALUES (e1, e2…);" → "INSERT INTO x(…) SELECT e1, e2…
 * FROM table AS NEW WHERE NEW.id > ?1"; NULL when the trigger has another
 * shape (a WHEN, several statements, not an INSERT … VALUES). */
static char *select_form(const char *create, const char *table)
{
	const char *begin = find_kw(create, "BEGIN"), *end = begin ? find_kw(begin + 5, "END") : NULL;
	const char *when = find_kw(create, "WHEN");
	if (!begin || !end || (when && when < begin))
		return NULL;
	const char *insert = begin + 5;
	while (isspace((unsigned char)*insert))
		insert++;
	const char *values = find_kw(insert, "VALUES");
	if (strncasecmp(insert, "INSERT", 6) != 0 || !values || values > end)
		return NULL;
	const char *open = values + 6;
	while (isspace((unsigned char)*open))
		open++;
	const char *close = *open == '(' ? closing(open) : NULL;
	if (!close || close > end || !blank_until(close + 1, end))
		return NULL;
	size_t size = (size_t)(end - begin) + strlen(table) + 64;
	char *sql = malloc(size);
	if (sql)
		snprintf(sql, size, "%.*sSELECT %.*s FROM %s AS NEW WHERE NEW.id > ?1 ORDER BY NEW.id", (int)(values - insert),
		         insert, (int)(close - open - 1), open + 1, table);
	return sql;
}

enum rv_code bulk_trigger_defer(struct rv *rv, const char *name, const char *table, struct bulk_trigger *t)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = db_stmt(rv, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1 AND tbl_name = ?2");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, table);
	char *create = sqlite3_step(st) == SQLITE_ROW ? db_column_dup(st, 0) : NULL;
	sqlite3_reset(st);
	char *select = create ? select_form(create, table) : NULL;
	if (!select) { /* absent or of another shape: it keeps running per row */
		free(create);
		return RV_OK;
	}
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM \"%s\"", table);
	sqlite3_stmt *q = NULL;
	enum rv_code rc = sqlite3_prepare_v2(rv->db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW
	                          ? RV_OK
	                          : db_fail(rv, "preparing a bulk load");
	t->after = rc ? 0 : sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	snprintf(sql, sizeof sql, "DROP TRIGGER \"%s\"", name);
	if (!rc)
		rc = db_exec(rv, sql);
	if (rc) {
		free(create);
		free(select);
		return rc;
	}
	t->create_sql = create;
	t->select_sql = select;
	return RV_OK;
}

enum rv_code bulk_trigger_finish(struct rv *rv, struct bulk_trigger *t)
{
	if (!t->create_sql)
		return RV_OK;
	sqlite3_stmt *st = NULL;
	enum rv_code rc = RV_OK;
	if (sqlite3_prepare_v2(rv->db, t->select_sql, -1, &st, NULL) != SQLITE_OK)
		rc = db_fail(rv, "preparing a bulk load");
	if (!rc) {
		sqlite3_bind_int64(st, 1, t->after);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(rv, "finishing a bulk load");
	}
	sqlite3_finalize(st);
	if (!rc)
		rc = db_exec(rv, t->create_sql);
	bulk_trigger_free(t);
	return rc;
}

void bulk_trigger_free(struct bulk_trigger *t)
{
	free(t->create_sql);
	free(t->select_sql);
	memset(t, 0, sizeof *t);
}

/* ---- history ---- */

static const char *const hcols = "INSERT INTO history(id, petition_id, version, at, os_login, actor, action, field, old, "
                                 "new, note, hash) VALUES ";

/* The INSERT of n rows, prepared (not cached: the caller owns it). */
static sqlite3_stmt *prepare_rows(struct rv *rv, size_t n)
{
	static const char row[] = "(?,?,?,?,?,?,?,?,?,?,?,?)";
	size_t size = strlen(hcols) + n * sizeof row + 1;
	char *sql = malloc(size);
	if (!sql) {
		rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		return NULL;
	}
	size_t used = (size_t)snprintf(sql, size, "%s", hcols);
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(sql + used, size - used, "%s%s", i ? "," : "", row);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(rv->db, sql, (int)used, &st, NULL) != SQLITE_OK)
		db_fail(rv, "preparing history rows");
	free(sql);
	return st;
}

enum rv_code bulk_history_begin(struct rv *rv, struct bulk_history *b)
{
	memset(b, 0, sizeof *b);
	b->rv = rv;
	enum rv_code rc = history_head(rv, &b->chain);
	if (!rc && !(b->full = prepare_rows(rv, BULK_HROWS)))
		rc = rv->code;
	return rc;
}

/* Copies s (NULL stays NULL) into the arena; false when out of memory. */
static bool keep_text(struct bulk_history *b, const char *s, size_t *off)
{
	*off = NO_TEXT;
	if (!s)
		return true;
	size_t len = strlen(s) + 1;
	if (b->used + len > b->tcap) {
		size_t cap = b->tcap ? b->tcap : 1 << 16;
		while (cap < b->used + len)
			cap *= 2;
		char *grown = realloc(b->text, cap);
		if (!grown)
			return false;
		b->text = grown;
		b->tcap = cap;
	}
	memcpy(b->text + b->used, s, len);
	*off = b->used;
	b->used += len;
	return true;
}

enum rv_code bulk_history_add(struct bulk_history *b, const struct history_row *r)
{
	if (!r->at || !r->os_login || !r->actor || !r->action)
		return rv_fail(b->rv, RV_EINPUT, "history", _("history: a row needs at, actor and action"));
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 2 * BULK_HROWS;
		struct bulk_hrow *grown = realloc(b->rows, cap * sizeof *grown);
		if (!grown)
			return rv_fail(b->rv, RV_EIO, NULL, _("out of memory"));
		b->rows = grown;
		b->cap = cap;
	}
	struct bulk_hrow *h = &b->rows[b->n];
	const char *text[HTEXTS] = { r->at, r->os_login, r->actor, r->action, r->field, r->old, r->new_, r->note };
	for (int k = 0; k < HTEXTS; k++)
		if (!keep_text(b, text[k], &h->text[k]))
			return rv_fail(b->rv, RV_EIO, NULL, _("out of memory"));
	h->petition_id = r->petition_id;
	h->version = r->version;
	history_chain_next(&b->chain, r, &h->id, h->hash);
	b->n++;
	return RV_OK;
}

static enum rv_code write_rows(struct bulk_history *b, sqlite3_stmt *st, const struct bulk_hrow *rows, size_t n)
{
	sqlite3_reset(st);
	int p = 1;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, p++, rows[i].id);
		sqlite3_bind_int64(st, p++, rows[i].petition_id);
		sqlite3_bind_int64(st, p++, rows[i].version);
		for (int k = 0; k < HTEXTS; k++, p++)
			if (rows[i].text[k] == NO_TEXT)
				sqlite3_bind_null(st, p);
			else
				sqlite3_bind_text(st, p, b->text + rows[i].text[k], -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, p++, rows[i].hash, HISTORY_HASH_LEN, SQLITE_STATIC);
	}
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(b->rv, "writing history");
}

enum rv_code bulk_history_flush(struct bulk_history *b, bool all)
{
	enum rv_code rc = RV_OK;
	size_t done = 0;
	for (; !rc && b->n - done >= BULK_HROWS; done += BULK_HROWS)
		rc = write_rows(b, b->full, b->rows + done, BULK_HROWS);
	if (!rc && all && b->n > done) {
		sqlite3_stmt *st = prepare_rows(b->rv, b->n - done);
		rc = st ? write_rows(b, st, b->rows + done, b->n - done) : b->rv->code;
		sqlite3_finalize(st);
		done = b->n;
	}
	if (b->full)
		sqlite3_reset(b->full);
	if (rc)
		return rc;
	/* The rows left keep their texts: move both to the front. */
	size_t first = done < b->n ? SIZE_MAX : 0;
	for (size_t i = done; i < b->n; i++)
		for (int k = 0; k < HTEXTS; k++)
			if (b->rows[i].text[k] != NO_TEXT && b->rows[i].text[k] < first)
				first = b->rows[i].text[k];
	if (done < b->n && first != SIZE_MAX) {
		memmove(b->text, b->text + first, b->used - first);
		b->used -= first;
		for (size_t i = done; i < b->n; i++)
			for (int k = 0; k < HTEXTS; k++)
				if (b->rows[i].text[k] != NO_TEXT)
					b->rows[i].text[k] -= first;
	} else if (done == b->n) {
		b->used = 0;
	}
	if (done && b->n > done)
		memmove(b->rows, b->rows + done, (b->n - done) * sizeof *b->rows);
	b->n -= done;
	return RV_OK;
}

struct bulk_history_mark bulk_history_mark(const struct bulk_history *b)
{
	return (struct bulk_history_mark){ .n = b->n, .used = b->used, .chain = b->chain };
}

void bulk_history_undo(struct bulk_history *b, const struct bulk_history_mark *m)
{
	b->n = m->n;
	b->used = m->used;
	b->chain = m->chain;
}

void bulk_history_free(struct bulk_history *b)
{
	sqlite3_finalize(b->full);
	free(b->rows);
	free(b->text);
	memset(b, 0, sizeof *b);
}

/* ---- uuids ---- */

void bulk_uuid(struct bulk_uuids *u, char out[static 37])
{
	if (u->left == 0) {
		size_t want = sizeof u->raw, got = 0;
		while (got < want) {
			ssize_t n = getrandom((unsigned char *)u->raw + got, want - got, 0);
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got < want) { /* no getrandom: libuuid's own source, one at a time */
			uuid_t one;
			uuid_generate_random(one);
			uuid_unparse_lower(one, out);
			return;
		}
		u->left = 256;
	}
	unsigned char *b = u->raw[--u->left];
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	uuid_unparse_lower(b, out);
}
