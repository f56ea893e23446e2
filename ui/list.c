/* list.c — the paged list widget.
 *
 * Rows are addressed by a "logical" index: rows[i] is logical origin + i.
 * Dropping rows from the front (the window is bounded) or prepending a
 * fetched page moves `origin`, never the logical indices of the selection
 * and the top row, which keeps the movement code free of bookkeeping.
 * When the first row of the data is known to be loaded, logical indices
 * are absolute positions (abs_known). */
#include "list.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"

#define PAGE_MIN 64
#define WINDOW_PAGES 4
#define WHEEL_STEP 3

struct list {
	struct list_source src;
	void *ctx;
	void **rows;
	long n, cap;
	long origin;      /* logical index of rows[0] */
	long top, sel;    /* logical indices */
	bool head, tail;  /* rows[0] is the first row; rows[n-1] is the last */
	bool abs_known;   /* logical index == position in the data */
	bool loaded;
	bool failed;
	long total;       /* -1 unknown */
	bool count_due;   /* list_idle() should count */
	struct rect area;
};

struct list *list_new(const struct list_source *src, void *ctx)
{
	struct list *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	l->src = *src;
	l->ctx = ctx;
	l->total = -1;
	l->area.h = 20;
	return l;
}

static void drop_all(struct list *l)
{
	for (long i = 0; i < l->n; i++)
		l->src.free_row(l->ctx, l->rows[i]);
	l->n = 0;
}

void list_free(struct list **lp)
{
	struct list *l = lp ? *lp : NULL;

	if (!l)
		return;
	drop_all(l);
	free(l->rows);
	free(l);
	*lp = NULL;
}

static int height(const struct list *l)
{
	return l->area.h > 0 ? l->area.h : 1;
}

static int page_size(const struct list *l)
{
	return height(l) > PAGE_MIN ? height(l) : PAGE_MIN;
}

static long window_max(const struct list *l)
{
	return (long)page_size(l) * WINDOW_PAGES;
}

static bool reserve(struct list *l, long need)
{
	if (need <= l->cap)
		return true;
	long cap = l->cap ? l->cap : 128;
	while (cap < need)
		cap *= 2;
	void **r = realloc(l->rows, (size_t)cap * sizeof *r);
	if (!r)
		return false;
	l->rows = r;
	l->cap = cap;
	return true;
}

static void *row_at(const struct list *l, long li)
{
	return li >= l->origin && li < l->origin + l->n ? l->rows[li - l->origin] : NULL;
}

/* Once the first row is loaded, make logical indices absolute.  Called
 * only where no logical index other than top and sel is held. */
static void settle_origin(struct list *l)
{
	if (l->head && !l->abs_known) {
		l->top -= l->origin;
		l->sel -= l->origin;
		l->origin = 0;
		l->abs_known = true;
	}
}

/* Drops rows before `keep` (logical) while the window is too big. */
static void trim_front(struct list *l, long keep)
{
	long d = l->n - window_max(l);
	long before = keep - l->origin;

	if (d <= 0 || before <= 0)
		return;
	if (d > before)
		d = before;
	for (long i = 0; i < d; i++)
		l->src.free_row(l->ctx, l->rows[i]);
	memmove(l->rows, l->rows + d, (size_t)(l->n - d) * sizeof *l->rows);
	l->n -= d;
	l->origin += d;
	l->head = false;
}

/* Drops rows after the visible ones while the window is too big. */
static void trim_back(struct list *l)
{
	long d = l->n - window_max(l);
	long after = l->origin + l->n - (l->top + height(l));

	if (d <= 0 || after <= 0)
		return;
	if (d > after)
		d = after;
	for (long i = l->n - d; i < l->n; i++)
		l->src.free_row(l->ctx, l->rows[i]);
	l->n -= d;
	l->tail = false;
}

/* Appends the next page; returns the rows fetched (0 at the end, -1 on
 * error).  Rows before `keep` may be dropped. */
static int fetch_forward(struct list *l, long keep)
{
	int page = page_size(l);

	if (l->tail)
		return 0;
	if (!reserve(l, l->n + page)) {
		l->failed = l->tail = true;
		return -1;
	}
	int got = l->src.fetch(l->ctx, l->n ? l->rows[l->n - 1] : NULL, LIST_FORWARD,
	                       page, l->rows + l->n);
	if (got < 0) {
		l->failed = l->tail = true;
		return -1;
	}
	l->n += got;
	if (got < page)
		l->tail = true;
	trim_front(l, keep);
	return got;
}

/* Prepends the previous page; returns the rows fetched or -1. */
static int fetch_backward(struct list *l)
{
	int page = page_size(l);
	void **tmp;

	if (l->head)
		return 0;
	if (!reserve(l, l->n + page) || !(tmp = malloc((size_t)page * sizeof *tmp))) {
		l->failed = l->head = true;
		return -1;
	}
	int got = l->src.fetch(l->ctx, l->n ? l->rows[0] : NULL, LIST_BACKWARD, page, tmp);
	if (got < 0) {
		free(tmp);
		l->failed = l->head = true;
		return -1;
	}
	memmove(l->rows + got, l->rows, (size_t)l->n * sizeof *l->rows);
	for (int k = 0; k < got; k++)
		l->rows[got - 1 - k] = tmp[k];
	free(tmp);
	l->n += got;
	l->origin -= got;
	if (got < page)
		l->head = true;
	trim_back(l);
	return got;
}

/* Loads logical row li if it exists; `keep` as for fetch_forward. */
static void ensure(struct list *l, long li, long keep)
{
	while (li >= l->origin + l->n && !l->tail)
		if (fetch_forward(l, keep) <= 0)
			break;
	while (li < l->origin && !l->head)
		if (fetch_backward(l) <= 0)
			break;
}

void list_reload(struct list *l)
{
	drop_all(l);
	l->origin = l->top = l->sel = 0;
	l->head = l->abs_known = l->loaded = true;
	l->tail = l->failed = false;
	l->total = -1;
	l->count_due = l->src.count != NULL;
	fetch_forward(l, 0);
}

/* Keeps top and sel inside the loaded rows and the selection visible. */
static void clamp(struct list *l)
{
	int h = height(l);

	settle_origin(l);
	long first = l->origin, last = l->origin + l->n - 1;
	if (l->n == 0) {
		l->top = l->sel = l->origin;
		return;
	}
	if (l->sel > last)
		l->sel = last;
	if (l->sel < first)
		l->sel = first;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	/* no empty rows at the bottom when the end is loaded */
	if (l->tail && l->top > last - h + 1)
		l->top = last - h + 1;
	if (l->top < first)
		l->top = first;
}

/* Moves the selection by delta rows; with scroll, the top moves too
 * (pages), so the selection keeps its place on the screen. */
static void move_by(struct list *l, long delta, bool scroll)
{
	long target = l->sel + delta;
	long new_top = scroll ? l->top + delta : l->top;

	if (delta > 0) {
		ensure(l, target, l->top < new_top ? l->top : new_top);
		if (scroll)
			ensure(l, new_top + height(l) - 1, new_top);
	} else {
		ensure(l, scroll && new_top < target ? new_top : target, 0);
	}
	l->top = new_top;
	l->sel = target;
	if (l->n && l->sel > l->origin + l->n - 1 && scroll)
		l->top -= l->sel - (l->origin + l->n - 1);
	clamp(l);
	ensure(l, l->top + height(l) - 1, l->top);
	clamp(l);
}

static void go_home(struct list *l)
{
	long total = l->total;
	bool due = l->count_due;

	if (l->head) {
		l->sel = l->top = l->origin;
		return;
	}
	list_reload(l);
	/* the same rows: the count still holds */
	l->total = total;
	l->count_due = due;
}

static void go_end(struct list *l)
{
	if (!l->tail) {
		long total = l->total;
		drop_all(l);
		l->tail = true;
		l->head = false;
		l->abs_known = false;
		l->origin = 0;
		l->top = l->sel = 0;
		fetch_backward(l);
		if (!l->head && total >= 0) {
			l->origin = total - l->n;
			l->abs_known = true;
		}
	}
	l->sel = l->origin + l->n - 1;
	l->top = l->sel - height(l) + 1;
	clamp(l);
}

void list_refresh(struct list *l)
{
	void *anchor, *sel_row, *prev = NULL;
	long top = l->top, sel_off = l->sel - l->top;

	if (!l->loaded || l->n == 0) {
		list_reload(l);
		return;
	}
	anchor = row_at(l, l->top);
	sel_row = row_at(l, l->sel);
	/* detach the two rows we still need, free the rest */
	for (long i = 0; i < l->n; i++)
		if (l->rows[i] != anchor && l->rows[i] != sel_row)
			l->src.free_row(l->ctx, l->rows[i]);
	l->n = 0;
	l->failed = false;
	l->tail = false;
	int got = l->src.fetch(l->ctx, anchor, LIST_BACKWARD, 1, &prev);
	if (got < 0)
		l->failed = true;
	if (got == 1) {
		l->rows[0] = prev;
		l->n = 1;
		l->origin = top - 1;
		l->head = false;
	} else {
		l->origin = top;
		l->head = true;
		l->abs_known = false;
	}
	l->top = l->origin + l->n;
	l->sel = l->top + sel_off;
	l->count_due = l->src.count != NULL;  /* keep the old total until then */
	ensure(l, l->top + height(l) - 1, l->origin);
	if (l->src.same_row && sel_row)
		for (long i = 0; i < l->n; i++)
			if (l->src.same_row(l->ctx, l->rows[i], sel_row)) {
				l->sel = l->origin + i;
				break;
			}
	clamp(l);
	l->src.free_row(l->ctx, anchor);
	if (sel_row != anchor)
		l->src.free_row(l->ctx, sel_row);
}

void list_draw(struct list *l, const struct rect *r)
{
	l->area = *r;
	if (!l->loaded)
		list_reload(l);
	ensure(l, l->top + height(l) - 1, l->top);
	clamp(l);
	if (l->n == 0 && r->h > 0) {
		const char *empty = l->src.empty_text ? _(l->src.empty_text) : "";
		draw_text(r->y, r->x, r->w, empty, ST_DIM, false);
		return;
	}
	for (int i = 0; i < r->h; i++) {
		const void *row = row_at(l, l->top + i);
		if (row)
			l->src.draw_row(l->ctx, row, r->y + i, r->x, r->w, l->top + i == l->sel);
		else
			draw_text(r->y + i, r->x, r->w, "", ST_NORMAL, false);
	}
}

static int mouse(struct list *l, const struct ui_event *ev)
{
	const struct rect *r = &l->area;

	if (ev->mouse == MOUSE_WHEEL_UP || ev->mouse == MOUSE_WHEEL_DOWN) {
		long d = ev->mouse == MOUSE_WHEEL_UP ? -WHEEL_STEP : WHEEL_STEP;
		long sel_row = l->sel - l->top;
		ensure(l, d > 0 ? l->top + height(l) - 1 + d : l->top + d, l->top);
		l->top += d;
		if (l->tail && l->top > l->origin + l->n - height(l))
			l->top = l->origin + l->n - height(l);
		if (l->top < l->origin)
			l->top = l->origin;
		l->sel = l->top + sel_row;
		clamp(l);
		return RD_ALL;
	}
	if (ev->y < r->y || ev->y >= r->y + r->h || ev->x < r->x || ev->x >= r->x + r->w)
		return RD_IGNORED;
	if (!row_at(l, l->top + (ev->y - r->y)))
		return RD_ALL;
	l->sel = l->top + (ev->y - r->y);
	return RD_ALL;
}

int list_request(struct list *l, const struct ui_event *ev)
{
	int h = height(l);

	if (!l->loaded)
		list_reload(l);
	switch (ev->act) {
	case ACT_UP:        move_by(l, -1, false); break;
	case ACT_DOWN:      move_by(l, 1, false); break;
	case ACT_PAGE_UP:   move_by(l, -h, true); break;
	case ACT_PAGE_DOWN: move_by(l, h, true); break;
	case ACT_HALF_UP:   move_by(l, -(h + 1) / 2, true); break;
	case ACT_HALF_DOWN: move_by(l, (h + 1) / 2, true); break;
	case ACT_HOME:      go_home(l); break;
	case ACT_END:       go_end(l); break;
	case ACT_MOUSE:     return mouse(l, ev);
	default:            return RD_IGNORED;
	}
	return RD_ALL;
}

bool list_find(struct list *l, const char *query, bool forward, long limit)
{
	long step = forward ? 1 : -1;

	if (!l->src.match || !query || !query[0])
		return false;
	if (!l->loaded)
		list_reload(l);
	for (long k = 1; k <= limit; k++) {
		long li = l->sel + step * k;
		ensure(l, li, l->top < li ? l->top : li);
		const void *row = row_at(l, li);
		if (!row)
			return false;
		if (l->src.match(l->ctx, row, query)) {
			l->sel = li;
			clamp(l);
			ensure(l, l->top + height(l) - 1, l->top);
			return true;
		}
	}
	return false;
}

const void *list_selected(struct list *l)
{
	if (!l->loaded)
		list_reload(l);
	return row_at(l, l->sel);
}

long list_position(const struct list *l)
{
	return l->abs_known && l->n ? l->sel : -1;
}

long list_total(const struct list *l)
{
	if (l->head && l->tail)
		return l->n;
	return l->total;
}

bool list_idle(struct list *l)
{
	if (!l->count_due)
		return false;
	l->count_due = false;
	l->total = l->src.count(l->ctx);
	/* a list whose end is loaded can now place itself */
	if (!l->abs_known && l->tail && l->total >= 0) {
		long shift = l->total - l->n - l->origin;
		l->origin += shift;
		l->top += shift;
		l->sel += shift;
		l->abs_known = true;
	}
	return true;
}

bool list_failed(const struct list *l)
{
	return l->failed;
}

int list_fetch_array(const void *base, size_t n, size_t size, const void *anchor,
                     enum list_dir dir, int max, void **out)
{
	const char *b = base, *a = anchor;
	long i, got = 0, total = base ? (long)n : 0;

	if (dir == LIST_FORWARD)
		i = a ? (long)((size_t)(a - b) / size) + 1 : 0;
	else
		i = a ? (long)((size_t)(a - b) / size) - 1 : total - 1;
	while (got < max && i >= 0 && i < total) {
		out[got++] = (void *)(b + (size_t)i * size);
		i += dir == LIST_FORWARD ? 1 : -1;
	}
	return (int)got;
}

void list_keep_row(void *ctx, void *row)
{
	(void)ctx;
	(void)row;
}
