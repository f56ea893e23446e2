/* view_petition.c — one petition: the five clears, the body, the history.
 *
 * A scrolling page built from the petition snapshot (petition_load with
 * history): a heading with the status and how late it is, the enterprise,
 * when received, the conference it was linked to (if any), the five clears
 * (task, lead and coordinating agencies, person, deadline with the original
 * and the extensions, result), the body, the extensions and the history as
 * a timeline.  `a` offers the workflow actions allowed from the current
 * status (petition_forms.c); an enterprise only reads, and rates an
 * answered petition with `r`.  After every action the page reloads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "enums.h"
#include "history_fmt.h"
#include "petition_forms.h"
#include "plist.h"
#include "screens.h"

#define LABEL_W 16

struct detail {
	char code[RV_CODE_MAX];
	struct petition *p;
	int scroll;
	int lines;   /* page length at the last draw */
	int page_h;
	char title[64];
};

static const struct key_help detail_keys[] = {
	{ ACT_ACTIONS, N_("Actions"), N_("Workflow actions allowed now (classify, assign, answer…)"), true },
	{ ACT_RATE, N_("Rate"), N_("Rate the answer (enterprise)"), true },
	{ ACT_DOWN, N_("Scroll"), NULL, true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_BACK, N_("Back"), N_("Back to the list"), true },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_PAGE_DOWN, NULL, NULL, false },
	{ ACT_PAGE_UP, NULL, NULL, false },
	{ ACT_HALF_DOWN, NULL, NULL, false },
	{ ACT_HALF_UP, NULL, NULL, false },
	{ ACT_HOME, NULL, NULL, false },
	{ ACT_END, NULL, NULL, false },
	{ ACT_RELOAD, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

/* Loads (again) the petition; false with a message when it cannot. */
static bool reload(struct ui *ui, struct detail *d)
{
	struct rv *rv = ui_rv(ui);
	struct petition *p = NULL;

	if (petition_load(rv, d->code, PETITION_WITH_HISTORY, &p) != RV_OK) {
		ui_error(ui, "%s", rv_message(rv));
		return false;
	}
	petition_free(&d->p);
	d->p = p;
	return true;
}

static void reload_cb(void *ctx, struct ui *ui)
{
	reload(ui, ctx);
}

static int64_t version_cb(void *ctx)
{
	struct detail *d = ctx;
	return d->p ? d->p->version : 0;
}

static bool detail_open(struct view *v, void *arg)
{
	struct detail *d = calloc(1, sizeof *d);

	if (!d) {
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	snprintf(d->code, sizeof d->code, "%s", (const char *)arg);
	if (!reload(v->ui, d)) {
		free(d);
		return false;
	}
	v->data = d;
	return true;
}

static void detail_close(struct view *v)
{
	struct detail *d = v->data;

	petition_free(&d->p);
	free(d);
}

/* ---- the page ---- */

struct page {
	struct rect r;
	int line;    /* next line of the page */
	int skip;    /* first line shown */
	int label_w;
};

/* A labelled value, wrapped in the value column; "—" when empty. */
static void page_item(struct page *pg, const char *label, const char *text, enum style st)
{
	int lw = label ? pg->label_w : 0;
	int w = pg->r.w - lw;
	bool empty = !text || !text[0];

	if (w < 1)
		return;
	if (empty) {
		text = "—";
		st = ST_DIM;
	}
	struct rect count = { 0, 0, 0, w };
	int n = draw_wrap(&count, 0, text, st);
	if (n < 1)
		n = 1;
	int top = pg->line - pg->skip;
	if (top + n > 0 && top < pg->r.h) {
		int first = top > 0 ? top : 0;
		if (label && top >= 0)
			draw_text(pg->r.y + top, pg->r.x, lw, label, ST_LABEL, false);
		struct rect dr = { pg->r.y + first, pg->r.x + lw, pg->r.h - first, w };
		draw_wrap(&dr, first - top, text, st);
	}
	pg->line += n;
}

static void page_heading(struct page *pg, const char *text)
{
	pg->line++;  /* a blank line before */
	page_item(pg, NULL, text, ST_HEADER);
}

static void clears(struct page *pg, struct ui *ui, const struct petition *p)
{
	char buf[1024], d1[11], d2[11], late[64];

	snprintf(buf, sizeof buf, "%s%s%s", p->title ? p->title : "",
	         p->category_label ? " · " : "", p->category_label ? p->category_label : "");
	page_item(pg, _("Task"), buf, ST_NORMAL);
	if (p->lead.code)
		snprintf(buf, sizeof buf, "%s (%s)", p->lead.name ? p->lead.name : "", p->lead.code);
	else
		buf[0] = '\0';
	page_item(pg, _("Lead agency"), buf, ST_NORMAL);
	buf[0] = '\0';
	for (size_t i = 0; i < p->n_coordinating; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "",
		         p->coordinating[i].name ? p->coordinating[i].name : p->coordinating[i].code);
	}
	if (p->n_coordinating)
		page_item(pg, _("Coordinating"), buf, ST_NORMAL);
	page_item(pg, _("Person"), p->responsible_person, ST_NORMAL);
	buf[0] = '\0';
	if (p->deadline != RV_DATE_NONE) {
		size_t len = (size_t)snprintf(buf, sizeof buf, "%s", fmt_date(p->deadline, d1));
		if (p->original_deadline != RV_DATE_NONE && p->original_deadline != p->deadline)
			len += (size_t)snprintf(buf + len, sizeof buf - len, _(" (originally %s, extended %zu×)"),
			                        fmt_date(p->original_deadline, d2), p->n_extensions);
		if (p->overdue && len < sizeof buf)
			snprintf(buf + len, sizeof buf - len, " · %s",
			         fmt_status(p->status, true, p->days_overdue, late, sizeof late));
	}
	enum style st = petition_style(ui_rv(ui), p->status, p->deadline, p->overdue);
	page_item(pg, _("Deadline"), buf, st == ST_DONE ? ST_NORMAL : st);
	buf[0] = '\0';
	if (p->result) {
		size_t len = (size_t)snprintf(buf, sizeof buf, "%s", p->result);
		if (p->outcome >= 0)
			len += (size_t)snprintf(buf + len, sizeof buf - len, " (%s",
			                        enum_label(&outcome_set, p->outcome));
		if (p->outcome >= 0 && p->answered != RV_DATE_NONE)
			len += (size_t)snprintf(buf + len, sizeof buf - len, _(", answered %s"),
			                        fmt_date(p->answered, d1));
		if (p->outcome >= 0 && len < sizeof buf)
			snprintf(buf + len, sizeof buf - len, ")");
	} else if (p->reject_reason) {
		snprintf(buf, sizeof buf, _("Rejected: %s%s%s"), p->reject_reason,
		         p->refer_to ? _("; refer to ") : "", p->refer_to ? p->refer_to : "");
	}
	page_item(pg, _("Result"), buf, ST_NORMAL);
	if (p->rating > 0) {
		snprintf(buf, sizeof buf, "%d/5%s%s", p->rating, p->feedback ? " · " : "",
		         p->feedback ? p->feedback : "");
		page_item(pg, _("Satisfaction"), buf, ST_NORMAL);
	}
}

/* The extensions, then the history: one line per row as history_fmt.h
 * words it (the same lines as `petition show`), its note after " · ". */
static void history(struct page *pg, struct rv *rv, const struct petition *p)
{
	char line[1200];

	for (size_t i = 0; i < p->n_extensions; i++) {
		const struct extension *e = &p->extensions[i];
		char a[11], b[11];
		if (i == 0)
			page_heading(pg, _("Extensions"));
		snprintf(line, sizeof line, "%s → %s · %s · %s", fmt_date(e->old_deadline, a),
		         fmt_date(e->new_deadline, b), e->reason ? e->reason : "", e->actor ? e->actor : "");
		page_item(pg, NULL, line, ST_NORMAL);
	}
	page_heading(pg, _("History"));
	for (size_t i = 0; i < p->n_history; i++) {
		const struct history_entry *h = &p->history[i];
		char when[20];
		char *what = history_describe(rv, h);
		const char *actor = h->actor ? h->actor : "", *sep = h->note ? " · " : "", *note = h->note ? h->note : "";
		int n = what ? snprintf(NULL, 0, "%s  %s  %s%s%s", history_when(h->at, when), actor, what, sep, note) : -1;
		char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
		if (text)
			snprintf(text, (size_t)n + 1, "%s  %s  %s%s%s", when, actor, what, sep, note);
		page_item(pg, NULL, text ? text : "?", ST_NORMAL);
		free(text);
		free(what);
	}
}

/* Lays out (and draws what is in view of) the whole page; returns its
 * length in lines. */
static int render(struct view *v, struct detail *d, int skip)
{
	const struct petition *p = d->p;
	struct rect r = { v->area.y, v->area.x + 1, v->area.h, v->area.w - 2 };
	struct page pg = { r, 0, skip, r.w >= 60 ? LABEL_W : 13 };
	char buf[512], d1[11], st[64];

	snprintf(buf, sizeof buf, "%s · %s", p->code,
	         fmt_status(p->status, p->overdue, p->days_overdue, st, sizeof st));
	if (p->overdue) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, " (%s)", enum_label(&status_set, (int)p->status));
	}
	page_item(&pg, NULL, buf, petition_style(ui_rv(v->ui), p->status, p->deadline, p->overdue) ==
	          ST_OVERDUE ? ST_OVERDUE : ST_LABEL);
	snprintf(buf, sizeof buf, "%s (%s)%s%s", p->enterprise_name ? p->enterprise_name : "",
	         p->enterprise_tax_code ? p->enterprise_tax_code : "", p->zone ? " · " : "",
	         p->zone ? p->zone : "");
	page_item(&pg, _("Enterprise"), buf, ST_NORMAL);
	snprintf(buf, sizeof buf, "%s · %s", fmt_date(p->received, d1),
	         enum_label(&channel_set, (int)p->channel));
	page_item(&pg, _("Received"), buf, ST_NORMAL);
	if (p->conference) {
		snprintf(buf, sizeof buf, _("No. %lld%s"), (long long)p->conference,
		         p->answered_in_session ? _(" · answered in the session") : "");
		page_item(&pg, _("Conference"), buf, ST_NORMAL);
	}
	page_heading(&pg, _("The five clears"));
	clears(&pg, v->ui, p);
	page_heading(&pg, _("Petition"));
	page_item(&pg, NULL, p->body && p->body[0] ? p->body : p->title, ST_NORMAL);
	history(&pg, ui_rv(v->ui), p);
	return pg.line;
}

static void detail_draw(struct view *v)
{
	struct detail *d = v->data;

	d->page_h = v->area.h;
	d->lines = render(v, d, d->scroll);
	if (d->scroll > d->lines - d->page_h && d->scroll > 0) {
		d->scroll = d->lines - d->page_h > 0 ? d->lines - d->page_h : 0;
		draw_fill(&v->area, ST_NORMAL);
		render(v, d, d->scroll);
	}
}

static const char *detail_title(struct view *v)
{
	struct detail *d = v->data;
	snprintf(d->title, sizeof d->title, _("Petition %s"), d->code);
	return d->title;
}

static void detail_status(struct view *v, char *buf, size_t size)
{
	struct detail *d = v->data;
	snprintf(buf, size, _("Version %lld · line %d of %d"), (long long)d->p->version,
	         d->scroll + 1, d->lines);
}

static int scroll_by(struct detail *d, int n)
{
	d->scroll += n;
	if (d->scroll > d->lines - d->page_h)
		d->scroll = d->lines - d->page_h;
	if (d->scroll < 0)
		d->scroll = 0;
	return RD_ALL;
}

static int detail_request(struct view *v, const struct ui_event *ev)
{
	struct detail *d = v->data;
	int h = d->page_h > 1 ? d->page_h : 1;
	struct petition_ref ref = { d->p, reload_cb, version_cb, d };

	switch (ev->act) {
	case ACT_DOWN: return scroll_by(d, 1);
	case ACT_UP: return scroll_by(d, -1);
	case ACT_PAGE_DOWN: return scroll_by(d, h);
	case ACT_PAGE_UP: return scroll_by(d, -h);
	case ACT_HALF_DOWN: return scroll_by(d, h / 2);
	case ACT_HALF_UP: return scroll_by(d, -h / 2);
	case ACT_HOME: d->scroll = 0; return RD_ALL;
	case ACT_END: return scroll_by(d, d->lines);
	case ACT_MOUSE:
		if (ev->mouse == MOUSE_WHEEL_DOWN || ev->mouse == MOUSE_WHEEL_UP)
			return scroll_by(d, ev->mouse == MOUSE_WHEEL_DOWN ? 3 : -3);
		return RD_NONE;
	case ACT_RELOAD:
		reload(v->ui, d);
		return RD_ALL;
	case ACT_ACTIONS:
	case ACT_ENTER:
		petition_actions_menu(v->ui, &ref);
		return RD_ALL;
	case ACT_RATE:
		petition_rate(v->ui, &ref);
		return RD_ALL;
	default:
		return RD_IGNORED;
	}
}

static int detail_resume(struct view *v)
{
	reload(v->ui, v->data);
	return RD_ALL;
}

static const struct view_ops view_petition_ops = {
	.name = N_("Petition"),
	.keys = detail_keys,
	.open = detail_open,
	.close = detail_close,
	.draw = detail_draw,
	.request = detail_request,
	.title = detail_title,
	.status = detail_status,
	.resume = detail_resume,
};

bool screen_petition(struct ui *ui, const char *code)
{
	return ui_push(ui, &view_petition_ops, (void *)code) != NULL;
}
