/* view_conferences.c — the dialogue conferences, newest first.
 *
 * One row per conference (conf_list(): a handful of rows, served from
 * memory): number, date, title, park, petitions linked, and the progress —
 * answered, answered on time, overdue now, average satisfaction.  A
 * conference with overdue petitions stands out.  Enter opens it with its
 * follow-up table (view_conference.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "conference.h"
#include "plist.h"
#include "rowlist.h"
#include "screens.h"

/* conf_list()'s columns */
enum { L_ID, L_DATE, L_TITLE, L_ZONE, L_CHAIR, L_PETITIONS, L_ANSWERED, L_OVERDUE, L_ONTIME, L_RATING };

enum col { K_ID, K_DATE, K_TITLE, K_ZONE, K_PETITIONS, K_ANSWERED, K_ONTIME, K_OVERDUE, K_RATING, K_COUNT };

static const struct column columns[K_COUNT] = {
	[K_ID]        = { N_("No."),         4, 0, 2, true },
	[K_DATE]      = { N_("Date"),       10, 0, 3, false },
	[K_TITLE]     = { N_("Conference"), 12, 4, 1, false },
	[K_ZONE]      = { N_("Park"),        8, 2, 8, false },
	[K_PETITIONS] = { N_("Pet."),        5, 0, 4, true },
	[K_ANSWERED]  = { N_("Answ."),       5, 0, 6, true },
	[K_ONTIME]    = { N_("On time"),     7, 0, 7, true },
	[K_OVERDUE]   = { N_("Late"),        5, 0, 5, true },
	[K_RATING]    = { N_("Rating"),      6, 0, 9, true },
};

struct confs_view {
	struct ui *ui;
	struct rows *rows;
	size_t *index;   /* row numbers handed to the list (stable pointers) */
	struct rowlist *list;
};

static const struct key_help confs_keys[] = {
	{ ACT_ENTER, N_("Open"), N_("The conference and its follow-up table"), true },
	{ ACT_RELOAD, N_("Reload"), NULL, true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_BACK, N_("Back"), NULL, true },
	ROWLIST_NAV_KEYS,
	{ ACT_NONE, NULL, NULL, false },
};

static const char *cell(const struct confs_view *cv, size_t i, int col)
{
	const char *s = rows_get(cv->rows, i, col);
	return s ? s : "";
}

static void draw_row(void *ctx, const void *row, int y, int x, int width, bool selected)
{
	struct confs_view *cv = ctx;
	size_t i = *(const size_t *)row;
	struct column_pos pos[K_COUNT];
	enum style st = selected ? ST_SELECTED : ST_NORMAL;
	long overdue = atol(cell(cv, i, L_OVERDUE));
	const char *rating = cell(cv, i, L_RATING);
	char date[11] = "", rbuf[16];
	rv_date d;

	if (date_parse_iso(cell(cv, i, L_DATE), &d))
		date_vn(d, date);
	columns_layout(columns, K_COUNT, width, pos);
	draw_text(y, x, width, "", st, false);
	columns_cell(&columns[K_ID], &pos[K_ID], y, x, cell(cv, i, L_ID), st);
	columns_cell(&columns[K_DATE], &pos[K_DATE], y, x, date, st);
	columns_cell(&columns[K_TITLE], &pos[K_TITLE], y, x, cell(cv, i, L_TITLE), st);
	columns_cell(&columns[K_ZONE], &pos[K_ZONE], y, x, cell(cv, i, L_ZONE), st);
	columns_cell(&columns[K_PETITIONS], &pos[K_PETITIONS], y, x, cell(cv, i, L_PETITIONS), st);
	columns_cell(&columns[K_ANSWERED], &pos[K_ANSWERED], y, x, cell(cv, i, L_ANSWERED), st);
	columns_cell(&columns[K_ONTIME], &pos[K_ONTIME], y, x, cell(cv, i, L_ONTIME), st);
	columns_cell(&columns[K_OVERDUE], &pos[K_OVERDUE], y, x, cell(cv, i, L_OVERDUE),
	             selected ? st : (overdue ? ST_OVERDUE : ST_NORMAL));
	columns_cell(&columns[K_RATING], &pos[K_RATING], y, x,
	             rating[0] ? fmt_decimal(atof(rating), rbuf, sizeof rbuf) : "—", st);
}

/* (Re)loads the conferences, the cursor back at its position when keep,
 * else on the first; false with a message when it cannot. */
static bool load(struct confs_view *cv, bool keep)
{
	struct rv *rv = ui_rv(cv->ui);
	struct rows *rows = NULL;
	size_t *index;

	if (conf_list(rv, &rows) != RV_OK) {
		ui_error(cv->ui, "%s", rv_message(rv));
		return false;
	}
	index = calloc(rows->n ? rows->n : 1, sizeof *index);
	if (!index) {
		rows_free(&rows);
		ui_error(cv->ui, "%s", _("Out of memory"));
		return false;
	}
	for (size_t i = 0; i < rows->n; i++)
		index[i] = i;
	rowlist_set(cv->list, index, rows->n, sizeof *index, keep);
	rows_free(&cv->rows);
	free(cv->index);
	cv->rows = rows;
	cv->index = index;
	return true;
}

static bool confs_open(struct view *v, void *arg)
{
	struct confs_view *cv = calloc(1, sizeof *cv);

	(void)arg;
	if (cv)
		cv->list = rowlist_new(draw_row, N_("No conference yet (roviec conference add)"), cv);
	if (!cv || !cv->list) {
		free(cv);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	cv->ui = v->ui;
	if (!load(cv, false)) {
		rowlist_free(&cv->list);
		free(cv);
		return false;
	}
	v->data = cv;
	return true;
}

static void confs_close(struct view *v)
{
	struct confs_view *cv = v->data;

	rowlist_free(&cv->list);
	rows_free(&cv->rows);
	free(cv->index);
	free(cv);
}

static void confs_draw(struct view *v)
{
	struct confs_view *cv = v->data;
	struct rect a = v->area;
	struct rect r = { a.y + 1, a.x, a.h - 1, a.w };

	rowlist_header(columns, K_COUNT, a.y, a.x, a.w);
	rowlist_draw(cv->list, &r);
}

/* The selected conference's chair and title (the table has no room). */
static void confs_status(struct view *v, char *buf, size_t size)
{
	struct confs_view *cv = v->data;
	const size_t *sel = rowlist_selected(cv->list);

	if (!sel) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, _("Chair: %s · %s"), cell(cv, *sel, L_CHAIR)[0] ? cell(cv, *sel, L_CHAIR) : "—",
	         cell(cv, *sel, L_TITLE));
}

static int confs_request(struct view *v, const struct ui_event *ev)
{
	struct confs_view *cv = v->data;
	const size_t *sel;

	switch (ev->act) {
	case ACT_ENTER:
		sel = rowlist_selected(cv->list);
		if (sel)
			screen_conference(v->ui, cell(cv, *sel, L_ID));
		return RD_ALL;
	case ACT_RELOAD:
		load(cv, false);
		return RD_ALL;
	default:
		return rowlist_request(cv->list, ev);
	}
}

/* Back from a conference: its figures may have changed. */
static int confs_resume(struct view *v)
{
	load(v->data, true);
	return RD_ALL;
}

static const struct view_ops view_conferences_ops = {
	.name = N_("Dialogue conferences"),
	.keys = confs_keys,
	.open = confs_open,
	.close = confs_close,
	.draw = confs_draw,
	.request = confs_request,
	.status = confs_status,
	.resume = confs_resume,
};

bool screen_conferences(struct ui *ui)
{
	return ui_push(ui, &view_conferences_ops, NULL) != NULL;
}
