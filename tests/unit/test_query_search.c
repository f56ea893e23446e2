/* test_query_search.c — unit tests for src/query.c, third part: the search
 * against an oracle, for every prefix of words chosen to exercise the
 * search index of schema version 8 (detail=none, prefix entries of 1 to 6
 * characters; a longer prefix is merged from the words it starts).
 *
 * The oracle does not ask the index: it folds each petition's searchable
 * text (code, title, body, responsible person, enterprise name) with the
 * same roviec_fold() the triggers use, splits it into words of letters and
 * digits, and selects the petitions that have every earlier query word
 * exactly and a word starting with the last one (exactly that word when
 * the whole query is one letter).  Each query is asked three ways: the
 * first page newest first (the search index drives), in code order (the
 * index as a filter) and counted (pq_count). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "query.h"
#include "rv_internal.h"

enum { MAX_IDS = 200, MAX_WORDS = 8 };

struct set {
	int n;
	int64_t id[MAX_IDS];
};

static bool word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

/* True when the folded text has the word w (prefix: a word starting with w). */
static bool has_word(const char *text, const char *w, bool prefix)
{
	size_t wn = strlen(w);
	for (const char *p = text; *p;) {
		while (*p && !word_byte((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && word_byte((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - start);
		if (n && (prefix ? n >= wn : n == wn) && memcmp(start, w, wn) == 0)
			return true;
	}
	return false;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The oracle: query is lower-case ASCII words separated by spaces. */
static void oracle(struct fx *fx, const char *query, struct set *want)
{
	char buf[128], *words[MAX_WORDS], *save = NULL;
	int nw = 0;
	snprintf(buf, sizeof buf, "%s", query);
	for (char *w = strtok_r(buf, " ", &save); w && nw < MAX_WORDS; w = strtok_r(NULL, " ", &save))
		words[nw++] = w;
	bool one_letter = nw == 1 && strlen(words[0]) == 1;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx_db(fx),
	                                    "SELECT p.id, roviec_fold(p.code || ' ' || p.title || ' ' || coalesce(p.body, '') "
	                                    "|| ' ' || coalesce(p.responsible_person, '') || ' ' || e.name) "
	                                    "FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id ORDER BY p.id",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	want->n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 1);
		bool all = true;
		for (int i = 0; i < nw && all; i++)
			all = has_word(text, words[i], i == nw - 1 && !one_letter);
		if (all && want->n < MAX_IDS)
			want->id[want->n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
}

static void fetch(struct fx *fx, const char *query, enum pq_sort sort, struct set *got)
{
	struct pq_filter f;
	pq_filter_init(&f);
	f.search = query;
	f.sort = sort;
	struct pq_page *page = NULL;
	FX_OK(fx, pq_fetch(fx->rv, &f, NULL, false, 1000, &page));
	assert_false(page->more);
	got->n = 0;
	for (int i = 0; i < page->n && got->n < MAX_IDS; i++)
		got->id[got->n++] = page->rows[i].id;
	pq_page_free(&page);
	qsort(got->id, (size_t)got->n, sizeof got->id[0], cmp_id);
}

/* Pages of 5 in code order, each after the last row of the one before:
 * with more matches than a page, the search is tested row by row along the
 * code index (broad_search in query.c) instead of sorting its matches. */
static void fetch_paged(struct fx *fx, const char *query, struct set *got)
{
	struct pq_filter f;
	pq_filter_init(&f);
	f.search = query;
	f.sort = PQ_CODE;
	f.descending = false;
	struct pq_cursor after = { 0 };
	got->n = 0;
	for (bool more = true; more;) {
		struct pq_page *page = NULL;
		FX_OK(fx, pq_fetch(fx->rv, &f, &after, false, 5, &page));
		for (int i = 0; i < page->n && got->n < MAX_IDS; i++)
			got->id[got->n++] = page->rows[i].id;
		more = page->more;
		pq_cursor_clear(&after);
		if (page->n)
			assert_true(pq_cursor_copy(&after, &page->rows[page->n - 1].cursor));
		pq_page_free(&page);
	}
	pq_cursor_clear(&after);
	qsort(got->id, (size_t)got->n, sizeof got->id[0], cmp_id);
}

static void check(struct fx *fx, const char *query)
{
	struct set want, got;
	oracle(fx, query, &want);
	static const char *const how[] = { "newest", "code", "code, by pages of 5" };
	for (int s = 0; s < 3; s++) {
		if (s < 2)
			fetch(fx, query, s ? PQ_CODE : PQ_RECEIVED, &got);
		else
			fetch_paged(fx, query, &got);
		bool same = got.n == want.n && memcmp(got.id, want.id, sizeof got.id[0] * (size_t)got.n) == 0;
		if (!same)
			print_error("search \"%s\" (%s): %d petitions, the oracle says %d\n", query, how[s], got.n, want.n);
		assert_true(same);
	}
	struct pq_filter f;
	pq_filter_init(&f);
	f.search = query;
	int64_t n = -1;
	FX_OK(fx, pq_count(fx->rv, &f, &n));
	assert_int_equal(n, want.n);
}

/* Every prefix of each probe word, alone and after another word. */
static void check_prefixes(struct fx *fx, const char *before, const char *word)
{
	char q[128];
	for (size_t len = 1; len <= strlen(word); len++) {
		snprintf(q, sizeof q, "%s%s%.*s", before, *before ? " " : "", (int)len, word);
		check(fx, q);
	}
}

static int setup(void **state)
{
	fx_setup(state);
	struct fx *fx = *state;
	char c[RV_CODE_MAX], title[128];
	static const char *const titles[] = {
		"Nghị định đất đai", "Nghiệp vụ kho bãi", "Nghiên cứu kho lạnh", "Nghiêng tường kho",
		"Kho nghiêngnghiêng", "Zq kho", "Zqxylophone99 thử", "Zqxylophones kho", "Số 2026 0000123 kho",
	};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		fx_add(fx, i % 2 ? FX_TAX_CANON : FX_TAX_DATVIET, titles[i], NULL, NULL, c);
	/* one prefix, many words: zq followed by 60 different endings */
	for (int i = 0; i < 60; i++) {
		snprintf(title, sizeof title, "Mã zq%c%c%d%s", 'a' + i % 26, 'a' + i / 26, i, i % 3 ? " kho" : "");
		fx_add(fx, i % 2 ? FX_TAX_ANH : FX_TAX_CANON, title, NULL, NULL, c);
	}
	return 0;
}

static void test_search_prefixes_match_the_oracle(void **state)
{
	struct fx *fx = *state;
	/* "nghi" is a word and the start of nghiep, nghien, nghieng; the
	 * 7- and 14-letter words are longer than any prefix entry */
	check_prefixes(fx, "", "nghiengnghieng");
	check_prefixes(fx, "kho", "nghiep");
	check_prefixes(fx, "", "zqxylophones");
	check_prefixes(fx, "kho", "zqxylophones");
	check_prefixes(fx, "", "zqab1");
	check_prefixes(fx, "kho", "zqcb54");
	check_prefixes(fx, "", "0000123");
	check_prefixes(fx, "so", "2026");
	check_prefixes(fx, "ma", "zqqq"); /* a prefix no word starts with */
	check(fx, "zq");                   /* a word, and the start of 62 others */
	check(fx, "kho zq");
	check(fx, "z");                    /* one letter alone: that word only */
	check(fx, "kho z");                /* after a word: a prefix again */
	check(fx, "kho");
	check(fx, "dat nghi");
}

/* The index follows edits: a renamed title leaves the old words' prefixes
 * and joins the new ones'. */
static void test_search_prefixes_after_edit(void **state)
{
	struct fx *fx = *state;
	check(fx, "nghiep");
	assert_int_equal(fx_exec(fx, "UPDATE petitions SET title = 'Thanh tra' WHERE title = 'Nghiệp vụ kho bãi'"),
	                 SQLITE_OK);
	check(fx, "nghiep");
	check(fx, "nghie");
	check(fx, "th");
	check(fx, "thanh t");
}

/* A character the index's tokenizer splits on (U+2028 LINE SEPARATOR, an
 * em dash, a no-break space) separates words in the query too: quoted
 * whole, it would be a phrase, which an index without positions refuses. */
static void test_search_unicode_separators(void **state)
{
	struct fx *fx = *state;
	static const char *const queries[] = { "kho\xe2\x80\xa8zq", "kho\xe2\x80\x94zq", "kho\xc2\xa0zq" };
	struct set want, got;
	oracle(fx, "kho zq", &want);
	assert_true(want.n > 10);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		fetch(fx, queries[i], PQ_RECEIVED, &got);
		assert_int_equal(got.n, want.n);
		assert_memory_equal(got.id, want.id, sizeof got.id[0] * (size_t)got.n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_prefixes_match_the_oracle, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_prefixes_after_edit, setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_unicode_separators, setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
