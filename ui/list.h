/* list.h — a scrolling list over a data source of any size.
 *
 * The list never loads the whole table: it keeps a window of at most a few
 * pages of rows and asks its source for more, one page at a time, with
 * keyset paging — "the rows after this one" / "the rows before this one" —
 * so the data side can answer with an indexed range query (WHERE key > ?
 * ORDER BY key LIMIT ?) whatever the distance from the start.  Rows are
 * opaque pointers owned by the list once fetched, freed with free_row().
 *
 * The list keeps a selection, scrolls to keep it visible, and handles the
 * movement actions (arrows, j/k, PgUp/PgDn, ^D/^U, g/G, Home/End), the
 * mouse (click selects, wheel scrolls) and search over rows (n/N). */
#ifndef ROVIEC_UI_LIST_H
#define ROVIEC_UI_LIST_H

#include <stdbool.h>

#include "keys.h"
#include "ui.h"

enum list_dir {
	LIST_FORWARD,   /* rows after the anchor, in display order */
	LIST_BACKWARD,  /* rows before the anchor, nearest first */
};

struct list_source {
	/* Fetches up to max rows strictly after (LIST_FORWARD) or strictly
	 * before (LIST_BACKWARD) `anchor`, a row this source returned earlier
	 * (it may no longer exist: only its sort key matters).  A NULL anchor
	 * means from the first row (FORWARD) or from the last (BACKWARD).
	 * Stores the rows in out[0..n) and returns n (0..max), or -1 on error
	 * after reporting it (ui_error). */
	int (*fetch)(void *ctx, const void *anchor, enum list_dir dir, int max, void **out);
	/* Frees a row returned by fetch. */
	void (*free_row)(void *ctx, void *row);
	/* Draws one row in width columns at (y, x). */
	void (*draw_row)(void *ctx, const void *row, int y, int x, int width, bool selected);

	/* Optional: the number of rows, or -1 when unknown or too costly. */
	long (*count)(void *ctx);
	/* Optional: true when a and b are the same record (keeps the selection
	 * across list_refresh()). */
	bool (*same_row)(void *ctx, const void *a, const void *b);
	/* Optional: true when the row matches a search query (n/N). */
	bool (*match)(void *ctx, const void *row, const char *query);
	/* Optional: drawn when there are no rows (a msgid). */
	const char *empty_text;
};

struct list;

/* A list over src (copied) with ctx passed to every callback.  Nothing is
 * fetched until the first draw, reload or movement.  NULL when out of
 * memory.  list_free accepts NULL and sets *l to NULL. */
struct list *list_new(const struct list_source *src, void *ctx);
void list_free(struct list **l);

/* Drops every row and starts again from the first (filter or sort
 * changed).  The row count is asked again (see list_idle()). */
void list_reload(struct list *l);

/* Fetches the visible rows again from the top row's key, keeping the
 * selected record selected when it is still there (data changed). */
void list_refresh(struct list *l);

/* Draws the rows in r (fetching what is missing) and remembers r for
 * mouse events and page sizes. */
void list_draw(struct list *l, const struct rect *r);

/* Handles movement, mouse and nothing else: RD_ALL when handled,
 * RD_IGNORED otherwise. */
int list_request(struct list *l, const struct ui_event *ev);

/* Moves the selection to the next (forward) or previous row matching
 * query with src->match, fetching pages as needed, at most `limit` rows
 * away.  Returns true when found. */
bool list_find(struct list *l, const char *query, bool forward, long limit);

/* The selected row, NULL when the list is empty. */
const void *list_selected(struct list *l);

/* Position of the selection (0-based) and the total, each -1 when
 * unknown (after jumping to the end of a list without a count, or before
 * list_idle() has counted). */
long list_position(const struct list *l);
long list_total(const struct list *l);

/* Counting can cost tens of milliseconds on a million rows, so reloads
 * do not count at once: the count is taken by list_idle(), which the
 * screen calls from its idle handler (view_ops.idle).  Returns true when
 * it did some work (the screen should be redrawn). */
bool list_idle(struct list *l);

/* A fetch for rows that sit in one array the screen owns (n rows of
 * `size` bytes from base; base may be NULL when n is 0): hands out
 * pointers into the array, as list_source.fetch says.  list_keep_row is
 * the free_row of such rows (it frees nothing). */
int list_fetch_array(const void *base, size_t n, size_t size, const void *anchor,
                     enum list_dir dir, int max, void **out);
void list_keep_row(void *ctx, void *row);

/* True when the last fetch failed. */
bool list_failed(const struct list *l);

#endif
