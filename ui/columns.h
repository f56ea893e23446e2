/* columns.h — table columns that fit any width.
 *
 * A table declares its columns in display order, each with a minimum width,
 * a flex weight (0: fixed at the minimum) and a priority (1 = most needed).
 * columns_layout() keeps the most needed columns that fit, separated by one
 * space, and shares the spare width among the flexible ones, so a table
 * reads at 80 columns and still makes sense at 40. */
#ifndef ROVIEC_UI_COLUMNS_H
#define ROVIEC_UI_COLUMNS_H

#include <stdbool.h>

#include "draw.h"

struct column {
	const char *title;  /* msgid of the header */
	int min;            /* columns */
	int flex;           /* share of the spare width, 0 for fixed */
	int priority;       /* 1 is kept first */
	bool right;         /* numbers: aligned right */
};

struct column_pos {
	int x, w;           /* w == 0: not shown at this width */
};

/* Lays out n (<= 16) columns in width; fills pos[0..n). */
void columns_layout(const struct column *cols, int n, int width, struct column_pos *pos);

/* Draws the header row at (y, x): translated titles; the column `sorted`
 * (-1 for none) gets "▲" or "▼". */
void columns_header(const struct column *cols, const struct column_pos *pos, int n,
                    int y, int x, int sorted, bool descending);

/* Draws one cell, aligned as the column says, in style st. */
void columns_cell(const struct column *col, const struct column_pos *pos, int y, int x,
                  const char *text, enum style st);

#endif
