/* rv.c — opening a session: the database file, its connection settings,
 * schema creation or upgrade, the calendar, and who is acting. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "rv_internal.h"
#include "users.h"

enum rv_code rv_fail(struct rv *rv, enum rv_code code, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rv->msg, sizeof rv->msg, fmt, ap);
	va_end(ap);
	snprintf(rv->field, sizeof rv->field, "%s", field ? field : "");
	rv->code = code;
	return code;
}

enum rv_code rv_status(const struct rv *rv) { return rv->code; }
const char *rv_message(const struct rv *rv) { return rv->msg; }
const char *rv_field(const struct rv *rv) { return rv->field; }
rv_date rv_today(const struct rv *rv) { return rv->today; }
const struct calendar *rv_calendar(const struct rv *rv) { return rv->cal; }
const char *rv_actor(const struct rv *rv) { return rv->actor; }
const char *rv_os_login(const struct rv *rv) { return rv->os_login; }
enum role rv_role(const struct rv *rv) { return rv->role; }
bool rv_registered(const struct rv *rv) { return rv->registered; }
int64_t rv_actor_agency(const struct rv *rv) { return rv->agency_id; }
int64_t rv_actor_enterprise(const struct rv *rv) { return rv->enterprise_id; }
bool rv_created(const struct rv *rv) { return rv->created; }

void rv_clear_error(struct rv *rv)
{
	rv->code = RV_OK;
	rv->msg[0] = rv->field[0] = '\0';
}

char *rv_default_db_path(void)
{
	const char *env = getenv("ROVIEC_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	char buf[4096];
	if (xdg && *xdg == '/') {
		snprintf(buf, sizeof buf, "%s/roviec/roviec.db", xdg);
	} else {
		const char *home = getenv("HOME");
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : "/";
		}
		snprintf(buf, sizeof buf, "%s/.local/share/roviec/roviec.db", home);
	}
	return strdup(buf);
}

/* Creates the directories above path (mode 0770 on the last). */
static int make_parents(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0770) != 0 && errno != EEXIST) {
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

static char *os_login(void)
{
	struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name)
		return strdup(pw->pw_name);
	char buf[32];
	snprintf(buf, sizeof buf, "uid%ld", (long)geteuid());
	return strdup(buf);
}

/* Connection settings every roviec connection uses: full sync, a busy
 * timeout, foreign keys, and SQLite's defensive mode (WAL: use_wal); a
 * 16 MB page cache for long sessions, SQLite's default 2 MB for one-shot
 * command-line calls. */
static enum rv_code configure(struct rv *rv, bool one_shot)
{
	sqlite3_extended_result_codes(rv->db, 1);
	sqlite3_busy_timeout(rv->db, 10000);
	sqlite3_db_config(rv->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(rv->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	if (db_register_functions(rv->db) != SQLITE_OK)
		return db_fail(rv, "registering functions");
	return db_exec(rv, one_shot ? "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
	                            : "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384; "
	                              "PRAGMA temp_store=MEMORY;");
}

/* WAL mode, switched on once db_migrate() has accepted the file: WAL is a
 * property of the file, and a file that is not roviec's (or is newer)
 * must be left exactly as it was. */
static enum rv_code use_wal(struct rv *rv)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(rv->db, "PRAGMA journal_mode=WAL", -1, &st, NULL) != SQLITE_OK)
		return db_fail(rv, "opening");
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? RV_OK : db_fail(rv, "switching to WAL mode");
}

static enum rv_code open_file(struct rv *rv, const struct rv_open_options *opt)
{
	struct stat sb;
	bool exists = stat(rv->path, &sb) == 0;
	if (!exists && !opt->create)
		return rv_fail(rv, RV_ENOTFOUND, "db", _("database %s does not exist; create it with: roviec init"),
		               rv->path);
	if (!exists && make_parents(rv->path) != 0)
		return rv_fail(rv, RV_EIO, "db", _("cannot create the folder for %s: %s"), rv->path,
		               strerror(errno));
	/* Readable by owner and group only: the file is a government record.
	 * SQLite creates files 0644, so the group's write bit (every roviec
	 * user of a shared file writes to it) is set explicitly; the -wal and
	 * -shm files copy the database file's mode. */
	mode_t old = umask(007);
	int rc = sqlite3_open_v2(rv->path, &rv->db,
	                         SQLITE_OPEN_READWRITE | (opt->create ? SQLITE_OPEN_CREATE : 0) |
	                                 SQLITE_OPEN_NOFOLLOW,
	                         NULL);
	umask(old);
	if (rc != SQLITE_OK)
		return rv_fail(rv, RV_EIO, "db", _("cannot open database %s: %s"), rv->path,
		               rv->db ? sqlite3_errmsg(rv->db) : _("out of memory"));
	if (!exists && chmod(rv->path, 0660) != 0)
		return rv_fail(rv, RV_EIO, "db", _("cannot set the permissions of %s: %s"), rv->path, strerror(errno));
	return configure(rv, opt->one_shot);
}

struct rv *rv_open(const struct rv_open_options *opt)
{
	struct rv *rv = calloc(1, sizeof *rv);
	if (!rv)
		return NULL;
	bool pinned_bad = false;
	rv->today = date_today(&pinned_bad);
	rv->path = opt->path ? strdup(opt->path) : rv_default_db_path();
	rv->os_login = os_login();
	if (!rv->path || !rv->os_login) {
		rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		return rv;
	}
	if (pinned_bad) {
		rv_fail(rv, RV_EINPUT, "ROVIEC_TODAY", _("ROVIEC_TODAY: \"%s\" is not a date (YYYY-MM-DD)"),
		        getenv("ROVIEC_TODAY"));
		return rv;
	}
	if (open_file(rv, opt) != RV_OK)
		return rv;
	if (db_migrate(rv, &rv->created) != RV_OK || use_wal(rv) != RV_OK)
		return rv;
	if (db_load_calendar(rv) != RV_OK)
		return rv;
	/* Whoever creates a database becomes its administrator. */
	if (rv->created && users_make_creator_admin(rv) != RV_OK)
		return rv;
	users_resolve(rv, opt->as_user, opt->allow_unknown);
	return rv;
}

void rv_close(struct rv **prv)
{
	if (!prv || !*prv)
		return;
	struct rv *rv = *prv;
	for (int i = 0; i < RV_STMT_CACHE; i++)
		sqlite3_finalize(rv->cache[i].stmt);
	sqlite3_close(rv->db);
	calendar_free(&rv->cal);
	free(rv->path);
	free(rv->os_login);
	free(rv->actor);
	free(rv);
	*prv = NULL;
}
