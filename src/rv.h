/* rv.h — a roviec session: one open database, who is acting, and today.
 *
 * Every core operation takes a struct rv *.  It owns the only sqlite3
 * connection, the working-day calendar loaded from the holidays table, the
 * pinned "today", the acting user and the last error.  Operations return an
 * enum rv_code; on failure the session's error holds a one-line message a
 * person can act on, naming the field and the value ("deadline: 31/02/2026
 * is not a date"), and nothing has been written.
 *
 * The error codes are the process exit statuses of the command line. */
#ifndef ROVIEC_RV_H
#define ROVIEC_RV_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "enums.h"

enum rv_code {
	RV_OK = 0,
	RV_EIO = 1,       /* internal or I/O error */
	RV_EINPUT = 2,    /* bad usage or input */
	RV_ENOTFOUND = 3, /* no such petition, agency, … */
	RV_ECONFLICT = 4, /* changed by someone else since, or a duplicate */
	RV_EPERM = 5,     /* not permitted for this role */
	RV_EVERIFY = 6,   /* the database or its history failed verification */
};

struct rv;

struct rv_open_options {
	const char *path;     /* database file; NULL → rv_default_db_path() */
	const char *as_user;  /* --as USER (honoured only for an admin), or NULL */
	bool create;          /* create the file and schema when missing */
	bool allow_unknown;   /* open even when the OS login is not a registered user */
	bool one_shot;        /* one command-line call: a small page cache, which a
	                       * cold process fills no further than one question
	                       * needs (the terminal UI keeps the large one) */
};

/* Opens (and if asked creates or upgrades) the database and resolves the
 * acting user.  On failure returns NULL only when out of memory; otherwise
 * returns a session whose rv_status() is not RV_OK, to be reported and
 * freed.  Never prints. */
struct rv *rv_open(const struct rv_open_options *opt);
void rv_close(struct rv **rv);

/* The default database: $ROVIEC_DB, else $XDG_DATA_HOME/roviec/roviec.db,
 * else ~/.local/share/roviec/roviec.db.  Returns malloc'd path or NULL. */
char *rv_default_db_path(void);

/* The last error: code, message (one line, no trailing newline) and the
 * field it concerns ("" when none).  The message is valid until the next
 * call on this session. */
enum rv_code rv_status(const struct rv *rv);
const char *rv_message(const struct rv *rv);
const char *rv_field(const struct rv *rv);
void rv_clear_error(struct rv *rv);

/* Records an error on the session and returns code.  field may be NULL. */
enum rv_code rv_fail(struct rv *rv, enum rv_code code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

rv_date rv_today(const struct rv *rv);
const struct calendar *rv_calendar(const struct rv *rv);

/* The acting user: login, role, and (for agency/enterprise roles) the id of
 * the agency or enterprise they belong to (0 otherwise).  os_login is the
 * operating-system login that runs the program. */
const char *rv_actor(const struct rv *rv);
const char *rv_os_login(const struct rv *rv);
enum role rv_role(const struct rv *rv);
bool rv_registered(const struct rv *rv);
int64_t rv_actor_agency(const struct rv *rv);
int64_t rv_actor_enterprise(const struct rv *rv);

/* True when the database was created by this rv_open() call. */
bool rv_created(const struct rv *rv);

#endif
