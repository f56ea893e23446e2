/* test_query.c — unit tests for src/query.c, first part: the filters, each
 * against a hand-computed set, and accent-insensitive search, including
 * hostile queries (FTS5 syntax, pasted look-alike letters, NFD).
 *
 * Paging, sort orders and visibility are in test_query_paging.c.
 *
 * The data set (made on Thu 08/01/2026, inspected on Wed 14/01/2026):
 *   P1 Canon     "Xin cấp phép xây dựng"     dat-dai  SXD, due 12/01   assigned (overdue)
 *   P2 Canon     "Cấp điện ba pha"           dien     EVN (+SXD), 20/01 assigned
 *   P3 Đất Việt  "Đất đai khu công nghệ cao" dat-dai  SXD, 15/01       answered
 *   P4 Đất Việt  "Thoát nước"                nuoc     —                received
 *   P5 Ánh Dương "PCCC nhà xưởng"            pccc     CA, 14/01        in_progress
 *   P6 Ánh Dương "Thuế nhập khẩu"            thue     —                rejected
 *   P7 Canon     "ĐẤT ĐAI mở rộng"           dat-dai  —                classified
 *   P8 Đất Việt  "Điện mặt trời áp mái"      dien     EVN, 02/02       assigned
 * Parks: Canon in KCN Thăng Long, Đất Việt in Hòa Lạc, Ánh Dương in Nội Bài. */
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
#include "workflow.h"

#define B(st) (1u << (st))

static void assign(struct fx *fx, const char *code, const char *lead, const char *due, const char *coord)
{
	const char *c[] = { coord };
	struct assign_args a = { .lead = lead, .person = "Nguyễn Văn An", .due = due, .coordinating = c,
		                 .n_coordinating = coord ? 1 : 0 };
	FX_OK(fx, wf_assign(fx->rv, code, 0, &a));
}

static int setup_data(void **state)
{
	fx_setup(state);
	struct fx *fx = *state;
	char c[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Xin cấp phép xây dựng", "dat-dai", NULL, c);
	assign(fx, c, "SXD", "2026-01-12", NULL);
	fx_add(fx, FX_TAX_CANON, "Cấp điện ba pha", "dien", NULL, c);
	assign(fx, c, "EVN", "2026-01-20", "SXD");
	fx_add(fx, FX_TAX_DATVIET, "Đất đai khu công nghệ cao", "dat-dai", NULL, c);
	assign(fx, c, "SXD", "2026-01-15", NULL);
	FX_OK(fx, wf_answer(fx->rv, c, 0, "Đã giao đất", "resolved"));
	fx_add(fx, FX_TAX_DATVIET, "Thoát nước", "nuoc", NULL, c);
	fx_add(fx, FX_TAX_ANH, "PCCC nhà xưởng", "pccc", NULL, c);
	assign(fx, c, "CA", "2026-01-14", NULL);
	FX_OK(fx, wf_start(fx->rv, c, 0));
	fx_add(fx, FX_TAX_ANH, "Thuế nhập khẩu", "thue", NULL, c);
	FX_OK(fx, wf_reject(fx->rv, c, 0, "Thuộc Cục Thuế", "Cục Thuế"));
	fx_add(fx, FX_TAX_CANON, "ĐẤT ĐAI mở rộng", NULL, NULL, c);
	FX_OK(fx, wf_classify(fx->rv, c, 0, "dat-dai"));
	fx_add(fx, FX_TAX_DATVIET, "Điện mặt trời áp mái", "dien", NULL, c);
	assign(fx, c, "EVN", "2026-02-02", NULL);
	fx_reopen(fx, "2026-01-14");
	return 0;
}

/* The petitions f selects, as "P1 P3" (P + the serial of the code), in
 * code order; and checks that pq_count agrees. */
static char *select_set(struct fx *fx, const struct pq_filter *filter)
{
	struct pq_filter f = *filter;
	f.sort = PQ_CODE;
	f.descending = false;
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 1000, &page));
	char *out = calloc(1, 256);
	assert_non_null(out);
	for (int i = 0; i < page->n; i++)
		snprintf(out + strlen(out), 256 - strlen(out), "%sP%d", i ? " " : "", atoi(page->rows[i].code + 8));
	assert_false(page->more);
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, filter, &n));
	assert_int_equal(n, page->n);
	pq_page_free(&page);
	assert_null(page);
	fx_idle(fx);
	return out;
}

#define SELECTS(fx, f, want) do { \
		char *got_ = select_set(fx, f); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

/* ---- degenerate --------------------------------------------------------- */

static void test_empty_database(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	assert_int_equal(f.due_within, -1);
	assert_int_equal(f.sort, PQ_RECEIVED);
	assert_true(f.descending);
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 20, &page));
	assert_int_equal(page->n, 0);
	assert_false(page->more);
	pq_page_free(&page);
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, true, 20, &page));
	assert_int_equal(page->n, 0);
	pq_page_free(&page);
	pq_page_free(&page); /* NULL: harmless */
	pq_page_free(NULL);
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	assert_int_equal(n, 0);
}

static void test_parse_sort(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	FX_OK(fx, pq_parse_sort(fx->rv, "deadline", &f));
	assert_int_equal(f.sort, PQ_DEADLINE);
	assert_false(f.descending);
	FX_OK(fx, pq_parse_sort(fx->rv, "-enterprise", &f));
	assert_int_equal(f.sort, PQ_ENTERPRISE);
	assert_true(f.descending);
	FX_OK(fx, pq_parse_sort(fx->rv, "+status", &f));
	assert_int_equal(f.sort, PQ_STATUS);
	assert_false(f.descending);
	static const char *const names[] = { "received", "code", "deadline", "enterprise", "category", "agency",
		                             "status" };
	for (int i = 0; i < PQ_SORT_COUNT; i++)
		assert_string_equal(pq_sort_name((enum pq_sort)i), names[i]);
	assert_string_equal(pq_sort_name(PQ_SORT_COUNT), "?");
	const char *msg = "sort: \"Deadline\" is not a sort order (received, code, deadline, enterprise, category, "
	                  "agency, status; '-' before it for descending)";
	FX_FAIL(fx, pq_parse_sort(fx->rv, "Deadline", &f), RV_EINPUT, "sort", msg);
	FX_FAIL(fx, pq_parse_sort(fx->rv, NULL, &f), RV_EINPUT, "sort", NULL);
	FX_FAIL(fx, pq_parse_sort(fx->rv, "-", &f), RV_EINPUT, "sort", NULL);
	FX_FAIL(fx, pq_parse_sort(fx->rv, "--code", &f), RV_EINPUT, "sort", NULL);
	FX_FAIL(fx, pq_parse_sort(fx->rv, "code\x1b", &f), RV_EINPUT, "sort",
	        "sort: \"code^[\" is not a sort order (received, code, deadline, enterprise, category, agency, status; "
	        "'-' before it for descending)");
	assert_int_equal(f.sort, PQ_STATUS); /* unchanged by refusals */
}

static void test_unknown_filter_values(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	int64_t n = 0;
	f.agency = "XYZ";
	FX_FAIL(fx, pq_count(fx->rv, &f, &n), RV_ENOTFOUND, "agency",
	        "agency: no agency with code \"XYZ\" (see: roviec agency list)");
	pq_filter_init(&f);
	f.category = "dat dai";
	FX_FAIL(fx, pq_count(fx->rv, &f, &n), RV_ENOTFOUND, "category", NULL);
	pq_filter_init(&f);
	f.enterprise = "0100000009";
	FX_FAIL(fx, pq_count(fx->rv, &f, &n), RV_ENOTFOUND, "enterprise", NULL);
	pq_filter_init(&f);
	f.zone = "KCN Không Có";
	struct pq_page *page = NULL;
	FX_FAIL(fx, pq_fetch(fx->rv, &f, NULL, false, 10, &page), RV_ENOTFOUND, "zone",
	        "zone: no park named \"KCN Không Có\" (see: roviec zone list)");
	assert_null(page);
	pq_filter_init(&f);
	f.search = "đất\x1b[31m";
	FX_FAIL(fx, pq_count(fx->rv, &f, &n), RV_EINPUT, "search", "search: \"đất^[[31m\" contains a control character (byte 7)");
	fx_idle(fx);
}

/* ---- filters ------------------------------------------------------------ */

static void test_filter_status(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	SELECTS(fx, &f, "P1 P2 P3 P4 P5 P6 P7 P8");
	f.status_mask = B(ST_ASSIGNED) | B(ST_IN_PROGRESS);
	SELECTS(fx, &f, "P1 P2 P5 P8");
	f.status_mask = B(ST_RECEIVED);
	SELECTS(fx, &f, "P4");
	f.status_mask = B(ST_CLASSIFIED) | B(ST_ANSWERED) | B(ST_REJECTED);
	SELECTS(fx, &f, "P3 P6 P7");
	f.status_mask = B(ST_CLOSED) | B(ST_WITHDRAWN);
	SELECTS(fx, &f, "");
}

static void test_filter_overdue_and_due_within(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	f.overdue = true; /* open, deadline before Wed 14/01 */
	SELECTS(fx, &f, "P1");
	pq_filter_init(&f);
	f.due_within = 0; /* due today */
	SELECTS(fx, &f, "P5");
	f.due_within = 2; /* to Fri 16/01: P3's 15/01 is answered */
	SELECTS(fx, &f, "P5");
	f.due_within = 4; /* to Tue 20/01 */
	SELECTS(fx, &f, "P2 P5");
	f.due_within = 13; /* to Mon 02/02 */
	SELECTS(fx, &f, "P2 P5 P8");
	f.overdue = true;  /* both: nothing is overdue and due soon */
	SELECTS(fx, &f, "");
	/* a week later P2 and P5 are overdue too */
	fx_reopen(fx, "2026-01-21");
	pq_filter_init(&f);
	f.overdue = true;
	SELECTS(fx, &f, "P1 P2 P5");
	struct pq_page *page = NULL;
	f.sort = PQ_DEADLINE;
	f.descending = false;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 10, &page));
	assert_int_equal(page->n, 3);
	/* working days overdue: 12/01 → 21/01 is 7, 14/01 → 5, 20/01 → 1 */
	assert_true(page->rows[0].overdue);
	assert_int_equal(page->rows[0].days_overdue, 7);
	assert_int_equal(page->rows[1].days_overdue, 5);
	assert_int_equal(page->rows[2].days_overdue, 1);
	pq_page_free(&page);
}

static void test_filter_refdata(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	f.agency = "sxd"; /* lead only: P2 is only coordinated by SXD */
	SELECTS(fx, &f, "P1 P3");
	f.agency = "EVN";
	SELECTS(fx, &f, "P2 P8");
	pq_filter_init(&f);
	f.category = "DAT-DAI";
	SELECTS(fx, &f, "P1 P3 P7");
	pq_filter_init(&f);
	f.enterprise = FX_TAX_DATVIET;
	SELECTS(fx, &f, "P3 P4 P8");
	pq_filter_init(&f);
	f.zone = "  " FX_ZONE_NB " ";
	SELECTS(fx, &f, "P5 P6");
	f.zone = "KCN Nô\xcc\xa3i Ba\xcc\x80i"; /* NFD */
	SELECTS(fx, &f, "P5 P6");
	/* combined */
	pq_filter_init(&f);
	f.category = "dat-dai";
	f.overdue = true;
	SELECTS(fx, &f, "P1");
	pq_filter_init(&f);
	f.enterprise = FX_TAX_CANON;
	f.status_mask = B(ST_ASSIGNED);
	SELECTS(fx, &f, "P1 P2");
	f.zone = FX_ZONE_HL;
	SELECTS(fx, &f, "");
	f.enterprise = NULL;
	f.agency = "EVN";
	f.search = "dien";
	SELECTS(fx, &f, "P8");
	f.search = "mat troi";
	SELECTS(fx, &f, "P8");
}

/* ---- search ------------------------------------------------------------- */

static void test_search_accent_insensitive(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	static const char *const queries[] = {
		"dat dai", "Đất đai", "ĐẤT ĐAI", "DAT DAI", "  đất   đai  ",
		"\xc4\x90" "a\xcc\x82\xcc\x81t \xc4\x91" "ai",       /* NFD: combining circumflex and acute */
		"\xc3\x90\xe1\xba\xa5t \xc3\xb0" "ai",               /* Ð/ð (U+00D0/U+00F0), the look-alikes */
		"\xe2\x80\x9c\xc4\x91\xe1\xba\xa5t \xc4\x91" "ai\xe2\x80\x9d", /* “đất đai” pasted with quotes */
	};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		f.search = queries[i];
		SELECTS(fx, &f, "P3 P7");
	}
	f.search = "dat da"; /* still typing: "da…" is also the "đất" of Đất Việt */
	SELECTS(fx, &f, "P3 P4 P7 P8");
	f.search = "dat d";
	SELECTS(fx, &f, "P3 P4 P7 P8");
	f.search = "dai dat"; /* word order does not matter */
	SELECTS(fx, &f, "P3 P7");
	f.search = "đất đại"; /* tones are folded away too */
	SELECTS(fx, &f, "P3 P7");
	f.search = "dat";     /* also the enterprise Đất Việt and "đất" … */
	SELECTS(fx, &f, "P3 P4 P7 P8");
	f.search = "da";      /* prefix of đất, đai, đã … */
	SELECTS(fx, &f, "P3 P4 P7 P8");
	f.search = "nguyen van an"; /* the responsible person */
	SELECTS(fx, &f, "P1 P2 P3 P5 P8");
	f.search = "kn-2026-00005"; /* the tracking code */
	SELECTS(fx, &f, "P5");
	f.search = "dienn";
	SELECTS(fx, &f, "");
}

static void test_search_stored_lookalikes_and_nfd(void **state)
{
	struct fx *fx = *state;
	char c[RV_CODE_MAX];
	/* pasted with Ð (U+00D0), and typed on a terminal that sends NFD */
	fx_add(fx, FX_TAX_CANON, "\xc3\x90\xe1\xba\xa5t h\xc6\xb0\xe1\xbb\x9bng d\xe1\xba\xabn", NULL, NULL, c);
	fx_add(fx, FX_TAX_CANON, "Quy hoa\xcc\xa3" "ch chi ti\xe1\xba\xbft", NULL, NULL, c);
	struct pq_filter f;
	pq_filter_init(&f);
	f.search = "dat huong";
	SELECTS(fx, &f, "P9");
	f.search = "Đất hướng dẫn";
	SELECTS(fx, &f, "P9");
	f.search = "quy hoạch";
	SELECTS(fx, &f, "P10");
	f.search = "QUY HOACH chi tiet";
	SELECTS(fx, &f, "P10");
}

/* FTS5 syntax typed by a person is searched for as words, never run. */
static void test_search_fts_syntax_is_words(void **state)
{
	struct fx *fx = *state;
	char c[RV_CODE_MAX];
	fx_add(fx, FX_TAX_ANH, "Logistics AND kho bãi NEAR cảng", NULL, NULL, c); /* P9 */
	fx_add(fx, FX_TAX_ANH, "Thạch Thất – Quốc Oai: hạ tầng", NULL, NULL, c);  /* P10 */
	struct pq_filter f;
	pq_filter_init(&f);
	static const char *const hostile[] = {
		"\"", "\"\"", "*", "**", "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)", "-", "-kho", ":", "title:kho",
		"^kho", "kho*", "(kho", "kho)", "{title body}: kho", "'", "\\", "%", "_", "+", "a\"b", "–", "…",
		"kho OR cang", "\xe2\x80\x8b", "\xc2\xa0", "\xf0\x9f\x98\x80",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		f.search = hostile[i];
		int64_t n = -1;
		enum rv_code rc = pq_count(fx->rv, &f, &n);
		if (rc != RV_OK)
			print_error("search %s: %s\n", hostile[i], rv_message(fx->rv));
		assert_int_equal(rc, RV_OK);
		struct pq_page *page = NULL;
		FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 5, &page));
		assert_int_equal(page->n, n < 5 ? n : 5);
		pq_page_free(&page);
	}
	f.search = "AND";
	SELECTS(fx, &f, "P9");
	f.search = "near(";
	SELECTS(fx, &f, "P9");
	f.search = "-kho"; /* not "NOT kho" */
	SELECTS(fx, &f, "P9");
	f.search = "kho OR cang"; /* all three words, "or" among them: nothing has "or" */
	SELECTS(fx, &f, "");
	f.search = "title:kho"; /* not a column filter: "title" is just a word */
	SELECTS(fx, &f, "");
	f.search = "kho*";
	SELECTS(fx, &f, "P9");
	f.search = "\"kho bai\"";
	SELECTS(fx, &f, "P9");
	f.search = "Thạch Thất – Quốc Oai"; /* the park's name as written, with its dash */
	SELECTS(fx, &f, "P10");
	f.search = "thach that: ha tang";
	SELECTS(fx, &f, "P10");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_database, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_parse_sort, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_filter_values, setup_data, fx_teardown),
		cmocka_unit_test_setup_teardown(test_filter_status, setup_data, fx_teardown),
		cmocka_unit_test_setup_teardown(test_filter_overdue_and_due_within, setup_data, fx_teardown),
		cmocka_unit_test_setup_teardown(test_filter_refdata, setup_data, fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_accent_insensitive, setup_data, fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_stored_lookalikes_and_nfd, setup_data, fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_fts_syntax_is_words, setup_data, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
