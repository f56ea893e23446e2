/* view.c — the engine: view stack, dispatcher, frame layout, main loop.
 *
 * One event goes through ui_dispatch(): the top view's request handler
 * first, then, if it returns RD_IGNORED, the global action table below.
 * Views marked closing are removed after the event, and the view that
 * becomes the top is told to resume.  Input is drained before a frame is
 * drawn, so holding a key or pasting a page costs one frame, not one per
 * character; during a bracketed paste nothing is drawn until it ends. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "help.h"
#include "prompt.h"
#include "term.h"
#include "tui.h"

#define LEGEND_MAX 24
#define PASTE_TIMEOUT_MS 1000  /* a paste whose end never comes; a busy machine may pause longer than 300 ms */
#define IDLE_DELAY_MS 150  /* a pause in typing */

struct legend_span {
	int x0, x1;
	enum action act;
};

struct ui {
	struct rv *rv;
	struct tui_options opt;
	struct view **stack;
	size_t depth, cap;
	bool quit;
	bool pasting;
	bool started;
	char msg[512];
	bool msg_error;
	bool msg_fresh;   /* set during this event: survives until the next */
	char title_right[160];
	char *last_search;
	char *search_before;  /* the query to restore when the prompt is cancelled */
	int rows, cols;
	int cursor_y, cursor_x;
	struct legend_span legend[LEGEND_MAX];
	size_t nlegend;
};

static const struct key_help global_keys[] = {
	{ ACT_HELP, N_("Help"), NULL, false },
	{ ACT_BACK, N_("Back"), N_("Go back; close a dialog or a form"), false },
	{ ACT_QUIT, N_("Quit"), N_("Quit roviec"), false },
	{ ACT_REDRAW, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

const struct key_help *ui_global_keys(void)
{
	return global_keys;
}

struct ui *ui_new(struct rv *rv, const struct tui_options *opt)
{
	struct ui *ui = calloc(1, sizeof *ui);

	if (!ui)
		return NULL;
	ui->rv = rv;
	if (opt)
		ui->opt = *opt;
	ui->rows = 24;
	ui->cols = 80;
	ui->cursor_y = -1;
	return ui;
}

static void view_destroy(struct view *v)
{
	if (v->ops->close)
		v->ops->close(v);
	free(v);
}

void ui_free(struct ui **uip)
{
	struct ui *ui = uip ? *uip : NULL;

	if (!ui)
		return;
	while (ui->depth > 0)
		view_destroy(ui->stack[--ui->depth]);
	free(ui->stack);
	free(ui->last_search);
	free(ui->search_before);
	free(ui);
	*uip = NULL;
}

/* ---- geometry ---- */

static bool too_small(const struct ui *ui)
{
	return ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
}

static struct rect view_area(const struct ui *ui, const struct view_ops *ops)
{
	struct rect r = { 0, 0, ui->rows, ui->cols };

	if (!ops->modal) {
		r.y = 1;
		r.h = ui->rows - 3;
	}
	if (r.h < 0)
		r.h = 0;
	return r;
}

static void update_size(struct ui *ui)
{
	if (ui->started)
		term_size(&ui->rows, &ui->cols);
	for (size_t i = 0; i < ui->depth; i++) {
		struct view *v = ui->stack[i];
		v->area = view_area(ui, v->ops);
		if (v->ops->resize)
			v->ops->resize(v);
	}
}

/* ---- the stack ---- */

struct view *ui_push(struct ui *ui, const struct view_ops *ops, void *arg)
{
	struct view *v;

	if (ui->depth == ui->cap) {
		size_t cap = ui->cap ? ui->cap * 2 : 8;
		struct view **s = realloc(ui->stack, cap * sizeof *s);
		if (!s) {
			ui_error(ui, "%s", _("Out of memory"));
			return NULL;
		}
		ui->stack = s;
		ui->cap = cap;
	}
	v = calloc(1, sizeof *v);
	if (!v) {
		ui_error(ui, "%s", _("Out of memory"));
		return NULL;
	}
	v->ops = ops;
	v->ui = ui;
	v->area = view_area(ui, ops);
	if (ops->open && !ops->open(v, arg)) {
		free(v);
		return NULL;
	}
	ui->stack[ui->depth++] = v;
	return v;
}

void ui_pop(struct view *v)
{
	v->closing = true;
}

void ui_quit(struct ui *ui)
{
	ui->quit = true;
}

struct view *ui_top(const struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

struct view *ui_below(const struct ui *ui, const struct view *v)
{
	for (size_t i = 1; i < ui->depth; i++)
		if (ui->stack[i] == v)
			return ui->stack[i - 1];
	return NULL;
}

/* Removes views marked closing; returns the resumed view's redraw flags. */
static int reap(struct ui *ui)
{
	size_t kept = 0;
	bool removed = false;

	for (size_t i = 0; i < ui->depth; i++) {
		struct view *v = ui->stack[i];
		if (v->closing) {
			view_destroy(v);
			removed = true;
		} else {
			ui->stack[kept++] = v;
		}
	}
	ui->depth = kept;
	if (!removed)
		return RD_NONE;
	struct view *top = ui_top(ui);
	int rd = RD_ALL;
	if (top && top->ops->resume) {
		int r = top->ops->resume(top);
		if (r > 0)
			rd |= r;
	}
	return rd;
}

/* ---- messages and accessors ---- */

static void set_message(struct ui *ui, bool error, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void set_message(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_error = error;
	ui->msg_fresh = true;
}

void ui_info(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, true, fmt, ap);
	va_end(ap);
}

void ui_set_title_right(struct ui *ui, const char *text)
{
	snprintf(ui->title_right, sizeof ui->title_right, "%s", text ? text : "");
}

void ui_cursor(struct ui *ui, int y, int x)
{
	ui->cursor_y = y;
	ui->cursor_x = x;
}

struct rv *ui_rv(const struct ui *ui)
{
	return ui->rv;
}

const struct tui_options *ui_options(const struct ui *ui)
{
	return &ui->opt;
}

bool ui_pasting(const struct ui *ui)
{
	return ui->pasting;
}

/* ---- global actions ---- */

static int search_changed(void *ctx, const char *text)
{
	struct view *target = ctx;
	return target->ops->search(target, text, SEARCH_TYPING);
}

static int search_done(void *ctx, const char *text)
{
	struct view *target = ctx;
	struct ui *ui = target->ui;

	if (text) {
		free(ui->last_search);
		ui->last_search = strdup(text);
		return target->ops->search(target, text, SEARCH_DONE);
	}
	/* cancelled: back to what was searched before the prompt opened */
	return target->ops->search(target, ui->search_before ? ui->search_before : "",
	                           SEARCH_DONE);
}

static int act_search(struct ui *ui, struct view *top)
{
	if (!top->ops->search) {
		ui_info(ui, "%s", _("There is nothing to search on this screen"));
		return RD_STATUS;
	}
	free(ui->search_before);
	ui->search_before = ui->last_search ? strdup(ui->last_search) : NULL;
	prompt_open(ui, "/", ui->last_search, search_changed, search_done, top);
	return RD_ALL;
}

static int act_search_again(struct ui *ui, struct view *top, enum search_dir dir)
{
	if (!top->ops->search)
		return RD_NONE;
	if (!ui->last_search || !ui->last_search[0]) {
		ui_info(ui, "%s", _("No search yet: press / to search"));
		return RD_STATUS;
	}
	return top->ops->search(top, ui->last_search, dir);
}

/* The engine's meaning of an action no view handled. */
static int global_action(struct ui *ui, struct view *top, const struct ui_event *ev)
{
	switch (ev->act) {
	case ACT_BACK:
		ui_pop(top);
		return RD_ALL;
	case ACT_QUIT:
		ui_quit(ui);
		return RD_NONE;
	case ACT_HELP:
		if (top->ops != &view_help_ops)
			ui_push(ui, &view_help_ops, top);
		return RD_ALL;
	case ACT_SEARCH:
		return act_search(ui, top);
	case ACT_SEARCH_NEXT:
		return act_search_again(ui, top, SEARCH_NEXT);
	case ACT_SEARCH_PREV:
		return act_search_again(ui, top, SEARCH_PREV);
	case ACT_REDRAW:
		if (ui->started)
			term_invalidate();
		return RD_ALL;
	default:
		return RD_NONE;
	}
}

static void legend_layout(struct ui *ui, struct view *top);

/* A click on the legend acts like its key. */
static void legend_click(struct ui *ui, struct view *top, struct ui_event *ev)
{
	if (ev->act != ACT_MOUSE || ev->mouse != MOUSE_CLICK || ev->y != ui->rows - 1)
		return;
	legend_layout(ui, top);
	for (size_t i = 0; i < ui->nlegend; i++)
		if (ev->x >= ui->legend[i].x0 && ev->x < ui->legend[i].x1) {
			ev->act = ui->legend[i].act;
			ev->mouse = MOUSE_NONE;
			return;
		}
}

int ui_dispatch(struct ui *ui, const struct ui_event *event)
{
	struct ui_event ev = *event;
	struct view *top = ui_top(ui);
	int rd = RD_NONE;

	switch (ev.act) {
	case ACT_RESIZE:
		update_size(ui);
		return RD_ALL;
	case ACT_PASTE_BEGIN:
		ui->pasting = true;
		return RD_NONE;
	case ACT_PASTE_END:
		ui->pasting = false;
		return RD_ALL;
	case ACT_NONE:
		return RD_NONE;
	default:
		break;
	}
	if (!top || too_small(ui)) {
		if (ev.act == ACT_QUIT)
			ui_quit(ui);
		return RD_NONE;
	}
	if (ui->msg[0] && !ui->msg_fresh) {
		ui->msg[0] = '\0';
		rd |= RD_STATUS;
	}
	legend_click(ui, top, &ev);
	int r = top->ops->request ? top->ops->request(top, &ev) : RD_IGNORED;
	if (r == RD_IGNORED)
		r = global_action(ui, top, &ev);
	rd |= r;
	/* a second click on the same cell opens, like Enter */
	if (ev.act == ACT_MOUSE && ev.mouse == MOUSE_CLICK && ev.repeat_click &&
	    ui_top(ui) == top && !top->closing) {
		struct ui_event enter = { .act = ACT_ENTER };
		r = top->ops->request ? top->ops->request(top, &enter) : RD_IGNORED;
		if (r > 0)
			rd |= r;
	}
	rd |= reap(ui);
	ui->msg_fresh = false;
	return rd;
}

/* ---- drawing ---- */

static const char *view_title(struct view *v)
{
	if (v->ops->title)
		return v->ops->title(v);
	return v->ops->name ? _(v->ops->name) : "";
}

static void draw_title_bar(struct ui *ui, struct view *base)
{
	char left[256];
	int rw = draw_width(ui->title_right);

	snprintf(left, sizeof left, " roviec · %s", view_title(base));
	if (rw + 2 > ui->cols / 2)
		rw = 0;
	draw_text(0, 0, ui->cols - rw - (rw ? 1 : 0), left, ST_TITLE, false);
	if (rw)
		draw_text(0, ui->cols - rw - 1, rw + 1, ui->title_right, ST_TITLE, true);
}

static void draw_status_line(struct ui *ui, struct view *base)
{
	int y = ui->rows - 2;

	if (ui->msg[0]) {
		draw_text(y, 0, ui->cols, ui->msg, ui->msg_error ? ST_ERROR : ST_INFO, false);
		return;
	}
	char buf[512] = "";
	if (base->ops->status)
		base->ops->status(base, buf, sizeof buf);
	draw_text(y, 0, ui->cols, buf, ST_DIM, false);
}

/* Where each legend entry of the top view goes on the bottom line; the
 * same layout serves drawing and mouse clicks (which may come before the
 * next frame is drawn). */
static void legend_layout(struct ui *ui, struct view *top)
{
	enum key_mode mode = top->ops->mode ? top->ops->mode(top) : KM_NAV;
	int x = 0;

	ui->nlegend = 0;
	for (const struct key_help *k = top->ops->keys; k && k->act != ACT_NONE; k++) {
		char name[32];
		if (!k->legend || !keys_names(k->act, mode, true, name, sizeof name)[0])
			continue;
		const char *label = k->label ? _(k->label) : action_label(k->act);
		int need = draw_width(name) + 1 + draw_width(label);
		if (x + need > ui->cols || ui->nlegend == LEGEND_MAX)
			break;
		ui->legend[ui->nlegend++] = (struct legend_span){ x, x + need, k->act };
		x += need + 2;
	}
}

static void draw_legend(struct ui *ui, struct view *top)
{
	enum key_mode mode = top->ops->mode ? top->ops->mode(top) : KM_NAV;
	int y = ui->rows - 1;

	legend_layout(ui, top);
	draw_text(y, 0, ui->cols, "", ST_LEGEND, false);
	for (size_t i = 0; i < ui->nlegend; i++) {
		const struct key_help *k = top->ops->keys;
		while (k->act != ui->legend[i].act || !k->legend)
			k++;
		char name[32];
		keys_names(k->act, mode, true, name, sizeof name);
		int x = ui->legend[i].x0;
		x += draw_str(y, x, ui->cols - x, name, ST_LEGEND_KEY);
		x += draw_str(y, x, ui->cols - x, " ", ST_LEGEND);
		draw_str(y, x, ui->cols - x, k->label ? _(k->label) : action_label(k->act), ST_LEGEND);
	}
}

static void draw_too_small(struct ui *ui)
{
	char buf[256];
	struct rect r = { 0, 0, ui->rows, ui->cols };

	snprintf(buf, sizeof buf, _("Terminal too small (%d×%d): roviec needs at least %d×%d. Q quits."),
	         ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	draw_clip(NULL);
	draw_wrap(&r, 0, buf, ST_ERROR);
}

void ui_render(struct ui *ui)
{
	size_t base_i;
	struct view *top = ui_top(ui);

	ui->cursor_y = -1;
	term_frame_begin();
	if (too_small(ui) || !top) {
		if (top)
			draw_too_small(ui);
		term_frame_end(-1, -1);
		return;
	}
	base_i = ui->depth - 1;
	while (base_i > 0 && ui->stack[base_i]->ops->modal)
		base_i--;
	struct view *base = ui->stack[base_i];

	if (!base->ops->modal) {
		draw_clip(&base->area);
		base->ops->draw(base);
		base_i++;
	}
	/* after the view: its title may count what it just loaded */
	draw_clip(NULL);
	draw_title_bar(ui, base);
	draw_status_line(ui, base);
	draw_legend(ui, top);
	for (size_t i = base_i; i < ui->depth; i++) {
		struct view *v = ui->stack[i];
		/* a modal view draws last, and owns the cursor */
		ui->cursor_y = -1;
		draw_clip(&v->area);
		v->ops->draw(v);
		draw_clip(NULL);
	}
	term_frame_end(ui->cursor_y, ui->cursor_x);
}

/* ---- main loop ---- */

/* Runs one step of deferred work of the views on the stack; returns
 * RD_IGNORED when none had any. */
static int run_idle(struct ui *ui)
{
	for (size_t i = ui->depth; i > 0; i--) {
		struct view *v = ui->stack[i - 1];
		int rd = v->ops->idle ? v->ops->idle(v) : RD_IGNORED;
		if (rd != RD_IGNORED)
			return rd;
	}
	return RD_IGNORED;
}

static enum key_mode current_mode(const struct ui *ui)
{
	struct view *top = ui_top(ui);
	return top && top->ops->mode ? top->ops->mode(top) : KM_NAV;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* With ROVIEC_UI_TIMING=FILE, each batch of input appends "ACTION ms" to
 * FILE: the time from reading the key to the end of the redraw; and each
 * piece of idle work that redrew (a search typed meanwhile applied, rows
 * counted) appends "IDLE ms" (bench/tui_keys.sh reads them). */
static FILE *open_timing_log(void)
{
	const char *path = getenv("ROVIEC_UI_TIMING");
	return path && path[0] ? fopen(path, "a") : NULL;
}

int ui_run(struct ui *ui)
{
	char err[256];
	struct ui_event ev;
	FILE *timing;

	if (!term_start(ui->opt.no_color, err, sizeof err)) {
		fprintf(stderr, "roviec: %s\n", err);
		return 1;
	}
	timing = open_timing_log();
	ui->started = true;
	update_size(ui);
	ui_render(ui);
	bool idle_work = true;
	while (!ui->quit && ui->depth > 0) {
		int rd = RD_NONE;
		int wait = ui->pasting ? PASTE_TIMEOUT_MS : idle_work ? IDLE_DELAY_MS : -1;
		if (!term_read(&ev, current_mode(ui), wait)) {
			/* a paste whose end never came: show what arrived */
			if (ui->pasting) {
				ui->pasting = false;
				ui_render(ui);
			} else if (idle_work) {
				double t0 = now_ms();
				rd = run_idle(ui);
				idle_work = rd != RD_IGNORED;
				if (idle_work && ui->depth > 0)
					ui_render(ui);
				if (timing && idle_work) {
					fprintf(timing, "IDLE %.3f\n", now_ms() - t0);
					fflush(timing);
				}
			}
			continue;
		}
		idle_work = true;
		double t0 = now_ms();
		enum action first = ev.act;
		rd |= ui_dispatch(ui, &ev);
		while (!ui->quit && ui->depth > 0 && term_read(&ev, current_mode(ui), 0))
			rd |= ui_dispatch(ui, &ev);
		if (rd != RD_NONE && !ui->pasting && !ui->quit && ui->depth > 0)
			ui_render(ui);
		if (timing) {
			fprintf(timing, "%s %.3f\n", action_name(first), now_ms() - t0);
			fflush(timing);
		}
	}
	term_stop();
	if (timing)
		fclose(timing);
	ui->started = false;
	return 0;
}
