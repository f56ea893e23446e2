/* verify.h — checking a roviec database: SQLite's integrity and
 * foreign-key checks, the history hash chain (history.h) and the
 * append-only triggers; checkpoints kept outside the database.
 *
 * A checkpoint is the number of history rows, the highest id and its hash.
 * Kept elsewhere (printed, mailed, in another system), it lets a later
 * verify prove that the history it saw is still there unchanged: a
 * truncated tail or a chain rewritten from some row on no longer reaches
 * the same head.  Its text form is one line,
 *     roviec-checkpoint rows=N id=ID sha256=HEX
 * and its JSON form {"rows": N, "head_id": ID, "sha256": "HEX"}. */
#ifndef ROVIEC_VERIFY_H
#define ROVIEC_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "history.h"
#include "rv.h"

struct verify_checkpoint {
	int64_t rows;
	int64_t id; /* 0 for an empty history */
	unsigned char hash[HISTORY_HASH_LEN];
};

/* Checks the database open on db (the session's own connection, or a file
 * about to be restored) and fills *head with what it walked.  Returns
 * RV_OK; RV_EVERIFY with the first problem on rv ("history row 12
 * (KN-2026-00003): …"); or RV_EIO when it could not read.  against, when
 * not NULL, must be reached exactly.  Streams the history (constant
 * memory).  A database older than schema 5 has no chain: only SQLite's
 * checks and the triggers apply. */
enum rv_code verify_db(struct rv *rv, sqlite3 *db, const struct verify_checkpoint *against,
                       struct verify_checkpoint *head);

/* PRAGMA user_version of db, or -1 when it cannot be read. */
int verify_schema_version(sqlite3 *db);

/* Reads a checkpoint in either form; RV_EINPUT naming the text when it is
 * neither. */
enum rv_code verify_parse_checkpoint(struct rv *rv, const char *text, struct verify_checkpoint *cp);

/* The one-line text form, without newline. */
void verify_format_checkpoint(const struct verify_checkpoint *cp, char *buf, size_t size);

#endif
