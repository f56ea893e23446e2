/* view_enterprise.c — an enterprise's own petitions, read-only.
 *
 * For a user whose role is enterprise: the core already limits every
 * query to the enterprise's petitions; this screen shows what matters to
 * them (status, lead agency, deadline, and whether an answer came) and
 * opens the petition read-only, where an answered one can be rated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "enums.h"
#include "plist.h"
#include "rowlist.h"
#include "screens.h"

enum col { E_CODE, E_RECEIVED, E_TITLE, E_LEAD, E_DEADLINE, E_STATUS, E_COUNT };

static const struct column column_table[E_COUNT] = {
	[E_CODE]     = { N_("Code"),     13, 0, 1, false },
	[E_RECEIVED] = { N_("Received"), 10, 0, 6, false },
	[E_TITLE]    = { N_("Title"),    12, 1, 3, false },
	[E_LEAD]     = { N_("Lead"),      7, 0, 5, false },
	[E_DEADLINE] = { N_("Deadline"), 10, 0, 4, false },
	[E_STATUS]   = { N_("Status"),   13, 0, 2, false },
};

/* The columns for this data: the code column as wide as the codes. */
static const struct column *columns_for(const struct plist *p, struct column cols[E_COUNT])
{
	memcpy(cols, column_table, sizeof column_table);
	cols[E_CODE].min = plist_code_width(p);
	return cols;
}

struct ent_view {
	struct plist *plist;
	char title[128];
};

static const struct key_help ent_keys[] = {
	{ ACT_ENTER, N_("Open"), N_("Open the petition (an answered one can be rated there)"), true },
	{ ACT_SEARCH, N_("Search"), NULL, true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_BACK, N_("Quit"), NULL, true },
	ROWLIST_NAV_KEYS,
	{ ACT_RELOAD, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static void draw_own_row(struct plist *p, const struct pq_row *r, int y, int x, int width,
                         bool selected)
{
	struct column_pos pos[E_COUNT];
	char received[11], deadline[11], status[64];
	enum style st = petition_style(ui_rv(plist_ui(p)), r->status, r->deadline, r->overdue);
	enum style row_st = selected ? ST_SELECTED : ST_NORMAL;

	struct column cols[E_COUNT];
	const struct column *columns = columns_for(p, cols);

	columns_layout(columns, E_COUNT, width, pos);
	draw_text(y, x, width, "", row_st, false);
	columns_cell(&columns[E_CODE], &pos[E_CODE], y, x, r->code, row_st);
	columns_cell(&columns[E_RECEIVED], &pos[E_RECEIVED], y, x, fmt_date(r->received, received), row_st);
	columns_cell(&columns[E_TITLE], &pos[E_TITLE], y, x, r->title, row_st);
	columns_cell(&columns[E_LEAD], &pos[E_LEAD], y, x, r->lead, row_st);
	columns_cell(&columns[E_DEADLINE], &pos[E_DEADLINE], y, x, fmt_date(r->deadline, deadline), row_st);
	columns_cell(&columns[E_STATUS], &pos[E_STATUS], y, x,
	             fmt_status(r->status, r->overdue, r->days_overdue, status, sizeof status),
	             selected ? row_st : st);
}

static bool ent_open(struct view *v, void *arg)
{
	struct ent_view *ev = calloc(1, sizeof *ev);

	(void)arg;
	if (!ev || !(ev->plist = plist_new(v->ui, draw_own_row, N_("You have no petitions yet")))) {
		free(ev);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	v->data = ev;
	return true;
}

static void ent_close(struct view *v)
{
	struct ent_view *ev = v->data;

	plist_free(&ev->plist);
	free(ev);
}

static void ent_draw(struct view *v)
{
	struct ent_view *ev = v->data;
	struct rect a = v->area;
	struct rect rows = { a.y + 2, a.x, a.h - 2, a.w };
	struct column cols[E_COUNT];
	const struct pq_filter *f = plist_filter(ev->plist);
	char line[300];

	/* rows first: what they fetch decides the width of the code column */
	list_draw(plist_list(ev->plist), &rows);
	if (f->search)
		snprintf(line, sizeof line, _("Search: “%s”"), f->search);
	else
		snprintf(line, sizeof line, "%s", _("Your petitions and where each one stands"));
	draw_text(a.y, a.x, a.w, line, f->search ? ST_LABEL : ST_DIM, false);
	rowlist_header(columns_for(ev->plist, cols), E_COUNT, a.y + 1, a.x, a.w);
}

static const char *ent_title(struct view *v)
{
	struct ent_view *ev = v->data;

	snprintf(ev->title, sizeof ev->title, _("My petitions (%s)"), rv_actor(ui_rv(v->ui)));
	return ev->title;
}

static void ent_status(struct view *v, char *buf, size_t size)
{
	struct ent_view *ev = v->data;
	struct list *l = plist_list(ev->plist);
	char a[32], b[32];

	if (!list_selected(l)) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, _("%s of %s"), fmt_count(list_position(l) + 1, a, sizeof a),
	         fmt_count(list_total(l), b, sizeof b));
}

static int ent_search(struct view *v, const char *query, enum search_dir dir)
{
	return plist_search(((struct ent_view *)v->data)->plist, query, dir);
}

static int ent_request(struct view *v, const struct ui_event *e)
{
	struct ent_view *ev = v->data;
	const struct pq_row *r;

	switch (e->act) {
	case ACT_ENTER:
		r = plist_selected(ev->plist);
		if (r)
			screen_petition(v->ui, r->code);
		return RD_ALL;
	case ACT_RELOAD:
		list_reload(plist_list(ev->plist));
		return RD_ALL;
	default:
		return list_request(plist_list(ev->plist), e);
	}
}

static int ent_idle(struct view *v)
{
	return plist_idle(((struct ent_view *)v->data)->plist);
}

static int ent_resume(struct view *v)
{
	struct ent_view *ev = v->data;

	list_refresh(plist_list(ev->plist));
	return RD_ALL;
}

static const struct view_ops view_enterprise_ops = {
	.name = N_("My petitions"),
	.keys = ent_keys,
	.open = ent_open,
	.close = ent_close,
	.draw = ent_draw,
	.request = ent_request,
	.title = ent_title,
	.status = ent_status,
	.search = ent_search,
	.resume = ent_resume,
	.idle = ent_idle,
};

bool screen_enterprise(struct ui *ui)
{
	return ui_push(ui, &view_enterprise_ops, NULL) != NULL;
}
