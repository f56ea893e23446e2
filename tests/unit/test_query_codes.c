/* test_query_codes.c — unit tests for src/query.c, third part: the code
 * order past 99,999 petitions a year.  The per-year number grows a digit
 * there (KN-2026-100000), which text order puts before KN-2026-99999; the
 * list must be in (prefix, year, number) order, numerically, in both
 * directions and on every page, forward and backward.  The oracle parses
 * each code and compares numbers, not text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference.h"
#include "fixture.h"
#include "petition.h"
#include "query.h"
#include "workflow.h"

#define NPET 12

/* Jumps year's counter so that its next code is number next. */
static void number_from(struct fx *fx, int year, int next)
{
	char sql[160];
	snprintf(sql, sizeof sql,
	         "INSERT INTO code_sequences(year, last) VALUES (%d, %d) "
	         "ON CONFLICT(year) DO UPDATE SET last = excluded.last", year, next - 1);
	assert_int_equal(fx_exec(fx, sql), SQLITE_OK);
}

/* 2025: 00001, 00002, 99999, 100000; 2026: 00001, 99998 … 100002, 1000000.
 * Received dates run against the code order, so the received order (the
 * petitions' ids) is no help. */
static int setup_codes(void **state)
{
	fx_setup(state);
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	static const char *const want[NPET] = {
		"KN-2025-00001", "KN-2025-00002", "KN-2025-99999", "KN-2025-100000",
		"KN-2026-00001", "KN-2026-99998", "KN-2026-99999", "KN-2026-100000",
		"KN-2026-100001", "KN-2026-100002", "KN-2026-1000000", "KN-2026-1000001",
	};
	for (int i = 0; i < NPET; i++) {
		int year = i < 4 ? 2025 : 2026;
		if (i == 2)
			number_from(fx, 2025, 99999);
		if (i == 5)
			number_from(fx, 2026, 99998);
		if (i == 10)
			number_from(fx, 2026, 1000000);
		char rec[11];
		if (year == 2025)
			snprintf(rec, sizeof rec, "2025-12-%02d", 28 - i);
		else /* today is 2026-01-08 (unit_env) */
			snprintf(rec, sizeof rec, "2026-01-%02d", 12 - i);
		fx_add(fx, FX_TAX_CANON, "Kiến nghị", NULL, rec, code);
		assert_string_equal(code, want[i]);
	}
	return 0;
}

struct code_row {
	int64_t id;
	char prefix[8];
	int year;
	long long number;
};

static int cmp_codes(const void *pa, const void *pb)
{
	const struct code_row *a = pa, *b = pb;
	int c = strcmp(a->prefix, b->prefix);
	if (!c)
		c = (a->year > b->year) - (a->year < b->year);
	if (!c)
		c = (a->number > b->number) - (a->number < b->number);
	return c;
}

/* The ids in code order, parsed and compared as numbers. */
static int oracle(struct fx *fx, bool descending, int64_t *ids)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx_db(fx), "SELECT id, code FROM petitions", -1, &st, NULL), SQLITE_OK);
	struct code_row rows[NPET];
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(n < NPET);
		rows[n].id = sqlite3_column_int64(st, 0);
		assert_int_equal(sscanf((const char *)sqlite3_column_text(st, 1), "%2[A-Z]-%d-%lld", rows[n].prefix,
		                        &rows[n].year, &rows[n].number),
		                 3);
		n++;
	}
	sqlite3_finalize(st);
	qsort(rows, (size_t)n, sizeof *rows, cmp_codes);
	for (int i = 0; i < n; i++)
		ids[descending ? n - 1 - i : i] = rows[i].id;
	return n;
}

static void test_oracle_is_not_text_order(void **state)
{
	struct fx *fx = *state;
	int64_t ids[NPET];
	assert_int_equal(oracle(fx, false, ids), NPET);
	/* the case the text order gets wrong, next to each other */
	int64_t before = fx_int(fx, "SELECT id FROM petitions WHERE code = 'KN-2026-99999'", NULL);
	int64_t after = fx_int(fx, "SELECT id FROM petitions WHERE code = 'KN-2026-100000'", NULL);
	int at = -1;
	for (int i = 0; i + 1 < NPET; i++)
		if (ids[i] == before)
			at = i;
	assert_true(at >= 0);
	assert_int_equal(ids[at + 1], after);
}

/* Every page size, forward to the end; then the page before every row. */
static void check_direction(struct fx *fx, bool descending)
{
	struct pq_filter f;
	pq_filter_init(&f);
	assert_int_equal(pq_parse_sort(fx->rv, descending ? "-code" : "code", &f), RV_OK);
	int64_t want[NPET];
	int n = oracle(fx, descending, want);
	struct pq_cursor cursors[NPET];
	memset(cursors, 0, sizeof cursors);
	for (int limit = 1; limit <= NPET + 1; limit++) {
		struct pq_cursor cur = { 0 };
		int got = 0;
		for (bool more = true; more;) {
			struct pq_page *page = NULL;
			FX_OK(fx, pq_fetch(fx->rv, &f, &cur, false, limit, &page));
			assert_true(page->n <= limit);
			for (int i = 0; i < page->n; i++, got++) {
				assert_true(got < n);
				if (page->rows[i].id != want[got])
					print_error("sort %scode, page size %d: row %d is %s\n", descending ? "-" : "", limit,
					            got, page->rows[i].code);
				assert_int_equal(page->rows[i].id, want[got]);
				if (limit == 1)
					assert_true(pq_cursor_copy(&cursors[got], &page->rows[i].cursor));
			}
			more = page->more;
			if (page->n) {
				pq_cursor_clear(&cur);
				assert_true(pq_cursor_copy(&cur, &page->rows[page->n - 1].cursor));
			}
			pq_page_free(&page);
		}
		pq_cursor_clear(&cur);
		assert_int_equal(got, n);
	}
	for (int k = 0; k < n; k++) {
		for (int limit = 1; limit <= 5; limit += 2)
			fx_page_before(fx, &f, &cursors[k], want, k, limit);
		pq_cursor_clear(&cursors[k]);
	}
}

static void test_code_order_ascending(void **state)
{
	check_direction(*state, false);
}

static void test_code_order_descending(void **state)
{
	check_direction(*state, true);
}

/* A row carries its code whole, however many digits. */
static void test_row_code_whole(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	assert_int_equal(pq_parse_sort(fx->rv, "-code", &f), RV_OK);
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 2, &page));
	assert_int_equal(page->n, 2);
	assert_string_equal(page->rows[0].code, "KN-2026-1000001");
	assert_string_equal(page->rows[1].code, "KN-2026-1000000");
	pq_page_free(&page);
}

/* The width a streamed table gives its code column before its first row:
 * the widest code issued, 13 at the least. */
static void test_code_width(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(petition_code_width(fx->rv), 15); /* KN-2026-1000001 */
	number_from(fx, 2026, 2);
	number_from(fx, 2025, 100001); /* last issued: 100000 */
	assert_int_equal(petition_code_width(fx->rv), 14); /* KN-2025-100000 */
	assert_int_equal(fx_exec(fx, "DELETE FROM code_sequences"), SQLITE_OK);
	assert_int_equal(petition_code_width(fx->rv), 13); /* none issued */
}

/* The follow-up table of a conference pages in the same numeric order
 * (conf_page, forward and backward, every page size). */
static void test_conference_code_order(void **state)
{
	struct fx *fx = *state;
	int64_t conf = 0;
	struct conference_args a = { .title = "Hội nghị đối thoại", .date = "2026-01-05" };
	FX_OK(fx, conf_add(fx->rv, &a, &conf));
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)conf);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx_db(fx), "SELECT code FROM petitions", -1, &st, NULL), SQLITE_OK);
	char codes[NPET][RV_CODE_MAX];
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < NPET)
		snprintf(codes[n++], RV_CODE_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++)
		FX_OK(fx, conf_link(fx->rv, id, codes[i], 0, false));
	int64_t want[NPET];
	assert_int_equal(oracle(fx, false, want), n);
	for (int limit = 1; limit <= NPET + 1; limit++)
		for (int backward = 0; backward < 2; backward++) {
			char after[RV_CODE_MAX] = "";
			int got = 0;
			for (;;) {
				struct followup_row *rows = NULL;
				size_t k = 0;
				FX_OK(fx, conf_page(fx->rv, conf, got ? after : NULL, backward, limit, &rows, &k));
				for (size_t i = 0; i < k; i++, got++) {
					assert_true(got < n);
					int64_t pid = fx_int(fx, "SELECT id FROM petitions WHERE code = ?1", rows[i].code);
					assert_int_equal(pid, want[backward ? n - 1 - got : got]);
					snprintf(after, sizeof after, "%s", rows[i].code);
				}
				conf_rows_free(rows, k);
				if ((int)k < limit)
					break;
			}
			assert_int_equal(got, n);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_oracle_is_not_text_order, setup_codes, fx_teardown),
		cmocka_unit_test_setup_teardown(test_code_order_ascending, setup_codes, fx_teardown),
		cmocka_unit_test_setup_teardown(test_code_order_descending, setup_codes, fx_teardown),
		cmocka_unit_test_setup_teardown(test_row_code_whole, setup_codes, fx_teardown),
		cmocka_unit_test_setup_teardown(test_code_width, setup_codes, fx_teardown),
		cmocka_unit_test_setup_teardown(test_conference_code_order, setup_codes, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
