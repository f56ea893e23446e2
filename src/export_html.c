/* export_html.c — one self-contained HTML file (inline CSS, inline SVG
 * charts, no scripts, no external resources) of a conference's follow-up
 * or of a period's report to superiors, laid out to print on A4: @page
 * sets the paper and margins, table headers repeat on each page and rows
 * never split across pages.  Built from the same report sections as the
 * command line (report.h). */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "report.h"
#include "rv_internal.h"
#include "text.h"

static const char css[] =
	"@page { size: A4; margin: 14mm 12mm; }\n"
	"body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size: 9.5pt; color: #111; margin: 0; }\n"
	"@media screen { body { max-width: 186mm; margin: 10mm auto; } }\n"
	"h1 { font-size: 15pt; margin: 0 0 3pt; }\n"
	"h2 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; page-break-after: avoid; }\n"
	".meta { color: #444; margin: 0 0 8pt; }\n"
	".cards { display: flex; flex-wrap: wrap; gap: 5pt; }\n"
	".card { border: 1px solid #b7c4d6; border-radius: 3pt; padding: 3pt 7pt; min-width: 26mm; }\n"
	".card b { display: block; font-size: 13pt; }\n"
	"table { border-collapse: collapse; width: 100%; font-size: 8pt; }\n"
	"th, td { border: 1px solid #9aa5b1; padding: 2pt 3pt; vertical-align: top; text-align: left; }\n"
	"th { background: #dce6f1; }\n"
	"td.n { text-align: right; white-space: nowrap; }\n"
	"thead { display: table-header-group; }\n"
	"tr, .card, figure { break-inside: avoid; page-break-inside: avoid; }\n"
	"figure { margin: 4pt 0; }\n"
	"figcaption { font-size: 8pt; color: #444; }\n"
	"svg { width: 100%; height: auto; }\n"
	"footer { margin-top: 10pt; font-size: 7.5pt; color: #666; }\n";

/* Text for HTML: control characters made visible, markup escaped. */
static void esc(FILE *out, const char *s)
{
	char *vis = text_visible(s ? s : "", false);
	for (const char *p = vis ? vis : ""; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*p, out);
		}
	}
	free(vis);
}

static void cell_text(FILE *out, const char *v, enum col_type t)
{
	char d[11];
	rv_date day;
	if (!v)
		fputs("—", out);
	else if (t == COL_DATE && date_parse_iso(v, &day))
		fputs(date_vn(day, d), out);
	else
		esc(out, v);
}

static void cards(FILE *out, const struct rows *r)
{
	fputs("<div class=\"cards\">\n", out);
	for (int c = 0; r->n && c < r->ncols; c++) {
		fputs("<div class=\"card\">", out);
		esc(out, _(r->cols[c].header));
		fputs("<b>", out);
		cell_text(out, rows_get(r, 0, c), r->cols[c].type);
		fputs("</b></div>\n", out);
	}
	fputs("</div>\n", out);
}

static void table(FILE *out, const struct rows *r)
{
	fputs("<table><thead><tr>", out);
	for (int c = 0; c < r->ncols; c++) {
		fputs("<th>", out);
		esc(out, _(r->cols[c].header));
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < r->n; i++) {
		fputs("<tr>", out);
		for (int c = 0; c < r->ncols; c++) {
			enum col_type t = r->cols[c].type;
			fputs(t == COL_INT || t == COL_REAL ? "<td class=\"n\">" : "<td>", out);
			cell_text(out, rows_get(r, i, c), t);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void section(FILE *out, const struct report_section *s)
{
	fputs("<h2>", out);
	esc(out, _(s->title));
	fputs("</h2>\n", out);
	if (s->single)
		cards(out, s->rows);
	else if (s->rows->n)
		table(out, s->rows);
	else
		fprintf(out, "<p>%s</p>\n", _("(none)"));
}

/* ---- charts ---- */

static const char *const palette[] = { "#3b6fb6", "#4caf50", "#e53935", "#f0a030" };

/* Grouped vertical bars: ngroups labels × nseries values. */
static void bar_chart(FILE *out, const char *caption, const char *const *series, int nseries,
                      const char *const *labels, const double *values, int ngroups)
{
	double max = 1;
	for (int i = 0; i < ngroups * nseries; i++)
		max = values[i] > max ? values[i] : max;
	const double W = 640, H = 200, left = 36, bottom = 22, top = 18;
	double gw = (W - left - 4) / (ngroups ? ngroups : 1), bw = gw * 0.8 / nseries;
	fprintf(out, "<figure><svg viewBox=\"0 0 %.0f %.0f\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n", W, H);
	fprintf(out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#555\"/>\n", left, H - bottom, W,
	        H - bottom);
	fprintf(out, "<text x=\"2\" y=\"%.0f\" font-size=\"9\">%.0f</text>\n", top + 4, max);
	for (int g = 0; g < ngroups; g++) {
		for (int k = 0; k < nseries; k++) {
			double v = values[g * nseries + k], h = (H - bottom - top) * v / max;
			double x = left + g * gw + gw * 0.1 + k * bw;
			fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x,
			        H - bottom - h, bw, h, palette[k % 4]);
			if (v > 0)
				fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" text-anchor=\"middle\">%.0f</text>",
				        x + bw / 2, H - bottom - h - 2, v);
		}
		fprintf(out, "\n<text x=\"%.1f\" y=\"%.0f\" font-size=\"9\" text-anchor=\"middle\">", left + g * gw + gw / 2,
		        H - 8);
		esc(out, labels[g]);
		fputs("</text>\n", out);
	}
	for (int k = 0; k < nseries; k++) {
		fprintf(out, "<rect x=\"%.0f\" y=\"2\" width=\"9\" height=\"9\" fill=\"%s\"/><text x=\"%.0f\" y=\"10\" "
		        "font-size=\"9\">", left + k * 130, palette[k % 4], left + k * 130 + 12);
		esc(out, series[k]);
		fputs("</text>\n", out);
	}
	fputs("</svg><figcaption>", out);
	esc(out, caption);
	fputs("</figcaption></figure>\n", out);
}

static double num(const struct rows *r, size_t i, const char *key)
{
	for (int c = 0; c < r->ncols; c++)
		if (strcmp(r->cols[c].key, key) == 0) {
			const char *v = rows_get(r, i, c);
			return v ? strtod(v, NULL) : 0;
		}
	return 0;
}

static const struct rows *find(const struct report *rep, const char *key)
{
	for (int i = 0; i < rep->n; i++)
		if (rep->sec[i].key && strcmp(rep->sec[i].key, key) == 0)
			return rep->sec[i].rows;
	return NULL;
}

/* Month by month: received, answered, overdue. */
static void months_chart(FILE *out, const struct rows *m)
{
	if (!m || !m->n || m->n > 60)
		return;
	double *v = calloc(m->n * 3, sizeof *v);
	const char **labels = calloc(m->n, sizeof *labels);
	for (size_t i = 0; v && labels && i < m->n; i++) {
		labels[i] = rows_get(m, i, 0);
		v[i * 3] = num(m, i, "received");
		v[i * 3 + 1] = num(m, i, "answered");
		v[i * 3 + 2] = num(m, i, "overdue");
	}
	const char *series[] = { _("Received"), _("Answered"), _("Overdue") };
	if (v && labels)
		bar_chart(out, _("Month by month"), series, 3, labels, v, (int)m->n);
	free(v);
	free(labels);
}

/* Per agency (at most 12): answered on time, overdue. */
static void agencies_chart(FILE *out, const struct rows *a)
{
	size_t n = a && a->n < 12 ? a->n : 12;
	if (!a || !n)
		return;
	double v[24];
	const char *labels[12];
	for (size_t i = 0; i < n; i++) {
		labels[i] = rows_get(a, i, 0);
		v[i * 2] = num(a, i, "answered_on_time");
		v[i * 2 + 1] = num(a, i, "overdue");
	}
	const char *series[] = { _("Answered on time"), _("Overdue") };
	bar_chart(out, _("By lead agency"), series, 2, labels, v, (int)n);
}

/* A conference's progress as one bar per measure. */
static void progress_chart(FILE *out, const struct rows *p)
{
	if (!p || !p->n)
		return;
	static const char *const keys[] = { "total", "answered", "answered_in_session", "answered_on_time", "overdue", "open" };
	const char *labels[6];
	double v[6];
	for (int i = 0; i < 6; i++) {
		v[i] = num(p, 0, keys[i]);
		labels[i] = _(p->cols[i].header);
	}
	const char *series[] = { _("Petitions") };
	bar_chart(out, _("Progress"), series, 1, labels, v, 6);
}

/* ---- the document ---- */

static void document(FILE *out, const struct report *rep)
{
	char now[21];
	rv_now(now);
	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
	esc(out, rep->title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", css);
	esc(out, rep->title);
	fprintf(out, "</h1>\n<p class=\"meta\">%s</p>\n", _("Ban Quản lý các Khu công nghệ cao và Khu công nghiệp thành phố Hà Nội"));
	bool conf = strcmp(rep->kind, "conference") == 0;
	for (int i = 0; i < rep->n; i++) {
		section(out, &rep->sec[i]);
		if (conf && rep->sec[i].key && strcmp(rep->sec[i].key, "progress") == 0)
			progress_chart(out, rep->sec[i].rows);
		if (!conf && rep->sec[i].key && strcmp(rep->sec[i].key, "months") == 0)
			months_chart(out, rep->sec[i].rows);
		if (!conf && rep->sec[i].key && strcmp(rep->sec[i].key, "agencies") == 0)
			agencies_chart(out, rep->sec[i].rows);
	}
	fprintf(out, "<footer>roviec — %s %.10s</footer>\n</body>\n</html>\n", _("generated on"), now);
}

enum rv_code export_html(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count)
{
	struct report *rep = NULL;
	enum rv_code rc;
	rv_date from = o->from, to = o->to;
	if (o->conference) {
		rc = report_conference(rv, o->conference, &rep);
	} else {
		rc = from == RV_DATE_NONE && to == RV_DATE_NONE ? report_range(rv, NULL, NULL, true, &from, &to) : RV_OK;
		if (!rc)
			rc = report_period(rv, from, to, &rep);
	}
	if (rc)
		return rc;
	const struct rows *p = find(rep, o->conference ? "petitions" : "totals");
	*count = !p ? 0 : o->conference ? (int64_t)p->n : (int64_t)num(p, 0, "received");
	document(out, rep);
	report_free(&rep);
	return ferror(out) ? rv_fail(rv, RV_EIO, NULL, _("cannot write the export")) : RV_OK;
}
