/* rowlist.c — a list over rows in an array, and the header of a table.
 * See rowlist.h. */
#include <stdlib.h>

#include "rowlist.h"

struct rowlist {
	struct list *list;
	const char *base;   /* the rows the screen owns; NULL when none */
	size_t n, size;
	void (*draw_row)(void *ctx, const void *row, int y, int x, int width, bool selected);
	void *ctx;
};

void rowlist_header(const struct column *cols, int n, int y, int x, int width)
{
	struct column_pos pos[16];

	columns_layout(cols, n, width, pos);
	columns_header(cols, pos, n, y, x, -1, false);
}

static int fetch(void *ctx, const void *anchor, enum list_dir dir, int max, void **out)
{
	struct rowlist *rl = ctx;

	return rl->base ? list_fetch_array(rl->base, rl->n, rl->size, anchor, dir, max, out) : 0;
}

static void draw_row(void *ctx, const void *row, int y, int x, int width, bool selected)
{
	struct rowlist *rl = ctx;

	rl->draw_row(rl->ctx, row, y, x, width, selected);
}

struct rowlist *rowlist_new(void (*draw)(void *ctx, const void *row, int y, int x, int width,
                                         bool selected),
                            const char *empty_text, void *ctx)
{
	struct rowlist *rl = calloc(1, sizeof *rl);
	struct list_source src = {
		.fetch = fetch,
		.free_row = list_keep_row,
		.draw_row = draw_row,
		.empty_text = empty_text,
	};

	if (!rl)
		return NULL;
	rl->draw_row = draw;
	rl->ctx = ctx;
	if (!(rl->list = list_new(&src, rl))) {
		free(rl);
		return NULL;
	}
	return rl;
}

void rowlist_free(struct rowlist **rl)
{
	if (!rl || !*rl)
		return;
	list_free(&(*rl)->list);
	free(*rl);
	*rl = NULL;
}

size_t rowlist_position(struct rowlist *rl)
{
	const char *sel = rl->base ? list_selected(rl->list) : NULL;

	return sel ? (size_t)(sel - rl->base) / rl->size : 0;
}

void rowlist_set(struct rowlist *rl, const void *base, size_t n, size_t size, bool keep)
{
	size_t pos = keep ? rowlist_position(rl) : 0;
	struct ui_event down = { .act = ACT_DOWN };

	rl->base = base;
	rl->n = base ? n : 0;
	rl->size = size;
	list_reload(rl->list);
	for (size_t i = 0; i < pos; i++)
		list_request(rl->list, &down);
}

const void *rowlist_selected(struct rowlist *rl)
{
	return list_selected(rl->list);
}

void rowlist_draw(struct rowlist *rl, const struct rect *r)
{
	list_draw(rl->list, r);
}

int rowlist_request(struct rowlist *rl, const struct ui_event *ev)
{
	return list_request(rl->list, ev);
}
