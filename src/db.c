/* db.c — the one sqlite3 connection of a session: prepared-statement
 * cache, transactions, binding helpers and roviec's SQL functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "i18n.h"
#include "rv_internal.h"
#include "rows.h"
#include "text.h"

sqlite3_stmt *db_stmt(struct rv *rv, const char *sql)
{
	int free_slot = -1;
	for (int i = 0; i < RV_STMT_CACHE; i++) {
		if (rv->cache[i].sql == sql) {
			sqlite3_stmt *st = rv->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
		if (!rv->cache[i].sql && free_slot < 0)
			free_slot = i;
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(rv->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(rv, "preparing a query");
		return NULL;
	}
	if (free_slot >= 0) {
		rv->cache[free_slot].sql = sql;
		rv->cache[free_slot].stmt = st;
	} else {
		/* Cache full: a programming error (too many distinct statements);
		 * stay correct by evicting slot 0. */
		sqlite3_finalize(rv->cache[0].stmt);
		rv->cache[0].sql = sql;
		rv->cache[0].stmt = st;
	}
	return st;
}

enum rv_code db_fail(struct rv *rv, const char *what)
{
	int ext = sqlite3_extended_errcode(rv->db);
	enum rv_code code = RV_EIO;
	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		code = RV_ECONFLICT;
	return rv_fail(rv, code, NULL, _("database error while %s: %s"), _(what), sqlite3_errmsg(rv->db));
}

enum rv_code db_exec(struct rv *rv, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(rv->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		rv_fail(rv, RV_EIO, NULL, _("database error: %s"), err ? err : sqlite3_errmsg(rv->db));
		sqlite3_free(err);
		return RV_EIO;
	}
	return RV_OK;
}

enum rv_code db_begin(struct rv *rv)
{
	if (rv->tx_depth++ > 0)
		return RV_OK;
	/* A cached SELECT left mid-step keeps a read snapshot open; once
	 * another process commits, BEGIN IMMEDIATE then fails with
	 * SQLITE_BUSY_SNAPSHOT without calling the busy handler.  Reset every
	 * cached statement so the write starts from a fresh snapshot. */
	for (int i = 0; i < RV_STMT_CACHE; i++)
		if (rv->cache[i].stmt)
			sqlite3_reset(rv->cache[i].stmt);
	/* The busy handler waits up to its timeout; beyond that keep trying
	 * for a while longer so a person never sees "database is locked".
	 * Extended result codes are on: compare the primary code. */
	for (int attempt = 0; attempt < 40; attempt++) {
		sqlite3_stmt *st = db_stmt(rv, "BEGIN IMMEDIATE");
		if (!st)
			break;
		int rc = sqlite3_step(st) & 0xff;
		if (rc == SQLITE_DONE)
			return RV_OK;
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		usleep(20000 + 10000 * (useconds_t)(attempt % 8));
	}
	rv->tx_depth = 0;
	return db_fail(rv, "starting a transaction");
}

enum rv_code db_end(struct rv *rv, enum rv_code code)
{
	if (rv->tx_depth <= 0)
		return code;
	if (--rv->tx_depth > 0)
		return code;
	if (code == RV_OK) {
		sqlite3_stmt *st = db_stmt(rv, "COMMIT");
		if (st && sqlite3_step(st) == SQLITE_DONE)
			return RV_OK;
		code = db_fail(rv, "committing");
	}
	/* Keep the first error's message; the rollback only undoes. */
	sqlite3_exec(rv->db, "ROLLBACK", NULL, NULL, NULL);
	return code;
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_date(sqlite3_stmt *st, int i, rv_date d)
{
	char buf[11];
	if (d == RV_DATE_NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, date_iso(d, buf), -1, SQLITE_TRANSIENT);
}

rv_date db_column_date(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	rv_date d;
	return s && date_parse_iso(s, &d) ? d : RV_DATE_NONE;
}

char *db_column_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? strdup(s) : NULL;
}

int db_step(struct rv *rv, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_fail(rv, "reading");
	return rc;
}

void rv_now(char buf[static 21])
{
	const char *pin = getenv("ROVIEC_NOW");
	if (pin && strlen(pin) == 20 && pin[10] == 'T' && pin[19] == 'Z') {
		memcpy(buf, pin, 21);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* roviec_fold(text): the search folding of text.c, for the FTS triggers. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = text_fold(s);
	if (!f) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, f, -1, free);
}

int db_register_functions(sqlite3 *db)
{
	return sqlite3_create_function_v2(db, "roviec_fold", 1,
	                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                                  NULL, sql_fold, NULL, NULL, NULL);
}

enum rv_code db_fill_rows(struct rv *rv, sqlite3_stmt *st, struct rows *out)
{
	const char *cells[16];
	int n = out->ncols < 16 ? out->ncols : 16;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		if (!rows_add(out, cells))
			return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading a list");
}

void rv_uuid(char out[static 37])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}
