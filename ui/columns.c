/* columns.c — see columns.h. */
#include "columns.h"

#include <stdio.h>
#include <string.h>

#define COLUMNS_MAX 16

void columns_layout(const struct column *cols, int n, int width, struct column_pos *pos)
{
	bool shown[COLUMNS_MAX] = { false };
	int used = 0, flex = 0;

	if (n > COLUMNS_MAX)
		n = COLUMNS_MAX;
	/* keep columns by priority while their minimum widths fit */
	for (int prio = 1; prio <= COLUMNS_MAX; prio++)
		for (int i = 0; i < n; i++) {
			if (cols[i].priority != prio)
				continue;
			int need = cols[i].min + (used ? 1 : 0);
			if (used + need <= width) {
				shown[i] = true;
				used += need;
				flex += cols[i].flex;
			}
		}
	int spare = width - used, x = 0, given = 0;
	for (int i = 0; i < n; i++) {
		pos[i].x = x;
		pos[i].w = 0;
		if (!shown[i])
			continue;
		int extra = 0;
		if (flex && cols[i].flex) {
			given += cols[i].flex;
			/* cumulative rounding: the shares add up to exactly spare */
			extra = spare * given / flex - spare * (given - cols[i].flex) / flex;
		}
		pos[i].w = cols[i].min + extra;
		x += pos[i].w + 1;
	}
	/* a table without flexible columns fills the width with its last one */
	if (!flex && spare > 0)
		for (int i = n - 1; i >= 0; i--)
			if (pos[i].w) {
				pos[i].w += spare;
				break;
			}
}

void columns_header(const struct column *cols, const struct column_pos *pos, int n,
                    int y, int x, int sorted, bool descending)
{
	int right = 0;

	for (int i = 0; i < n; i++) {
		if (!pos[i].w)
			continue;
		char title[128];
		snprintf(title, sizeof title, "%s%s", _(cols[i].title),
		         i == sorted ? (descending ? "▼" : "▲") : "");
		draw_text(y, x + pos[i].x, pos[i].w, title, ST_HEADER, cols[i].right);
		if (pos[i].x + pos[i].w < right)
			continue;
		right = pos[i].x + pos[i].w;
		/* the gap after the column belongs to the header too */
		draw_text(y, x + right, 1, "", ST_HEADER, false);
	}
}

void columns_cell(const struct column *col, const struct column_pos *pos, int y, int x,
                  const char *text, enum style st)
{
	if (pos->w)
		draw_text(y, x + pos->x, pos->w, text ? text : "", st, col->right);
}
