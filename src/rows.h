/* rows.h — a small table of strings: what list commands return.
 *
 * Reference-data lists (zones, agencies, enterprises, categories, users,
 * holidays) and reports come back as rows of text cells with typed columns,
 * so one printer can render them as an aligned table, JSON or CSV, and the
 * UI can show them in pickers.  A NULL cell is "no value" (JSON null). */
#ifndef ROVIEC_ROWS_H
#define ROVIEC_ROWS_H

#include <stdbool.h>
#include <stddef.h>

enum col_type {
	COL_TEXT,
	COL_INT,  /* decimal integer; JSON number */
	COL_REAL, /* decimal number; JSON number */
	COL_DATE, /* ISO date; shown dd/mm/yyyy in tables */
	COL_BOOL, /* "1"/"0"; JSON true/false */
	COL_ROLE, /* a role's stored string (enums.h); tables show its label */
	COL_AGENCY_KIND, /* an agency kind's stored string; tables show its label */
	COL_HOLIDAY_KIND, /* a holiday kind's stored string; tables show its label */
};

struct rows_col {
	const char *key;    /* JSON field / CSV header */
	const char *header; /* table header (English msgid, translated when shown) */
	enum col_type type;
};

struct rows {
	const struct rows_col *cols;
	int ncols;
	size_t n;      /* number of rows */
	size_t cap;
	char **cells;  /* n × ncols, row-major; each malloc'd or NULL */
};

/* A new empty table with the given columns (not copied: usually static).
 * NULL when out of memory.  rows_free accepts NULL and nulls the pointer. */
struct rows *rows_new(const struct rows_col *cols, int ncols);
void rows_free(struct rows **r);

/* Appends a row of ncols cells, copied (NULL allowed).  false on OOM. */
bool rows_add(struct rows *r, const char *const *cells);

const char *rows_get(const struct rows *r, size_t row, int col);

#endif
