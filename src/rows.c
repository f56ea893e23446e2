/* rows.c — see rows.h. */
#include "rows.h"

#include <stdlib.h>
#include <string.h>

struct rows *rows_new(const struct rows_col *cols, int ncols)
{
	struct rows *r = calloc(1, sizeof *r);
	if (r) {
		r->cols = cols;
		r->ncols = ncols;
	}
	return r;
}

void rows_free(struct rows **pr)
{
	if (!pr || !*pr)
		return;
	struct rows *r = *pr;
	for (size_t i = 0; i < r->n * (size_t)r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
	free(r);
	*pr = NULL;
}

bool rows_add(struct rows *r, const char *const *cells)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		char **grown = realloc(r->cells, cap * (size_t)r->ncols * sizeof *grown);
		if (!grown)
			return false;
		r->cells = grown;
		r->cap = cap;
	}
	char **row = r->cells + r->n * (size_t)r->ncols;
	for (int c = 0; c < r->ncols; c++) {
		row[c] = cells[c] ? strdup(cells[c]) : NULL;
		if (cells[c] && !row[c]) {
			while (c-- > 0)
				free(row[c]);
			return false;
		}
	}
	r->n++;
	return true;
}

const char *rows_get(const struct rows *r, size_t row, int col)
{
	if (row >= r->n || col < 0 || col >= r->ncols)
		return NULL;
	return r->cells[row * (size_t)r->ncols + (size_t)col];
}
