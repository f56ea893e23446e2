/* view_conference.c — one dialogue conference and its follow-up table.
 *
 * From conf_load_head(): the details (date dd/mm/yyyy, place and park,
 * theme, chair, agencies taking part) and the progress (answered, in
 * session, on time, overdue, average satisfaction); below them the
 * follow-up table, one row per linked petition with the five clears —
 * enterprise, task, lead and coordinating agencies, person, deadline — its
 * status and result, paged from the core with conf_page() (a conference
 * of the demo at a million petitions links 31,000: the list keeps a few
 * pages, never the whole table).  The
 * columns that do not fit the width are shown for the selected row on the
 * status line; overdue rows stand out.  Enter opens the petition; i links
 * another petition (conf_link); a records an answer given in the session
 * (conf_answer).  Coming back to the screen reloads it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "conference.h"
#include "enums.h"
#include "form.h"
#include "pickers.h"
#include "list.h"
#include "plist.h"
#include "rowlist.h"
#include "screens.h"

enum col { F_CODE, F_ENTERPRISE, F_TASK, F_LEAD, F_COORD, F_PERSON, F_DEADLINE, F_STATUS, F_RESULT,
           F_COUNT };

static const struct column column_table[F_COUNT] = {
	[F_CODE]       = { N_("Code"),        13, 0, 1, false },
	[F_ENTERPRISE] = { N_("Enterprise"),  10, 2, 5, false },
	[F_TASK]       = { N_("Task"),        10, 3, 3, false },
	[F_LEAD]       = { N_("Lead"),         6, 0, 4, false },
	[F_COORD]      = { N_("Coord."),       7, 1, 8, false },
	[F_PERSON]     = { N_("Person"),      10, 1, 7, false },
	[F_DEADLINE]   = { N_("Deadline"),    10, 0, 6, false },
	[F_STATUS]     = { N_("Status"),      12, 0, 2, false },
	[F_RESULT]     = { N_("Result"),      10, 2, 9, false },
};

struct conf_view {
	struct ui *ui;
	char id[24];
	struct conference *c;    /* details and progress, no rows */
	struct list *list;       /* of struct followup_row *, from conf_page */
	struct column columns[F_COUNT]; /* column_table, the code as wide as the codes loaded */
	char title[160];
};

static const struct key_help conf_keys[] = {
	{ ACT_ENTER, N_("Open"), N_("Open the selected petition"), true },
	{ ACT_NEW, N_("Link"), N_("Link a petition to this conference"), true },
	{ ACT_ACTIONS, N_("Answer"), N_("Record an answer given in the session"), true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_BACK, N_("Back"), NULL, true },
	{ ACT_RELOAD, NULL, NULL, false },
	ROWLIST_NAV_KEYS,
	{ ACT_NONE, NULL, NULL, false },
};

/* ---- the follow-up table, a page at a time ---- */

static int fetch(void *ctx, const void *anchor, enum list_dir dir, int max, void **out)
{
	struct conf_view *cv = ctx;
	struct rv *rv = ui_rv(cv->ui);
	const struct followup_row *a = anchor;
	struct followup_row *rows = NULL;
	size_t n = 0;

	if (conf_page(rv, cv->c->id, a ? a->code : NULL, dir == LIST_BACKWARD, max, &rows, &n) != RV_OK) {
		ui_error(cv->ui, "%s", rv_message(rv));
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct followup_row *r = malloc(sizeof *r);
		if (!r) {
			conf_rows_free(rows + i, n - i);
			ui_error(cv->ui, "%s", _("Out of memory"));
			return (int)i;
		}
		*r = rows[i];
		out[i] = r;
		int w = (int)strlen(r->code); /* KN-2026-100000: never cut */
		if (w > cv->columns[F_CODE].min)
			cv->columns[F_CODE].min = w;
	}
	free(rows); /* the strings now belong to the list's rows */
	return (int)n;
}

static void free_row(void *ctx, void *row)
{
	(void)ctx;
	conf_rows_free(row, 1);
}

static long count(void *ctx)
{
	const struct conf_view *cv = ctx;
	return (long)cv->c->progress.petitions;
}

static bool same_row(void *ctx, const void *a, const void *b)
{
	(void)ctx;
	return strcmp(((const struct followup_row *)a)->code, ((const struct followup_row *)b)->code) == 0;
}

static void draw_row(void *ctx, const void *row, int y, int x, int width, bool selected)
{
	struct conf_view *cv = ctx;
	const struct followup_row *r = row;
	const struct column *columns = cv->columns;
	struct column_pos pos[F_COUNT];
	enum style st = petition_style(ui_rv(cv->ui), r->status, r->deadline, r->overdue);
	enum style row_st = selected ? ST_SELECTED : (r->overdue ? ST_OVERDUE : ST_NORMAL);
	char deadline[11], status[64];

	columns_layout(columns, F_COUNT, width, pos);
	draw_text(y, x, width, "", row_st, false);
	columns_cell(&columns[F_CODE], &pos[F_CODE], y, x, r->code, row_st);
	columns_cell(&columns[F_ENTERPRISE], &pos[F_ENTERPRISE], y, x,
	             short_enterprise_name(r->enterprise ? r->enterprise : ""), row_st);
	columns_cell(&columns[F_TASK], &pos[F_TASK], y, x, r->title, row_st);
	columns_cell(&columns[F_LEAD], &pos[F_LEAD], y, x, r->lead, row_st);
	columns_cell(&columns[F_COORD], &pos[F_COORD], y, x, r->coordinating, row_st);
	columns_cell(&columns[F_PERSON], &pos[F_PERSON], y, x, r->person, row_st);
	columns_cell(&columns[F_DEADLINE], &pos[F_DEADLINE], y, x, fmt_date(r->deadline, deadline), row_st);
	columns_cell(&columns[F_STATUS], &pos[F_STATUS], y, x,
	             fmt_status(r->status, r->overdue, r->days_overdue, status, sizeof status),
	             selected || r->overdue ? row_st : st);
	columns_cell(&columns[F_RESULT], &pos[F_RESULT], y, x, r->result, row_st);
}

/* (Re)loads the details and progress and refreshes the table, keeping
 * the selected petition selected; false with a message when it cannot. */
static bool load(struct conf_view *cv)
{
	struct rv *rv = ui_rv(cv->ui);
	struct conference *c = NULL;

	if (conf_load_head(rv, cv->id, &c) != RV_OK) {
		ui_error(cv->ui, "%s", rv_message(rv));
		return false;
	}
	conf_free(&cv->c);
	cv->c = c;
	list_refresh(cv->list);
	return true;
}

static bool conf_open(struct view *v, void *arg)
{
	struct conf_view *cv = calloc(1, sizeof *cv);
	const struct list_source src = {
		.fetch = fetch,
		.free_row = free_row,
		.draw_row = draw_row,
		.count = count,
		.same_row = same_row,
		.empty_text = N_("No petition linked yet (i links one)"),
	};

	if (cv) {
		memcpy(cv->columns, column_table, sizeof column_table);
		cv->list = list_new(&src, cv);
	}
	if (!cv || !cv->list) {
		free(cv);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	cv->ui = v->ui;
	snprintf(cv->id, sizeof cv->id, "%s", (const char *)arg);
	if (!load(cv)) {
		list_free(&cv->list);
		free(cv);
		return false;
	}
	v->data = cv;
	return true;
}

static void conf_close(struct view *v)
{
	struct conf_view *cv = v->data;

	list_free(&cv->list);
	conf_free(&cv->c);
	free(cv);
}

/* ---- the details above the table ---- */

static void details_line(struct rect *a, int *y, const char *label, const char *text)
{
	int used;

	if (!text || !text[0])
		return;
	used = draw_str(*y, a->x, a->w, label, ST_LABEL);
	draw_text(*y, a->x + used, a->w - used, text, ST_NORMAL, false);
	(*y)++;
}

static void progress_line(const struct conference *c, char *buf, size_t size)
{
	const struct conf_progress *g = &c->progress;
	char rating[16];

	snprintf(buf, size, g->petitions == 1 ? _("%lld petition · %lld answered (%lld in session) · "
	                                          "%lld on time · %lld overdue · rating %s")
	                                      : _("%lld petitions · %lld answered (%lld in session) · %lld on time · "
	                                          "%lld overdue · rating %s"),
	         (long long)g->petitions, (long long)g->answered, (long long)g->in_session,
	         (long long)g->on_time, (long long)g->overdue,
	         g->rated ? fmt_decimal(g->avg_rating, rating, sizeof rating) : "—");
}

static void conf_draw(struct view *v)
{
	struct conf_view *cv = v->data;
	const struct conference *c = cv->c;
	struct rect a = v->area;
	char line[600], date[11];
	int y = a.y;
	bool compact = a.h < 14;

	snprintf(line, sizeof line, "%s · %s", date_vn(c->date, date), c->title);
	draw_text(y++, a.x, a.w, line, ST_HEADER, false);
	if (!compact) {
		if (c->place && c->zone)
			snprintf(line, sizeof line, "%s · %s", c->place, c->zone);
		else
			snprintf(line, sizeof line, "%s", c->place ? c->place : c->zone ? c->zone : "");
		details_line(&a, &y, _("Place: "), line);
		details_line(&a, &y, _("Theme: "), c->theme);
		details_line(&a, &y, _("Chair: "), c->chair);
		details_line(&a, &y, _("Agencies: "), c->agencies);
	}
	progress_line(c, line, sizeof line);
	draw_text(y++, a.x, a.w, line, c->progress.overdue ? ST_OVERDUE : ST_LABEL, false);
	rowlist_header(cv->columns, F_COUNT, y++, a.x, a.w);
	struct rect r = { y, a.x, a.h - (y - a.y), a.w };
	list_draw(cv->list, &r);
}

static const char *conf_title(struct view *v)
{
	struct conf_view *cv = v->data;

	snprintf(cv->title, sizeof cv->title, _("Conference %s"), cv->id);
	return cv->title;
}

/* The selected petition's clears that the table may have no room for. */
static void conf_status(struct view *v, char *buf, size_t size)
{
	struct conf_view *cv = v->data;
	const struct followup_row *r = list_selected(cv->list);

	if (!r) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, _("%s · coord.: %s · person: %s · result: %s%s"), r->code,
	         r->coordinating && r->coordinating[0] ? r->coordinating : "—",
	         r->person && r->person[0] ? r->person : "—", r->result && r->result[0] ? r->result : "—",
	         r->in_session ? _(" (in session)") : "");
}

/* ---- linking a petition, answering in the session ---- */

static const struct field_spec link_fields[] = {
	{ .key = "code", .label = N_("Petition"), .kind = FK_TEXT, .max_bytes = 40,
	  .hint = N_("its tracking code, e.g. KN-2026-00042") },
};

static const struct field_spec answer_fields[] = {
	{ .key = "code", .label = N_("Petition"), .kind = FK_TEXT, .max_bytes = 40 },
	{ .key = "result", .label = N_("Result"), .kind = FK_BODY, .rows = 3, .max_bytes = 20000 },
	{ .key = "outcome", .label = N_("Outcome"), .kind = FK_PICK, .pick = pick_outcome },
};

static const char *opt(struct form *f, const char *key)
{
	const char *s = form_value(f, key);
	return s && s[0] ? s : NULL;
}

static enum form_result link_submit(struct form *f, void *ctx)
{
	struct conf_view *cv = ctx;
	struct rv *rv = ui_rv(cv->ui);
	const char *code = opt(f, "code");

	if (!code) {
		form_error(f, "code", _("type the petition's tracking code"));
		return FORM_STAY;
	}
	if (conf_link(rv, cv->id, code, 0, false) != RV_OK) {
		form_error_for(f, rv_field(rv) ? rv_field(rv) : "code", rv_message(rv));
		return FORM_STAY;
	}
	ui_info(cv->ui, _("Petition %s linked to conference %s"), code, cv->id);
	return FORM_CLOSE;
}

static enum form_result answer_submit(struct form *f, void *ctx)
{
	struct conf_view *cv = ctx;
	struct rv *rv = ui_rv(cv->ui);
	char code[RV_CODE_MAX];
	const char *typed = opt(f, "code");

	if (!typed) {
		form_error(f, "code", _("type the petition's tracking code"));
		return FORM_STAY;
	}
	snprintf(code, sizeof code, "%s", typed);
	if (conf_answer(rv, cv->id, code, opt(f, "result"), opt(f, "outcome")) != RV_OK) {
		form_error_for(f, rv_field(rv), rv_message(rv));
		return FORM_STAY;
	}
	ui_info(cv->ui, _("Answer to %s recorded in the session"), code);
	return FORM_CLOSE;
}

static void open_link_form(struct conf_view *cv)
{
	char intro[400];

	snprintf(intro, sizeof intro, _("Link a petition to “%s” (it leaves any other conference)."),
	         cv->c->title);
	struct form_spec spec = {
		.title = _("Link a petition"),
		.submit_label = _("Link"),
		.fields = link_fields,
		.nfields = (int)UI_ARRAY_LEN(link_fields),
		.ctx = cv,
		.submit = link_submit,
		.intro = intro,
	};
	form_open(cv->ui, &spec);
}

static void open_answer_form(struct conf_view *cv)
{
	const struct followup_row *r = list_selected(cv->list);
	struct field_spec fields[UI_ARRAY_LEN(answer_fields)];

	memcpy(fields, answer_fields, sizeof fields);
	fields[0].text = r ? r->code : NULL;
	struct form_spec spec = {
		.title = _("Answer given in the session"),
		.submit_label = _("Record the answer"),
		.fields = fields,
		.nfields = (int)UI_ARRAY_LEN(fields),
		.ctx = cv,
		.submit = answer_submit,
		.intro = _("The petition is answered now and marked as answered in the session."),
	};
	form_open(cv->ui, &spec);
}

static int conf_request(struct view *v, const struct ui_event *ev)
{
	struct conf_view *cv = v->data;
	const struct followup_row *r;

	switch (ev->act) {
	case ACT_ENTER:
		r = list_selected(cv->list);
		if (r)
			screen_petition(v->ui, r->code);
		return RD_ALL;
	case ACT_NEW:
		open_link_form(cv);
		return RD_ALL;
	case ACT_ACTIONS:
		open_answer_form(cv);
		return RD_ALL;
	case ACT_RELOAD:
		load(cv);
		return RD_ALL;
	default:
		return list_request(cv->list, ev);
	}
}

static int conf_resume(struct view *v)
{
	load(v->data);
	return RD_ALL;
}

static int conf_idle(struct view *v)
{
	struct conf_view *cv = v->data;

	return list_idle(cv->list) ? RD_ALL : RD_IGNORED;
}

static const struct view_ops view_conference_ops = {
	.name = N_("Conference"),
	.keys = conf_keys,
	.open = conf_open,
	.close = conf_close,
	.draw = conf_draw,
	.request = conf_request,
	.title = conf_title,
	.status = conf_status,
	.resume = conf_resume,
	.idle = conf_idle,
};

bool screen_conference(struct ui *ui, const char *id)
{
	return ui_push(ui, &view_conference_ops, (void *)id) != NULL;
}
