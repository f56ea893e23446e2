/* history.c — the one history writer and its hash chain: see history.h.
 *
 * The canonical encoding is built in a fixed buffer and fed to
 * libsodium's incremental SHA-256, so a row of any size hashes without
 * allocating.  The chain head is read from the table inside the writer's
 * transaction (a rowid lookup), never cached across transactions: another
 * process may have appended since. */
#include "history.h"

#include <sodium.h>
#include <stdbool.h>
#include <string.h>

#include "rv_internal.h"

static void put_u64(unsigned char *b, uint64_t v)
{
	for (int k = 7; k >= 0; k--, v >>= 8)
		b[k] = (unsigned char)(v & 0xFF);
}

/* The encoding goes through a buffer, so a row is one or a few SHA-256
 * updates rather than two per column (each update has a fixed cost that
 * shows at seventeen million rows). */
struct enc {
	crypto_hash_sha256_state st;
	size_t n;
	unsigned char buf[512];
};

static void enc_put(struct enc *e, const void *p, size_t len)
{
	if (e->n + len > sizeof e->buf) {
		crypto_hash_sha256_update(&e->st, e->buf, e->n);
		e->n = 0;
		if (len > sizeof e->buf) {
			crypto_hash_sha256_update(&e->st, p, len);
			return;
		}
	}
	memcpy(e->buf + e->n, p, len);
	e->n += len;
}

void history_hash_cells(const unsigned char prev[static HISTORY_HASH_LEN], const struct history_cell *cells,
                        unsigned char out[static HISTORY_HASH_LEN])
{
	static bool ready;
	if (!ready) /* idempotent; roviec is single-threaded */
		ready = sodium_init() >= 0;
	struct enc e;
	crypto_hash_sha256_init(&e.st);
	e.n = 0;
	enc_put(&e, prev, HISTORY_HASH_LEN);
	for (int c = 0; c < HISTORY_COLS; c++) {
		unsigned char b[9];
		switch (cells[c].type) {
		case HC_NULL:
			b[0] = 'n';
			enc_put(&e, b, 1);
			break;
		case HC_INT:
			b[0] = 'i';
			put_u64(b + 1, (uint64_t)cells[c].i);
			enc_put(&e, b, 9);
			break;
		case HC_TEXT:
			b[0] = 't';
			put_u64(b + 1, (uint64_t)cells[c].len);
			enc_put(&e, b, 9);
			enc_put(&e, cells[c].s, cells[c].len);
			break;
		}
	}
	crypto_hash_sha256_update(&e.st, e.buf, e.n);
	crypto_hash_sha256_final(&e.st, out);
}

static struct history_cell int_cell(int64_t v)
{
	return (struct history_cell){ .type = HC_INT, .i = v };
}

static struct history_cell text_cell(const char *s)
{
	return s ? (struct history_cell){ .type = HC_TEXT, .s = s, .len = strlen(s) }
	         : (struct history_cell){ .type = HC_NULL };
}

void history_row_cells(int64_t id, const struct history_row *r, struct history_cell cells[static HISTORY_COLS])
{
	cells[0] = int_cell(id);
	cells[1] = int_cell(r->petition_id);
	cells[2] = int_cell(r->version);
	cells[3] = text_cell(r->at);
	cells[4] = text_cell(r->os_login);
	cells[5] = text_cell(r->actor);
	cells[6] = text_cell(r->action);
	cells[7] = text_cell(r->field);
	cells[8] = text_cell(r->old);
	cells[9] = text_cell(r->new_);
	cells[10] = text_cell(r->note);
}

enum rv_code history_head(struct rv *rv, struct history_chain *c)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, hash FROM history ORDER BY id DESC LIMIT 1");
	if (!st)
		return rv->code;
	int step = db_step(rv, st);
	if (step == SQLITE_ROW) {
		c->last_id = sqlite3_column_int64(st, 0);
		const void *h = sqlite3_column_blob(st, 1);
		if (h && sqlite3_column_bytes(st, 1) == HISTORY_HASH_LEN)
			memcpy(c->head, h, HISTORY_HASH_LEN);
	}
	sqlite3_reset(st);
	return step == SQLITE_ROW || step == SQLITE_DONE ? RV_OK : rv->code;
}

void history_chain_next(struct history_chain *c, const struct history_row *r, int64_t *id,
                        unsigned char hash[static HISTORY_HASH_LEN])
{
	struct history_cell cells[HISTORY_COLS];
	*id = ++c->last_id;
	history_row_cells(*id, r, cells);
	history_hash_cells(c->head, cells, hash);
	memcpy(c->head, hash, HISTORY_HASH_LEN);
}

enum rv_code history_append(struct rv *rv, const struct history_row *r)
{
	struct history_chain c;
	enum rv_code rc = history_head(rv, &c);
	if (rc)
		return rc;
	int64_t id;
	unsigned char hash[HISTORY_HASH_LEN];
	history_chain_next(&c, r, &id, hash);
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO history(id, petition_id, version, at, os_login, actor, action, "
	                               "field, old, new, note, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, r->petition_id);
	sqlite3_bind_int64(st, 3, r->version);
	const char *text[] = { r->at, r->os_login, r->actor, r->action, r->field, r->old, r->new_, r->note };
	for (int k = 0; k < 8; k++)
		db_bind_text(st, 4 + k, text[k]);
	sqlite3_bind_blob(st, 12, hash, HISTORY_HASH_LEN, SQLITE_TRANSIENT);
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "writing history");
}

enum rv_code history_backfill(struct rv *rv)
{
	sqlite3_stmt *rd = NULL, *wr = NULL;
	enum rv_code rc = RV_OK;
	if (sqlite3_prepare_v2(rv->db, "SELECT id, petition_id, version, at, os_login, actor, action, field, old, new, "
	                               "note, hash FROM history ORDER BY id", -1, &rd, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(rv->db, "UPDATE history SET hash = ?2 WHERE id = ?1", -1, &wr, NULL) != SQLITE_OK)
		rc = db_fail(rv, "preparing the history chain");
	unsigned char prev[HISTORY_HASH_LEN] = { 0 };
	int step = SQLITE_DONE;
	while (!rc && (step = sqlite3_step(rd)) == SQLITE_ROW) {
		struct history_cell cells[HISTORY_COLS];
		history_stmt_cells(rd, 0, cells);
		unsigned char h[HISTORY_HASH_LEN];
		history_hash_cells(prev, cells, h);
		memcpy(prev, h, sizeof h);
		if (sqlite3_column_type(rd, HISTORY_COLS) != SQLITE_NULL)
			continue; /* already chained (a rerun): keep what is there */
		sqlite3_bind_int64(wr, 1, sqlite3_column_int64(rd, 0));
		sqlite3_bind_blob(wr, 2, h, HISTORY_HASH_LEN, SQLITE_STATIC);
		if (sqlite3_step(wr) != SQLITE_DONE)
			rc = db_fail(rv, "chaining history");
		sqlite3_reset(wr);
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_fail(rv, "reading history");
	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	return rc;
}

void history_stmt_cells(sqlite3_stmt *st, int first, struct history_cell cells[static HISTORY_COLS])
{
	for (int c = 0; c < HISTORY_COLS; c++) {
		int col = first + c;
		switch (sqlite3_column_type(st, col)) {
		case SQLITE_NULL:
			cells[c] = (struct history_cell){ .type = HC_NULL };
			break;
		case SQLITE_INTEGER:
			cells[c] = int_cell(sqlite3_column_int64(st, col));
			break;
		default: /* text (STRICT); anything else is hashed as its text, and cannot match */
			cells[c].type = HC_TEXT;
			cells[c].s = (const char *)sqlite3_column_text(st, col);
			cells[c].len = (size_t)sqlite3_column_bytes(st, col);
			if (!cells[c].s)
				cells[c] = (struct history_cell){ .type = HC_NULL };
			break;
		}
	}
}

void history_hex(const unsigned char h[static HISTORY_HASH_LEN], char out[static 2 * HISTORY_HASH_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	for (int k = 0; k < HISTORY_HASH_LEN; k++) {
		out[2 * k] = hex[h[k] >> 4];
		out[2 * k + 1] = hex[h[k] & 15];
	}
	out[2 * HISTORY_HASH_LEN] = '\0';
}
