/* fixture.h — a fresh roviec database per unit test.
 *
 * fx_open() makes a temporary folder (mkdtemp), pins ROVIEC_TODAY, opens a
 * new database there with .create = true and makes the OS login its admin,
 * exactly as `roviec init` does; fx_close() closes it and removes the
 * folder.  fx_as() switches the acting user the way `--as USER` does
 * (users_resolve), fx_reopen() closes and reopens the same file with
 * another "today".  fx_refdata() adds a small, fixed set of parks,
 * agencies, enterprises and users (below) that most tests share.
 *
 * Helpers that can fail assert through cmocka at the caller's line (the
 * macros pass __FILE__/__LINE__), printing the session's message.
 *
 * fx_hash() hashes every table of the database (SELECT * FROM each table
 * in name order, FTS shadow tables included, plus user_version), so a test
 * can prove that a refused operation wrote nothing. */
#ifndef ROVIEC_TEST_FIXTURE_H
#define ROVIEC_TEST_FIXTURE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "petition.h"
#include "rv.h"

struct fx {
	char dir[256];
	char path[300];
	struct rv *rv;
	char as[64];     /* current --as user, "" for the OS login */
};

/* The shared reference data of fx_refdata(). */
#define FX_TAX_CANON "0100000001"   /* Công ty TNHH Canon Việt Nam, KCN Thăng Long */
#define FX_TAX_DATVIET "0100000002" /* Công ty Cổ phần Đất Việt, Khu CNC Hòa Lạc */
#define FX_TAX_ANH "0100000003"     /* Công ty TNHH Ánh Dương, KCN Nội Bài */
#define FX_ZONE_TL "KCN Thăng Long"
#define FX_ZONE_HL "Khu công nghệ cao Hòa Lạc"
#define FX_ZONE_NB "KCN Nội Bài"
/* Agencies: BQL (board), SXD (Sở Xây dựng), STC (Sở Tài chính),
 * EVN (EVN Hà Nội), CA (Công an thành phố).
 * Users: lan (staff), hung (official), sxd1 (agency SXD), evn1 (agency
 * EVN), canon (enterprise Canon), datviet (enterprise Đất Việt). */

void fx_open_at(struct fx *fx, const char *today, const char *file, int line);
void fx_reopen_at(struct fx *fx, const char *today, const char *file, int line);
void fx_close(struct fx *fx);
void fx_as_at(struct fx *fx, const char *login, const char *file, int line);
void fx_refdata_at(struct fx *fx, const char *file, int line);
#define fx_open(fx, today) fx_open_at(fx, today, __FILE__, __LINE__)
#define fx_reopen(fx, today) fx_reopen_at(fx, today, __FILE__, __LINE__)
#define fx_as(fx, login) fx_as_at(fx, login, __FILE__, __LINE__)
#define fx_refdata(fx) fx_refdata_at(fx, __FILE__, __LINE__)

/* Asserts rc == RV_OK, printing the session's message when it is not. */
void fx_ok_at(struct fx *fx, enum rv_code rc, const char *file, int line);
#define FX_OK(fx, expr) fx_ok_at(fx, (expr), __FILE__, __LINE__)

/* Asserts a refusal: code, field and the exact message. */
void fx_fail_at(struct fx *fx, enum rv_code rc, enum rv_code want, const char *field, const char *msg,
                const char *file, int line);
#define FX_FAIL(fx, expr, want, field, msg) fx_fail_at(fx, (expr), want, field, msg, __FILE__, __LINE__)

/* Asserts that the session's message contains needle. */
void fx_msg_has_at(struct fx *fx, const char *needle, const char *file, int line);
#define FX_MSG_HAS(fx, needle) fx_msg_has_at(fx, needle, __FILE__, __LINE__)

/* Adds a petition (title; category code or NULL; received date or NULL for
 * today) from enterprise tax, as the current user; code gets its tracking
 * code. */
void fx_add_at(struct fx *fx, const char *tax, const char *title, const char *category, const char *received,
               char code[static RV_CODE_MAX], const char *file, int line);
#define fx_add(fx, tax, title, cat, rec, code) fx_add_at(fx, tax, title, cat, rec, code, __FILE__, __LINE__)

/* Moves a petition added with a category from `received` to status st by
 * the shortest legal path with standard values (lead SXD, person "Nguyễn
 * Văn An", within 3 working days, result "Đã xử lý", outcome resolved,
 * rating 4, reject reason "Ngoài thẩm quyền"). */
void fx_drive_at(struct fx *fx, const char *code, enum status st, const char *file, int line);
#define fx_drive(fx, code, st) fx_drive_at(fx, code, st, __FILE__, __LINE__)

/* The petition's current status and version (read directly). */
enum status fx_status(struct fx *fx, const char *code);
int64_t fx_version(struct fx *fx, const char *code);

/* The session's own connection (for reading back and for hostile SQL). */
sqlite3 *fx_db(struct fx *fx);
/* A second, plain sqlite3 connection to the same file (no roviec
 * functions, default settings).  Close with sqlite3_close(). */
sqlite3 *fx_plain(struct fx *fx);

/* One value of a query on the session's connection; the text helper
 * returns a malloc'd string, NULL for SQL NULL or no row.  `sql` may
 * contain ?1, bound to arg (text) when arg is not NULL. */
int64_t fx_int(struct fx *fx, const char *sql, const char *arg);
char *fx_text(struct fx *fx, const char *sql, const char *arg);
/* Runs SQL on the session connection; returns the primary sqlite result
 * code (SQLITE_CONSTRAINT, not its extended form). */
int fx_exec(struct fx *fx, const char *sql);

/* Every row of every table (see above), hashed; and the check that no
 * transaction is left open on the session. */
uint64_t fx_hash(struct fx *fx);
void fx_idle_at(struct fx *fx, const char *file, int line);
#define fx_idle(fx) fx_idle_at(fx, __FILE__, __LINE__)

/* All rows of a query as one string: cells separated by '|', rows by
 * '\n' (NULL shown as "∅").  For comparing small result sets exactly.
 * The optional arg binds ?1.  Returns malloc'd text. */
char *fx_rows(sqlite3 *db, const char *sql, const char *arg);

/* setup/teardown for cmocka: a fresh database with fx_refdata(), today
 * 2026-01-08 (a Thursday), state a struct fx *. */
/* Asserts that the page of up to `limit` rows fetched backward (filter f)
 * from row k's cursor `at` holds want[k - limit .. k) (from 0 at the
 * start), in display order, and says whether more lie before it. */
struct pq_filter;
struct pq_cursor;
void fx_page_before(struct fx *fx, const struct pq_filter *f, const struct pq_cursor *at, const int64_t *want, int k,
                    int limit);

int fx_setup(void **state);
int fx_setup_empty(void **state);
int fx_teardown(void **state);

#endif
