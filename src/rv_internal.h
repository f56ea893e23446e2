/* rv_internal.h — the session's insides, for core modules only.
 *
 * The UI never includes this: it reaches data through the public headers.
 * Statements are prepared once per session and cached by the address of
 * their SQL text (always a string literal), so hot paths do not re-parse. */
#ifndef ROVIEC_RV_INTERNAL_H
#define ROVIEC_RV_INTERNAL_H

#include <sqlite3.h>

#include "rv.h"

#define RV_STMT_CACHE 96

struct rv {
	sqlite3 *db;
	struct calendar *cal;
	rv_date today;
	char *path;
	char *os_login;
	char *actor;
	enum role role;
	bool registered;
	bool created;
	int64_t agency_id;
	int64_t enterprise_id;
	int tx_depth;
	enum rv_code code;
	char field[48];
	char msg[1024];
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[RV_STMT_CACHE];
};

/* A cached prepared statement for sql (a string literal), reset and with
 * its bindings cleared.  NULL on error (recorded on the session). */
sqlite3_stmt *db_stmt(struct rv *rv, const char *sql);

/* Records the connection's last error as RV_EIO (or RV_ECONFLICT for a
 * constraint that says UNIQUE) with `what` as context; returns the code.
 * `what` is an English msgid ("adding a user"), translated here: a string
 * literal is extracted for po/ as it is (po/meson.build makes db_fail an
 * xgettext keyword); anything else must be marked N_() where it is written. */
enum rv_code db_fail(struct rv *rv, const char *what);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  db_begin retries while another
 * process holds the write lock (busy timeout, then a bounded retry loop),
 * so people never see "database is locked".  db_end commits when code is
 * RV_OK and rolls back otherwise; it returns the final code. */
enum rv_code db_begin(struct rv *rv);
enum rv_code db_end(struct rv *rv, enum rv_code code);

/* Runs SQL without results (schema, pragmas). */
enum rv_code db_exec(struct rv *rv, const char *sql);

/* Convenience binders: NULL strings bind as SQL NULL; RV_DATE_NONE too. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
void db_bind_date(sqlite3_stmt *st, int i, rv_date d);
rv_date db_column_date(sqlite3_stmt *st, int i);
/* A malloc'd copy of a text column, NULL for SQL NULL. */
char *db_column_dup(sqlite3_stmt *st, int i);

/* Steps a statement expected to return no row or one row: SQLITE_ROW or
 * SQLITE_DONE, or records an error and returns the sqlite code. */
int db_step(struct rv *rv, sqlite3_stmt *st);

/* Appends every row of st (as text) to out, which has as many columns as
 * st returns.  Returns RV_OK or the recorded error. */
struct rows;
enum rv_code db_fill_rows(struct rv *rv, sqlite3_stmt *st, struct rows *out);

/* Binds the acting user's visibility scope at ?first..?first+2 (scope
 * kind: 0 all, 1 own enterprise, 2 own agency as lead or coordinating;
 * enterprise id; agency id).  See petition.c's load query. */
void petition_bind_scope(struct rv *rv, sqlite3_stmt *st, int first);

/* That scope kind: 0 when the acting user sees every petition (counter
 * tables kept over all petitions then answer for them). */
int petition_scope(const struct rv *rv);

/* The visibility clause those parameters feed, for petitions aliased p:
 * "WHERE … AND " RV_SCOPE_SQL. */
#define RV_SCOPE_SQL \
	"(?2 = 0 OR (?2 = 1 AND p.enterprise_id = ?3) OR (?2 = 2 AND (p.lead_agency_id = ?4 OR " \
	"EXISTS (SELECT 1 FROM petition_agencies pa WHERE pa.petition_id = p.id AND pa.agency_id = ?4))))"

/* A new random UUID in canonical lower-case form (libuuid). */
void rv_uuid(char out[static 37]);

/* The current UTC timestamp 'YYYY-MM-DDTHH:MM:SSZ' ($ROVIEC_NOW pins it). */
void rv_now(char buf[static 21]);

/* Schema: create or upgrade (migrate.c), seed data (seed.c). */
extern const char *const roviec_schema_sql;
enum rv_code db_migrate(struct rv *rv, bool *created);
enum rv_code db_seed(struct rv *rv);
enum rv_code db_load_calendar(struct rv *rv);
int db_schema_version(void);

/* Registers roviec's SQL functions (roviec_fold) on a connection. */
int db_register_functions(sqlite3 *db);

#endif
