/* form.c — see form.h.
 *
 * Layout, top to bottom: the form-level message, the intro text, then one
 * row per field (a multi-line field takes several) with its error or hint
 * on the row below when it has one, and a footer naming the submit key.
 * When that is taller than the box, the rows scroll to keep the focused
 * field in view.  A picker's option list is drawn last, over the rows
 * below the field (or above it when there is no room below). */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "edit.h"
#include "text.h"

#define PICK_MAX 8
#define LABEL_MAX 20
#define BOX_MAX_W 78
#define BODY_ROWS 6

struct field {
	struct field_spec spec;
	struct edit ed;
	char *value;        /* a picker's chosen value */
	char *nfc;          /* form_value() of a text field */
	char *error;
	char *hint;         /* live hint (form_hint) */
	struct pick_option opts[PICK_MAX];
	int nopts, opt_sel;
	bool list_open;
	int row;            /* first row in the content, at the last draw */
};

struct form {
	struct ui *ui;
	struct view *view;
	struct form_spec spec;
	char *title, *submit_label, *intro, *message;
	struct field *fields;
	int n, focus, scroll;
	int label_w;
	struct rect inner;            /* content area at the last draw */
	int drop_y, drop_x, drop_w;   /* the option list at the last draw */
	int drop_n;
};

static const struct key_help form_keys[] = {
	{ ACT_SUBMIT, N_("Save"), N_("Save the form"), true },
	{ ACT_NEXT_FIELD, N_("Next field"), NULL, true },
	{ ACT_BACK, N_("Cancel"), N_("Close the option list, or cancel the form"), true },
	{ ACT_HELP, N_("Help"), NULL, true },
	{ ACT_PREV_FIELD, NULL, NULL, false },
	{ ACT_ENTER, N_("Next field"), N_("Next field; choose an option; a new line in a text"), false },
	{ ACT_DOWN, N_("Next option / line"), N_("Next option in a list, next line in a text, or next field"), false },
	{ ACT_UP, N_("Previous option / line"), N_("Previous option in a list, previous line in a text, or previous field"), false },
	{ ACT_LEFT, NULL, N_("Move left by one letter"), false },
	{ ACT_RIGHT, NULL, N_("Move right by one letter"), false },
	{ ACT_LINE_START, NULL, NULL, false },
	{ ACT_LINE_END, NULL, NULL, false },
	{ ACT_BACKSPACE, NULL, N_("Delete the letter before the cursor, with its marks"), false },
	{ ACT_DELETE, NULL, NULL, false },
	{ ACT_KILL_LINE, NULL, NULL, false },
	{ ACT_KILL_END, NULL, NULL, false },
	{ ACT_KILL_WORD, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

/* ---- fields ---- */

static void clear_options(struct field *fl)
{
	for (int i = 0; i < fl->nopts; i++) {
		free(fl->opts[i].value);
		free(fl->opts[i].label);
	}
	fl->nopts = fl->opt_sel = 0;
}

static void field_free(struct field *fl)
{
	clear_options(fl);
	edit_free(&fl->ed);
	free(fl->value);
	free(fl->nfc);
	free(fl->error);
	free(fl->hint);
}

static struct field *find(struct form *f, const char *key)
{
	for (int i = 0; key && i < f->n; i++)
		if (strcmp(f->fields[i].spec.key, key) == 0)
			return &f->fields[i];
	return NULL;
}

static void set_owned(char **slot, const char *s)
{
	free(*slot);
	*slot = s ? strdup(s) : NULL;
}

/* Asks the picker for options matching the current text. */
static void refresh_options(struct form *f, struct field *fl)
{
	struct pick_option tmp[PICK_MAX];
	int n;

	clear_options(fl);
	if (!fl->spec.pick)
		return;
	memset(tmp, 0, sizeof tmp);
	n = fl->spec.pick(f, f->spec.ctx, edit_text(&fl->ed), tmp, PICK_MAX);
	for (int i = 0; i < n && i < PICK_MAX; i++)
		fl->opts[fl->nopts++] = tmp[i];
}

static void notify(struct form *f, struct field *fl)
{
	free(fl->nfc);
	fl->nfc = NULL;
	if (f->spec.changed)
		f->spec.changed(f, f->spec.ctx, fl->spec.key);
}

static void choose(struct form *f, struct field *fl, int i)
{
	if (i < 0 || i >= fl->nopts)
		return;
	struct pick_option *o = &fl->opts[i];
	if (fl->spec.chosen && !fl->spec.chosen(f, f->spec.ctx, o)) {
		fl->list_open = false;
		return;
	}
	set_owned(&fl->value, o->value);
	edit_set(&fl->ed, o->label);
	fl->list_open = false;
	free(fl->error);
	fl->error = NULL;
	notify(f, fl);
}

/* A picker left without a choice takes the only option, or the one whose
 * label or value is exactly what was typed (accents and case aside). */
static void auto_choose(struct form *f, struct field *fl)
{
	const char *typed = edit_text(&fl->ed);

	if (fl->spec.kind != FK_PICK || fl->value || !typed[0])
		return;
	refresh_options(f, fl);
	if (fl->nopts == 1 && !(fl->spec.chosen && fl->opts[0].value[0] == '+')) {
		choose(f, fl, 0);
		return;
	}
	char *want = text_fold(typed);
	for (int i = 0; want && i < fl->nopts; i++) {
		char *l = text_fold(fl->opts[i].label), *v = text_fold(fl->opts[i].value);
		bool same = (l && strcmp(l, want) == 0) || (v && strcmp(v, want) == 0);
		free(l);
		free(v);
		if (same) {
			choose(f, fl, i);
			break;
		}
	}
	free(want);
}

static void focus_to(struct form *f, int i)
{
	struct field *old = &f->fields[f->focus];

	if (i < 0 || i >= f->n || i == f->focus)
		return;
	old->list_open = false;
	auto_choose(f, old);
	f->focus = i;
	struct field *fl = &f->fields[i];
	/* the option list opens on typing or Down, not just on arriving */
	if (fl->spec.kind == FK_PICK && !fl->value && edit_text(&fl->ed)[0]) {
		refresh_options(f, fl);
		fl->list_open = fl->nopts > 0;
	}
}

/* ---- the view ---- */

static bool form_view_open(struct view *v, void *arg)
{
	const struct form_spec *spec = arg;
	struct form *f = calloc(1, sizeof *f);

	if (!f)
		return false;
	f->ui = v->ui;
	f->view = v;
	f->spec = *spec;
	f->title = strdup(spec->title ? spec->title : "");
	f->submit_label = strdup(spec->submit_label ? spec->submit_label : _("Save"));
	f->intro = spec->intro ? strdup(spec->intro) : NULL;
	f->fields = calloc(spec->nfields > 0 ? (size_t)spec->nfields : 1, sizeof *f->fields);
	if (!f->title || !f->submit_label || !f->fields || (spec->intro && !f->intro)) {
		free(f->title);
		free(f->submit_label);
		free(f->intro);
		free(f->fields);
		free(f);
		return false;
	}
	f->n = spec->nfields;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		fl->spec = spec->fields[i];
		edit_init(&fl->ed, fl->spec.kind == FK_BODY, fl->spec.max_bytes);
		edit_set(&fl->ed, fl->spec.text);
		if (fl->spec.value)
			fl->value = strdup(fl->spec.value);
		int lw = draw_width(_(fl->spec.label)) + 1;
		if (lw > f->label_w)
			f->label_w = lw < LABEL_MAX ? lw : LABEL_MAX;
	}
	v->data = f;
	return true;
}

static void form_view_close(struct view *v)
{
	struct form *f = v->data;

	for (int i = 0; i < f->n; i++)
		field_free(&f->fields[i]);
	free(f->fields);
	free(f->title);
	free(f->submit_label);
	free(f->intro);
	free(f->message);
	if (f->spec.closed)
		f->spec.closed(f->spec.ctx);
	free(f);
}

static int field_rows(const struct field *fl, int avail)
{
	if (fl->spec.kind != FK_BODY)
		return 1;
	int rows = fl->spec.rows > 0 ? fl->spec.rows : BODY_ROWS;
	return rows < avail ? rows : (avail > 1 ? avail : 1);
}

/* Rows of content: message, intro, fields with their notes; sets each
 * field's row.  w is the content width. */
static int layout(struct form *f, int w, int avail_h)
{
	int row = 0;
	struct rect count = { 0, 0, 0, w };

	if (f->message)
		row += draw_wrap(&count, 0, f->message, ST_ERROR) + 1;
	if (f->intro)
		row += draw_wrap(&count, 0, f->intro, ST_DIALOG) + 1;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		fl->row = row;
		row += field_rows(fl, avail_h / 2);
		if (fl->error || fl->hint || fl->spec.hint)
			row++;
	}
	return row;
}

static void draw_field(struct form *f, struct field *fl, int y, int x, int w, bool focused)
{
	struct rect inner = f->inner;
	int lw = f->label_w < w / 2 ? f->label_w : w / 2;
	int rows = field_rows(fl, inner.h / 2);
	struct rect r = { y, x + lw, rows, w - lw };
	int cy, cx;

	draw_text(y, x, lw, _(fl->spec.label), focused ? ST_LABEL : ST_DIALOG, false);
	if (r.w < 1)
		return;
	edit_draw(&fl->ed, &r, focused ? ST_FIELD_FOCUS : ST_FIELD, &cy, &cx);
	if (focused)
		ui_cursor(f->ui, cy, cx);
	const char *note = fl->error ? fl->error : fl->hint ? fl->hint :
	                   fl->spec.hint ? _(fl->spec.hint) : NULL;
	if (note) {
		char line[600];
		snprintf(line, sizeof line, "%s%s", fl->error ? "↳ " : "", note);
		draw_text(y + rows, x + lw, w - lw, line, fl->error ? ST_ERROR : ST_DIM, false);
	}
}

/* The option list of the focused picker, below its field or above. */
static void draw_options(struct form *f, struct field *fl, int field_y)
{
	int lw = f->label_w < f->inner.w / 2 ? f->label_w : f->inner.w / 2;
	int x = f->inner.x + lw, w = f->inner.w - lw;
	int h = fl->nopts + 2;
	int bottom = f->view->area.y + f->view->area.h;
	int y = field_y + 1;

	if (y + h > bottom && field_y - h >= f->view->area.y)
		y = field_y - h;
	struct rect box = { y, x - 1, h, w + 2 };
	draw_clip(NULL);
	draw_fill(&box, ST_DIALOG);
	draw_box(&box, ST_DIALOG);
	for (int i = 0; i < fl->nopts; i++)
		draw_text(y + 1 + i, x, w, fl->opts[i].label,
		          i == fl->opt_sel ? ST_SELECTED : ST_DIALOG, false);
	f->drop_y = y + 1;
	f->drop_x = x;
	f->drop_w = w;
	f->drop_n = fl->nopts;
}

static struct rect box_for(struct form *f, int content_h)
{
	struct rect a = f->view->area, b;

	if (f->spec.full_screen) {
		b = a;
		return b;
	}
	b.w = a.w - 2 < BOX_MAX_W ? a.w - 2 : BOX_MAX_W;
	b.h = content_h + 5;  /* borders, blank, footer, blank */
	if (b.h > a.h - 2)
		b.h = a.h - 2;
	b.y = a.y + (a.h - b.h) / 2;
	b.x = a.x + (a.w - b.w) / 2;
	return b;
}

static void draw_footer(struct form *f, int y, int x, int w)
{
	char line[256];
	snprintf(line, sizeof line, _("F2: %s   Esc: cancel"), f->submit_label);
	draw_text(y, x, w, line, ST_DIM, false);
}

static void form_view_draw(struct view *v)
{
	struct form *f = v->data;
	int w = (f->spec.full_screen ? v->area.w - 2 : (v->area.w - 2 < BOX_MAX_W ? v->area.w - 2 : BOX_MAX_W)) - 4;
	int content = layout(f, w > 1 ? w : 1, v->area.h);
	struct rect box = box_for(f, content);

	if (box.w < 10 || box.h < 4)
		return;
	if (f->spec.full_screen) {
		f->inner = (struct rect){ box.y + 1, box.x + 2, box.h - 3, box.w - 4 };
	} else {
		draw_fill(&box, ST_DIALOG);
		draw_box(&box, ST_DIALOG);
		char t[256];
		snprintf(t, sizeof t, " %s ", f->title);
		draw_str(box.y, box.x + 2, box.w - 4, t, ST_DIALOG_TITLE);
		f->inner = (struct rect){ box.y + 2, box.x + 2, box.h - 5, box.w - 4 };
	}
	struct rect in = f->inner;
	if (in.h < 1)
		return;
	content = layout(f, in.w, in.h);
	/* keep the focused field (and its note) in view */
	if (f->n) {
		struct field *fl = &f->fields[f->focus];
		int top = fl->row, bottom = fl->row + field_rows(fl, in.h / 2) + 1;
		if (top < f->scroll)
			f->scroll = top;
		if (bottom > f->scroll + in.h)
			f->scroll = bottom - in.h;
	}
	if (f->scroll > content - in.h)
		f->scroll = content - in.h > 0 ? content - in.h : 0;
	draw_clip(&in);
	int row = 0;
	if (f->message) {
		struct rect r = { in.y - f->scroll, in.x, in.h + f->scroll, in.w };
		row += draw_wrap(&r, 0, f->message, ST_ERROR) + 1;
	}
	if (f->intro) {
		struct rect r = { in.y + row - f->scroll, in.x, in.h, in.w };
		draw_wrap(&r, 0, f->intro, ST_DIALOG);
	}
	int focus_y = -1;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		int y = in.y + fl->row - f->scroll;
		draw_field(f, fl, y, in.x, in.w, i == f->focus);
		if (i == f->focus)
			focus_y = y;
	}
	draw_clip(NULL);
	draw_footer(f, box.y + box.h - 2, in.x, in.w);
	f->drop_n = 0;
	if (f->n) {
		struct field *fl = &f->fields[f->focus];
		if (fl->spec.kind == FK_PICK && fl->list_open && fl->nopts && focus_y >= in.y)
			draw_options(f, fl, focus_y);
	}
}

/* ---- requests ---- */

static int submit(struct form *f)
{
	bool missing = false;

	free(f->message);
	f->message = NULL;
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		free(fl->error);
		fl->error = NULL;
		fl->list_open = false;
		auto_choose(f, fl);
		if (fl->spec.kind == FK_PICK && !fl->value && edit_text(&fl->ed)[0]) {
			fl->error = strdup(_("choose one of the suggestions (type, then Up/Down and Enter)"));
			if (!missing)
				f->focus = i;
			missing = true;
		}
	}
	if (missing)
		return RD_ALL;
	if (f->spec.submit(f, f->spec.ctx) == FORM_CLOSE)
		ui_pop(f->view);
	return RD_ALL;
}

static int mouse(struct form *f, const struct ui_event *ev)
{
	if (ev->mouse != MOUSE_CLICK)
		return RD_NONE;
	struct field *cur = &f->fields[f->focus];
	if (f->drop_n && ev->y >= f->drop_y && ev->y < f->drop_y + f->drop_n &&
	    ev->x >= f->drop_x && ev->x < f->drop_x + f->drop_w) {
		choose(f, cur, ev->y - f->drop_y);
		return RD_ALL;
	}
	for (int i = 0; i < f->n; i++) {
		int y = f->inner.y + f->fields[i].row - f->scroll;
		int h = field_rows(&f->fields[i], f->inner.h / 2);
		if (ev->y >= y && ev->y < y + h && ev->x >= f->inner.x &&
		    ev->x < f->inner.x + f->inner.w) {
			focus_to(f, i);
			return RD_ALL;
		}
	}
	return RD_NONE;
}

/* Up/Down: within an open option list, a multi-line text, or fields. */
static int vertical(struct form *f, struct field *fl, const struct ui_event *ev)
{
	int dir = ev->act == ACT_DOWN ? 1 : -1;

	if (fl->spec.kind == FK_PICK && fl->list_open && fl->nopts) {
		int s = fl->opt_sel + dir;
		if (s >= 0 && s < fl->nopts)
			fl->opt_sel = s;
		return RD_ALL;
	}
	if (fl->spec.kind == FK_PICK && dir > 0 && !fl->value) {
		/* Down on a picker not yet chosen: show what it offers */
		refresh_options(f, fl);
		fl->list_open = fl->nopts > 0;
		if (fl->list_open)
			return RD_ALL;
	}
	if (fl->spec.kind == FK_BODY && edit_request(&fl->ed, ev, false) != RD_IGNORED)
		return RD_ALL;
	focus_to(f, f->focus + dir);
	return RD_ALL;
}

static int edit_field(struct form *f, struct field *fl, const struct ui_event *ev)
{
	unsigned long before = fl->ed.changes;  /* no copy: a paste may be 100 KB */
	int rd = edit_request(&fl->ed, ev, ui_pasting(f->ui));

	if (before != fl->ed.changes) {
		if (fl->spec.kind == FK_PICK) {
			free(fl->value);
			fl->value = NULL;
			refresh_options(f, fl);
			fl->list_open = fl->nopts > 0;
		}
		free(fl->error);
		fl->error = NULL;
		notify(f, fl);
	}
	return rd == RD_IGNORED ? RD_NONE : rd;
}

static int form_view_request(struct view *v, const struct ui_event *ev)
{
	struct form *f = v->data;

	if (f->n == 0)
		return ev->act == ACT_SUBMIT || ev->act == ACT_ENTER ? submit(f) : RD_IGNORED;
	struct field *fl = &f->fields[f->focus];
	bool list = fl->spec.kind == FK_PICK && fl->list_open && fl->nopts;

	switch (ev->act) {
	case ACT_SUBMIT:
		return submit(f);
	case ACT_BACK:
		if (list) {
			fl->list_open = false;
			return RD_ALL;
		}
		return RD_IGNORED;  /* the engine closes the form */
	case ACT_HELP:
	case ACT_REDRAW:
	case ACT_QUIT:
		return RD_IGNORED;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		if (ui_pasting(f->ui))
			return edit_field(f, fl, ev);
		if (list && ev->act == ACT_NEXT_FIELD)
			choose(f, fl, fl->opt_sel);
		focus_to(f, f->focus + (ev->act == ACT_NEXT_FIELD ? 1 : -1));
		return RD_ALL;
	case ACT_ENTER:
		if (list) {
			/* choosing is not submitting, even on the last field */
			choose(f, fl, fl->opt_sel);
			if (fl->value)
				focus_to(f, f->focus + 1);
			return RD_ALL;
		}
		if (fl->spec.kind == FK_BODY || ui_pasting(f->ui))
			return edit_field(f, fl, ev);
		if (f->focus == f->n - 1)
			return submit(f);
		focus_to(f, f->focus + 1);
		return RD_ALL;
	case ACT_UP:
	case ACT_DOWN:
		return vertical(f, fl, ev);
	case ACT_MOUSE:
		return mouse(f, ev);
	default:
		return edit_field(f, fl, ev);
	}
}

static enum key_mode form_view_mode(struct view *v)
{
	(void)v;
	return KM_TEXT;
}

static const char *form_view_title(struct view *v)
{
	return ((struct form *)v->data)->title;
}

static const struct view_ops form_box_ops = {
	.name = N_("Form"),
	.keys = form_keys,
	.modal = true,
	.open = form_view_open,
	.close = form_view_close,
	.draw = form_view_draw,
	.request = form_view_request,
	.mode = form_view_mode,
	.title = form_view_title,
};

static const struct view_ops form_screen_ops = {
	.name = N_("Form"),
	.keys = form_keys,
	.open = form_view_open,
	.close = form_view_close,
	.draw = form_view_draw,
	.request = form_view_request,
	.mode = form_view_mode,
	.title = form_view_title,
};

struct form *form_open(struct ui *ui, const struct form_spec *spec)
{
	struct view *v = ui_push(ui, spec->full_screen ? &form_screen_ops : &form_box_ops,
	                         (void *)spec);
	if (!v) {
		if (spec->closed)
			spec->closed(spec->ctx);
		return NULL;
	}
	return v->data;
}

/* ---- accessors ---- */

struct ui *form_ui(struct form *f)
{
	return f->ui;
}

void form_close(struct form *f)
{
	ui_pop(f->view);
}

const char *form_value(struct form *f, const char *key)
{
	struct field *fl = find(f, key);

	if (!fl)
		return NULL;
	if (fl->spec.kind == FK_PICK)
		return fl->value;
	free(fl->nfc);
	fl->nfc = NULL;
	if (edit_commit(&fl->ed, &fl->nfc, NULL) != TEXT_OK)
		fl->nfc = strdup(edit_text(&fl->ed));
	return fl->nfc;
}

void form_set(struct form *f, const char *key, const char *value, const char *label)
{
	struct field *fl = find(f, key);

	if (!fl)
		return;
	if (fl->spec.kind == FK_PICK)
		set_owned(&fl->value, value);
	edit_set(&fl->ed, label ? label : value);
	fl->list_open = false;
	free(fl->error);
	fl->error = NULL;
	notify(f, fl);
}

void form_error(struct form *f, const char *key, const char *msg)
{
	struct field *fl = find(f, key);

	if (fl)
		set_owned(&fl->error, msg);
	else
		set_owned(&f->message, msg);
}

void form_hint(struct form *f, const char *key, const char *text)
{
	struct field *fl = find(f, key);

	if (fl)
		set_owned(&fl->hint, text);
}

void form_error_for(struct form *f, const char *field, const char *msg)
{
	struct field *fl = field && field[0] ? find(f, field) : NULL;

	if (fl) {
		set_owned(&fl->error, msg);
		f->focus = (int)(fl - f->fields);
	} else {
		set_owned(&f->message, msg);
	}
}

void form_focus(struct form *f, const char *key)
{
	struct field *fl = find(f, key);

	if (fl)
		focus_to(f, (int)(fl - f->fields));
}

int form_pick_from(const struct pick_option *all, int n, const char *query,
                   struct pick_option *out, int max)
{
	char *q = text_fold(query ? query : "");
	int k = 0;

	for (int i = 0; q && i < n && k < max; i++) {
		char *l = text_fold(all[i].label), *v = text_fold(all[i].value);
		bool hit = (l && strstr(l, q)) || (v && strstr(v, q));
		free(l);
		free(v);
		if (!hit)
			continue;
		out[k].value = strdup(all[i].value);
		out[k].label = strdup(all[i].label);
		if (!out[k].value || !out[k].label) {
			free(out[k].value);
			free(out[k].label);
			break;
		}
		k++;
	}
	free(q);
	return k;
}
