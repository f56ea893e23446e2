/* view_board.c — the officials' board: which agencies are late, by how much.
 *
 * One row per lead agency (board_load(): read from counters, cheap over a
 * million petitions), ranked most overdue first: a horizontal bar of its
 * overdue (█) and due-soon (▒) petitions on a common scale, the counts,
 * and the accountability columns (assigned, answered on time, average
 * working days late, extensions, average satisfaction).  Enter opens the
 * agency's open petitions, earliest deadline first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "columns.h"
#include "form.h"
#include "i18n.h"
#include "plist.h"
#include "rowlist.h"
#include "screens.h"

enum col { B_NAME, B_BAR, B_OVERDUE, B_SOON, B_ASSIGNED, B_ONTIME, B_LATE, B_EXT, B_RATING, B_COUNT };

static const struct column columns[B_COUNT] = {
	[B_NAME]     = { N_("Agency"),   12, 2, 1, false },
	[B_BAR]      = { N_("█ late ▒ soon"), 10, 3, 2, false },
	[B_OVERDUE]  = { N_("Late"),      6, 0, 1, true },
	[B_SOON]     = { N_("Soon"),      6, 0, 3, true },
	[B_ASSIGNED] = { N_("Given"),     7, 0, 5, true },
	[B_ONTIME]   = { N_("On time"),   8, 0, 4, true },
	[B_LATE]     = { N_("Days"),      6, 0, 6, true },
	[B_EXT]      = { N_("Ext."),      5, 0, 7, true },
	[B_RATING]   = { N_("Rating"),    8, 0, 8, true },
};

struct board_view {
	struct ui *ui;
	struct board *board;
	struct rowlist *list;
	int due_within;
	int64_t scale;   /* largest overdue + due soon */
};

static const struct key_help board_keys[] = {
	{ ACT_ENTER, N_("Petitions"), N_("The agency's open petitions, earliest deadline first"), true },
	{ ACT_FILTER, N_("Due soon"), N_("Change how many working days count as “due soon”"), true },
	{ ACT_RELOAD, N_("Reload"), NULL, true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_BACK, N_("Back"), NULL, true },
	{ ACT_DOWN, NULL, NULL, false },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_HOME, NULL, NULL, false },
	{ ACT_END, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

/* ---- rows: the board is small, so it is served from memory ---- */

static void draw_bar(struct board_view *bv, const struct board_row *r, int y, int x, int w,
                     enum style base)
{
	int over = 0, soon = 0;

	draw_text(y, x, w, "", base, false);
	if (bv->scale > 0) {
		over = (int)lround((double)r->overdue * w / (double)bv->scale);
		soon = (int)lround((double)(r->overdue + r->due_soon) * w / (double)bv->scale) - over;
		if (r->overdue > 0 && over == 0)
			over = 1;  /* one late petition is never invisible */
		if (r->due_soon > 0 && soon == 0 && over < w)
			soon = 1;
	}
	draw_repeat(y, x, over, "█", base == ST_SELECTED ? base : ST_BAR_OVERDUE);
	draw_repeat(y, x + over, soon, "▒", base == ST_SELECTED ? base : ST_BAR_SOON);
}

static void draw_row(void *ctx, const void *row, int y, int x, int width, bool selected)
{
	struct board_view *bv = ctx;
	const struct board_row *r = row;
	struct column_pos pos[B_COUNT];
	enum style st = selected ? ST_SELECTED : ST_NORMAL;
	char n1[32], n2[32], n3[32], pct[16], late[16], ext[32], rating[16];

	columns_layout(columns, B_COUNT, width, pos);
	draw_text(y, x, width, "", st, false);
	columns_cell(&columns[B_NAME], &pos[B_NAME], y, x, r->name, st);
	if (pos[B_BAR].w)
		draw_bar(bv, r, y, x + pos[B_BAR].x, pos[B_BAR].w, st);
	columns_cell(&columns[B_OVERDUE], &pos[B_OVERDUE], y, x, fmt_count(r->overdue, n1, sizeof n1),
	             selected ? st : (r->overdue ? ST_OVERDUE : ST_NORMAL));
	columns_cell(&columns[B_SOON], &pos[B_SOON], y, x, fmt_count(r->due_soon, n2, sizeof n2),
	             selected ? st : (r->due_soon ? ST_DUE_SOON : ST_NORMAL));
	columns_cell(&columns[B_ASSIGNED], &pos[B_ASSIGNED], y, x, fmt_count(r->assigned, n3, sizeof n3), st);
	if (r->answered)
		snprintf(pct, sizeof pct, "%d%%", (int)lround(r->on_time_rate * 100));
	else
		snprintf(pct, sizeof pct, "—");
	columns_cell(&columns[B_ONTIME], &pos[B_ONTIME], y, x, pct, st);
	columns_cell(&columns[B_LATE], &pos[B_LATE], y, x, fmt_decimal(r->avg_days_late, late, sizeof late), st);
	columns_cell(&columns[B_EXT], &pos[B_EXT], y, x, fmt_count(r->extensions, ext, sizeof ext), st);
	columns_cell(&columns[B_RATING], &pos[B_RATING], y, x,
	             r->rated ? fmt_decimal(r->avg_rating, rating, sizeof rating) : "—", st);
}

/* (Re)loads the board; false with a message when it cannot. */
static bool load(struct board_view *bv)
{
	struct rv *rv = ui_rv(bv->ui);
	struct board *b = NULL;

	if (board_load(rv, bv->due_within, &b) != RV_OK) {
		ui_error(bv->ui, "%s", rv_message(rv));
		return false;
	}
	rowlist_set(bv->list, b->rows, b->n, sizeof *b->rows, false);
	board_free(&bv->board);
	bv->board = b;
	bv->scale = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->rows[i].overdue + b->rows[i].due_soon > bv->scale)
			bv->scale = b->rows[i].overdue + b->rows[i].due_soon;
	return true;
}

static bool board_open(struct view *v, void *arg)
{
	struct board_view *bv = calloc(1, sizeof *bv);

	(void)arg;
	if (bv)
		bv->list = rowlist_new(draw_row, N_("No agency has been assigned a petition yet"), bv);
	if (!bv || !bv->list) {
		free(bv);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	bv->ui = v->ui;
	bv->due_within = plist_due_soon_days();
	if (!load(bv)) {
		rowlist_free(&bv->list);
		free(bv);
		return false;
	}
	v->data = bv;
	return true;
}

static void board_close(struct view *v)
{
	struct board_view *bv = v->data;

	rowlist_free(&bv->list);
	board_free(&bv->board);
	free(bv);
}

static void board_draw(struct view *v)
{
	struct board_view *bv = v->data;
	struct rect a = v->area;
	char line[400], n1[32], n2[32], n3[32];
	const struct board_row *t = &bv->board->total;

	snprintf(line, sizeof line, bv->due_within == 1 ? _("%s overdue · %s due within %d working day · %s open")
	                                                : _("%s overdue · %s due within %d working days · %s open"),
	         fmt_count(t->overdue, n1, sizeof n1), fmt_count(t->due_soon, n2, sizeof n2),
	         bv->due_within, fmt_count(t->open, n3, sizeof n3));
	draw_text(a.y, a.x, a.w, line, t->overdue ? ST_OVERDUE : ST_LABEL, false);
	rowlist_header(columns, B_COUNT, a.y + 1, a.x, a.w);
	struct rect r = { a.y + 2, a.x, a.h - 2, a.w };
	rowlist_draw(bv->list, &r);
}

static void board_status(struct view *v, char *buf, size_t size)
{
	(void)v;
	snprintf(buf, size, "%s", _("Days: average working days late · Ext.: extensions · "
	                            "Rating: average satisfaction (1–5)"));
}

static enum form_result within_submit(struct form *f, void *ctx)
{
	struct board_view *bv = ctx;
	const char *s = form_value(f, "within");
	char *end = NULL;
	long n = s ? strtol(s, &end, 10) : -1;

	if (!s || !s[0] || *end || n < 0 || n > 60) {
		form_error(f, "within", _("a number of working days from 0 to 60"));
		return FORM_STAY;
	}
	bv->due_within = (int)n;
	load(bv);
	return FORM_CLOSE;
}

static void ask_within(struct board_view *bv)
{
	char cur[16];
	struct field_spec field = { .key = "within", .label = N_("Within (days)"), .kind = FK_TEXT,
	                            .max_bytes = 3, .text = cur };

	snprintf(cur, sizeof cur, "%d", bv->due_within);
	struct form_spec spec = {
		.title = _("Due soon"),
		.submit_label = _("Apply"),
		.fields = &field,
		.nfields = 1,
		.ctx = bv,
		.submit = within_submit,
		.intro = _("A petition is due soon when its deadline falls within this many working days."),
	};
	form_open(bv->ui, &spec);
}

static int board_request(struct view *v, const struct ui_event *ev)
{
	struct board_view *bv = v->data;
	const struct board_row *r;

	switch (ev->act) {
	case ACT_ENTER:
		r = rowlist_selected(bv->list);
		if (r) {
			struct list_args a = { .agency = r->code, .due_within = -1 };
			for (int s = 0; s < ST_COUNT; s++)
				if (status_is_open((enum status)s))
					a.status_mask |= 1u << s;
			screen_list(v->ui, &a);
		}
		return RD_ALL;
	case ACT_FILTER:
		ask_within(bv);
		return RD_ALL;
	case ACT_RELOAD:
		load(bv);
		return RD_ALL;
	default:
		return rowlist_request(bv->list, ev);
	}
}

static int board_resume(struct view *v)
{
	struct board_view *bv = v->data;
	const struct board_row *sel = rowlist_selected(bv->list);
	char *code = sel && sel->code ? strdup(sel->code) : NULL;

	struct ui_event down = { .act = ACT_DOWN }, home = { .act = ACT_HOME };
	bool found = false;

	load(bv);
	/* keep the same agency selected */
	for (size_t i = 0; code && bv->board && i < bv->board->n && !found; i++) {
		const struct board_row *cur = rowlist_selected(bv->list);
		found = cur && cur->code && strcmp(cur->code, code) == 0;
		if (!found)
			rowlist_request(bv->list, &down);
	}
	if (!found)
		rowlist_request(bv->list, &home);
	free(code);
	return RD_ALL;
}

static const struct view_ops view_board_ops = {
	.name = N_("Officials' board"),
	.keys = board_keys,
	.open = board_open,
	.close = board_close,
	.draw = board_draw,
	.request = board_request,
	.status = board_status,
	.resume = board_resume,
};

bool screen_board(struct ui *ui)
{
	return ui_push(ui, &view_board_ops, NULL) != NULL;
}
