/* fixture.c — see fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query.h"
#include "refdata.h"
#include "rv_internal.h"
#include "users.h"
#include "workflow.h"

void fx_ok_at(struct fx *fx, enum rv_code rc, const char *file, int line)
{
	if (rc != RV_OK) {
		print_error("expected RV_OK, got %d: %s\n", (int)rc, fx->rv ? rv_message(fx->rv) : "(no session)");
		_fail(file, line);
	}
}

void fx_fail_at(struct fx *fx, enum rv_code rc, enum rv_code want, const char *field, const char *msg,
                const char *file, int line)
{
	if (rc != want) {
		print_error("expected code %d, got %d: %s\n", (int)want, (int)rc, rv_message(fx->rv));
		_fail(file, line);
	}
	_assert_int_equal((LargestIntegralType)rv_status(fx->rv), (LargestIntegralType)want, file, line);
	if (field)
		_assert_string_equal(rv_field(fx->rv), field, file, line);
	if (msg)
		_assert_string_equal(rv_message(fx->rv), msg, file, line);
	rv_clear_error(fx->rv);
}

void fx_msg_has_at(struct fx *fx, const char *needle, const char *file, int line)
{
	if (!strstr(rv_message(fx->rv), needle)) {
		print_error("message \"%s\" lacks \"%s\"\n", rv_message(fx->rv), needle);
		_fail(file, line);
	}
}

static void open_session(struct fx *fx, bool create, const char *file, int line)
{
	struct rv_open_options o = { .path = fx->path, .create = create, .allow_unknown = true,
	                             .as_user = fx->as[0] ? fx->as : NULL };
	fx->rv = rv_open(&o);
	_assert_true(fx->rv != NULL, "rv_open", file, line);
	fx_ok_at(fx, rv_status(fx->rv), file, line);
}

void fx_open_at(struct fx *fx, const char *today, const char *file, int line)
{
	memset(fx, 0, sizeof *fx);
	const char *tmp = getenv("TMPDIR");
	snprintf(fx->dir, sizeof fx->dir, "%s/roviec-unit-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	_assert_true(mkdtemp(fx->dir) != NULL, "mkdtemp", file, line);
	snprintf(fx->path, sizeof fx->path, "%s/roviec.db", fx->dir);
	setenv("ROVIEC_TODAY", today, 1);
	open_session(fx, true, file, line);
	_assert_true(rv_created(fx->rv), "rv_created", file, line);
	fx_ok_at(fx, users_make_creator_admin(fx->rv), file, line);
	_assert_int_equal(rv_role(fx->rv), ROLE_ADMIN, file, line);
}

void fx_reopen_at(struct fx *fx, const char *today, const char *file, int line)
{
	rv_close(&fx->rv);
	if (today)
		setenv("ROVIEC_TODAY", today, 1);
	open_session(fx, false, file, line);
}

void fx_close(struct fx *fx)
{
	rv_close(&fx->rv);
	if (!fx->dir[0])
		return;
	DIR *d = opendir(fx->dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char p[600];
		snprintf(p, sizeof p, "%s/%s", fx->dir, e->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	rmdir(fx->dir);
	fx->dir[0] = '\0';
}

void fx_as_at(struct fx *fx, const char *login, const char *file, int line)
{
	snprintf(fx->as, sizeof fx->as, "%s", login ? login : "");
	fx_ok_at(fx, users_resolve(fx->rv, login, false), file, line);
}

void fx_refdata_at(struct fx *fx, const char *file, int line)
{
	struct rv *rv = fx->rv;
	fx_ok_at(fx, zone_add(rv, FX_ZONE_TL), file, line);
	fx_ok_at(fx, zone_add(rv, FX_ZONE_HL), file, line);
	fx_ok_at(fx, zone_add(rv, FX_ZONE_NB), file, line);
	fx_ok_at(fx, agency_add(rv, "Ban Quản lý các Khu công nghệ cao và Khu công nghiệp thành phố Hà Nội", "BQL",
	                        "board"), file, line);
	fx_ok_at(fx, agency_add(rv, "Sở Xây dựng", "SXD", "department"), file, line);
	fx_ok_at(fx, agency_add(rv, "Sở Tài chính", "STC", "department"), file, line);
	fx_ok_at(fx, agency_add(rv, "EVN Hà Nội", "EVN", "utility"), file, line);
	fx_ok_at(fx, agency_add(rv, "Công an thành phố", "CA", "police"), file, line);
	fx_ok_at(fx, enterprise_add(rv, "Công ty TNHH Canon Việt Nam", FX_TAX_CANON, FX_ZONE_TL, NULL), file, line);
	fx_ok_at(fx, enterprise_add(rv, "Công ty Cổ phần Đất Việt", FX_TAX_DATVIET, FX_ZONE_HL, "0912 345 678"),
	         file, line);
	fx_ok_at(fx, enterprise_add(rv, "Công ty TNHH Ánh Dương", FX_TAX_ANH, FX_ZONE_NB, NULL), file, line);
	fx_ok_at(fx, user_add(rv, "lan", "staff", NULL, NULL), file, line);
	fx_ok_at(fx, user_add(rv, "hung", "official", NULL, NULL), file, line);
	fx_ok_at(fx, user_add(rv, "sxd1", "agency", "SXD", NULL), file, line);
	fx_ok_at(fx, user_add(rv, "evn1", "agency", "EVN", NULL), file, line);
	fx_ok_at(fx, user_add(rv, "canon", "enterprise", NULL, FX_TAX_CANON), file, line);
	fx_ok_at(fx, user_add(rv, "datviet", "enterprise", NULL, FX_TAX_DATVIET), file, line);
}

void fx_add_at(struct fx *fx, const char *tax, const char *title, const char *category, const char *received,
               char code[static RV_CODE_MAX], const char *file, int line)
{
	struct intake_args a = { .enterprise = tax, .title = title, .category = category, .received = received };
	fx_ok_at(fx, wf_add(fx->rv, &a, code), file, line);
}

void fx_drive_at(struct fx *fx, const char *code, enum status st, const char *file, int line)
{
	struct rv *rv = fx->rv;
	struct assign_args a = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3" };
	switch (st) {
	case ST_RECEIVED:
		return;
	case ST_CLASSIFIED:
		fx_ok_at(fx, wf_classify(rv, code, 0, "dat-dai"), file, line);
		return;
	case ST_ASSIGNED:
		fx_ok_at(fx, wf_assign(rv, code, 0, &a), file, line);
		return;
	case ST_IN_PROGRESS:
		fx_drive_at(fx, code, ST_ASSIGNED, file, line);
		fx_ok_at(fx, wf_start(rv, code, 0), file, line);
		return;
	case ST_ANSWERED:
		fx_drive_at(fx, code, ST_IN_PROGRESS, file, line);
		fx_ok_at(fx, wf_answer(rv, code, 0, "Đã xử lý", "resolved"), file, line);
		return;
	case ST_CLOSED:
		fx_drive_at(fx, code, ST_ANSWERED, file, line);
		fx_ok_at(fx, wf_close(rv, code, 0, "4", NULL), file, line);
		return;
	case ST_REJECTED:
		fx_ok_at(fx, wf_reject(rv, code, 0, "Ngoài thẩm quyền", NULL), file, line);
		return;
	case ST_WITHDRAWN:
		fx_ok_at(fx, wf_withdraw(rv, code, 0, NULL), file, line);
		return;
	case ST_COUNT:
		break;
	}
	_fail(file, line);
}

sqlite3 *fx_db(struct fx *fx)
{
	return fx->rv->db;
}

sqlite3 *fx_plain(struct fx *fx)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(fx->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("SQL %s: %s\n", sql, sqlite3_errmsg(db));
		return NULL;
	}
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	return st;
}

int64_t fx_int(struct fx *fx, const char *sql, const char *arg)
{
	sqlite3_stmt *st = prep(fx->rv->db, sql, arg);
	assert_non_null(st);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

char *fx_text(struct fx *fx, const char *sql, const char *arg)
{
	sqlite3_stmt *st = prep(fx->rv->db, sql, arg);
	assert_non_null(st);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

int fx_exec(struct fx *fx, const char *sql)
{
	return sqlite3_exec(fx->rv->db, sql, NULL, NULL, NULL) & 0xff;
}

enum status fx_status(struct fx *fx, const char *code)
{
	char *s = fx_text(fx, "SELECT status FROM petitions WHERE code = ?1", code);
	int st = enum_parse(&status_set, s);
	free(s);
	return (enum status)st;
}

int64_t fx_version(struct fx *fx, const char *code)
{
	return fx_int(fx, "SELECT version FROM petitions WHERE code = ?1", code);
}

/* FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211u;
	}
	return h;
}

uint64_t fx_hash(struct fx *fx)
{
	sqlite3 *db = fx->rv->db;
	uint64_t h = 14695981039346656037u;
	int64_t uv = fx_int(fx, "PRAGMA user_version", NULL);
	h = fnv(h, &uv, sizeof uv);
	sqlite3_stmt *tables = prep(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                                "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name", NULL);
	assert_non_null(tables);
	int ntables = 0;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
		h = fnv(h, name, strlen(name) + 1);
		sqlite3_stmt *st = prep(db, sql, NULL);
		assert_non_null(st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				unsigned char type = (unsigned char)sqlite3_column_type(st, c);
				h = fnv(h, &type, 1);
				const void *b = sqlite3_column_blob(st, c);
				int n = sqlite3_column_bytes(st, c);
				if (b && n)
					h = fnv(h, b, (size_t)n);
				h = fnv(h, "\x1f", 1);
			}
			h = fnv(h, "\x1e", 1);
		}
		sqlite3_finalize(st);
		ntables++;
	}
	sqlite3_finalize(tables);
	assert_true(ntables >= 13); /* the schema's tables and the FTS shadows */
	return h;
}

void fx_idle_at(struct fx *fx, const char *file, int line)
{
	_assert_true(sqlite3_get_autocommit(fx->rv->db) != 0, "no open transaction", file, line);
	_assert_int_equal(fx->rv->tx_depth, 0, file, line);
	/* nor a statement left mid-step, which would hold a read transaction
	 * (a stale snapshot, and a WAL that cannot be checkpointed) */
	for (sqlite3_stmt *st = sqlite3_next_stmt(fx->rv->db, NULL); st; st = sqlite3_next_stmt(fx->rv->db, st)) {
		if (sqlite3_stmt_busy(st)) {
			print_error("statement left active: %s\n", sqlite3_sql(st));
			_fail(file, line);
		}
	}
}

char *fx_rows(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = prep(db, sql, arg);
	assert_non_null(st);
	size_t cap = 256, n = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	bool first_row = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = -1; c < sqlite3_column_count(st); c++) {
			const char *s = c < 0 ? (first_row ? "" : "\n") : c == 0 ? "" : "|";
			const char *v = c < 0 ? "" : (const char *)sqlite3_column_text(st, c);
			if (c >= 0 && !v)
				v = "∅";
			size_t need = n + strlen(s) + strlen(v) + 1;
			if (need > cap) {
				while (cap < need)
					cap *= 2;
				out = realloc(out, cap);
				assert_non_null(out);
			}
			n += (size_t)sprintf(out + n, "%s%s", s, v);
		}
		first_row = false;
	}
	sqlite3_finalize(st);
	return out;
}

static int setup(void **state, bool refdata)
{
	struct fx *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	fx_open(fx, "2026-01-08");
	if (refdata)
		fx_refdata(fx);
	*state = fx;
	return 0;
}

int fx_setup(void **state)
{
	return setup(state, true);
}

int fx_setup_empty(void **state)
{
	return setup(state, false);
}

int fx_teardown(void **state)
{
	struct fx *fx = *state;
	if (fx)
		fx_close(fx);
	free(fx);
	return 0;
}

void fx_page_before(struct fx *fx, const struct pq_filter *f, const struct pq_cursor *at, const int64_t *want, int k,
                    int limit)
{
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, f, at, true, limit, &page));
	int first = k - limit < 0 ? 0 : k - limit;
	assert_int_equal(page->n, k - first);
	for (int i = 0; i < page->n; i++)
		assert_int_equal(page->rows[i].id, want[first + i]);
	assert_int_equal(page->more, first > 0);
	pq_page_free(&page);
}
