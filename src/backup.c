/* backup.c — see backup.h. */
#include "backup.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "rv_internal.h"
#include "verify.h"

enum { COPY_ATTEMPTS = 200, COPY_WAIT_US = 50000 }; /* ~10 s of retries while others hold the lock */

/* True when a and b name the same existing file. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copies every page of src into dst in one step, retrying while either
 * side is busy.  Returns an SQLite result code. */
static int copy_all(sqlite3 *dst, sqlite3 *src, struct backup_info *info)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return sqlite3_errcode(dst);
	int rc = SQLITE_OK;
	for (int attempt = 0; attempt < COPY_ATTEMPTS; attempt++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		usleep(COPY_WAIT_US);
	}
	info->pages = sqlite3_backup_pagecount(b);
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder of path, for syncing a rename. */
static void dir_of(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(out, size, ".");
	else if (slash == path)
		snprintf(out, size, "/");
	else
		snprintf(out, size, "%.*s", (int)(slash - path), path);
}

static int64_t page_size(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int64_t n = 0;
	if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Resets statements of the session left mid-row: one would pin an old
 * snapshot (backup) or hold a read lock the restore must not wait on. */
static void reset_statements(struct rv *rv)
{
	for (sqlite3_stmt *st = sqlite3_next_stmt(rv->db, NULL); st; st = sqlite3_next_stmt(rv->db, st))
		if (sqlite3_stmt_busy(st))
			sqlite3_reset(st);
}

enum rv_code backup_write(struct rv *rv, const char *path, struct backup_info *info)
{
	memset(info, 0, sizeof *info);
	if (!*path)
		return rv_fail(rv, RV_EINPUT, "file", "%s", _("file: the backup needs a file name"));
	if (same_file(path, rv->path))
		return rv_fail(rv, RV_EINPUT, "file", _("file: %s is the database itself"), path);
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return rv_fail(rv, RV_EINPUT, "file", _("file: %s is too long a name"), path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return rv_fail(rv, RV_EIO, "file", _("file: cannot create a file beside %s: %s"), path, strerror(errno));
	int mode_rc = fchmod(fd, 0660);
	close(fd);
	reset_statements(rv);
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_all(dst, rv->db, info);
	const char *err = rc == SQLITE_OK ? NULL : sqlite3_errstr(rc);
	info->bytes = info->pages * page_size(rv->db);
	if (sqlite3_close(dst) != SQLITE_OK && !err)
		err = _("cannot close the copy");
	if (!err && (mode_rc != 0 || fsync_path(tmp, O_RDONLY) != 0 || rename(tmp, path) != 0))
		err = strerror(errno);
	if (err) {
		unlink(tmp);
		return rv_fail(rv, RV_EIO, "file", _("backup: %s: %s"), path, err);
	}
	char dir[PATH_MAX];
	dir_of(path, dir, sizeof dir);
	fsync_path(dir, O_RDONLY | O_DIRECTORY); /* the rename itself; best effort */
	return RV_OK;
}

/* Opens path read-only inside one read transaction (the snapshot that is
 * checked is the one copied). */
static enum rv_code open_candidate(struct rv *rv, const char *path, sqlite3 **out)
{
	*out = NULL;
	if (access(path, R_OK) != 0)
		return rv_fail(rv, RV_ENOTFOUND, "file", _("file: cannot read %s: %s"), path, strerror(errno));
	if (same_file(path, rv->path))
		return rv_fail(rv, RV_EINPUT, "file", _("file: %s is the database itself"), path);
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
		sqlite3_busy_timeout(db, 10000);
		rc = db_register_functions(db);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		rv_fail(rv, RV_EVERIFY, "file", _("restore: %s is not a readable roviec database: %s"), path,
		        sqlite3_errmsg(db));
		sqlite3_close(db);
		return RV_EVERIFY;
	}
	*out = db;
	return RV_OK;
}

enum rv_code backup_restore(struct rv *rv, const char *path, struct backup_info *info)
{
	memset(info, 0, sizeof *info);
	sqlite3 *src = NULL;
	enum rv_code rc = open_candidate(rv, path, &src);
	if (rc)
		return rc;
	int v = verify_schema_version(src);
	if (v > db_schema_version())
		rc = rv_fail(rv, RV_EVERIFY, "file", _("restore: %s has schema version %d, newer than this roviec (%d)"),
		             path, v, db_schema_version());
	struct verify_checkpoint head;
	if (!rc && verify_db(rv, src, NULL, &head) != RV_OK) {
		char why[sizeof rv->msg];
		snprintf(why, sizeof why, "%s", rv->msg);
		rc = rv_fail(rv, RV_EVERIFY, "file", _("restore: %s refused: %s"), path, why);
	}
	info->history = head.rows;
	if (!rc) {
		reset_statements(rv);
		int src_rc = copy_all(rv->db, src, info);
		info->bytes = info->pages * page_size(src);
		if (src_rc != SQLITE_OK)
			rc = rv_fail(rv, RV_EIO, "file", _("restore: copying %s into the database failed: %s"), path,
			             sqlite3_errstr(src_rc));
	}
	sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(src);
	bool created;
	return rc ? rc : db_migrate(rv, &created);
}
