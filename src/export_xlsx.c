/* export_xlsx.c — an Excel workbook (libxlsxwriter): a formatted sheet
 * per report (Summary, Agencies, Categories, Period) and the petitions.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode: each
 * sheet is streamed row by row to a temporary file, so 100,000 petitions
 * take no more memory than ten.  Dates are real Excel dates shown
 * dd/mm/yyyy; counts and averages are numbers; every sheet prints on A4
 * landscape, one page wide, with its header row repeated. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "export.h"
#include "i18n.h"
#include "petition.h"
#include "report.h"
#include "rv_internal.h"
#include "text.h"

struct book {
	lxw_workbook *wb;
	lxw_format *title, *section, *header, *text, *date, *num, *real, *label;
};

static void make_formats(struct book *b)
{
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	b->section = workbook_add_format(b->wb);
	format_set_bold(b->section);
	format_set_font_size(b->section, 12);
	b->header = workbook_add_format(b->wb);
	format_set_bold(b->header);
	format_set_bg_color(b->header, 0xDCE6F1);
	format_set_border(b->header, LXW_BORDER_THIN);
	format_set_text_wrap(b->header);
	format_set_align(b->header, LXW_ALIGN_VERTICAL_TOP);
	b->text = workbook_add_format(b->wb);
	format_set_border(b->text, LXW_BORDER_THIN);
	format_set_text_wrap(b->text);
	format_set_align(b->text, LXW_ALIGN_VERTICAL_TOP);
	b->date = workbook_add_format(b->wb);
	format_set_border(b->date, LXW_BORDER_THIN);
	format_set_num_format(b->date, "dd/mm/yyyy");
	format_set_align(b->date, LXW_ALIGN_VERTICAL_TOP);
	b->num = workbook_add_format(b->wb);
	format_set_border(b->num, LXW_BORDER_THIN);
	format_set_align(b->num, LXW_ALIGN_VERTICAL_TOP);
	b->real = workbook_add_format(b->wb);
	format_set_border(b->real, LXW_BORDER_THIN);
	format_set_num_format(b->real, "0.00");
	format_set_align(b->real, LXW_ALIGN_VERTICAL_TOP);
	b->label = workbook_add_format(b->wb);
	format_set_bold(b->label);
	format_set_border(b->label, LXW_BORDER_THIN);
}

static void page_setup(lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
}

static void write_date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, rv_date d, lxw_format *f)
{
	if (d == RV_DATE_NONE) {
		worksheet_write_blank(ws, r, c, f);
		return;
	}
	lxw_datetime dt = { 0 };
	date_to_ymd(d, &dt.year, &dt.month, &dt.day);
	worksheet_write_datetime(ws, r, c, &dt, f);
}

static void write_cell(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *v, enum col_type t)
{
	rv_date d;
	if (!v)
		worksheet_write_blank(ws, r, c, t == COL_TEXT ? b->text : b->num);
	else if (t == COL_INT || t == COL_BOOL)
		worksheet_write_number(ws, r, c, strtod(v, NULL), b->num);
	else if (t == COL_REAL)
		worksheet_write_number(ws, r, c, strtod(v, NULL), b->real);
	else if (t == COL_DATE && date_parse_iso(v, &d))
		write_date(ws, r, c, d, b->date);
	else
		worksheet_write_string(ws, r, c, v, b->text);
}

/* Column widths from the widest cell of each column (capped). */
static void set_widths(lxw_worksheet *ws, const struct report *rep)
{
	double w[32] = { 0 };
	for (int s = 0; s < rep->n; s++) {
		const struct rows *r = rep->sec[s].rows;
		if (rep->sec[s].single) {
			for (int c = 0; c < r->ncols; c++) {
				int hw = text_width(_(r->cols[c].header)), vw = r->n ? text_width(rows_get(r, 0, c)) : 0;
				w[0] = hw > w[0] ? hw : w[0];
				w[1] = vw > w[1] ? vw : w[1];
			}
			continue;
		}
		for (int c = 0; c < r->ncols && c < 32; c++) {
			int hw = text_width(_(r->cols[c].header));
			w[c] = hw > w[c] ? hw : w[c];
			for (size_t i = 0; i < r->n; i++) {
				int vw = text_width(rows_get(r, i, c));
				w[c] = vw > w[c] ? vw : w[c];
			}
		}
	}
	for (int c = 0; c < 32; c++)
		if (w[c] > 0)
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c] > 60 ? 60 : w[c] + 2, NULL);
}

static lxw_row_t write_section(struct book *b, lxw_worksheet *ws, lxw_row_t row, const struct report_section *s)
{
	const struct rows *r = s->rows;
	worksheet_write_string(ws, row++, 0, _(s->title), b->section);
	if (s->single) {
		for (int c = 0; c < r->ncols && r->n; c++, row++) {
			worksheet_write_string(ws, row, 0, _(r->cols[c].header), b->label);
			write_cell(b, ws, row, 1, rows_get(r, 0, c), r->cols[c].type);
		}
		return row + 1;
	}
	for (int c = 0; c < r->ncols; c++)
		worksheet_write_string(ws, row, (lxw_col_t)c, _(r->cols[c].header), b->header);
	row++;
	for (size_t i = 0; i < r->n; i++, row++)
		for (int c = 0; c < r->ncols; c++)
			write_cell(b, ws, row, (lxw_col_t)c, rows_get(r, i, c), r->cols[c].type);
	return row + 1;
}

static enum rv_code report_sheet(struct rv *rv, struct book *b, const char *name, struct report *rep)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws)
		return rv_fail(rv, RV_EIO, NULL, _("cannot add the sheet %s"), name);
	page_setup(ws);
	set_widths(ws, rep);
	worksheet_write_string(ws, 0, 0, rep->title, b->title);
	lxw_row_t row = 2;
	for (int i = 0; i < rep->n; i++)
		row = write_section(b, ws, row, &rep->sec[i]);
	return RV_OK;
}

/* The report sheets, in order: all-time reports, then the period. */
static const struct {
	const char *name;
	enum rv_code (*build)(struct rv *rv, rv_date from, rv_date to, struct report **out);
	bool period;
} report_sheets[] = {
	{ N_("Summary"), report_summary, false },
	{ N_("Agencies"), report_agencies, false },
	{ N_("Categories"), report_categories, false },
	{ N_("Period"), report_period, true },
};

static enum rv_code report_sheets_write(struct rv *rv, struct book *b, rv_date from, rv_date to)
{
	enum rv_code rc = RV_OK;
	for (size_t i = 0; !rc && i < sizeof report_sheets / sizeof report_sheets[0]; i++) {
		struct report *r = NULL;
		bool p = report_sheets[i].period;
		rc = report_sheets[i].build(rv, p ? from : RV_DATE_NONE, p ? to : RV_DATE_NONE, &r);
		if (!rc)
			rc = report_sheet(rv, b, _(report_sheets[i].name), r);
		report_free(&r);
	}
	return rc;
}

/* ---- the petitions sheet ---- */

static const struct {
	const char *header;
	double width;
} pcols[] = {
	{ N_("Code"), 15 }, { N_("Received"), 11 }, { N_("Enterprise"), 30 }, { N_("Tax code"), 13 },
	{ N_("Park"), 20 }, { N_("Category"), 22 }, { N_("Title"), 40 }, { N_("Lead"), 8 },
	{ N_("Coordinating"), 12 }, { N_("Person"), 18 }, { N_("Deadline"), 11 }, { N_("Status"), 14 },
	{ N_("Days overdue"), 8 }, { N_("Result"), 40 }, { N_("Answered"), 11 }, { N_("Days late"), 8 },
	{ N_("Rating"), 7 }, { N_("Conference"), 9 },
};
#define NPCOLS ((int)(sizeof pcols / sizeof pcols[0]))

struct sheet {
	struct book *b;
	lxw_worksheet *ws;
	lxw_row_t row;
};

static void opt_number(struct sheet *s, lxw_col_t c, double v, bool present)
{
	if (present)
		worksheet_write_number(s->ws, s->row, c, v, s->b->num);
	else
		worksheet_write_blank(s->ws, s->row, c, s->b->num);
}

static void opt_string(struct sheet *s, lxw_col_t c, const char *v)
{
	if (v)
		worksheet_write_string(s->ws, s->row, c, v, s->b->text);
	else
		worksheet_write_blank(s->ws, s->row, c, s->b->text);
}

static enum rv_code petition_row(struct rv *rv, const struct petition *p, void *ctx)
{
	struct sheet *s = ctx;
	struct book *b = s->b;
	char *coord = export_coordinating(p);
	if (!coord)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	s->row++;
	opt_string(s, 0, p->code);
	write_date(s->ws, s->row, 1, p->received, b->date);
	opt_string(s, 2, p->enterprise_name);
	opt_string(s, 3, p->enterprise_tax_code);
	opt_string(s, 4, p->zone);
	opt_string(s, 5, p->category_label);
	opt_string(s, 6, p->title);
	opt_string(s, 7, p->lead.code);
	opt_string(s, 8, *coord ? coord : NULL);
	opt_string(s, 9, p->responsible_person);
	write_date(s->ws, s->row, 10, p->deadline, b->date);
	opt_string(s, 11, enum_label(&status_set, (int)p->status));
	opt_number(s, 12, p->days_overdue, p->overdue);
	opt_string(s, 13, p->result);
	write_date(s->ws, s->row, 14, p->answered, b->date);
	opt_number(s, 15, p->late_days, p->late_days >= 0);
	opt_number(s, 16, p->rating, p->rating > 0);
	opt_number(s, 17, (double)p->conference, p->conference > 0);
	free(coord);
	return RV_OK;
}

static enum rv_code petitions_sheet(struct rv *rv, struct book *b, const struct export_options *o, int64_t *count)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, _("Petitions"));
	if (!ws)
		return rv_fail(rv, RV_EIO, NULL, _("cannot add the petitions sheet"));
	page_setup(ws);
	worksheet_repeat_rows(ws, 0, 0);
	worksheet_freeze_panes(ws, 1, 1);
	/* the code column fits the widest code issued (KN-2026-1000000 too) */
	double code_w = petition_code_width(rv) + 2;
	for (int c = 0; c < NPCOLS; c++) {
		double w = c == 0 && code_w > pcols[c].width ? code_w : pcols[c].width;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, _(pcols[c].header), b->header);
	}
	struct sheet s = { b, ws, 0 };
	enum rv_code rc = export_each(rv, o, petition_row, &s);
	*count = s.row;
	if (!rc)
		worksheet_autofilter(ws, 0, 0, s.row, NPCOLS - 1);
	return rc;
}

enum rv_code export_xlsx(struct rv *rv, const struct export_options *o, const char *path, int64_t *count)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	struct book b = { .wb = workbook_new_opt(path, &opt) };
	if (!b.wb)
		return rv_fail(rv, RV_EIO, "output", _("output: cannot create %s"), path);
	make_formats(&b);
	rv_date from = o->from, to = o->to;
	enum rv_code rc = RV_OK;
	if (from == RV_DATE_NONE && to == RV_DATE_NONE)
		rc = report_range(rv, NULL, NULL, true, &from, &to);
	if (!rc)
		rc = report_sheets_write(rv, &b, from, to);
	if (!rc)
		rc = petitions_sheet(rv, &b, o, count);
	lxw_error e = workbook_close(b.wb);
	if (!rc && e != LXW_NO_ERROR)
		rc = rv_fail(rv, RV_EIO, "output", _("output: cannot write %s: %s"), path, lxw_strerror(e));
	return rc;
}
