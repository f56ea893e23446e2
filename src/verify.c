/* verify.c — see verify.h.
 *
 * The checks run in the order a reader trusts them: the file's pages
 * (integrity_check), the references between tables (foreign_key_check),
 * the history chain, then the triggers that keep history append-only.
 * The first problem found is the answer; the chain walk stops at the
 * first row that does not match, since every later hash depends on it. */
#include "verify.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rv_internal.h"
#include "text.h"

int verify_schema_version(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static enum rv_code read_fail(struct rv *rv, sqlite3 *db, const char *what)
{
	return rv_fail(rv, RV_EIO, "db", _("verify: %s: %s"), what, sqlite3_errmsg(db));
}

/* PRAGMA integrity_check: its first line, which is "ok" when all is well. */
static enum rv_code check_integrity(struct rv *rv, sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &st, NULL) != SQLITE_OK)
		return read_fail(rv, db, "integrity_check");
	enum rv_code rc = RV_OK;
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = rv_fail(rv, RV_EVERIFY, "integrity", _("integrity: the file is damaged: %s"), sqlite3_errmsg(db));
	else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		rc = rv_fail(rv, RV_EVERIFY, "integrity", _("integrity: the file is damaged: %s"),
		             (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

static enum rv_code check_foreign_keys(struct rv *rv, sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return read_fail(rv, db, "foreign_key_check");
	enum rv_code rc = RV_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		rc = rv_fail(rv, RV_EVERIFY, "foreign_keys", _("foreign keys: %s row %lld refers to a missing %s row"),
		             (const char *)sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
		             (const char *)sqlite3_column_text(st, 2));
	else if (step != SQLITE_DONE)
		rc = read_fail(rv, db, "foreign_key_check");
	sqlite3_finalize(st);
	return rc;
}

static enum rv_code check_triggers(struct rv *rv, sqlite3 *db)
{
	static const char *const names[] = { "history_no_update", "history_no_delete", "history_no_replace" };
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return read_fail(rv, db, "reading the schema");
	enum rv_code rc = RV_OK;
	for (size_t i = 0; !rc && i < sizeof names / sizeof names[0]; i++) {
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		int step = sqlite3_step(st);
		if (step == SQLITE_DONE)
			rc = rv_fail(rv, RV_EVERIFY, "triggers",
			             _("triggers: %s is missing, so history is no longer append-only"), names[i]);
		else if (step != SQLITE_ROW)
			rc = read_fail(rv, db, "reading the schema");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* "KN-2026-00003" for a petition id, or "petition 7" when it is gone. */
static void petition_name(sqlite3 *db, int64_t pid, char *buf, size_t size)
{
	sqlite3_stmt *st = NULL;
	snprintf(buf, size, _("petition %lld"), (long long)pid);
	if (sqlite3_prepare_v2(db, "SELECT code FROM petitions WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, pid);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
}

/* Why the row `id` (hash h of hlen bytes) does not continue the chain
 * whose last good row is prev_id. */
static enum rv_code broken_row(struct rv *rv, sqlite3 *db, int64_t id, int64_t pid, int64_t prev_id, const void *h,
                               int hlen)
{
	char who[80];
	petition_name(db, pid, who, sizeof who);
	if (!h)
		return rv_fail(rv, RV_EVERIFY, "history",
		               _("history row %lld (%s): it has no hash, so it was written outside roviec"), (long long)id, who);
	if (hlen != HISTORY_HASH_LEN)
		return rv_fail(rv, RV_EVERIFY, "history", _("history row %lld (%s): its hash is not a SHA-256 value"),
		               (long long)id, who);
	if (id == prev_id + 2)
		return rv_fail(rv, RV_EVERIFY, "history",
		               _("history row %lld (%s): row %lld before it is missing (deleted), or this row was changed"),
		               (long long)id, who, (long long)prev_id + 1);
	if (id != prev_id + 1)
		return rv_fail(rv, RV_EVERIFY, "history",
		               _("history row %lld (%s): rows %lld–%lld"
		                 " before it are missing (deleted), or this row was changed"),
		               (long long)id, who, (long long)prev_id + 1, (long long)id - 1);
	return rv_fail(rv, RV_EVERIFY, "history",
	               _("history row %lld (%s): its content does not match its hash: this row was changed, "
	                 "or the row before it was changed or removed"),
	               (long long)id, who);
}

/* The checkpoint's row reached at id with hash h after rows rows. */
static enum rv_code check_against(struct rv *rv, const struct verify_checkpoint *cp, int64_t rows,
                                  const unsigned char *h)
{
	if (memcmp(h, cp->hash, HISTORY_HASH_LEN) != 0)
		return rv_fail(rv, RV_EVERIFY, "history",
		               _("history row %lld differs from the checkpoint: history up to it was rewritten"),
		               (long long)cp->id);
	if (rows != cp->rows)
		return rv_fail(rv, RV_EVERIFY, "history",
		               _("history has %lld rows up to row %lld where the checkpoint has %lld"),
		               (long long)rows, (long long)cp->id, (long long)cp->rows);
	return RV_OK;
}

/* Walks the chain in id order; fills *head. */
static enum rv_code walk_chain(struct rv *rv, sqlite3 *db, const struct verify_checkpoint *cp,
                               struct verify_checkpoint *head)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT id, petition_id, version, at, os_login, actor, action, field, old, new, note, "
	                           "hash FROM history ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return read_fail(rv, db, "reading history");
	memset(head, 0, sizeof *head);
	bool reached = !cp || cp->id == 0;
	enum rv_code rc = RV_OK;
	int step;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		struct history_cell cells[HISTORY_COLS];
		history_stmt_cells(st, 0, cells);
		unsigned char h[HISTORY_HASH_LEN];
		history_hash_cells(head->hash, cells, h);
		const void *stored = sqlite3_column_blob(st, HISTORY_COLS);
		int len = sqlite3_column_bytes(st, HISTORY_COLS);
		if (!stored || len != HISTORY_HASH_LEN || memcmp(stored, h, HISTORY_HASH_LEN) != 0) {
			rc = broken_row(rv, db, id, sqlite3_column_int64(st, 1), head->id, stored, len);
			break;
		}
		if (cp && !reached && id >= cp->id) {
			reached = true;
			rc = id == cp->id ? check_against(rv, cp, head->rows + 1, h)
			                  : rv_fail(rv, RV_EVERIFY, "history",
			                            _("history row %lld of the checkpoint is missing"), (long long)cp->id);
		}
		head->rows++;
		head->id = id;
		memcpy(head->hash, h, HISTORY_HASH_LEN);
	}
	if (!rc && step != SQLITE_DONE)
		rc = read_fail(rv, db, "reading history");
	sqlite3_finalize(st);
	if (!rc && !reached)
		rc = rv_fail(rv, RV_EVERIFY, "history",
		             _("history ends at row %lld (%lld rows) but the checkpoint has %lld"
		               " rows up to row %lld: its tail was removed"),
		             (long long)head->id, (long long)head->rows, (long long)cp->rows, (long long)cp->id);
	return rc;
}

enum rv_code verify_db(struct rv *rv, sqlite3 *db, const struct verify_checkpoint *against,
                       struct verify_checkpoint *head)
{
	memset(head, 0, sizeof *head);
	int v = verify_schema_version(db);
	if (v < 1)
		return rv_fail(rv, RV_EVERIFY, "db", _("verify: %s"), _("this is not a roviec database"));
	enum rv_code rc = check_integrity(rv, db);
	if (!rc)
		rc = check_foreign_keys(rv, db);
	if (!rc && v >= 5)
		rc = walk_chain(rv, db, against, head);
	if (!rc && v >= 4)
		rc = check_triggers(rv, db);
	return rc;
}

static bool parse_hex(const char *s, unsigned char out[static HISTORY_HASH_LEN])
{
	for (int k = 0; k < 2 * HISTORY_HASH_LEN; k++) {
		char c = s[k];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		                                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return false;
		out[k / 2] = (unsigned char)(k % 2 ? out[k / 2] | d : d << 4);
	}
	return s[2 * HISTORY_HASH_LEN] == '\0' || s[2 * HISTORY_HASH_LEN] == '\n' ||
	       s[2 * HISTORY_HASH_LEN] == '\r' || s[2 * HISTORY_HASH_LEN] == ' ';
}

static bool parse_json(const char *text, struct verify_checkpoint *cp)
{
	json_t *o = json_loads(text, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, NULL);
	const char *hex = json_string_value(json_object_get(o, "sha256"));
	bool ok = json_is_integer(json_object_get(o, "rows")) && json_is_integer(json_object_get(o, "head_id")) && hex &&
	          strlen(hex) == 2 * HISTORY_HASH_LEN && parse_hex(hex, cp->hash);
	if (ok) {
		cp->rows = json_integer_value(json_object_get(o, "rows"));
		cp->id = json_integer_value(json_object_get(o, "head_id"));
	}
	json_decref(o);
	return ok;
}

enum rv_code verify_parse_checkpoint(struct rv *rv, const char *text, struct verify_checkpoint *cp)
{
	memset(cp, 0, sizeof *cp);
	const char *s = text + strspn(text, " \t\r\n");
	long long rows = -1, id = -1;
	int used = 0;
	bool ok = *s == '{' ? parse_json(s, cp)
	                    : sscanf(s, "roviec-checkpoint rows=%lld id=%lld sha256=%n", &rows, &id, &used) == 2 &&
	                              used > 0 && parse_hex(s + used, cp->hash);
	if (ok && *s != '{') {
		cp->rows = rows;
		cp->id = id;
	}
	if (!ok || cp->rows < 0 || cp->id < 0 || (cp->rows == 0) != (cp->id == 0)) {
		char shown[48];
		snprintf(shown, sizeof shown, "%.40s", s);
		shown[strcspn(shown, "\r\n")] = '\0';
		char *vis = text_visible(shown, false);
		rv_fail(rv, RV_EINPUT, "against",
		        _("against: \"%s\" is not a checkpoint (roviec-checkpoint rows=N id=ID sha256=HEX)"),
		        vis ? vis : "?");
		free(vis);
		return RV_EINPUT;
	}
	return RV_OK;
}

void verify_format_checkpoint(const struct verify_checkpoint *cp, char *buf, size_t size)
{
	char hex[2 * HISTORY_HASH_LEN + 1];
	history_hex(cp->hash, hex);
	snprintf(buf, size, "roviec-checkpoint rows=%lld id=%lld sha256=%s", (long long)cp->rows, (long long)cp->id, hex);
}
