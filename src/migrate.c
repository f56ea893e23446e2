/* migrate.c — creating a new database from schema.sql and upgrading older
 * ones in place.
 *
 * PRAGMA user_version is the schema version.  A new (empty) file gets the
 * whole of schema.sql plus the seed data and the current version, in one
 * transaction.  An older file gets each migration after its version, in
 * order, each in its own transaction together with the new user_version, so
 * an interrupted upgrade leaves the file at a consistent earlier version.
 * schema.sql always equals "version 1 plus every migration"; the migration
 * test checks that an upgraded file ends with the same schema. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "i18n.h"
#include "rv_internal.h"

/* A step whose data needs C (hashing) runs `fill` where its script has
 * the line FILL_MARKER: the script before it, fill, then the rest. */
#define FILL_MARKER "-- roviec: backfill"

struct migration {
	int to;          /* the version this step produces */
	const char *const *sql; /* the script, applied on top of version to - 1 */
	enum rv_code (*fill)(struct rv *rv); /* or NULL */
};

/* The migration scripts in migrations/, compiled in like schema.sql. */
extern const char *const roviec_migration_0002;
extern const char *const roviec_migration_0003;
extern const char *const roviec_migration_0004;
extern const char *const roviec_migration_0005;
extern const char *const roviec_migration_0006;
extern const char *const roviec_migration_0007;
extern const char *const roviec_migration_0008;
extern const char *const roviec_migration_0009;
extern const char *const roviec_migration_0010;

/* Ordered: each step takes the database from version to - 1 to `to`. */
static const struct migration migrations[] = {
	{ 2, &roviec_migration_0002, NULL },
	{ 3, &roviec_migration_0003, NULL },
	{ 4, &roviec_migration_0004, NULL },
	{ 5, &roviec_migration_0005, history_backfill },
	{ 6, &roviec_migration_0006, NULL },
	{ 7, &roviec_migration_0007, NULL },
	{ 8, &roviec_migration_0008, NULL },
	{ 9, &roviec_migration_0009, NULL },
	{ 10, &roviec_migration_0010, NULL },
};

#define SCHEMA_VERSION 10

int db_schema_version(void)
{
	return SCHEMA_VERSION;
}

static int read_int(struct rv *rv, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(rv->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static enum rv_code set_version(struct rv *rv, int v)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v);
	return db_exec(rv, sql);
}

static enum rv_code create_schema(struct rv *rv)
{
	enum rv_code code = db_exec(rv, roviec_schema_sql);
	if (code == RV_OK)
		code = db_seed(rv);
	if (code == RV_OK)
		code = set_version(rv, SCHEMA_VERSION);
	return code;
}

/* The script of m, with its fill step where the marker is. */
static enum rv_code run_script(struct rv *rv, const struct migration *m, const char *sql)
{
	const char *mark = m->fill ? strstr(sql, FILL_MARKER) : NULL;
	if (!mark)
		return db_exec(rv, sql);
	char *before = strndup(sql, (size_t)(mark - sql));
	if (!before)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	enum rv_code code = db_exec(rv, before);
	free(before);
	if (code == RV_OK)
		code = m->fill(rv);
	return code == RV_OK ? db_exec(rv, mark) : code;
}

static enum rv_code apply_step(struct rv *rv, const struct migration *m, const char *sql)
{
	enum rv_code code = db_begin(rv);
	if (code != RV_OK)
		return code;
	/* Re-read inside the write lock: another process may have upgraded. */
	if (read_int(rv, "PRAGMA user_version") == m->to - 1) {
		code = run_script(rv, m, sql);
		if (code == RV_OK)
			code = set_version(rv, m->to);
	}
	return db_end(rv, code);
}

enum rv_code db_migrate(struct rv *rv, bool *created)
{
	*created = false;
	int v = read_int(rv, "PRAGMA user_version");
	if (v < 0)
		return db_fail(rv, "reading the schema version");
	if (v > SCHEMA_VERSION)
		return rv_fail(rv, RV_EIO, "db",
		               _("database schema version %d is newer than this roviec knows (%d): upgrade roviec"),
		               v, SCHEMA_VERSION);
	if (v == 0) {
		enum rv_code code = db_begin(rv);
		if (code != RV_OK)
			return code;
		if (read_int(rv, "PRAGMA user_version") == 0) {
			if (read_int(rv, "SELECT count(*) FROM sqlite_schema") != 0)
				code = rv_fail(rv, RV_EINPUT, "db", _("%s is not a roviec database"), rv->path);
			else
				code = create_schema(rv);
			*created = code == RV_OK;
		}
		code = db_end(rv, code);
		if (code != RV_OK)
			return code;
		v = read_int(rv, "PRAGMA user_version");
	}
	for (size_t i = 0; i < sizeof migrations / sizeof migrations[0]; i++) {
		if (migrations[i].to <= v)
			continue;
		enum rv_code code = apply_step(rv, &migrations[i], *migrations[i].sql);
		if (code != RV_OK)
			return code;
	}
	return RV_OK;
}
