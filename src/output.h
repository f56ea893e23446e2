/* output.h — how the command line prints: aligned tables for people, JSON
 * and CSV for scripts.
 *
 * Tables align by display width (Vietnamese letters with tone marks are one
 * column, wide characters two) and show dates as dd/mm/yyyy; every cell
 * passes text_visible(), so stored control or bidi characters never reach a
 * terminal raw.  JSON is UTF-8 with control, format and line-separator
 * characters escaped as \uXXXX (valid JSON, safe on a terminal, Vietnamese
 * kept readable).  CSV is RFC 4180 (libcsv quoting); on a terminal its
 * cells are made visible too, elsewhere only cells holding control
 * characters or invalid UTF-8 (which no input path accepts). */
#ifndef ROVIEC_OUTPUT_H
#define ROVIEC_OUTPUT_H

#include <jansson.h>
#include <stdio.h>

#include "rows.h"

enum out_format { OUT_TABLE, OUT_JSON, OUT_CSV };

/* Prints rows in the format; returns 0, or -1 on a write error. */
int out_rows(FILE *out, const struct rows *r, enum out_format fmt);

/* A table cell as JSON by its column type (NULL → null).  New reference. */
json_t *out_cell_json(const char *cell, enum col_type type);

/* A cell as people read it in a table (machine formats keep the stored
 * text): NULL → "", dates dd/mm/yyyy (or ISO, see date_display), booleans
 * yes/no, roles, agency and holiday kinds by label, decimals with a decimal comma
 * in Vietnamese ("3,04").  Returns cell itself, a label or buf. */
const char *out_cell_text(const char *cell, enum col_type type, char buf[static 32]);

/* Prints a JSON value (pretty, UTF-8, escaped as above) and a newline. */
int out_json(FILE *out, const json_t *v);

/* A JSON array streamed item by item: out_json_item prints "[" before the
 * first item and "," between items; out_json_end closes the array (or
 * prints "[]" when there was no item). */
int out_json_item(FILE *out, const json_t *v, bool first);
int out_json_end(FILE *out, bool any);

/* An object printed as out_json prints it, its last member an array
 * streamed element by element: out_json_open prints `head` (an object)
 * without its closing brace, then `"key": [`; out_json_member prints one
 * element (with "," between); out_json_close ends the array and the
 * object.  The bytes are those of out_json on head with key set to the
 * whole array.  0, or -1 on a write error. */
int out_json_open(FILE *out, const json_t *head, const char *key);
int out_json_member(FILE *out, const json_t *v, bool first);
int out_json_close(FILE *out, bool any);

/* An aligned table printed a page at a time, as out_rows prints one
 * struct rows: out_table_begin takes the header widths from r's columns,
 * out_table_measure widens them over each page's cells (a first pass, to
 * 60 columns at most), then out_table_header and out_table_rows for each
 * page (a second pass) print it. */
struct out_table {
	int n;
	int widths[32];
	bool right[32];
};
void out_table_begin(struct out_table *t, const struct rows *r);
void out_table_measure(struct out_table *t, const struct rows *r);
void out_table_header(FILE *out, const struct out_table *t, const struct rows *r);
int out_table_rows(FILE *out, const struct out_table *t, const struct rows *r);

/* CSV a page at a time: the header record of r's columns, then r's rows. */
void out_csv_header(FILE *out, const struct rows *r);
int out_csv_rows(FILE *out, const struct rows *r);

/* A table built row by row with fixed column widths (for streaming long
 * lists): out_table_line prints cells fitted to widths, separated by two
 * spaces; right-aligned where right[i]. */
void out_table_line(FILE *out, const char *const *cells, const int *widths, const bool *right, int n);

/* One CSV record. */
void out_csv_record(FILE *out, const char *const *cells, int n);

#endif
