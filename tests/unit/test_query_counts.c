/* test_query_counts.c — unit tests for the derived data of schema version 7
 * (migrations/0007_perf.sql) that the fast read paths of src/query.c use:
 * the petition_counts counters behind pq_count, and the copies of the
 * enterprise's and lead agency's sort keys and of the park on each
 * petition behind the enterprise/agency orders and the park filter.
 *
 * The oracle is always the plain answer recomputed from the source tables
 * (petitions joined to enterprises and agencies), checked after every
 * workflow transition — reopen, withdraw and reject included — and after
 * renames and park changes of reference data. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "query.h"
#include "refdata.h"
#include "text.h"
#include "workflow.h"

/* Rows of petition_counts that do not match a count from the petitions. */
static const char counter_drift[] =
	"SELECT count(*) FROM ("
	"  SELECT status, category_id, zone_id, n FROM petition_counts WHERE n > 0"
	"  EXCEPT SELECT p.status, coalesce(p.category_id, 0), coalesce(e.zone_id, 0), count(*)"
	"  FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id GROUP BY 1, 2, 3"
	"  UNION ALL"
	"  SELECT p.status, coalesce(p.category_id, 0), coalesce(e.zone_id, 0), count(*)"
	"  FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id GROUP BY 1, 2, 3"
	"  EXCEPT SELECT status, category_id, zone_id, n FROM petition_counts WHERE n > 0)";

/* Petitions whose derived columns differ from their sources. */
static const char key_drift[] =
	"SELECT count(*) FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id "
	"LEFT JOIN agencies a ON a.id = p.lead_agency_id "
	"WHERE p.enterprise_key IS NOT e.sort_key OR p.zone_id IS NOT e.zone_id "
	"OR p.lead_key IS NOT coalesce(a.sort_key, x'ffff')";

/* pq_count for one filter against count(*) over the source tables. */
static void check_count(struct fx *fx, struct pq_filter *f, const char *where, const char *arg)
{
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id "
	         "LEFT JOIN zones z ON z.id = e.zone_id LEFT JOIN categories c ON c.id = p.category_id WHERE %s",
	         where);
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, f, &n));
	int64_t want = fx_int(fx, sql, arg);
	if (n != want)
		print_error("pq_count %lld, want %lld for %s (%s)\n", (long long)n, (long long)want, where,
		            arg ? arg : "");
	assert_int_equal(n, want);
}

/* Everything the derived data promises, at this moment. */
static void check_all(struct fx *fx)
{
	assert_int_equal(fx_int(fx, counter_drift, NULL), 0);
	assert_int_equal(fx_int(fx, key_drift, NULL), 0);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM petition_counts WHERE n < 0", NULL), 0);
	struct pq_filter f;
	pq_filter_init(&f);
	check_count(fx, &f, "1", NULL);
	for (int s = 0; s < ST_COUNT; s++) {
		pq_filter_init(&f);
		f.status_mask = 1u << s;
		check_count(fx, &f, "p.status = ?1", enum_db(&status_set, s));
	}
	static const char *const cats[] = { "dien", "dat-dai", "tthc" };
	static const char *const zones[] = { FX_ZONE_TL, FX_ZONE_HL, FX_ZONE_NB };
	for (int i = 0; i < 3; i++) {
		pq_filter_init(&f);
		f.category = cats[i];
		check_count(fx, &f, "c.code = ?1", cats[i]);
		pq_filter_init(&f);
		f.zone = zones[i];
		check_count(fx, &f, "z.name = ?1", zones[i]);
		f.status_mask = (1u << ST_CLOSED) | (1u << ST_RECEIVED);
		f.category = "dien";
		check_count(fx, &f, "z.name = ?1 AND p.status IN ('closed', 'received') AND c.code = 'dien'", zones[i]);
		f.category = NULL;
	}
}

static void test_counters_follow_every_transition(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	char a[RV_CODE_MAX], b[RV_CODE_MAX], c[RV_CODE_MAX], d[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Cấp điện", "dien", NULL, a);
	check_all(fx);
	fx_add(fx, FX_TAX_DATVIET, "Thuê đất", NULL, NULL, b);
	fx_add(fx, FX_TAX_ANH, "Thủ tục", NULL, NULL, c);
	fx_add(fx, FX_TAX_ANH, "Hồ sơ", "tthc", NULL, d);
	check_all(fx);
	FX_OK(fx, wf_classify(rv, b, 0, "dat-dai"));
	check_all(fx);
	struct assign_args as = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3" };
	FX_OK(fx, wf_assign(rv, a, 0, &as));
	check_all(fx);
	FX_OK(fx, wf_start(rv, a, 0));
	check_all(fx);
	FX_OK(fx, wf_extend(rv, a, 0, "2026-03-02", "Chờ ý kiến"));
	check_all(fx);
	FX_OK(fx, wf_answer(rv, a, 0, "Đã xử lý", "resolved"));
	check_all(fx);
	FX_OK(fx, wf_close(rv, a, 0, "4", NULL));
	check_all(fx);
	FX_OK(fx, wf_reopen(rv, a, 0, "Chưa xong"));
	check_all(fx);
	FX_OK(fx, wf_answer(rv, a, 0, "Đã xử lý lại", "resolved"));
	FX_OK(fx, wf_reopen(rv, a, 0, "Vẫn chưa xong"));
	check_all(fx);
	FX_OK(fx, wf_withdraw(rv, b, 0, NULL));
	check_all(fx);
	FX_OK(fx, wf_reject(rv, c, 0, "Ngoài thẩm quyền", NULL));
	check_all(fx);
	fx_drive(fx, d, ST_CLOSED);
	check_all(fx);
	/* a refused move changes nothing */
	assert_int_not_equal(wf_start(rv, b, 0), RV_OK);
	check_all(fx);
}

/* Renames write a new sort key (as the reference-data commands do: name
 * and key together); a park change moves an enterprise's petitions. */
static void set_key(struct fx *fx, const char *table, const char *name, const char *match)
{
	size_t len = 0;
	unsigned char *key = text_sort_key(name, &len);
	assert_non_null(key);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE %s SET name = ?1, sort_key = ?2 WHERE %s = ?3", table, match);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx_db(fx), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, key, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, strcmp(table, "agencies") == 0 ? "EVN" : FX_TAX_ANH, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(key);
}

/* The code of the first row listed in order s, ascending. */
static void first_listed(struct fx *fx, enum pq_sort s, char out[RV_CODE_MAX])
{
	struct pq_filter f;
	pq_filter_init(&f);
	f.sort = s;
	f.descending = false;
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 1, &page));
	assert_int_equal(page->n, 1);
	snprintf(out, RV_CODE_MAX, "%s", page->rows[0].code);
	pq_page_free(&page);
}

static void test_derived_keys_follow_renames(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	char a[RV_CODE_MAX], b[RV_CODE_MAX], c[RV_CODE_MAX], first[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Cấp điện", "dien", NULL, a);
	fx_add(fx, FX_TAX_ANH, "Thuê đất", "dat-dai", NULL, b);
	fx_add(fx, FX_TAX_ANH, "Thủ tục", "tthc", NULL, c);
	struct assign_args sxd = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3" };
	struct assign_args evn = { .lead = "EVN", .person = "Trần Thị Bình", .within = "3" };
	FX_OK(fx, wf_assign(rv, a, 0, &sxd));
	FX_OK(fx, wf_assign(rv, b, 0, &evn));
	check_all(fx);
	/* Ánh Dương sorts first among the three; renamed "Xuân Hòa", last */
	first_listed(fx, PQ_ENTERPRISE, first);
	assert_true(strcmp(first, b) == 0 || strcmp(first, c) == 0);
	set_key(fx, "enterprises", "Xuân Hòa", "tax_code");
	check_all(fx);
	first_listed(fx, PQ_ENTERPRISE, first);
	assert_string_equal(first, a);
	/* EVN Hà Nội sorts before Sở Xây dựng; renamed "Tân Bình", after it */
	first_listed(fx, PQ_AGENCY, first);
	assert_string_equal(first, b);
	set_key(fx, "agencies", "Tân Bình", "code");
	check_all(fx);
	first_listed(fx, PQ_AGENCY, first);
	assert_string_equal(first, a);
	/* a reassignment moves the petition's lead key; unassigned sorts last */
	FX_OK(fx, wf_assign(rv, c, 0, &evn));
	check_all(fx);
	/* the enterprise moves park, then leaves every park */
	assert_int_equal(fx_exec(fx, "UPDATE enterprises SET zone_id = (SELECT id FROM zones WHERE name = "
	                             "'KCN Thăng Long') WHERE tax_code = '" FX_TAX_ANH "'"),
	                 SQLITE_OK);
	check_all(fx);
	assert_int_equal(fx_exec(fx, "UPDATE enterprises SET zone_id = NULL WHERE tax_code = '" FX_TAX_ANH "'"),
	                 SQLITE_OK);
	check_all(fx);
	/* a petition moved to another enterprise takes its key and park */
	assert_int_equal(fx_exec(fx, "UPDATE petitions SET enterprise_id = (SELECT id FROM enterprises WHERE "
	                             "tax_code = '" FX_TAX_DATVIET "') WHERE enterprise_id = (SELECT id FROM "
	                             "enterprises WHERE tax_code = '" FX_TAX_CANON "')"),
	                 SQLITE_OK);
	check_all(fx);
}

/* Rewrites: updates that change a derived column of a petition without
 * changing the column it derives from, i.e. the safety-net triggers
 * correcting a writer. */
static const char count_rewrites[] =
	"CREATE TEMP TABLE rewrites(n INTEGER);"
	"CREATE TEMP TRIGGER count_rewrites AFTER UPDATE OF enterprise_key, zone_id, lead_key ON petitions "
	"WHEN (OLD.enterprise_key IS NOT NEW.enterprise_key OR OLD.zone_id IS NOT NEW.zone_id "
	"      OR OLD.lead_key IS NOT NEW.lead_key) "
	"     AND OLD.enterprise_id IS NEW.enterprise_id AND OLD.lead_agency_id IS NEW.lead_agency_id "
	"BEGIN INSERT INTO rewrites VALUES (1); END;";

/* The writers supply the derived columns themselves (no trigger rewrites a
 * row they wrote); a writer that leaves them out still gets them right. */
static void test_writers_supply_derived_columns(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	assert_int_equal(fx_exec(fx, count_rewrites), SQLITE_OK);
	char a[RV_CODE_MAX], b[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Cấp điện", "dien", NULL, a);
	fx_add(fx, FX_TAX_ANH, "Thuê đất", NULL, NULL, b);
	struct assign_args sxd = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3" };
	struct assign_args evn = { .lead = "EVN", .person = "Trần Thị Bình", .within = "3" };
	FX_OK(fx, wf_assign(rv, a, 0, &sxd));
	FX_OK(fx, wf_classify(rv, b, 0, "dat-dai"));
	FX_OK(fx, wf_assign(rv, b, 0, &evn));
	FX_OK(fx, wf_assign(rv, a, 0, &evn)); /* reassignment */
	check_all(fx);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM temp.rewrites", NULL), 0);
	/* a writer that forgets: a plain INSERT and a plain change of lead */
	char sql[400];
	snprintf(sql, sizeof sql,
	         "INSERT INTO petitions(uuid, code, enterprise_id, channel, received, title, body, status, "
	         "created_at, updated_at) SELECT 'forgot', 'QT-forgot', enterprise_id, channel, received, title, "
	         "body, 'received', created_at, updated_at FROM petitions WHERE code = '%s'",
	         b);
	assert_int_equal(fx_exec(fx, sql), SQLITE_OK);
	check_all(fx);
	assert_int_equal(fx_exec(fx, "UPDATE petitions SET lead_agency_id = (SELECT id FROM agencies WHERE "
	                             "code = 'SXD') WHERE code = 'QT-forgot'"),
	                 SQLITE_OK);
	check_all(fx);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM temp.rewrites", NULL), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counters_follow_every_transition, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_derived_keys_follow_renames, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_writers_supply_derived_columns, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
