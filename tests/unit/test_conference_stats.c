/* test_conference_stats.c — the per-conference counters of schema version
 * 9 (migrations/0009_conference_stats.sql) and the conference list and
 * follow-up pages that read them.
 *
 * The oracle is the aggregate recomputed from conference_petitions joined
 * to petitions, and the conference list query of schema version 8 (kept
 * here verbatim), checked after each step of a mixed sequence of writes:
 * links, a move to another conference, the workflow moves (answer, rating,
 * extension, close, reject, withdraw, reopen), answers given in the
 * session, CSV and JSON imports and a demo run; for the list, as an
 * administrator (counters) and as scoped users (aggregate), and on another
 * day (overdue depends on today). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference.h"
#include "demo.h"
#include "export.h"
#include "fixture.h"
#include "import.h"
#include "rows.h"
#include "workflow.h"

/* Counter rows that differ from the aggregate over linked petitions, both
 * ways (a conference without a counter row reads as zeros). */
static const char stats_drift[] =
	"WITH truth AS (SELECT cp.conference_id AS id, count(*) AS petitions, count(p.answered) AS answered, "
	"  sum(p.answered IS NOT NULL AND cp.answered_in_session) AS in_session, "
	"  sum(p.answered IS NOT NULL AND p.late_days = 0) AS on_time, "
	"  sum(p.status IN ('received', 'classified', 'assigned', 'in_progress')) AS open, "
	"  count(CASE WHEN p.rating > 0 THEN 1 END) AS rated, coalesce(sum(CASE WHEN p.rating > 0 THEN p.rating END), 0) AS rsum "
	"  FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id GROUP BY cp.conference_id), "
	"kept AS (SELECT conference_id, petitions, answered, in_session, on_time, open, rated, rating_sum "
	"  FROM conference_stats WHERE petitions > 0) "
	"SELECT (SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept)) + "
	"       (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth)) + "
	"       (SELECT count(*) FROM conference_stats WHERE petitions = 0 AND (answered OR in_session OR on_time "
	"        OR open OR rated OR rating_sum))";

/* The same for the open petitions per conference and deadline. */
static const char deadline_drift[] =
	"WITH truth AS (SELECT cp.conference_id, p.deadline, count(*) FROM conference_petitions cp "
	"  JOIN petitions p ON p.id = cp.petition_id WHERE p.deadline IS NOT NULL "
	"  AND p.status IN ('received', 'classified', 'assigned', 'in_progress') GROUP BY 1, 2), "
	"kept AS (SELECT conference_id, deadline, n FROM conference_open_deadlines) "
	"SELECT (SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept)) + "
	"       (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth)) + "
	"       (SELECT count(*) FROM conference_open_deadlines WHERE n <= 0)";

/* Links whose copy of the tracking code is not the petition's. */
static const char code_drift[] =
	"SELECT count(*) FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id "
	"WHERE cp.code IS NOT p.code";

/* conf_list's query before schema version 9: every linked petition. */
static const char old_list[] =
	"SELECT c.id, c.held_on, c.title, z.name, c.chair, count(p.id), count(p.answered), "
	"coalesce(sum(p.status IN ('received', 'classified', 'assigned', 'in_progress') AND p.deadline < ?1), 0), "
	"coalesce(sum(p.answered IS NOT NULL AND p.late_days = 0), 0), "
	"round(avg(CASE WHEN p.rating > 0 THEN p.rating END), 2) "
	"FROM conferences c LEFT JOIN zones z ON z.id = c.zone_id "
	"LEFT JOIN conference_petitions cp ON cp.conference_id = c.id "
	"LEFT JOIN petitions p ON p.id = cp.petition_id AND (?2 = 0 OR (?2 = 1 AND p.enterprise_id = ?3) OR "
	"(?2 = 2 AND (p.lead_agency_id = ?4 OR EXISTS (SELECT 1 FROM petition_agencies pa "
	"WHERE pa.petition_id = p.id AND pa.agency_id = ?4)))) "
	"GROUP BY c.id ORDER BY c.held_on DESC, c.id DESC";

static void append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);
	char *grown = realloc(*buf, *len + n + 1);
	assert_non_null(grown);
	memcpy(grown + *len, s, n + 1);
	*buf = grown;
	*len += n;
}

/* The old query's rows for the acting user, as "a|b|…\n" text. */
static char *old_rows(struct fx *fx, const char *today)
{
	sqlite3 *db = fx_db(fx);
	int scope = 0;
	int64_t enterprise = 0, agency = 0;
	if (fx->as[0]) {
		char *role = fx_text(fx, "SELECT role FROM users WHERE login = ?1", fx->as);
		assert_non_null(role);
		scope = strcmp(role, "enterprise") == 0 ? 1 : strcmp(role, "agency") == 0 ? 2 : 0;
		free(role);
		enterprise = fx_int(fx, "SELECT coalesce(enterprise_id, 0) FROM users WHERE login = ?1", fx->as);
		agency = fx_int(fx, "SELECT coalesce(agency_id, 0) FROM users WHERE login = ?1", fx->as);
	}
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, old_list, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, scope);
	sqlite3_bind_int64(st, 3, enterprise);
	sqlite3_bind_int64(st, 4, agency);
	char *out = NULL;
	size_t len = 0;
	append(&out, &len, "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			append(&out, &len, c ? "|" : "");
			append(&out, &len, v ? v : "∅");
		}
		append(&out, &len, "\n");
	}
	sqlite3_finalize(st);
	return out;
}

static char *list_rows(struct fx *fx)
{
	struct rows *r = NULL;
	FX_OK(fx, conf_list(fx->rv, &r));
	char *out = NULL;
	size_t len = 0;
	append(&out, &len, "");
	for (size_t i = 0; i < r->n; i++) {
		for (int c = 0; c < r->ncols; c++) {
			const char *v = rows_get(r, i, c);
			append(&out, &len, c ? "|" : "");
			append(&out, &len, v ? v : "∅");
		}
		append(&out, &len, "\n");
	}
	rows_free(&r);
	return out;
}

/* Each conference's header (conf_load_head) against the old list's row
 * for it: petitions, answered, overdue, on time, rating; and its pages
 * (conf_page, forward and backward, small pages) against the codes the
 * user sees, in code order. */
static void check_heads(struct fx *fx, const char *old, const char *file, int line)
{
	for (const char *row = old; *row; row = strchr(row, '\n') + 1) {
		char cells[10][64];
		const char *c = row;
		for (int i = 0; i < 10; i++) {
			size_t n = strcspn(c, "|\n");
			snprintf(cells[i], sizeof cells[i], "%.*s", (int)(n < 63 ? n : 63), c);
			c += n + (c[n] == '|');
		}
		const char *id = cells[0];
		struct conference *h = NULL;
		FX_OK(fx, conf_load_head(fx->rv, id, &h));
		const struct conf_progress *g = &h->progress;
		double rating = strcmp(cells[9], "∅") ? strtod(cells[9], NULL) : 0;
		if (g->petitions != atoll(cells[5]) || g->answered != atoll(cells[6]) || g->overdue != atoll(cells[7]) ||
		    g->on_time != atoll(cells[8]) || fabs(floor(g->avg_rating * 100 + 0.5) / 100 - rating) > 1e-9)
			fail_msg("%s:%d: conference %s as %s: header %lld|%lld|%lld|%lld|%.4f, old list %s|%s|%s|%s|%s", file,
			         line, id, fx->as[0] ? fx->as : "admin", (long long)g->petitions, (long long)g->answered,
			         (long long)g->overdue, (long long)g->on_time, g->avg_rating, cells[5], cells[6], cells[7],
			         cells[8], cells[9]);
		/* forward in pages of 3, then backward from the end */
		char got[4096] = "", back[4096] = "", last[RV_CODE_MAX] = "";
		for (bool more = true, first = true; more; first = false) {
			struct followup_row *rows = NULL;
			size_t n = 0;
			FX_OK(fx, conf_page(fx->rv, h->id, first ? NULL : last, false, 3, &rows, &n));
			for (size_t i = 0; i < n; i++)
				snprintf(got + strlen(got), sizeof got - strlen(got), "%s\n", rows[i].code);
			if (n)
				snprintf(last, sizeof last, "%s", rows[n - 1].code);
			more = n == 3;
			conf_rows_free(rows, n);
		}
		for (bool more = true, first = true; more; first = false) {
			struct followup_row *rows = NULL;
			size_t n = 0;
			FX_OK(fx, conf_page(fx->rv, h->id, first ? NULL : last, true, 2, &rows, &n));
			for (size_t i = 0; i < n; i++) {
				size_t len = strlen(rows[i].code) + 1;
				memmove(back + len, back, strlen(back) + 1);
				memcpy(back, rows[i].code, len - 1);
				back[len - 1] = '\n';
			}
			if (n)
				snprintf(last, sizeof last, "%s", rows[n - 1].code);
			more = n == 2;
			conf_rows_free(rows, n);
		}
		struct conference *full = NULL;
		FX_OK(fx, conf_load(fx->rv, id, &full));
		char want[4096] = "";
		for (size_t i = 0; i < full->n; i++)
			snprintf(want + strlen(want), sizeof want - strlen(want), "%s\n", full->rows[i].code);
		assert_int_equal((int64_t)full->n, g->petitions);
		if (strcmp(got, want) || strcmp(back, want))
			fail_msg("%s:%d: conference %s as %s: pages\n%s\nbackward\n%s\nwhole table\n%s", file, line, id,
			         fx->as[0] ? fx->as : "admin", got, back, want);
		conf_free(&full);
		conf_free(&h);
	}
}

/* The counters equal the oracle, and the list equals the old query for an
 * administrator and for scoped users. */
static void check_at(struct fx *fx, const char *today, const char *file, int line)
{
	if (fx_int(fx, stats_drift, NULL) || fx_int(fx, deadline_drift, NULL) || fx_int(fx, code_drift, NULL))
		fail_msg("%s:%d: counters drift: stats %lld, deadlines %lld, codes %lld", file, line,
		         (long long)fx_int(fx, stats_drift, NULL), (long long)fx_int(fx, deadline_drift, NULL),
		         (long long)fx_int(fx, code_drift, NULL));
	char was[64];
	snprintf(was, sizeof was, "%s", fx->as);
	static const char *const users[] = { "", "sxd1", "canon" };
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
		if (users[i][0] && !fx_int(fx, "SELECT count(*) FROM users WHERE login = ?1", users[i]))
			continue; /* a database without the shared users (the demo's) */
		fx_as_at(fx, users[i][0] ? users[i] : NULL, file, line);
		char *want = old_rows(fx, today), *got = list_rows(fx);
		if (strcmp(want, got) != 0)
			fail_msg("%s:%d: conf_list as %s:\n%s\nold query:\n%s", file, line, users[i][0] ? users[i] : "admin",
			         got, want);
		check_heads(fx, want, file, line);
		free(want);
		free(got);
	}
	fx_as_at(fx, was[0] ? was : NULL, file, line);
}
#define check(fx, today) check_at(fx, today, __FILE__, __LINE__)

static int64_t add_conference(struct fx *fx, const char *title, const char *date)
{
	const struct conference_args ca = { .title = title, .date = date, .zone = FX_ZONE_TL };
	int64_t id = 0;
	FX_OK(fx, conf_add(fx->rv, &ca, &id));
	return id;
}

/* The mixed sequence of writes, checked after each step. */
static void test_counters_follow_every_write(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	const char *today = "2026-01-08";
	char a[RV_CODE_MAX], b[RV_CODE_MAX], c[RV_CODE_MAX], d[RV_CODE_MAX], e[RV_CODE_MAX], f[RV_CODE_MAX];
	int64_t one = add_conference(fx, "Đối thoại quý IV", "2025-12-20");
	int64_t two = add_conference(fx, "Đối thoại quý I", "2026-01-05");
	add_conference(fx, "Hội nghị chưa có kiến nghị", "2026-01-06");
	check(fx, today);

	fx_add(fx, FX_TAX_CANON, "Cấp điện", "dien", "2025-12-01", a);
	fx_add(fx, FX_TAX_DATVIET, "Áp lực nước", "nuoc", "2025-12-02", b);
	fx_add(fx, FX_TAX_ANH, "Thuê đất", "dat-dai", "2025-12-03", c);
	fx_add(fx, FX_TAX_CANON, "Hoàn thuế", "thue", "2025-12-04", d);
	fx_add(fx, FX_TAX_DATVIET, "Phòng cháy", "pccc", "2025-12-05", e);
	fx_add(fx, FX_TAX_ANH, "Đường vào KCN", "dat-dai", "2025-12-06", f);
	fx_drive(fx, b, ST_IN_PROGRESS); /* deadline within 3 working days: overdue today */
	fx_drive(fx, c, ST_ANSWERED);
	fx_drive(fx, d, ST_CLOSED);      /* rated 4 */
	const char *one_s = "1", *two_s = "2";
	(void)one;
	(void)two;
	const char *all[] = { a, b, c, d, e, f };
	for (size_t i = 0; i < 6; i++) {
		FX_OK(fx, conf_link(rv, i < 4 ? one_s : two_s, all[i], 0, false));
		check(fx, today);
	}
	/* a move to the other conference, and back with the in-session flag */
	FX_OK(fx, conf_link(rv, two_s, c, 0, false));
	check(fx, today);
	FX_OK(fx, conf_link(rv, one_s, c, 0, true));
	check(fx, today);
	/* the workflow on linked petitions */
	FX_OK(fx, wf_extend(rv, b, 0, "2026-02-27", "Chờ ý kiến"));
	check(fx, today);
	FX_OK(fx, wf_answer(rv, b, 0, "Đã xử lý", "resolved"));
	check(fx, today);
	FX_OK(fx, wf_close(rv, b, 0, "5", NULL));
	check(fx, today);
	FX_OK(fx, wf_close(rv, c, 0, "2", NULL));
	check(fx, today);
	FX_OK(fx, wf_reject(rv, e, 0, "Ngoài thẩm quyền", NULL));
	check(fx, today);
	FX_OK(fx, wf_reopen(rv, d, 0, "Doanh nghiệp phản hồi"));
	check(fx, today);
	FX_OK(fx, wf_withdraw(rv, f, 0, NULL));
	check(fx, today);
	fx_drive(fx, a, ST_IN_PROGRESS);
	check(fx, today);
	FX_OK(fx, conf_answer(rv, two_s, a, "Trả lời tại hội nghị", "resolved"));
	check(fx, today);
	/* a petition recorded for a conference (wf_add links it) */
	struct intake_args in = { .enterprise = FX_TAX_CANON, .title = "Nêu tại hội nghị", .category = "dien",
		                  .received = "2026-01-05", .conference = two_s };
	char g[RV_CODE_MAX];
	FX_OK(fx, wf_add(rv, &in, g));
	fx_drive(fx, g, ST_IN_PROGRESS);
	check(fx, today);
	/* another day: overdue counts move with today, the counters do not */
	fx_reopen(fx, "2026-03-02");
	check(fx, "2026-03-02");
}

/* CSV import links through import_link_conference; linking a petition
 * again on a second import moves it without counting it twice. */
static void test_counters_after_csv_import(void **state)
{
	struct fx *fx = *state;
	add_conference(fx, "Đối thoại quý IV", "2025-12-20");
	add_conference(fx, "Đối thoại quý I", "2026-01-05");
	char path[400];
	snprintf(path, sizeof path, "%s/in.csv", fx->dir);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fputs("Mã số thuế,Nội dung kiến nghị,Lĩnh vực,Ngày tiếp nhận,Cơ quan chủ trì,Cán bộ xử lý,Thời hạn,Hội nghị\n"
	      "0100000001,Cấp điện,dien,01/12/2025,SXD,Nguyễn Văn An,10/12/2025,1\n"
	      "0100000002,Nước sạch,nuoc,02/12/2025,,,,1\n"
	      "0100000003,Thuê đất,dat-dai,03/12/2025,SXD,Lê Văn D,20/01/2026,2\n",
	      out);
	fclose(out);
	struct import_result res = { 0 };
	FX_OK(fx, import_run(fx->rv, &(struct import_options){ .path = path }, &res));
	assert_int_equal(res.added, 3);
	import_result_free(&res);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM conference_petitions", NULL), 3);
	check(fx, "2026-01-08");
}

/* A JSON restore of a database with linked, answered and rated petitions
 * gives the same counters, and so the same list. */
static void test_counters_after_json_import(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	add_conference(fx, "Đối thoại quý IV", "2025-12-20");
	const char *codes[4];
	char buf[4][RV_CODE_MAX];
	for (int i = 0; i < 4; i++) {
		fx_add(fx, FX_TAX_CANON, "Cấp điện", "dien", "2025-12-01", buf[i]);
		codes[i] = buf[i];
	}
	fx_drive(fx, codes[1], ST_IN_PROGRESS);
	fx_drive(fx, codes[2], ST_CLOSED);
	fx_drive(fx, codes[3], ST_ANSWERED);
	for (int i = 0; i < 4; i++)
		FX_OK(fx, conf_link(rv, "1", codes[i], 0, i == 3));
	char *before = list_rows(fx);
	char path[400];
	snprintf(path, sizeof path, "%s/all.json", fx->dir);
	int64_t n = 0;
	FX_OK(fx, export_run(rv, &(struct export_options){ .format = EXPORT_JSON, .path = path }, &n));
	assert_int_equal(n, 4);

	struct fx other = { 0 };
	fx_open(&other, "2026-01-08");
	struct import_result res = { 0 };
	FX_OK(&other, import_run(other.rv, &(struct import_options){ .path = path }, &res));
	import_result_free(&res);
	assert_int_equal(fx_int(&other, "SELECT count(*) FROM conference_petitions", NULL), 4);
	check(&other, "2026-01-08");
	char *after = list_rows(&other);
	assert_string_equal(after, before);
	free(before);
	free(after);
	fx_close(&other);
}

/* The demo links its petitions in its own bulk transactions. */
static void test_counters_after_demo(void **state)
{
	struct fx *fx = *state;
	FX_OK(fx, demo_generate(fx->rv, 300, 7, NULL));
	assert_true(fx_int(fx, "SELECT count(*) FROM conference_petitions", NULL) > 0);
	check(fx, "2026-01-08");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counters_follow_every_write, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_counters_after_csv_import, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_counters_after_json_import, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_counters_after_demo, fx_setup_empty, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
