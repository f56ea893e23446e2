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

/* A table built row by row with fixed column widths (for streaming long
 * lists): out_table_line prints cells fitted to widths, separated by two
 * spaces; right-aligned where right[i]. */
void out_table_line(FILE *out, const char *const *cells, const int *widths, const bool *right, int n);

/* One CSV record. */
void out_csv_record(FILE *out, const char *const *cells, int n);

#endif
