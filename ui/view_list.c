/* view_list.c — the petition list: the screen most people live in.
 *
 * Rows come from plist (keyset pages, never the whole table).  Top row:
 * the active filters; then the column headers (the sorted one marked ▲/▼);
 * then the petitions, overdue ones in the overdue style with the working
 * days late in the status column.  `/` filters by accent-insensitive search
 * as you type; f opens the filter form; s the sort menu. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "dialog.h"
#include "enums.h"
#include "form.h"
#include "plist.h"
#include "pickers.h"
#include "screens.h"

enum col { C_CODE, C_RECEIVED, C_ENTERPRISE, C_CATEGORY, C_LEAD, C_DEADLINE, C_STATUS, C_COUNT };

static const struct column column_table[C_COUNT] = {
	[C_CODE]       = { N_("Code"),       13, 0, 1, false },
	[C_RECEIVED]   = { N_("Received"),   10, 0, 6, false },
	[C_ENTERPRISE] = { N_("Enterprise"), 10, 3, 3, false },
	[C_CATEGORY]   = { N_("Category"),    8, 2, 7, false },
	[C_LEAD]       = { N_("Lead"),        7, 0, 5, false },
	[C_DEADLINE]   = { N_("Deadline"),   10, 0, 4, false },
	[C_STATUS]     = { N_("Status"),     13, 0, 2, false },
};

/* The columns for this data: the code column as wide as the codes. */
static const struct column *columns_for(const struct plist *p, struct column cols[C_COUNT])
{
	memcpy(cols, column_table, sizeof column_table);
	cols[C_CODE].min = plist_code_width(p);
	return cols;
}

/* The column each sort order sorts (for the ▲/▼ mark) and its label. */
static const struct {
	enum col col;
	const char *label;
} sorts[PQ_SORT_COUNT] = {
	[PQ_RECEIVED]   = { C_RECEIVED, N_("Received date") },
	[PQ_CODE]       = { C_CODE, N_("Tracking code") },
	[PQ_DEADLINE]   = { C_DEADLINE, N_("Deadline") },
	[PQ_ENTERPRISE] = { C_ENTERPRISE, N_("Enterprise") },
	[PQ_CATEGORY]   = { C_CATEGORY, N_("Category") },
	[PQ_AGENCY]     = { C_LEAD, N_("Lead agency") },
	[PQ_STATUS]     = { C_STATUS, N_("Status") },
};

struct list_view {
	struct plist *plist;
	char title[96];
};

static const struct key_help lv_keys[] = {
	{ ACT_ENTER, N_("Open"), N_("Open the selected petition"), true },
	{ ACT_SEARCH, N_("Search"), N_("Search as you type (accents and case do not matter)"), true },
	{ ACT_FILTER, N_("Filter"), N_("Filter by status, deadline, agency, zone, conference…"), true },
	{ ACT_SORT, N_("Sort"), N_("Sort by a column (again: reverse)"), true },
	{ ACT_NEW, N_("New"), N_("Record a new petition"), true },
	{ ACT_BOARD, N_("Board"), N_("The officials' board: who is late"), true },
	{ ACT_CONFERENCES, N_("Conf."), N_("Dialogue conferences and their follow-up tables"), true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_BACK, N_("Quit"), N_("Quit (or go back to the board)"), true },
	{ ACT_CLEAR, NULL, NULL, false },
	{ ACT_RELOAD, NULL, NULL, false },
	{ ACT_DOWN, NULL, NULL, false },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_PAGE_DOWN, NULL, NULL, false },
	{ ACT_PAGE_UP, NULL, NULL, false },
	{ ACT_HALF_DOWN, NULL, NULL, false },
	{ ACT_HALF_UP, NULL, NULL, false },
	{ ACT_HOME, NULL, NULL, false },
	{ ACT_END, NULL, NULL, false },
	{ ACT_SEARCH_NEXT, N_("Next petition"), NULL, false },
	{ ACT_SEARCH_PREV, N_("Previous petition"), NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static void draw_petition_row(struct plist *p, const struct pq_row *r, int y, int x,
                              int width, bool selected)
{
	struct column_pos pos[C_COUNT];
	char received[11], deadline[11], status[64];
	struct rv *rv = ui_rv(plist_ui(p));
	enum style st = petition_style(rv, r->status, r->deadline, r->overdue);
	enum style row_st = selected ? ST_SELECTED : ST_NORMAL;

	struct column cols[C_COUNT];
	const struct column *columns = columns_for(p, cols);

	columns_layout(columns, C_COUNT, width, pos);
	draw_text(y, x, width, "", row_st, false);
	columns_cell(&columns[C_CODE], &pos[C_CODE], y, x, r->code, row_st);
	columns_cell(&columns[C_RECEIVED], &pos[C_RECEIVED], y, x, fmt_date(r->received, received), row_st);
	columns_cell(&columns[C_ENTERPRISE], &pos[C_ENTERPRISE], y, x,
	             short_enterprise_name(r->enterprise), row_st);
	columns_cell(&columns[C_CATEGORY], &pos[C_CATEGORY], y, x, r->category, row_st);
	columns_cell(&columns[C_LEAD], &pos[C_LEAD], y, x, r->lead, row_st);
	columns_cell(&columns[C_DEADLINE], &pos[C_DEADLINE], y, x, fmt_date(r->deadline, deadline),
	             selected ? row_st : (st == ST_OVERDUE || st == ST_DUE_SOON ? st : row_st));
	columns_cell(&columns[C_STATUS], &pos[C_STATUS], y, x,
	             fmt_status(r->status, r->overdue, r->days_overdue, status, sizeof status),
	             selected ? row_st : st);
}

static bool lv_open(struct view *v, void *arg)
{
	const struct list_args *a = arg;
	struct list_view *lv = calloc(1, sizeof *lv);

	if (!lv || !(lv->plist = plist_new(v->ui, draw_petition_row, N_("No petitions match")))) {
		free(lv);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	if (a) {
		struct pq_filter f;
		pq_filter_init(&f);
		f.agency = a->agency;
		f.status_mask = a->status_mask;
		f.overdue = a->overdue;
		f.due_within = a->due_within;
		plist_apply(lv->plist, &f);
		plist_set_sort(lv->plist, PQ_DEADLINE, false);
	}
	v->data = lv;
	return true;
}

static void lv_close(struct view *v)
{
	struct list_view *lv = v->data;

	plist_free(&lv->plist);
	free(lv);
}

static void lv_draw(struct view *v)
{
	struct list_view *lv = v->data;
	struct rect a = v->area;
	struct rect rows = { a.y + 2, a.x, a.h - 2, a.w };
	char filters[400], bar[480];
	const struct pq_filter *f = plist_filter(lv->plist);
	struct column cols[C_COUNT];
	struct column_pos pos[C_COUNT];

	/* rows first: what they fetch decides the width of the code column */
	list_draw(plist_list(lv->plist), &rows);
	plist_describe(lv->plist, filters, sizeof filters);
	if (filters[0])
		snprintf(bar, sizeof bar, _("Filter: %s  (c clears)"), filters);
	else
		snprintf(bar, sizeof bar, "%s", _("All petitions  (f filters, / searches)"));
	draw_text(a.y, a.x, a.w, bar, filters[0] ? ST_LABEL : ST_DIM, false);
	const struct column *columns = columns_for(lv->plist, cols);
	columns_layout(columns, C_COUNT, a.w, pos);
	columns_header(columns, pos, C_COUNT, a.y + 1, a.x, (int)sorts[f->sort].col, f->descending);
}

static const char *lv_title(struct view *v)
{
	struct list_view *lv = v->data;
	long total = list_total(plist_list(lv->plist));
	char n[32];

	if (total >= 0)
		snprintf(lv->title, sizeof lv->title, _("Petitions (%s)"), fmt_count(total, n, sizeof n));
	else
		snprintf(lv->title, sizeof lv->title, "%s", _("Petitions"));
	return lv->title;
}

/* Position, and the selected petition's title (the table has no room). */
static void lv_status(struct view *v, char *buf, size_t size)
{
	struct list_view *lv = v->data;
	struct list *l = plist_list(lv->plist);
	const struct pq_row *r = plist_selected(lv->plist);
	long pos = list_position(l), total = list_total(l);
	char a[32], b[32];

	if (!r) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, "%s/%s · %s", pos >= 0 ? fmt_count(pos + 1, a, sizeof a) : "?",
	         total >= 0 ? fmt_count(total, b, sizeof b) : "?", r->title ? r->title : "");
}

/* ---- sort ---- */

static int sort_chosen(void *ctx, int choice)
{
	struct list_view *lv = ctx;
	const struct pq_filter *f = plist_filter(lv->plist);

	if (choice < 0 || choice >= PQ_SORT_COUNT)
		return RD_NONE;
	if ((enum pq_sort)choice == f->sort)
		plist_set_sort(lv->plist, f->sort, !f->descending);
	else
		plist_set_sort(lv->plist, (enum pq_sort)choice, choice == PQ_RECEIVED);
	return RD_ALL;
}

static void open_sort_menu(struct view *v)
{
	struct list_view *lv = v->data;
	const struct pq_filter *f = plist_filter(lv->plist);
	char labels[PQ_SORT_COUNT][96];
	const char *items[PQ_SORT_COUNT];

	for (int i = 0; i < PQ_SORT_COUNT; i++) {
		if (i == (int)f->sort)
			snprintf(labels[i], sizeof labels[i], "%s %s", _(sorts[i].label),
			         f->descending ? _("▼ (Enter: ascending)") : _("▲ (Enter: descending)"));
		else
			snprintf(labels[i], sizeof labels[i], "%s", _(sorts[i].label));
		items[i] = labels[i];
	}
	dialog_menu(v->ui, _("Sort by"), items, PQ_SORT_COUNT, (int)f->sort, sort_chosen, lv);
}

/* ---- the filter form ---- */

static const struct field_spec filter_fields[] = {
	{ .key = "status", .label = N_("Status"), .kind = FK_PICK, .pick = pick_status },
	{ .key = "deadline", .label = N_("Deadline"), .kind = FK_PICK, .pick = NULL },
	{ .key = "within", .label = N_("Within (days)"), .kind = FK_TEXT, .max_bytes = 4,
	  .hint = N_("working days, for “due within”") },
	{ .key = "agency", .label = N_("Lead agency"), .kind = FK_PICK, .pick = pick_agency },
	{ .key = "category", .label = N_("Category"), .kind = FK_PICK, .pick = pick_category },
	{ .key = "zone", .label = N_("Zone"), .kind = FK_PICK, .pick = pick_zone },
	{ .key = "conference", .label = N_("Conference"), .kind = FK_PICK, .pick = pick_conference },
	{ .key = "search", .label = N_("Search"), .kind = FK_TEXT, .max_bytes = 200 },
};

static int pick_deadline(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct pick_option all[2] = {
		{ (char *)"overdue", (char *)_("overdue") },
		{ (char *)"soon", (char *)_("due within N working days") },
	};
	(void)f;
	(void)ctx;
	return form_pick_from(all, 2, q, out, max);
}

static enum form_result filter_submit(struct form *f, void *ctx)
{
	struct list_view *lv = ctx;
	struct pq_filter nf;
	const char *status = form_value(f, "status");
	const char *deadline = form_value(f, "deadline");
	const char *within = form_value(f, "within");

	pq_filter_init(&nf);
	if (status) {
		if (strcmp(status, "open") == 0) {
			for (int s = 0; s < ST_COUNT; s++)
				if (status_is_open((enum status)s))
					nf.status_mask |= 1u << s;
		} else {
			nf.status_mask = 1u << enum_parse(&status_set, status);
		}
	}
	if (deadline && strcmp(deadline, "overdue") == 0)
		nf.overdue = true;
	if (deadline && strcmp(deadline, "soon") == 0) {
		char *end = NULL;
		long n = within && within[0] ? strtol(within, &end, 10) : plist_due_soon_days();
		if ((end && *end) || n < 0 || n > 365) {
			form_error(f, "within", _("a number of working days from 0 to 365"));
			return FORM_STAY;
		}
		nf.due_within = (int)n;
	}
	nf.agency = form_value(f, "agency");
	nf.category = form_value(f, "category");
	nf.zone = form_value(f, "zone");
	nf.conference = form_value(f, "conference");
	nf.search = form_value(f, "search");
	if (nf.search && !nf.search[0])
		nf.search = NULL;
	plist_apply(lv->plist, &nf);
	return FORM_CLOSE;
}

static void open_filter_form(struct view *v)
{
	struct list_view *lv = v->data;
	const struct pq_filter *cur = plist_filter(lv->plist);
	struct field_spec fields[UI_ARRAY_LEN(filter_fields)];
	char within[16] = "";

	memcpy(fields, filter_fields, sizeof fields);
	fields[1].pick = pick_deadline;
	if (cur->overdue) {
		fields[1].value = "overdue";
		fields[1].text = _("overdue");
	} else if (cur->due_within >= 0) {
		fields[1].value = "soon";
		fields[1].text = _("due within N working days");
		snprintf(within, sizeof within, "%d", cur->due_within);
		fields[2].text = within;
	}
	if (cur->status_mask && (cur->status_mask & (cur->status_mask - 1)) == 0) {
		for (int s = 0; s < ST_COUNT; s++)
			if (cur->status_mask == 1u << s) {
				fields[0].value = enum_db(&status_set, s);
				fields[0].text = enum_label(&status_set, s);
			}
	} else if (cur->status_mask) {
		fields[0].value = "open";
		fields[0].text = _("open (not yet answered)");
	}
	fields[3].value = fields[3].text = cur->agency;
	fields[4].value = fields[4].text = cur->category;
	fields[5].value = fields[5].text = cur->zone;
	fields[6].value = fields[6].text = cur->conference;
	fields[7].text = cur->search;
	struct form_spec spec = {
		.title = _("Filter petitions"),
		.submit_label = _("Apply"),
		.fields = fields,
		.nfields = (int)UI_ARRAY_LEN(fields),
		.ctx = lv,
		.submit = filter_submit,
		.intro = _("Leave a field empty for “any”."),
	};
	form_open(v->ui, &spec);
}

/* ---- requests ---- */

static int lv_search(struct view *v, const char *query, enum search_dir dir)
{
	return plist_search(((struct list_view *)v->data)->plist, query, dir);
}

static int lv_request(struct view *v, const struct ui_event *ev)
{
	struct list_view *lv = v->data;
	const struct pq_row *r;

	switch (ev->act) {
	case ACT_ENTER:
		r = plist_selected(lv->plist);
		if (r)
			screen_petition(v->ui, r->code);
		return RD_ALL;
	case ACT_SORT:
		open_sort_menu(v);
		return RD_ALL;
	case ACT_FILTER:
		open_filter_form(v);
		return RD_ALL;
	case ACT_CLEAR:
		plist_clear(lv->plist);
		return RD_ALL;
	case ACT_NEW:
		screen_intake(v->ui);
		return RD_ALL;
	case ACT_BOARD:
		screen_board(v->ui);
		return RD_ALL;
	case ACT_CONFERENCES:
		screen_conferences(v->ui);
		return RD_ALL;
	case ACT_RELOAD:
		list_reload(plist_list(lv->plist));
		return RD_ALL;
	default:
		return list_request(plist_list(lv->plist), ev);
	}
}

static int lv_idle(struct view *v)
{
	return plist_idle(((struct list_view *)v->data)->plist);
}

static int lv_resume(struct view *v)
{
	struct list_view *lv = v->data;

	list_refresh(plist_list(lv->plist));
	return RD_ALL;
}

static const struct view_ops view_list_ops = {
	.name = N_("Petitions"),
	.keys = lv_keys,
	.open = lv_open,
	.close = lv_close,
	.draw = lv_draw,
	.request = lv_request,
	.title = lv_title,
	.status = lv_status,
	.search = lv_search,
	.resume = lv_resume,
	.idle = lv_idle,
};

bool screen_list(struct ui *ui, const struct list_args *args)
{
	return ui_push(ui, &view_list_ops, (void *)args) != NULL;
}
