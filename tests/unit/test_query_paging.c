/* test_query_paging.c — unit tests for src/query.c, second part: keyset
 * paging in every sort order, both directions, against an order the test
 * computes itself; Vietnamese alphabetical order of enterprises; and
 * visibility (an enterprise sees only its own petitions, an agency those it
 * leads or coordinates) across lists, counts, search and petition_load. */
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
#include "workflow.h"

#define NPET 40

/* Enterprises in the Vietnamese alphabetical order the sort must give
 * (a ă â b c d đ e ê g h … o ô ơ … u ư …; tones ngang < huyền < hỏi < ngã
 * < sắc < nặng; letters before tones).  Byte order would differ. */
static const char *const ordered[] = {
	"An Phát", "Ăn Ngon", "Âu Việt", "Bình Minh",
	"Công ty Cổ phần Đất Việt", "Công ty TNHH Ánh Dương", "Công ty TNHH Canon Việt Nam",
	"Cường Thịnh", "Dũng Tiến", "Đại Dương", "Em Xinh", "Ê Kíp", "Giang Sơn",
	"Hoa", "Hòa", "Hỏa", "Hõa", "Hóa", "Họa", "Hoàng Long",
	"Ô Tô Việt", "Ơn Trời", "Uy Tín", "Ưu Việt", "Yên Bình",
};
#define NENT (sizeof ordered / sizeof ordered[0])

/* Tax code of ordered[i]: the fixture's three keep theirs. */
static void tax_of(size_t i, char out[16])
{
	if (strcmp(ordered[i], "Công ty Cổ phần Đất Việt") == 0)
		snprintf(out, 16, FX_TAX_DATVIET);
	else if (strcmp(ordered[i], "Công ty TNHH Ánh Dương") == 0)
		snprintf(out, 16, FX_TAX_ANH);
	else if (strcmp(ordered[i], "Công ty TNHH Canon Việt Nam") == 0)
		snprintf(out, 16, FX_TAX_CANON);
	else
		snprintf(out, 16, "02000000%02zu", i);
}

/* 40 petitions with ties and NULLs in every sort column: received dates
 * repeat, a fifth have no category, only assigned ones have a lead and a
 * deadline, deadlines repeat, and every status occurs. */
static int setup_many(void **state)
{
	fx_setup(state);
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	/* added in an order that is not the alphabetical one */
	for (size_t k = 0; k < NENT; k++) {
		size_t i = (k * 7) % NENT;
		char tax[16];
		tax_of(i, tax);
		if (strncmp(tax, "0200", 4) == 0)
			FX_OK(fx, enterprise_add(rv, ordered[i], tax, k % 2 ? FX_ZONE_TL : NULL, NULL));
	}
	static const char *const cats[] = { "dat-dai", "dien", "tthc", "moi-truong" };
	static const char *const leads[] = { "SXD", "EVN", "BQL" };
	for (int i = 0; i < NPET; i++) {
		char tax[16], code[RV_CODE_MAX], rec[11], due[11];
		tax_of((size_t)(i * 11) % NENT, tax);
		snprintf(rec, sizeof rec, "2026-01-%02d", 1 + (i * 5) % 7);
		const char *cat = i % 5 == 0 ? NULL : cats[i % 4];
		fx_add(fx, tax, "Kiến nghị", cat, rec, code);
		if (!cat) {
			if (i % 3 == 1)
				FX_OK(fx, wf_reject(rv, code, 0, "Ngoài phạm vi", NULL));
			else if (i % 3 == 2)
				FX_OK(fx, wf_withdraw(rv, code, 0, NULL));
			continue;
		}
		int path = i % 8;
		if (path == 1)
			FX_OK(fx, wf_classify(rv, code, 0, cat));
		if (path == 6)
			FX_OK(fx, wf_reject(rv, code, 0, "Trùng", NULL));
		if (path == 7)
			FX_OK(fx, wf_withdraw(rv, code, 0, NULL));
		if (path < 2 || path > 5)
			continue;
		snprintf(due, sizeof due, "2026-01-%02d", 12 + i % 4);
		struct assign_args a = { .lead = leads[i % 3], .person = "Trần Văn Hải", .due = due };
		FX_OK(fx, wf_assign(rv, code, 0, &a));
		if (path >= 3)
			FX_OK(fx, wf_start(rv, code, 0));
		if (path >= 4)
			FX_OK(fx, wf_answer(rv, code, 0, "Đã trả lời", "explained"));
		if (path == 5)
			FX_OK(fx, wf_close(rv, code, 0, "3", NULL));
	}
	return 0;
}

/* ---- the order, computed here ------------------------------------------- */

struct row {
	int64_t id;
	char received[11], code[24], deadline[11];
	unsigned char ekey[1024], akey[1024];
	int elen, alen; /* alen -1: no lead agency */
	int64_t category; /* -1: none */
	int status;
};

static enum pq_sort g_sort;

static int cmp_bytes(const unsigned char *a, int alen, const unsigned char *b, int blen)
{
	int c = memcmp(a, b, (size_t)(alen < blen ? alen : blen));
	return c ? c : (alen > blen) - (alen < blen);
}

/* Ascending order of sort g_sort, NULLs last, ties by id. */
static int cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = 0;
	switch (g_sort) {
	case PQ_RECEIVED: c = strcmp(a->received, b->received); break;
	case PQ_CODE: c = strcmp(a->code, b->code); break;
	case PQ_DEADLINE:
		c = !*a->deadline || !*b->deadline ? (!*a->deadline) - (!*b->deadline) : strcmp(a->deadline, b->deadline);
		break;
	case PQ_ENTERPRISE: c = cmp_bytes(a->ekey, a->elen, b->ekey, b->elen); break;
	case PQ_CATEGORY:
		c = a->category < 0 || b->category < 0 ? (a->category < 0) - (b->category < 0)
		                                       : (a->category > b->category) - (a->category < b->category);
		break;
	case PQ_AGENCY:
		c = a->alen < 0 || b->alen < 0 ? (a->alen < 0) - (b->alen < 0) : cmp_bytes(a->akey, a->alen, b->akey, b->alen);
		break;
	case PQ_STATUS: c = a->status - b->status; break;
	case PQ_SORT_COUNT: break;
	}
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* The ids that filter f (only its status mask is honoured here) selects,
 * in display order. */
static int expected_order(struct fx *fx, const struct pq_filter *f, int64_t *ids)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx_db(fx),
	                                    "SELECT p.id, p.received, p.code, coalesce(p.deadline, ''), e.sort_key, "
	                                    "coalesce(p.category_id, -1), a.sort_key, p.status FROM petitions p "
	                                    "JOIN enterprises e ON e.id = p.enterprise_id "
	                                    "LEFT JOIN agencies a ON a.id = p.lead_agency_id",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	struct row *rows = calloc(NPET + 8, sizeof *rows);
	assert_non_null(rows);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct row *r = &rows[n];
		r->status = enum_parse(&status_set, (const char *)sqlite3_column_text(st, 7));
		if (f->status_mask && !(f->status_mask & (1u << r->status)))
			continue;
		r->id = sqlite3_column_int64(st, 0);
		snprintf(r->received, sizeof r->received, "%s", sqlite3_column_text(st, 1));
		snprintf(r->code, sizeof r->code, "%s", sqlite3_column_text(st, 2));
		snprintf(r->deadline, sizeof r->deadline, "%s", sqlite3_column_text(st, 3));
		r->elen = sqlite3_column_bytes(st, 4);
		r->alen = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_bytes(st, 6);
		assert_true(r->elen <= (int)sizeof r->ekey && r->alen <= (int)sizeof r->akey);
		memcpy(r->ekey, sqlite3_column_blob(st, 4), (size_t)r->elen);
		r->category = sqlite3_column_int64(st, 5);
		if (r->alen > 0)
			memcpy(r->akey, sqlite3_column_blob(st, 6), (size_t)r->alen);
		n++;
	}
	sqlite3_finalize(st);
	g_sort = f->sort;
	qsort(rows, (size_t)n, sizeof *rows, cmp_rows);
	for (int i = 0; i < n; i++)
		ids[f->descending ? n - 1 - i : i] = rows[i].id;
	free(rows);
	return n;
}

/* ---- walking ------------------------------------------------------------- */

/* Walks every page forward; returns the ids seen, and (cursors != NULL)
 * keeps a copy of each row's cursor. */
static int walk(struct fx *fx, const struct pq_filter *f, int limit, int64_t *ids, struct pq_cursor *cursors)
{
	struct pq_cursor cur = { 0 };
	int n = 0;
	for (int pages = 0; pages <= NPET + 1; pages++) {
		struct pq_page *page = NULL;
		FX_OK(fx, pq_fetch(fx->rv, f, &cur, false, limit, &page));
		assert_true(page->n <= limit);
		assert_true(!page->more || page->n == limit);
		for (int i = 0; i < page->n; i++) {
			assert_true(n < NPET);
			if (cursors)
				assert_true(pq_cursor_copy(&cursors[n], &page->rows[i].cursor));
			ids[n++] = page->rows[i].id;
		}
		if (page->n) {
			pq_cursor_clear(&cur);
			assert_true(pq_cursor_copy(&cur, &page->rows[page->n - 1].cursor));
		}
		bool more = page->more;
		pq_page_free(&page);
		if (!more)
			break;
	}
	/* past the end: an empty page */
	struct pq_page *page = NULL;
	if (cur.set) {
		FX_OK(fx, pq_fetch(fx->rv, f, &cur, false, limit, &page));
		assert_int_equal(page->n, 0);
		assert_false(page->more);
		pq_page_free(&page);
	}
	pq_cursor_clear(&cur);
	return n;
}

static void check_sort(struct fx *fx, struct pq_filter *f)
{
	int64_t want[NPET], got[NPET];
	struct pq_cursor cursors[NPET];
	memset(cursors, 0, sizeof cursors);
	int n = expected_order(fx, f, want);
	int64_t count = -1;
	FX_OK(fx, pq_count(fx->rv, f, &count));
	assert_int_equal(count, n);
	static const int limits[] = { 1, 3, 7, 1000 };
	for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
		int m = walk(fx, f, limits[l], got, limits[l] == 1 ? cursors : NULL);
		assert_int_equal(m, n);
		for (int i = 0; i < n; i++) {
			if (got[i] != want[i])
				print_error("sort %s%s, page size %d: row %d is id %lld, want %lld\n", f->descending ? "-" : "",
				            pq_sort_name(f->sort), limits[l], i, (long long)got[i], (long long)want[i]);
			assert_int_equal(got[i], want[i]);
		}
	}
	/* backward from every row: the page just before it, in display order */
	for (int k = 0; k < n; k++) {
		for (int limit = 1; limit <= 4; limit += 3)
			fx_page_before(fx, f, &cursors[k], want, k, limit);
	}
	for (int k = 0; k < n; k++)
		pq_cursor_clear(&cursors[k]);
}

static void test_every_sort_both_directions(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM petitions", NULL), NPET);
	for (int s = 0; s < PQ_SORT_COUNT; s++) {
		for (int desc = 0; desc < 2; desc++) {
			struct pq_filter f;
			pq_filter_init(&f);
			f.sort = (enum pq_sort)s;
			f.descending = desc;
			check_sort(fx, &f);
			/* and with a filter */
			f.status_mask = (1u << ST_ASSIGNED) | (1u << ST_IN_PROGRESS) | (1u << ST_RECEIVED);
			check_sort(fx, &f);
		}
	}
}

static void test_limits_clamped(void **state)
{
	struct fx *fx = *state;
	struct pq_filter f;
	pq_filter_init(&f);
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 0, &page));
	assert_int_equal(page->n, 1);
	assert_true(page->more);
	pq_page_free(&page);
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, -5, &page));
	assert_int_equal(page->n, 1);
	pq_page_free(&page);
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 1000000, &page));
	assert_int_equal(page->n, NPET);
	assert_false(page->more);
	/* the row carries what a list shows */
	int64_t id = fx_int(fx, "SELECT id FROM petitions WHERE status = 'in_progress' ORDER BY id", NULL);
	struct pq_row *r = NULL;
	for (int i = 0; i < page->n; i++)
		if (page->rows[i].id == id)
			r = &page->rows[i];
	assert_non_null(r);
	assert_int_equal(r->status, ST_IN_PROGRESS);
	assert_string_equal(r->title, "Kiến nghị");
	assert_non_null(r->lead);
	assert_non_null(r->category_code);
	assert_true(r->deadline != RV_DATE_NONE);
	assert_int_equal(r->version, fx_int(fx, "SELECT version FROM petitions WHERE id = (SELECT id FROM petitions "
	                                        "WHERE status = 'in_progress' ORDER BY id)", NULL));
	pq_page_free(&page);
}

static void test_enterprise_sort_is_vietnamese(void **state)
{
	struct fx *fx = *state;
	/* one petition per enterprise, added in reverse order */
	for (size_t i = NENT; i-- > 0;) {
		char tax[16], code[RV_CODE_MAX];
		tax_of(i, tax);
		if (strncmp(tax, "0200", 4) == 0)
			FX_OK(fx, enterprise_add(fx->rv, ordered[i], tax, NULL, NULL));
		fx_add(fx, tax, "Một kiến nghị", NULL, NULL, code);
	}
	struct pq_filter f;
	pq_filter_init(&f);
	assert_int_equal(pq_parse_sort(fx->rv, "enterprise", &f), RV_OK);
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 100, &page));
	assert_int_equal(page->n, NENT);
	for (size_t i = 0; i < NENT; i++)
		assert_string_equal(page->rows[i].enterprise, ordered[i]);
	pq_page_free(&page);
	f.descending = true;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 100, &page));
	for (size_t i = 0; i < NENT; i++)
		assert_string_equal(page->rows[i].enterprise, ordered[NENT - 1 - i]);
	pq_page_free(&page);
}

/* ---- visibility ----------------------------------------------------------- */

static int64_t count_as(struct fx *fx, const char *search)
{
	struct pq_filter f;
	pq_filter_init(&f);
	f.search = search;
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 1000, &page));
	assert_int_equal(page->n, n);
	pq_page_free(&page);
	return n;
}

static void test_visibility(void **state)
{
	struct fx *fx = *state;
	char canon_sxd[RV_CODE_MAX], canon_coord[RV_CODE_MAX], dv_evn[RV_CODE_MAX], dv_new[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Canon: cấp phép", "dat-dai", NULL, canon_sxd);
	struct assign_args a = { .lead = "SXD", .person = "An", .within = "3" };
	FX_OK(fx, wf_assign(fx->rv, canon_sxd, 0, &a));
	fx_add(fx, FX_TAX_CANON, "Canon: điện", "dien", NULL, canon_coord);
	const char *coord[] = { "SXD" };
	struct assign_args b = { .lead = "EVN", .person = "Bình", .within = "3", .coordinating = coord,
		                 .n_coordinating = 1 };
	FX_OK(fx, wf_assign(fx->rv, canon_coord, 0, &b));
	fx_add(fx, FX_TAX_DATVIET, "Đất Việt: điện", "dien", NULL, dv_evn);
	b.n_coordinating = 0;
	FX_OK(fx, wf_assign(fx->rv, dv_evn, 0, &b));
	fx_add(fx, FX_TAX_DATVIET, "Đất Việt: mới", NULL, NULL, dv_new);

	fx_as(fx, "canon");
	assert_int_equal(count_as(fx, NULL), 2);
	assert_int_equal(count_as(fx, "dien"), 1);     /* its own only, though Đất Việt's matches too */
	assert_int_equal(count_as(fx, "dat viet"), 0); /* another enterprise's name */
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, canon_sxd, 0, &p));
	petition_free(&p);
	FX_FAIL(fx, petition_load(fx->rv, dv_evn, 0, &p), RV_ENOTFOUND, "code", "no petition KN-2026-00003");
	assert_null(p);
	struct pq_filter f;
	pq_filter_init(&f);
	f.enterprise = FX_TAX_DATVIET; /* asking for another enterprise's list gives nothing */
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	assert_int_equal(n, 0);

	fx_as(fx, "sxd1"); /* leads canon_sxd, coordinates canon_coord */
	assert_int_equal(count_as(fx, NULL), 2);
	assert_int_equal(count_as(fx, "dien"), 1);
	FX_OK(fx, petition_load(fx->rv, canon_coord, 0, &p));
	petition_free(&p);
	FX_FAIL(fx, petition_load(fx->rv, dv_new, 0, &p), RV_ENOTFOUND, "code", NULL);
	FX_FAIL(fx, wf_start(fx->rv, dv_evn, 0), RV_ENOTFOUND, "code", NULL); /* nor act on it */

	fx_as(fx, "evn1"); /* leads canon_coord and dv_evn */
	assert_int_equal(count_as(fx, NULL), 2);
	pq_filter_init(&f);
	f.agency = "SXD";
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	assert_int_equal(n, 0);

	fx_as(fx, "lan"); /* board staff see everything */
	assert_int_equal(count_as(fx, NULL), 4);
	fx_as(fx, "hung");
	assert_int_equal(count_as(fx, "dien"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_limits_clamped, setup_many, fx_teardown),
		cmocka_unit_test_setup_teardown(test_every_sort_both_directions, setup_many, fx_teardown),
		cmocka_unit_test_setup_teardown(test_enterprise_sort_is_vietnamese, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_visibility, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
