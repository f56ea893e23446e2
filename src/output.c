/* output.c — see output.h. */
#include "output.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "date.h"
#include "enums.h"
#include "i18n.h"
#include "text.h"

/* Writes JSON text, escaping control/format/separator code points that
 * jansson leaves raw (they can only occur inside strings). */
static void write_json_safe(FILE *out, const char *s, int indent)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0) {
			fputc(*p++, out);
			continue;
		}
		if (cp == '\n' && indent) { /* structure only: jansson escapes newlines in strings */
			fprintf(out, "\n%*s", indent, "");
			p++;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		bool escape = cp >= 0x80 && (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
		                             cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP);
		if (escape && cp > 0xFFFF)
			fprintf(out, "\\u%04x\\u%04x", 0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF));
		else if (escape)
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(p, 1, (size_t)n, out);
		p += n;
	}
}

int out_json(FILE *out, const json_t *v)
{
	char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!s)
		return -1;
	write_json_safe(out, s, 0);
	fputc('\n', out);
	free(s);
	return ferror(out) ? -1 : 0;
}

/* An array element after sep, its lines indented by indent spaces. */
static int json_element(FILE *out, const json_t *v, const char *sep, int indent)
{
	char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!s)
		return -1;
	fputs(sep, out);
	write_json_safe(out, s, indent);
	free(s);
	return ferror(out) ? -1 : 0;
}

int out_json_item(FILE *out, const json_t *v, bool first)
{
	return json_element(out, v, first ? "[\n" : ",\n", 0);
}

int out_json_end(FILE *out, bool any)
{
	fputs(any ? "\n]\n" : "[]\n", out);
	return ferror(out) ? -1 : 0;
}

int out_json_open(FILE *out, const json_t *head, const char *key)
{
	char *s = json_dumps(head, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	size_t len = s ? strlen(s) : 0;
	if (len < 2 || s[len - 1] != '}') {
		free(s);
		return -1;
	}
	s[len - 2] = '\0'; /* without "\n}" ("{}": nothing before the key) */
	write_json_safe(out, s, 0);
	fputs(len > 2 ? ",\n  " : "{\n  ", out);
	json_t *k = json_string(key);
	char *ks = k ? json_dumps(k, JSON_ENCODE_ANY) : NULL;
	if (ks)
		write_json_safe(out, ks, 0);
	fputs(": [", out);
	free(ks);
	json_decref(k);
	free(s);
	return ks && !ferror(out) ? 0 : -1;
}

int out_json_member(FILE *out, const json_t *v, bool first)
{
	return json_element(out, v, first ? "\n    " : ",\n    ", 4);
}

int out_json_close(FILE *out, bool any)
{
	fputs(any ? "\n  ]\n}\n" : "]\n}\n", out);
	return ferror(out) ? -1 : 0;
}

json_t *out_cell_json(const char *cell, enum col_type type)
{
	if (!cell)
		return json_null();
	switch (type) {
	case COL_INT:
		return json_integer(strtoll(cell, NULL, 10));
	case COL_REAL:
		return json_real(strtod(cell, NULL));
	case COL_BOOL:
		return json_boolean(strcmp(cell, "0") != 0);
	default:
		return json_string(cell);
	}
}

static int rows_json(FILE *out, const struct rows *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < r->n; i++) {
		json_t *o = json_object();
		for (int c = 0; o && c < r->ncols; c++)
			json_object_set_new(o, r->cols[c].key, out_cell_json(rows_get(r, i, c), r->cols[c].type));
		json_array_append_new(arr, o);
	}
	int rc = arr ? out_json(out, arr) : -1;
	json_decref(arr);
	return rc;
}

/* True when s holds something no input path accepts (so it can only come
 * from a tampered database): invalid UTF-8, or a C0 control other than
 * newline and tab, DEL, or a C1 control. */
static bool has_control(const char *s)
{
	if (!text_valid_utf8(s, strlen(s)))
		return true;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0)
			return true;
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp <= 0x9f))
			return true;
		p += len;
	}
	return false;
}

void out_csv_record(FILE *out, const char *const *cells, int n)
{
	bool tty = isatty(fileno(out));
	for (int c = 0; c < n; c++) {
		if (c)
			fputc(',', out);
		const char *s = cells[c] ? cells[c] : "";
		/* On a terminal every cell is made visible; in a file or pipe the
		 * text stays exact, except control characters, which never reach
		 * a pager or a terminal raw. */
		char *vis = tty || has_control(s) ? text_visible(s, true) : NULL;
		if (vis)
			s = vis;
		csv_fwrite(out, s, strlen(s));
		free(vis);
	}
	fputs("\r\n", out);
}

void out_csv_header(FILE *out, const struct rows *r)
{
	const char *cells[32];
	int n = r->ncols < 32 ? r->ncols : 32;
	for (int c = 0; c < n; c++)
		cells[c] = r->cols[c].key;
	out_csv_record(out, cells, n);
}

int out_csv_rows(FILE *out, const struct rows *r)
{
	const char *cells[32];
	int n = r->ncols < 32 ? r->ncols : 32;
	for (size_t i = 0; i < r->n; i++) {
		for (int c = 0; c < n; c++)
			cells[c] = rows_get(r, i, c);
		out_csv_record(out, cells, n);
	}
	return ferror(out) ? -1 : 0;
}

static int rows_csv(FILE *out, const struct rows *r)
{
	out_csv_header(out, r);
	return out_csv_rows(out, r);
}

void out_table_line(FILE *out, const char *const *cells, const int *widths, const bool *right, int n)
{
	while (n > 1 && (!cells[n - 1] || !*cells[n - 1])) /* no trailing blanks, even after empty cells */
		n--;
	for (int c = 0; c < n; c++) {
		char *fit = text_fit(cells[c] ? cells[c] : "", widths[c], right[c]);
		if (fit && c == n - 1) { /* no trailing blanks */
			size_t len = strlen(fit);
			while (len && fit[len - 1] == ' ')
				fit[--len] = '\0';
		}
		fprintf(out, "%s%s", c ? "  " : "", fit ? fit : "");
		free(fit);
	}
	fputc('\n', out);
}

const char *out_cell_text(const char *cell, enum col_type type, char buf[static 32])
{
	rv_date d;
	if (!cell)
		return "";
	if (type == COL_DATE && date_parse_iso(cell, &d))
		return date_display(d, buf);
	if (type == COL_BOOL)
		return strcmp(cell, "0") ? _("yes") : _("no");
	if (type == COL_ROLE || type == COL_AGENCY_KIND || type == COL_HOLIDAY_KIND) {
		const struct enum_set *set = type == COL_ROLE          ? &role_set
		                             : type == COL_AGENCY_KIND ? &agency_kind_set
		                                                       : &holiday_kind_set;
		int v = enum_parse(set, cell);
		return v >= 0 ? enum_label(set, v) : cell;
	}
	if (type == COL_REAL && i18n_vietnamese() && strlen(cell) < 32) {
		char *dot = strchr(strcpy(buf, cell), '.');
		if (dot)
			*dot = ',';
		return buf;
	}
	return cell;
}

void out_table_begin(struct out_table *t, const struct rows *r)
{
	t->n = r->ncols < 32 ? r->ncols : 32;
	for (int c = 0; c < t->n; c++) {
		t->widths[c] = text_width(_(r->cols[c].header));
		t->right[c] = r->cols[c].type == COL_INT || r->cols[c].type == COL_REAL;
	}
}

void out_table_measure(struct out_table *t, const struct rows *r)
{
	char bufs[32][32];
	for (size_t i = 0; i < r->n; i++)
		for (int c = 0; c < t->n; c++) {
			int w = text_width(out_cell_text(rows_get(r, i, c), r->cols[c].type, bufs[c]));
			t->widths[c] = w > t->widths[c] ? (w < 60 ? w : 60) : t->widths[c];
		}
}

void out_table_header(FILE *out, const struct out_table *t, const struct rows *r)
{
	const char *cells[32];
	for (int c = 0; c < t->n; c++)
		cells[c] = _(r->cols[c].header);
	out_table_line(out, cells, t->widths, t->right, t->n);
}

int out_table_rows(FILE *out, const struct out_table *t, const struct rows *r)
{
	const char *cells[32];
	char bufs[32][32];
	for (size_t i = 0; i < r->n; i++) {
		for (int c = 0; c < t->n; c++)
			cells[c] = out_cell_text(rows_get(r, i, c), r->cols[c].type, bufs[c]);
		out_table_line(out, cells, t->widths, t->right, t->n);
	}
	return ferror(out) ? -1 : 0;
}

static int rows_table(FILE *out, const struct rows *r)
{
	struct out_table t;
	out_table_begin(&t, r);
	out_table_measure(&t, r);
	out_table_header(out, &t, r);
	return out_table_rows(out, &t, r);
}

int out_rows(FILE *out, const struct rows *r, enum out_format fmt)
{
	switch (fmt) {
	case OUT_JSON:
		return rows_json(out, r);
	case OUT_CSV:
		return rows_csv(out, r);
	default:
		return rows_table(out, r);
	}
}
