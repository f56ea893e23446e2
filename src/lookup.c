/* lookup.c — the enterprise status lookup (see lookup.h). */
#include "lookup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "pin.h"
#include "rv_internal.h"

/* Drops idle counters, then either reports the code locked or counts one
 * more failure (locking at the limit).  Runs in its own transaction. */
static enum rv_code count_failure(struct rv *rv, const char *code, const char *now, bool *locked, int *minutes)
{
	*locked = false;
	enum rv_code rc = db_begin(rv);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(rv, "DELETE FROM lookup_failures WHERE last_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?1, "
	                               "'-1 day') AND (locked_until IS NULL OR locked_until <= ?1)");
	if (!st)
		return db_end(rv, rv->code);
	db_bind_text(st, 1, now);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_end(rv, db_fail(rv, "cleaning the lookup counters"));
	/* Minutes left on a lock still running, rounded up; NULL when none. */
	st = db_stmt(rv, "SELECT CAST((julianday(locked_until) - julianday(?2)) * 1440 + 0.999 AS INTEGER) "
	                 "FROM lookup_failures WHERE code = ?1 AND locked_until > ?2");
	if (!st)
		return db_end(rv, rv->code);
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, now);
	int r = db_step(rv, st);
	if (r == SQLITE_ROW) {
		*locked = true;
		*minutes = sqlite3_column_int(st, 0);
		if (*minutes < 1)
			*minutes = 1;
	}
	sqlite3_reset(st);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return db_end(rv, rv->code);
	if (*locked)
		return db_end(rv, RV_OK);
	/* A lock that has run out starts the count again. */
	st = db_stmt(rv, "INSERT INTO lookup_failures(code, failures, last_at, locked_until) "
	                 "VALUES (?1, 1, ?2, CASE WHEN ?3 <= 1 THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?2, ?4) END) "
	                 "ON CONFLICT(code) DO UPDATE SET "
	                 "failures = CASE WHEN locked_until IS NULL THEN failures + 1 ELSE 1 END, last_at = ?2, "
	                 "locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failures + 1 ELSE 1 END) >= ?3 "
	                 "THEN strftime('%Y-%m-%dT%H:%M:%SZ', ?2, ?4) END");
	if (!st)
		return db_end(rv, rv->code);
	char lock[32];
	snprintf(lock, sizeof lock, "+%d minutes", LOOKUP_LOCK_MINUTES);
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, now);
	sqlite3_bind_int(st, 3, LOOKUP_MAX_FAILURES);
	db_bind_text(st, 4, lock);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_end(rv, db_fail(rv, "counting a failed lookup"));
	return db_end(rv, RV_OK);
}

/* The PIN hash of the petition with this code; NULL when there is no
 * such petition or it has no PIN.  *id gets its id (0 when none). */
static enum rv_code find_hash(struct rv *rv, const char *code, char **hash, int64_t *id)
{
	*hash = NULL;
	*id = 0;
	sqlite3_stmt *st = db_stmt(rv, "SELECT p.id, pp.hash FROM petitions p "
	                               "LEFT JOIN petition_pins pp ON pp.petition_id = p.id WHERE p.code = ?1");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, code);
	int r = db_step(rv, st);
	if (r == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*hash = db_column_dup(st, 1);
	}
	sqlite3_reset(st);
	return r == SQLITE_ROW || r == SQLITE_DONE ? RV_OK : rv->code;
}

static enum rv_code clear_failures(struct rv *rv, const char *code)
{
	enum rv_code rc = db_begin(rv);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(rv, "DELETE FROM lookup_failures WHERE code = ?1");
	if (!st)
		return db_end(rv, rv->code);
	db_bind_text(st, 1, code);
	return db_end(rv, sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "clearing the lookup counter"));
}

static enum rv_code load_view(struct rv *rv, int64_t id, struct lookup_view *v)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT p.code, p.title, p.status, a.name, a.code, p.received, p.deadline, "
	                               "p.result, p.outcome, p.answered FROM petitions p "
	                               "LEFT JOIN agencies a ON a.id = p.lead_agency_id WHERE p.id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, id);
	int r = db_step(rv, st);
	if (r != SQLITE_ROW)
		return r == SQLITE_DONE ? db_fail(rv, "reading the petition") : rv->code;
	snprintf(v->code, sizeof v->code, "%s", (const char *)sqlite3_column_text(st, 0));
	v->title = db_column_dup(st, 1);
	v->status = (enum status)enum_parse(&status_set, (const char *)sqlite3_column_text(st, 2));
	v->lead_name = db_column_dup(st, 3);
	v->lead_code = db_column_dup(st, 4);
	v->received = db_column_date(st, 5);
	v->deadline = db_column_date(st, 6);
	v->result = db_column_dup(st, 7);
	v->outcome = enum_parse(&outcome_set, (const char *)sqlite3_column_text(st, 8));
	v->answered = db_column_date(st, 9);
	sqlite3_reset(st);
	return RV_OK;
}

enum rv_code lookup_run(struct rv *rv, const char *code, const char *pin, enum lookup_outcome *outcome,
                        struct lookup_view *view, int *minutes_left)
{
	memset(view, 0, sizeof *view);
	view->outcome = -1;
	view->deadline = view->received = view->answered = RV_DATE_NONE;
	*outcome = LOOKUP_NO_MATCH;
	*minutes_left = 0;
	char *c = NULL, *p = NULL, *hash = NULL;
	enum rv_code rc = input_text(rv, "code", code, TEXT_LINE, LIMIT_CODE, true, &c);
	if (!rc)
		rc = input_text(rv, "pin", pin, TEXT_LINE, LOOKUP_PIN_MAX, true, &p);
	if (rc)
		goto out;
	for (char *s = c; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
	char now[21];
	rv_now(now);
	bool locked;
	rc = count_failure(rv, c, now, &locked, minutes_left);
	if (rc || locked) {
		*outcome = LOOKUP_LOCKED;
		goto out;
	}
	int64_t id;
	rc = find_hash(rv, c, &hash, &id);
	if (rc || !pin_verify(hash, p))
		goto out;
	rc = clear_failures(rv, c);
	if (!rc)
		rc = load_view(rv, id, view);
	if (!rc)
		*outcome = LOOKUP_SHOWN;
out:
	if (p)
		explicit_bzero(p, strlen(p));
	free(c);
	free(p);
	free(hash);
	if (rc)
		lookup_view_free(view);
	return rc;
}

void lookup_view_free(struct lookup_view *v)
{
	if (!v)
		return;
	free(v->title);
	free(v->lead_name);
	free(v->lead_code);
	free(v->result);
	memset(v, 0, sizeof *v);
	v->outcome = -1;
	v->deadline = v->received = v->answered = RV_DATE_NONE;
}
