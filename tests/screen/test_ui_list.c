/* test_ui_list.c — the paged list: bounded memory, keyset paging, jumps,
 * refresh keeping the selection.  A counting source stands in for the
 * database: rows are ids 1..n (ids listed in `gone` are deleted). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "list.h"
#include "view.h"

struct src {
	long n;          /* ids 1..n */
	long gone;       /* an id that no longer exists (0: none) */
	int fetches;
	long live;       /* rows allocated and not yet freed */
	long max_live;
	bool fail;
};

struct row {
	long id;
};

static int fetch(void *ctx, const void *anchor, enum list_dir dir, int max, void **out)
{
	struct src *s = ctx;
	const struct row *a = anchor;
	long id = dir == LIST_FORWARD ? (a ? a->id + 1 : 1) : (a ? a->id - 1 : s->n);
	int got = 0;

	s->fetches++;
	if (s->fail)
		return -1;
	while (got < max && id >= 1 && id <= s->n) {
		if (id != s->gone) {
			struct row *r = malloc(sizeof *r);
			assert_non_null(r);
			r->id = id;
			out[got++] = r;
			if (++s->live > s->max_live)
				s->max_live = s->live;
		}
		id += dir == LIST_FORWARD ? 1 : -1;
	}
	return got;
}

static void free_row(void *ctx, void *row)
{
	struct src *s = ctx;
	s->live--;
	free(row);
}

static void draw_row(void *ctx, const void *row, int y, int x, int w, bool sel)
{
	(void)ctx; (void)row; (void)y; (void)x; (void)w; (void)sel;
}

static long count(void *ctx)
{
	return ((struct src *)ctx)->n;
}

static bool same(void *ctx, const void *a, const void *b)
{
	(void)ctx;
	return ((const struct row *)a)->id == ((const struct row *)b)->id;
}

static bool match(void *ctx, const void *row, const char *q)
{
	(void)ctx;
	return ((const struct row *)row)->id % atol(q) == 0;
}

static const struct list_source with_count = {
	fetch, free_row, draw_row, count, same, match, NULL,
};
static const struct list_source without_count = {
	fetch, free_row, draw_row, NULL, same, match, NULL,
};

static const struct rect area = { 0, 0, 20, 80 };

static void press(struct list *l, enum action a, int times)
{
	struct ui_event ev = { .act = a };
	for (int i = 0; i < times; i++)
		assert_int_equal(list_request(l, &ev), RD_ALL);
}

static long sel_id(struct list *l)
{
	const struct row *r = list_selected(l);
	return r ? r->id : 0;
}

static void test_empty(void **state)
{
	struct src s = { 0 };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	assert_null(list_selected(l));
	press(l, ACT_DOWN, 3);
	press(l, ACT_END, 1);
	press(l, ACT_PAGE_UP, 1);
	press(l, ACT_HOME, 1);
	assert_null(list_selected(l));
	assert_int_equal(list_total(l), 0);
	assert_false(list_find(l, "2", true, 100));
	list_free(&l);
	assert_null(l);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_one_row(void **state)
{
	struct src s = { .n = 1 };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	press(l, ACT_DOWN, 2);
	press(l, ACT_PAGE_DOWN, 1);
	assert_int_equal(sel_id(l), 1);
	press(l, ACT_UP, 1);
	assert_int_equal(list_position(l), 0);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_million_rows_bounded(void **state)
{
	struct src s = { .n = 1000000 };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	assert_int_equal(list_total(l), -1);  /* counted at the first pause */
	assert_true(list_idle(l));
	assert_false(list_idle(l));
	assert_int_equal(list_total(l), 1000000);
	press(l, ACT_DOWN, 5);
	assert_int_equal(sel_id(l), 6);
	press(l, ACT_PAGE_DOWN, 2000);  /* 40,000 rows down */
	assert_int_equal(sel_id(l), 40006);
	assert_int_equal(list_position(l), 40005);
	assert_true(s.max_live <= 4 * 64 + 64);
	press(l, ACT_END, 1);
	assert_int_equal(sel_id(l), 1000000);
	assert_int_equal(list_position(l), 999999);
	int before = s.fetches;
	press(l, ACT_UP, 3);
	press(l, ACT_HALF_UP, 1);
	assert_int_equal(sel_id(l), 1000000 - 3 - 10);
	assert_int_equal(s.fetches, before);  /* already loaded */
	press(l, ACT_PAGE_UP, 100);
	assert_int_equal(sel_id(l), 1000000 - 13 - 2000);
	press(l, ACT_HOME, 1);
	assert_int_equal(sel_id(l), 1);
	assert_true(s.max_live <= 4 * 64 + 64);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_end_without_count(void **state)
{
	struct src s = { .n = 1000 };
	struct list *l = list_new(&without_count, &s);
	(void)state;
	list_draw(l, &area);
	press(l, ACT_END, 1);
	assert_int_equal(sel_id(l), 1000);
	assert_int_equal(list_position(l), -1);  /* unknown: the start is not loaded */
	assert_false(list_idle(l));               /* this source cannot count */
	press(l, ACT_PAGE_UP, 60);                /* reach the first row */
	assert_int_equal(sel_id(l), 1);
	assert_int_equal(list_position(l), 0);
	press(l, ACT_DOWN, 9);
	assert_int_equal(list_position(l), 9);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_count_after_end(void **state)
{
	struct src s = { .n = 5000 };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	press(l, ACT_END, 1);                     /* before the count */
	assert_int_equal(list_position(l), -1);
	assert_true(list_idle(l));                /* the count places the end */
	assert_int_equal(list_position(l), 4999);
	assert_int_equal(sel_id(l), 5000);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_refresh_keeps_selection(void **state)
{
	struct src s = { .n = 500 };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	press(l, ACT_PAGE_DOWN, 3);
	press(l, ACT_DOWN, 2);
	long id = sel_id(l);
	s.gone = id - 5;  /* a row above it disappears */
	list_refresh(l);
	assert_int_equal(sel_id(l), id);
	s.gone = id;      /* the selected row itself disappears */
	list_refresh(l);
	assert_true(sel_id(l) == id + 1 || sel_id(l) == id - 1);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_find(void **state)
{
	struct src s = { .n = 100000 };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	assert_true(list_find(l, "5000", true, 10000));
	assert_int_equal(sel_id(l), 5000);
	assert_true(list_find(l, "5000", true, 10000));
	assert_int_equal(sel_id(l), 10000);
	assert_true(list_find(l, "5000", false, 10000));
	assert_int_equal(sel_id(l), 5000);
	assert_false(list_find(l, "5000", false, 10000));
	assert_false(list_find(l, "99999999", true, 300));  /* gives up */
	list_free(&l);
	assert_int_equal(s.live, 0);
}

static void test_mouse(void **state)
{
	struct src s = { .n = 100 };
	struct list *l = list_new(&with_count, &s);
	struct ui_event click = { .act = ACT_MOUSE, .mouse = MOUSE_CLICK, .y = 4, .x = 10 };
	struct ui_event wheel = { .act = ACT_MOUSE, .mouse = MOUSE_WHEEL_DOWN };
	struct ui_event outside = { .act = ACT_MOUSE, .mouse = MOUSE_CLICK, .y = 30, .x = 1 };
	(void)state;
	list_draw(l, &area);
	assert_int_equal(list_request(l, &click), RD_ALL);
	assert_int_equal(sel_id(l), 5);
	assert_int_equal(list_request(l, &wheel), RD_ALL);
	assert_int_equal(sel_id(l), 8);  /* keeps its place on the screen */
	assert_int_equal(list_request(l, &outside), RD_IGNORED);
	list_free(&l);
}

static void test_fetch_error(void **state)
{
	struct src s = { .n = 100, .fail = true };
	struct list *l = list_new(&with_count, &s);
	(void)state;
	list_draw(l, &area);
	assert_true(list_failed(l));
	assert_null(list_selected(l));
	press(l, ACT_END, 1);
	press(l, ACT_DOWN, 1);
	list_free(&l);
	assert_int_equal(s.live, 0);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_one_row),
		cmocka_unit_test(test_fetch_error),
		cmocka_unit_test(test_million_rows_bounded),
		cmocka_unit_test(test_end_without_count),
		cmocka_unit_test(test_count_after_end),
		cmocka_unit_test(test_refresh_keeps_selection),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_mouse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
