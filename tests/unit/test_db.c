/* test_db.c — unit tests for opening a database (src/rv.c), its schema and
 * upgrades (src/migrate.c), the connection settings (src/db.c) and what
 * the schema's triggers guarantee: append-only history, petitions never
 * deleted, the search index and the counters kept in step, foreign keys.
 *
 * Refused files first: a SQLite file of another program, a text file, a
 * newer roviec database; each must be left byte for byte as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "query.h"
#include "rv_internal.h"
#include "verify.h"
#include "workflow.h"

/* ---- helpers ---------------------------------------------------------- */

/* The whole file, malloc'd; *len its size. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

static bool exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* Opens path as roviec would for `roviec init` and returns the session
 * (never NULL). */
static struct rv *open_path(const char *path, bool create)
{
	struct rv_open_options o = { .path = path, .create = create, .allow_unknown = true };
	struct rv *rv = rv_open(&o);
	assert_non_null(rv);
	return rv;
}

/* The schema as SQLite holds it, sorted: what "same schema" means. */
static char *schema_of(sqlite3 *db)
{
	return fx_rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name", NULL);
}

static sqlite3 *plain_open(const char *path)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	return db;
}

static int64_t plain_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

/* A path in the fixture's folder. */
static void in_dir(const struct fx *fx, const char *name, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", fx->dir, name);
}

/* ---- refused files ---------------------------------------------------- */

static void test_missing_file_without_create(void **state)
{
	struct fx *fx = *state;
	char path[400];
	in_dir(fx, "none.db", path, sizeof path);
	struct rv *rv = open_path(path, false);
	assert_int_equal(rv_status(rv), RV_ENOTFOUND);
	assert_string_equal(rv_field(rv), "db");
	char msg[600];
	snprintf(msg, sizeof msg, "database %s does not exist; create it with: roviec init", path);
	assert_string_equal(rv_message(rv), msg);
	rv_close(&rv);
	assert_null(rv);
	rv_close(&rv); /* harmless on NULL */
	rv_close(NULL);
	assert_false(exists(path));
}

static void test_foreign_sqlite_file_untouched(void **state)
{
	struct fx *fx = *state;
	char path[400], wal[420];
	in_dir(fx, "other.db", path, sizeof path);
	snprintf(wal, sizeof wal, "%s-wal", path);
	sqlite3 *db = plain_open(path);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE mine(x); INSERT INTO mine VALUES ('của tôi');", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	size_t n0 = 0, n1 = 0;
	char *before = slurp(path, &n0);
	assert_non_null(before);
	for (int create = 0; create < 2; create++) {
		struct rv *rv = open_path(path, create);
		assert_int_equal(rv_status(rv), RV_EINPUT);
		assert_string_equal(rv_field(rv), "db");
		char msg[600];
		snprintf(msg, sizeof msg, "%s is not a roviec database", path);
		assert_string_equal(rv_message(rv), msg);
		rv_close(&rv);
		char *after = slurp(path, &n1);
		assert_int_equal(n1, n0);
		assert_memory_equal(after, before, n0);
		free(after);
		assert_false(exists(wal));
	}
	free(before);
}

static void test_text_file_untouched(void **state)
{
	struct fx *fx = *state;
	char path[400];
	in_dir(fx, "notes.db", path, sizeof path);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("Ghi chú: đây không phải cơ sở dữ liệu.\n", f);
	fclose(f);
	struct rv *rv = open_path(path, true);
	assert_int_equal(rv_status(rv), RV_EIO);
	assert_non_null(strstr(rv_message(rv), "file is not a database"));
	rv_close(&rv);
	size_t n = 0;
	char *after = slurp(path, &n);
	assert_string_equal(after, "Ghi chú: đây không phải cơ sở dữ liệu.\n");
	free(after);
}

static void test_newer_version_refused_untouched(void **state)
{
	struct fx *fx = *state;
	int newer = db_schema_version() + 1;
	rv_close(&fx->rv);
	sqlite3 *db = plain_open(fx->path);
	char sql[80];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA journal_mode = DELETE;", newer);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	size_t n0 = 0, n1 = 0;
	char *before = slurp(fx->path, &n0);
	struct rv *rv = open_path(fx->path, true);
	assert_int_equal(rv_status(rv), RV_EIO);
	assert_string_equal(rv_field(rv), "db");
	char msg[200];
	snprintf(msg, sizeof msg, "database schema version %d is newer than this roviec knows (%d): upgrade roviec",
	         newer, db_schema_version());
	assert_string_equal(rv_message(rv), msg);
	rv_close(&rv);
	char *after = slurp(fx->path, &n1);
	assert_int_equal(n1, n0);
	assert_memory_equal(after, before, n0);
	free(before);
	free(after);
}

static void test_bad_pinned_today(void **state)
{
	struct fx *fx = *state;
	rv_close(&fx->rv);
	setenv("ROVIEC_TODAY", "2026-02-30", 1);
	struct rv *rv = open_path(fx->path, false);
	assert_int_equal(rv_status(rv), RV_EINPUT);
	assert_string_equal(rv_field(rv), "ROVIEC_TODAY");
	assert_string_equal(rv_message(rv), "ROVIEC_TODAY: \"2026-02-30\" is not a date (YYYY-MM-DD)");
	rv_close(&rv);
	fx_reopen(fx, "2026-01-08");
	assert_int_equal(rv_today(fx->rv), date_from_ymd(2026, 1, 8));
}

/* ---- a fresh database ------------------------------------------------- */

static void test_fresh_connection_settings(void **state)
{
	struct fx *fx = *state;
	char *mode = fx_text(fx, "PRAGMA journal_mode", NULL);
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(fx_int(fx, "PRAGMA synchronous", NULL), 2); /* FULL */
	assert_int_equal(fx_int(fx, "PRAGMA foreign_keys", NULL), 1);
	assert_true(fx_int(fx, "PRAGMA busy_timeout", NULL) >= 5000);
	assert_int_equal(fx_int(fx, "PRAGMA user_version", NULL), db_schema_version());
	/* what a second connection sees of the file */
	sqlite3 *db = fx_plain(fx);
	assert_non_null(db);
	assert_int_equal(plain_int(db, "PRAGMA user_version"), db_schema_version());
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	/* seeded: the 16 categories of DOMAIN.md and the 2025–2026 holidays */
	assert_int_equal(plain_int(db, "SELECT count(*) FROM categories"), 16);
	assert_int_equal(plain_int(db, "SELECT count(*) FROM holidays WHERE day LIKE '2026-%' AND kind = 'work'"), 2);
	assert_int_equal(plain_int(db, "SELECT count(*) FROM users WHERE role = 'admin'"), 1);
	sqlite3_close(db);
	/* a government record: owner and group only */
	struct stat sb;
	assert_int_equal(stat(fx->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_true(rv_created(fx->rv));
	assert_string_equal(rv_actor(fx->rv), rv_os_login(fx->rv));
}

static void test_reopen_leaves_version_and_schema(void **state)
{
	struct fx *fx = *state;
	char *schema = schema_of(fx_db(fx));
	uint64_t data = fx_hash(fx);
	for (int i = 0; i < 2; i++) {
		fx_reopen(fx, NULL);
		assert_false(rv_created(fx->rv));
		assert_int_equal(fx_int(fx, "PRAGMA user_version", NULL), db_schema_version());
		char *again = schema_of(fx_db(fx));
		assert_string_equal(again, schema);
		free(again);
		assert_true(fx_hash(fx) == data);
	}
	free(schema);
}

static void test_creates_missing_folders(void **state)
{
	struct fx *fx = *state;
	char path[400];
	in_dir(fx, "a/b/roviec.db", path, sizeof path);
	struct rv *rv = open_path(path, true);
	assert_int_equal(rv_status(rv), RV_OK);
	assert_true(rv_created(rv));
	assert_int_equal(rv_role(rv), ROLE_ADMIN); /* the creator is its admin */
	rv_close(&rv);
	char p[420];
	for (const char *const *f = (const char *const[]){ "a/b/roviec.db-wal", "a/b/roviec.db-shm",
	                                                    "a/b/roviec.db", "a/b", "a", NULL }; *f; f++) {
		in_dir(fx, *f, p, sizeof p);
		if (exists(p))
			assert_int_equal(remove(p), 0);
	}
}

static void test_default_path(void **state)
{
	(void)state;
	setenv("ROVIEC_DB", "/srv/roviec/kn.db", 1);
	char *p = rv_default_db_path();
	assert_string_equal(p, "/srv/roviec/kn.db");
	free(p);
	unsetenv("ROVIEC_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	p = rv_default_db_path();
	assert_string_equal(p, "/data/roviec/roviec.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1); /* not absolute: ignored (XDG spec) */
	setenv("HOME", "/home/lan", 1);
	p = rv_default_db_path();
	assert_string_equal(p, "/home/lan/.local/share/roviec/roviec.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
}

/* ---- upgrades ----------------------------------------------------------- */

/* A database as version 1 of roviec made it, built from the frozen copy of
 * that schema (tests/unit/fixtures/schema-v1.sql), with some data, must
 * upgrade in place to exactly the schema a new database gets. */
static void test_upgrade_from_v1_fixture(void **state)
{
	struct fx *fx = *state;
	const char *root = getenv("ROVIEC_SOURCE_ROOT");
	assert_non_null(root);
	char fixture[600], path[400];
	snprintf(fixture, sizeof fixture, "%s/tests/unit/fixtures/schema-v1.sql", root);
	size_t n = 0;
	char *v1 = slurp(fixture, &n);
	assert_non_null(v1);
	in_dir(fx, "v1.db", path, sizeof path);
	sqlite3 *db = plain_open(path);
	assert_int_equal(db_register_functions(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
	free(v1);
	const char *data =
		"INSERT INTO zones VALUES (1, 'KCN Thăng Long', x'01');"
		"INSERT INTO agencies VALUES (1, 'SXD', 'Sở Xây dựng', 'department', x'01');"
		"INSERT INTO enterprises VALUES (1, 'Canon', '0100000001', 1, NULL, x'01');"
		"INSERT INTO categories VALUES (1, 'dat-dai', 'Đất đai', 'Land', 20);"
		"INSERT INTO users VALUES (1, 'lan', 'staff', NULL, NULL);"
		"INSERT INTO petitions(id, uuid, code, enterprise_id, channel, received, title, category_id, "
		" lead_agency_id, responsible_person, assigned, deadline, original_deadline, status, result, outcome, "
		" answered, late_days, rating, version, created_at, updated_at) VALUES "
		"(1, 'u1', 'KN-2025-00001', 1, 'written', '2025-12-01', 'Đất đai', 1, 1, 'An', '2025-12-01', "
		" '2025-12-10', '2025-12-05', 'closed', 'Xong', 'resolved', '2025-12-12', 2, 4, 5, 't', 't'),"
		"(2, 'u2', 'KN-2025-00002', 1, 'written', '2025-12-02', 'Điện', 1, 1, 'An', '2025-12-02', "
		" '2025-12-20', '2025-12-20', 'assigned', NULL, NULL, NULL, NULL, NULL, 2, 't', 't');"
		"INSERT INTO extensions VALUES (1, 1, '2025-12-05', '2025-12-10', 'Chờ', 'hung', 't');"
		"INSERT INTO history(petition_id, version, at, os_login, actor, action, field, old, new, note) VALUES "
		"(1, 1, 't', 'lan', 'lan', 'create', NULL, NULL, 'KN-2025-00001', NULL),"
		"(2, 1, 't', 'lan', 'lan', 'create', NULL, NULL, 'KN-2025-00002', ''),"
		"(1, 2, 't', 'root', 'hung', 'extend', 'deadline', '2025-12-05', '2025-12-10', 'Chờ');"
		"PRAGMA user_version = 1;";
	assert_int_equal(sqlite3_exec(db, data, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	struct rv *rv = open_path(path, false);
	assert_int_equal(rv_status(rv), RV_OK);
	assert_false(rv_created(rv));
	if (db_schema_version() >= 5) { /* the history that was there got its chain */
		struct verify_checkpoint head;
		assert_int_equal(verify_db(rv, rv->db, NULL, &head), RV_OK);
		assert_int_equal(head.rows, 3);
		assert_int_equal(head.id, 3);
	}
	rv_close(&rv);
	db = plain_open(path);
	assert_int_equal(plain_int(db, "PRAGMA user_version"), db_schema_version());
	char *upgraded = schema_of(db);
	char *fresh = schema_of(fx_db(fx));
	assert_string_equal(upgraded, fresh);
	free(upgraded);
	free(fresh);
	/* the data survived, and the version-2 counters were filled from it */
	assert_int_equal(plain_int(db, "SELECT count(*) FROM petitions"), 2);
	if (db_schema_version() >= 2) {
		char *stats = fx_rows(db, "SELECT agency_id, assigned, answered, on_time, late_sum, extensions, rated, "
		                          "rating_sum FROM agency_stats", NULL);
		assert_string_equal(stats, "1|2|1|0|2|1|1|4");
		free(stats);
	}
	sqlite3_close(db);
	/* reopening the upgraded file changes nothing */
	rv = open_path(path, false);
	assert_int_equal(rv_status(rv), RV_OK);
	rv_close(&rv);
}

/* ---- triggers ----------------------------------------------------------- */

static void test_history_is_append_only(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Lịch sử", "dat-dai", NULL, code);
	fx_drive(fx, code, ST_ASSIGNED);
	uint64_t before = fx_hash(fx);
	/* through the session's own connection */
	assert_int_equal(fx_exec(fx, "UPDATE history SET actor = 'ai đó'"), SQLITE_CONSTRAINT);
	assert_string_equal(sqlite3_errmsg(fx_db(fx)), "history is append-only: rows cannot be changed");
	assert_int_equal(fx_exec(fx, "DELETE FROM history WHERE id = 1"), SQLITE_CONSTRAINT);
	assert_string_equal(sqlite3_errmsg(fx_db(fx)), "history is append-only: rows cannot be deleted");
	assert_int_equal(fx_exec(fx, "DELETE FROM petitions"), SQLITE_CONSTRAINT);
	assert_string_equal(sqlite3_errmsg(fx_db(fx)), "petitions are never deleted: withdraw or reject instead");
	/* through a plain sqlite3 connection, as the sqlite3 shell would */
	sqlite3 *db = fx_plain(fx);
	assert_non_null(db);
	assert_int_equal(sqlite3_exec(db, "UPDATE history SET note = 'sửa' WHERE id = 2", NULL, NULL, NULL),
	                 SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM history", NULL, NULL, NULL), SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM petitions WHERE id = 1", NULL, NULL, NULL), SQLITE_CONSTRAINT);
	/* and the shell cannot change what the search index folds */
	assert_int_equal(sqlite3_exec(db, "UPDATE petitions SET title = 'khác'", NULL, NULL, NULL), SQLITE_ERROR);
	sqlite3_close(db);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

static void test_foreign_keys_enforced(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	assert_int_equal(fx_exec(fx, "INSERT INTO enterprises(name, tax_code, zone_id, sort_key) "
	                             "VALUES ('Ma', '0100000099', 999, x'01')"), SQLITE_CONSTRAINT);
	assert_int_equal(sqlite3_extended_errcode(fx_db(fx)), SQLITE_CONSTRAINT_FOREIGNKEY);
	assert_int_equal(fx_exec(fx, "INSERT INTO petition_agencies VALUES (999, 1)"), SQLITE_CONSTRAINT);
	assert_int_equal(fx_exec(fx, "DELETE FROM zones"), SQLITE_CONSTRAINT);
	assert_int_equal(fx_exec(fx, "UPDATE users SET agency_id = 999 WHERE login = 'sxd1'"), SQLITE_CONSTRAINT);
	assert_true(fx_hash(fx) == before);
}

/* A long-lived session (the terminal UI) sees what other processes write,
 * and can write after them: none of its statements may be left holding a
 * read transaction (a stale snapshot) between operations. */
static void test_session_sees_other_writers(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], other[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Hai phiên", "dat-dai", NULL, code);
	/* session A reads in every way it can */
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, PETITION_WITH_HISTORY, &p));
	petition_free(&p);
	struct pq_filter f;
	pq_filter_init(&f);
	f.agency = "SXD";
	f.zone = FX_ZONE_TL;
	f.category = "dat-dai";
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	pq_filter_init(&f);
	f.enterprise = FX_TAX_CANON;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	assert_int_equal(n, 1);
	FX_FAIL(fx, wf_start(fx->rv, code, 0), RV_EINPUT, "status", NULL);
	fx_as(fx, "lan");
	fx_as(fx, NULL);
	fx_idle(fx);
	/* session B, another process, writes */
	struct rv_open_options o = { .path = fx->path, .as_user = "hung" };
	struct rv *b = rv_open(&o);
	assert_int_equal(rv_status(b), RV_OK);
	assert_int_equal(wf_classify(b, code, 1, "dien"), RV_OK);
	struct intake_args in = { .enterprise = FX_TAX_CANON, .title = "Của phiên B" };
	assert_int_equal(wf_add(b, &in, other), RV_OK);
	rv_close(&b);
	/* A sees both writes, and writes on top of them */
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	assert_int_equal(p->status, ST_CLASSIFIED);
	assert_int_equal(p->version, 2);
	assert_string_equal(p->category, "dien");
	petition_free(&p);
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	assert_int_equal(n, 2);
	struct assign_args a = { .lead = "EVN", .person = "An", .within = "3" };
	FX_OK(fx, wf_assign(fx->rv, code, 2, &a));
	fx_idle(fx);
}

static int64_t search_count(struct fx *fx, const char *text)
{
	struct pq_filter f;
	pq_filter_init(&f);
	f.search = text;
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	return n;
}

static void test_search_index_in_step(void **state)
{
	struct fx *fx = *state;
	char a[RV_CODE_MAX], b[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Cấp nước sạch", "nuoc", NULL, a);
	struct intake_args in = { .enterprise = FX_TAX_DATVIET, .title = "Thuê đất", .body = "Giải phóng mặt bằng",
		                  .category = "dat-dai" };
	FX_OK(fx, wf_add(fx->rv, &in, b));
	assert_int_equal(search_count(fx, "nuoc sach"), 1);
	assert_int_equal(search_count(fx, "giai phong"), 1);
	assert_int_equal(search_count(fx, "canon"), 1);
	assert_int_equal(search_count(fx, "KN-2026-00002"), 1);
	/* title and body change */
	assert_int_equal(fx_exec(fx, "UPDATE petitions SET title = 'Thoát nước mưa', body = 'Ngập úng' WHERE id = 1"),
	                 SQLITE_OK);
	assert_int_equal(search_count(fx, "nuoc sach"), 0);
	assert_int_equal(search_count(fx, "thoat nuoc"), 1);
	assert_int_equal(search_count(fx, "ngap ung"), 1);
	/* the responsible person changes with a re-assignment */
	struct assign_args as = { .lead = "SXD", .person = "Phạm Thị Đào", .within = "3" };
	FX_OK(fx, wf_assign(fx->rv, b, 0, &as));
	assert_int_equal(search_count(fx, "dao"), 1);
	as.person = "Lê Văn Tám";
	FX_OK(fx, wf_assign(fx->rv, b, 0, &as));
	assert_int_equal(search_count(fx, "dao"), 0);
	assert_int_equal(search_count(fx, "tam"), 1);
	/* an enterprise renamed: its petitions are found by the new name only */
	assert_int_equal(fx_exec(fx, "UPDATE enterprises SET name = 'Công ty Hòa Bình' WHERE tax_code = '0100000002'"),
	                 SQLITE_OK);
	assert_int_equal(search_count(fx, "dat viet"), 0);
	assert_int_equal(search_count(fx, "hoa binh"), 1);
	assert_int_equal(search_count(fx, "giai phong"), 1); /* the rest of the row is still indexed */
	/* a rename of an enterprise with no petition touches nothing */
	assert_int_equal(fx_exec(fx, "UPDATE enterprises SET name = 'Ánh Dương mới' WHERE tax_code = '0100000003'"),
	                 SQLITE_OK);
	assert_int_equal(search_count(fx, "anh duong"), 0);
	assert_int_equal(fx_exec(fx, "INSERT INTO petition_search(petition_search, rank) VALUES ('integrity-check', 0)"),
	                 SQLITE_OK);
}

/* open_deadlines (and agency_stats) equal what a direct count over the
 * petitions gives, after a mix of moves. */
static void test_counters_equal_direct_counts(void **state)
{
	struct fx *fx = *state;
	char c[8][RV_CODE_MAX];
	for (int i = 0; i < 8; i++)
		fx_add(fx, i % 2 ? FX_TAX_CANON : FX_TAX_ANH, "Bộ đếm", "dat-dai", NULL, c[i]);
	for (int i = 0; i < 7; i++)
		fx_drive(fx, c[i], ST_ASSIGNED);
	struct assign_args evn = { .lead = "EVN", .person = "Hà", .due = "2026-01-13" };
	FX_OK(fx, wf_assign(fx->rv, c[1], 0, &evn));          /* lead and deadline change */
	FX_OK(fx, wf_extend(fx->rv, c[2], 0, "2026-02-02", "Chờ")); /* deadline moves */
	FX_OK(fx, wf_start(fx->rv, c[3], 0));
	FX_OK(fx, wf_answer(fx->rv, c[3], 0, "Xong", "resolved")); /* leaves */
	FX_OK(fx, wf_reject(fx->rv, c[4], 0, "Ngoài phạm vi", NULL));
	FX_OK(fx, wf_answer(fx->rv, c[5], 0, "Xong", "explained"));
	FX_OK(fx, wf_close(fx->rv, c[5], 0, "2", NULL));
	FX_OK(fx, wf_reopen(fx->rv, c[5], 0, "Chưa xong"));        /* comes back */
	FX_OK(fx, wf_withdraw(fx->rv, c[6], 0, NULL));
	FX_OK(fx, wf_reject(fx->rv, c[7], 0, "Trùng", NULL));      /* never had a deadline */
	fx_reopen(fx, "2026-01-16");
	FX_OK(fx, wf_answer(fx->rv, c[1], 0, "Muộn", "declined")); /* late */
	char *counters = fx_rows(fx_db(fx), "SELECT agency_id, deadline, n FROM open_deadlines ORDER BY 1, 2", NULL);
	char *direct = fx_rows(fx_db(fx),
	                       "SELECT lead_agency_id, deadline, count(*) FROM petitions WHERE status IN "
	                       "('received', 'classified', 'assigned', 'in_progress') AND lead_agency_id IS NOT NULL "
	                       "AND deadline IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", NULL);
	assert_string_equal(counters, direct);
	assert_string_equal(counters, "2|2026-01-12|2\n2|2026-02-02|1"); /* SXD: c0, c5; c2 extended */
	free(counters);
	free(direct);
	if (db_schema_version() >= 2) {
		char *stats = fx_rows(fx_db(fx), "SELECT agency_id, assigned, answered, on_time, late_sum, extensions, "
		                                 "rated, rating_sum FROM agency_stats WHERE assigned > 0 ORDER BY 1", NULL);
		char *want = fx_rows(fx_db(fx),
		                     "SELECT lead_agency_id, count(*), count(answered), "
		                     "sum(answered IS NOT NULL AND coalesce(late_days, 0) = 0), "
		                     "sum(CASE WHEN answered IS NOT NULL THEN late_days ELSE 0 END), "
		                     "(SELECT count(*) FROM extensions x JOIN petitions q ON q.id = x.petition_id "
		                     " WHERE q.lead_agency_id = p.lead_agency_id), count(rating), coalesce(sum(rating), 0) "
		                     "FROM petitions p WHERE lead_agency_id IS NOT NULL GROUP BY 1 ORDER BY 1", NULL);
		assert_string_equal(stats, want);
		free(stats);
		free(want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_file_without_create, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_foreign_sqlite_file_untouched, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text_file_untouched, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_newer_version_refused_untouched, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_bad_pinned_today, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_fresh_connection_settings, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_reopen_leaves_version_and_schema, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_creates_missing_folders, fx_setup_empty, fx_teardown),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test_setup_teardown(test_upgrade_from_v1_fixture, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_history_is_append_only, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_foreign_keys_enforced, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_session_sees_other_writers, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_index_in_step, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_counters_equal_direct_counts, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
