/* report_out.c — a report as JSON, CSV or aligned tables.  See report.h. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "output.h"
#include "report.h"
#include "text.h"

static json_t *row_json(const struct rows *r, size_t i, json_t *into)
{
	json_t *o = into ? into : json_object();
	for (int c = 0; o && c < r->ncols; c++)
		json_object_set_new(o, r->cols[c].key, out_cell_json(rows_get(r, i, c), r->cols[c].type));
	return o;
}

static json_t *rows_array(const struct rows *r)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < r->n; i++)
		json_array_append_new(a, row_json(r, i, NULL));
	return a;
}

static json_t *jdate(rv_date d)
{
	char buf[11];
	return d == RV_DATE_NONE ? json_null() : json_string(date_iso(d, buf));
}

json_t *report_json(const struct report *r)
{
	if (r->n == 1 && !r->sec[0].key)
		return rows_array(r->sec[0].rows);
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "report", json_string(r->kind));
	json_object_set_new(o, "from", jdate(r->from == RV_DATE_FIRST ? RV_DATE_NONE : r->from));
	json_object_set_new(o, "to", jdate(r->to));
	for (int i = 0; i < r->n; i++) {
		const struct report_section *s = &r->sec[i];
		if (s->single && s->rows->n == 1)
			row_json(s->rows, 0, o);
		else
			json_object_set_new(o, s->key ? s->key : "rows", rows_array(s->rows));
	}
	return o;
}

/* A single-row section as "Label:  value" lines. */
static void print_single(FILE *out, const struct rows *r)
{
	int w = 0;
	for (int c = 0; c < r->ncols; c++) {
		int cw = text_width(_(r->cols[c].header));
		w = cw > w ? cw : w;
	}
	for (int c = 0; r->n && c < r->ncols; c++) {
		const char *v = rows_get(r, 0, c);
		char buf[32];
		v = v ? out_cell_text(v, r->cols[c].type, buf) : "—";
		char *vis = text_visible(v, false);
		const char *h = _(r->cols[c].header);
		fprintf(out, "  %s:%*s %s\n", h, w - text_width(h), "", vis ? vis : "");
		free(vis);
	}
}

static void underline(FILE *out, const char *title)
{
	fprintf(out, "%s\n", title);
	for (int i = text_width(title); i > 0; i--)
		fputs("─", out);
	fputc('\n', out);
}

static int print_tables(FILE *out, const struct report *r)
{
	underline(out, r->title);
	for (int i = 0; i < r->n; i++) {
		const struct report_section *s = &r->sec[i];
		if (r->n > 1)
			fprintf(out, "\n%s\n", _(s->title));
		if (s->paged) {
			if (r->pager.print(r->pager.ctx, out, s->rows, OUT_TABLE))
				return -1;
		} else if (s->single)
			print_single(out, s->rows);
		else if (s->rows->n == 0)
			fprintf(out, "  %s\n", _("(none)"));
		else
			out_rows(out, s->rows, OUT_TABLE);
	}
	return ferror(out) ? -1 : 0;
}

static int print_csv(FILE *out, const struct report *r)
{
	for (int i = 0; i < r->n; i++) {
		if (r->n > 1) {
			const char *title[] = { r->sec[i].key ? r->sec[i].key : "rows" };
			if (i)
				fputs("\r\n", out);
			out_csv_record(out, title, 1);
		}
		if (r->sec[i].paged ? r->pager.print(r->pager.ctx, out, r->sec[i].rows, OUT_CSV)
		                    : out_rows(out, r->sec[i].rows, OUT_CSV))
			return -1;
	}
	return ferror(out) ? -1 : 0;
}

int report_print(FILE *out, const struct report *r, enum out_format fmt)
{
	if (fmt == OUT_JSON) {
		json_t *j = report_json(r);
		int rc = j ? out_json(out, j) : -1;
		json_decref(j);
		return rc;
	}
	return fmt == OUT_CSV ? print_csv(out, r) : print_tables(out, r);
}
