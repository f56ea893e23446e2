/* history.h — the one writer of petition history, and its hash chain.
 *
 * Every history row is appended here, whoever writes it (workflow,
 * conferences, CSV and JSON import, demo), so every row carries
 *     hash = SHA-256(previous row's hash ‖ canonical encoding of the row)
 * where "previous" is the row with the next lower id (32 zero bytes for the
 * first row).  Rows get ids in increasing order, one above the current
 * highest, so the chain order is the id order.  The canonical encoding
 * lists every column but hash, in table order (id, petition_id, version,
 * at, os_login, actor, action, field, old, new, note): an integer as 'i'
 * and 8 bytes big-endian, a text as 't', its length in 8 bytes big-endian
 * and its bytes, NULL as 'n' — so NULL differs from "", and no value can
 * run into the next.  docs/trust.md says what the chain proves.
 *
 * All writers call this inside the caller's transaction (db_begin), so a
 * row and its hash are committed together and the chain head cannot move
 * underneath. */
#ifndef ROVIEC_HISTORY_H
#define ROVIEC_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "rv.h"

#define HISTORY_HASH_LEN 32
#define HISTORY_COLS 11 /* the columns the hash covers */

/* One history row as its writer knows it (id and hash come from the
 * chain).  Strings are NUL-terminated UTF-8; NULL is SQL NULL. */
struct history_row {
	int64_t petition_id;
	int64_t version;
	const char *at, *os_login, *actor, *action, *field, *old, *new_, *note;
};

/* The head of the chain: the highest id and its hash. */
struct history_chain {
	int64_t last_id;
	unsigned char head[HISTORY_HASH_LEN];
};

/* One column value for the canonical encoding. */
struct history_cell {
	enum { HC_NULL, HC_INT, HC_TEXT } type;
	int64_t i;
	const char *s; /* HC_TEXT: s[0..len), may hold any bytes */
	size_t len;
};

/* hash = SHA-256(prev ‖ encoding of the HISTORY_COLS cells). */
void history_hash_cells(const unsigned char prev[static HISTORY_HASH_LEN], const struct history_cell *cells,
                        unsigned char out[static HISTORY_HASH_LEN]);

/* The cells of row r with id `id`. */
void history_row_cells(int64_t id, const struct history_row *r, struct history_cell cells[static HISTORY_COLS]);

/* The cells of the HISTORY_COLS columns of st starting at column first,
 * as stored (text by its stored bytes); valid until st moves. */
void history_stmt_cells(sqlite3_stmt *st, int first, struct history_cell cells[static HISTORY_COLS]);

/* Reads the current head inside the open transaction (an empty history:
 * id 0 and 32 zero bytes; a head stored without hash chains from zeros,
 * and verify reports it). */
enum rv_code history_head(struct rv *rv, struct history_chain *c);

/* Gives r the id after c's head, computes its hash into hash and makes
 * it the new head.  For batch writers (demo) that insert the row
 * themselves, in the same transaction, with exactly these values. */
void history_chain_next(struct history_chain *c, const struct history_row *r, int64_t *id,
                        unsigned char hash[static HISTORY_HASH_LEN]);

/* Appends one row with its hash (inside the caller's transaction). */
enum rv_code history_append(struct rv *rv, const struct history_row *r);

/* Fills the hash of every row that has none, in id order (the migration
 * to schema 5; the caller has lifted the no-update trigger). */
enum rv_code history_backfill(struct rv *rv);

/* The hash as 64 lower-case hex digits and a NUL. */
void history_hex(const unsigned char h[static HISTORY_HASH_LEN], char out[static 2 * HISTORY_HASH_LEN + 1]);

#endif
