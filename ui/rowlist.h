/* rowlist.h — the plumbing every table screen shares.
 *
 * A table screen (the conferences, one conference's follow-up table, an
 * enterprise's own petitions) is a header row of columns over a `struct
 * list`.  The list already owns the cursor, scrolling, page keys, mouse
 * and the selection; this module adds what each of those screens used to
 * write again:
 *   - ROWLIST_NAV_KEYS, the one table of the movement keys a table screen
 *     lists in its `?` help (they are handled by list_request());
 *   - rowlist_header(), the column titles laid out for a width;
 *   - `struct rowlist`, a list over rows the screen holds in one array
 *     (a handful of conferences, a conference's petitions), which can be
 *     replaced by fresh data keeping the cursor where it was. */
#ifndef ROVIEC_UI_ROWLIST_H
#define ROVIEC_UI_ROWLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "columns.h"
#include "list.h"
#include "view.h"

/* The movement keys of a table screen, for its key_help table (not on the
 * legend; the `?` overlay lists them).  Splice it into the table:
 *   { ACT_ENTER, … }, ROWLIST_NAV_KEYS, { ACT_NONE, NULL, NULL, false } */
#define ROWLIST_NAV_KEYS \
	{ ACT_DOWN, NULL, NULL, false }, \
	{ ACT_UP, NULL, NULL, false }, \
	{ ACT_PAGE_DOWN, NULL, NULL, false }, \
	{ ACT_PAGE_UP, NULL, NULL, false }, \
	{ ACT_HOME, NULL, NULL, false }, \
	{ ACT_END, NULL, NULL, false }

/* Draws the header of the n columns `cols` laid out in width at (y, x),
 * no column marked as sorted. */
void rowlist_header(const struct column *cols, int n, int y, int x, int width);

struct rowlist;

/* A list over rows in an array the screen owns, drawn by draw_row with
 * ctx; empty_text (a msgid) is shown when there is no row.  The list
 * starts empty (rowlist_set gives it rows).  NULL when out of memory.
 * rowlist_free accepts NULL and sets *rl to NULL; it never frees rows. */
struct rowlist *rowlist_new(void (*draw_row)(void *ctx, const void *row, int y, int x, int width,
                                             bool selected),
                            const char *empty_text, void *ctx);
void rowlist_free(struct rowlist **rl);

/* Shows the n rows of `size` bytes at base (NULL when n is 0) from now
 * on.  keep: the cursor goes back to the position it had (as far as the
 * new rows reach), else to the first row.  The previous array must still
 * be valid during the call (the screen frees it afterwards). */
void rowlist_set(struct rowlist *rl, const void *base, size_t n, size_t size, bool keep);

/* The selected row (a pointer into the array), NULL when there is none. */
const void *rowlist_selected(struct rowlist *rl);

/* The selected row's index in the array; 0 when there is none. */
size_t rowlist_position(struct rowlist *rl);

/* Draws the rows in r. */
void rowlist_draw(struct rowlist *rl, const struct rect *r);

/* Movement, mouse: as list_request(). */
int rowlist_request(struct rowlist *rl, const struct ui_event *ev);

#endif
