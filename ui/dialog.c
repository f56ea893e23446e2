/* dialog.c — message boxes and menus as modal views.
 *
 * The box is sized to its content and the screen: at most 72 columns wide,
 * at least 2 columns inside the screen edge, never taller than the screen
 * (the text or the items scroll). */
#include "dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "text.h"

#define BOX_MAX_W 72

enum dialog_kind { DLG_ASK, DLG_MENU };

struct dialog {
	enum dialog_kind kind;
	char *title;
	char *text;
	char **items;      /* buttons (DLG_ASK) or menu items (DLG_MENU) */
	int nitems;
	int focus;         /* chosen button / selected item */
	int scroll;        /* first text line or first item shown */
	dialog_done_fn done;
	void *ctx;
	struct rect box;   /* where it was last drawn (for the mouse) */
	int items_y;       /* first row of the menu items or the buttons */
	int button_x[8];   /* x of each button on the buttons row */
};

static const struct key_help ask_keys[] = {
	{ ACT_ENTER, N_("Choose"), N_("Choose the highlighted button"), true },
	{ ACT_BACK, N_("Cancel"), NULL, true },
	{ ACT_NEXT_FIELD, N_("Next button"), NULL, false },
	{ ACT_RIGHT, N_("Next button"), NULL, false },
	{ ACT_LEFT, N_("Previous button"), NULL, false },
	{ ACT_DOWN, N_("Scroll the text"), NULL, false },
	{ ACT_UP, N_("Scroll the text"), NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static const struct key_help menu_keys[] = {
	{ ACT_ENTER, N_("Choose"), N_("Choose the highlighted item"), true },
	{ ACT_BACK, N_("Cancel"), NULL, true },
	{ ACT_DOWN, NULL, NULL, false },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_HOME, N_("First item"), NULL, false },
	{ ACT_END, N_("Last item"), NULL, false },
	{ ACT_CHAR, N_("a letter"), N_("Jump to the next item starting with that letter"), false },
	{ ACT_NONE, NULL, NULL, false },
};

static void dialog_free(struct dialog *d)
{
	if (!d)
		return;
	for (int i = 0; i < d->nitems; i++)
		free(d->items[i]);
	free(d->items);
	free(d->title);
	free(d->text);
	free(d);
}

static bool dialog_open(struct view *v, void *arg)
{
	v->data = arg;
	return true;
}

static void dialog_close(struct view *v)
{
	dialog_free(v->data);
	v->data = NULL;
}

/* Closes the dialog and reports the choice to its owner. */
static int finish(struct view *v, int choice)
{
	struct dialog *d = v->data;

	ui_pop(v);
	int rd = d->done ? d->done(d->ctx, choice) : RD_NONE;
	return rd > 0 ? rd | RD_ALL : RD_ALL;
}

/* Computes the box for the content and the screen in v->area. */
static struct rect layout_box(struct view *v, int *text_lines)
{
	struct dialog *d = v->data;
	struct rect a = v->area, box;
	int want = draw_width(d->title) + 6;

	for (int i = 0; i < d->nitems; i++) {
		int w = draw_width(d->items[i]) + (d->kind == DLG_MENU ? 6 : 0);
		if (w > want)
			want = w;
	}
	if (d->text) {
		int longest = 0;
		for (const char *p = d->text; *p;) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			char *line = strndup(p, n);
			int w = line ? draw_width(line) : 0;
			free(line);
			if (w > longest)
				longest = w;
			p += n + (nl ? 1 : 0);
		}
		if (longest + 4 > want)
			want = longest + 4;
	}
	if (d->kind == DLG_ASK && want < 30)
		want = 30;
	box.w = want < BOX_MAX_W ? want : BOX_MAX_W;
	if (box.w > a.w - 4)
		box.w = a.w - 4;
	struct rect inner = { 0, 0, 0, box.w - 4 };
	*text_lines = d->text ? draw_wrap(&inner, 0, d->text, ST_DIALOG) : 0;
	/* menu: border, [text, blank,] items, border;
	 * question: border, blank, text, blank, buttons, border */
	if (d->kind == DLG_MENU)
		box.h = d->nitems + (*text_lines ? *text_lines + 1 : 0) + 2;
	else
		box.h = *text_lines + 5;
	if (box.h > a.h - 2)
		box.h = a.h - 2;
	box.y = a.y + (a.h - box.h) / 2;
	box.x = a.x + (a.w - box.w) / 2;
	return box;
}

static void draw_buttons(struct dialog *d, int y)
{
	int total = 0;

	for (int i = 0; i < d->nitems; i++)
		total += draw_width(d->items[i]) + 4 + (i ? 2 : 0);
	int x = d->box.x + (d->box.w - total) / 2;
	if (x < d->box.x + 1)
		x = d->box.x + 1;
	d->items_y = y;
	for (int i = 0; i < d->nitems && i < (int)UI_ARRAY_LEN(d->button_x); i++) {
		char label[256];
		snprintf(label, sizeof label, "[ %s ]", d->items[i]);
		d->button_x[i] = x;
		x += draw_str(y, x, d->box.x + d->box.w - 1 - x, label,
		              i == d->focus ? ST_BUTTON_FOCUS : ST_BUTTON);
		x += 2;
	}
}

static void dialog_draw(struct view *v)
{
	struct dialog *d = v->data;
	int text_lines;
	struct rect box = layout_box(v, &text_lines);

	d->box = box;
	if (box.w < 8 || box.h < 3)
		return;
	draw_fill(&box, ST_DIALOG);
	draw_box(&box, ST_DIALOG);
	if (d->title && d->title[0]) {
		char t[256];
		snprintf(t, sizeof t, " %s ", d->title);
		draw_str(box.y, box.x + 2, box.w - 4, t, ST_DIALOG_TITLE);
	}
	struct rect inner = { box.y + 1, box.x + 2, box.h - 2, box.w - 4 };
	if (d->kind == DLG_ASK) {
		struct rect tr = { inner.y + 1, inner.x, inner.h - 3, inner.w };
		if (tr.h < 1)
			tr.h = 1;
		if (d->scroll > text_lines - tr.h)
			d->scroll = text_lines - tr.h > 0 ? text_lines - tr.h : 0;
		draw_wrap(&tr, d->scroll, d->text, ST_DIALOG);
		draw_buttons(d, box.y + box.h - 2);
		return;
	}
	int y = inner.y;
	if (text_lines) {
		struct rect tr = { inner.y, inner.x, text_lines, inner.w };
		draw_wrap(&tr, 0, d->text, ST_DIALOG);
		y += text_lines + 1;
	}
	int rows = inner.y + inner.h - y;
	if (rows < 1)
		return;
	if (d->focus < d->scroll)
		d->scroll = d->focus;
	if (d->focus >= d->scroll + rows)
		d->scroll = d->focus - rows + 1;
	d->items_y = y;
	for (int i = 0; i < rows && d->scroll + i < d->nitems; i++) {
		int k = d->scroll + i;
		char line[512];
		snprintf(line, sizeof line, " %s", d->items[k]);
		draw_text(y + i, inner.x, inner.w, line, k == d->focus ? ST_SELECTED : ST_DIALOG, false);
	}
}

/* The first character of s folded for type-ahead (0 when none). */
static wchar_t folded_first(const char *s)
{
	char *f = text_fold(s);
	wchar_t wc = 0;

	if (f) {
		mbstate_t st;
		memset(&st, 0, sizeof st);
		if (mbrtowc(&wc, f, strlen(f), &st) > (size_t)-3)
			wc = 0;
		free(f);
	}
	return wc;
}

static int menu_type_ahead(struct dialog *d, wchar_t ch)
{
	char typed[8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(typed, ch, &st);

	if (n == (size_t)-1)
		return RD_NONE;
	typed[n] = '\0';
	wchar_t want = folded_first(typed);
	for (int k = 1; k <= d->nitems; k++) {
		int i = (d->focus + k) % d->nitems;
		if (want && folded_first(d->items[i]) == want) {
			d->focus = i;
			return RD_ALL;
		}
	}
	return RD_NONE;
}

static int mouse_click(struct view *v, const struct ui_event *ev)
{
	struct dialog *d = v->data;

	if (ev->mouse != MOUSE_CLICK)
		return RD_NONE;
	if (d->kind == DLG_MENU) {
		int i = d->scroll + ev->y - d->items_y;
		if (ev->y >= d->items_y && i < d->nitems && ev->y < d->box.y + d->box.h - 1 &&
		    ev->x > d->box.x && ev->x < d->box.x + d->box.w - 1)
			d->focus = i;
		return RD_ALL;
	}
	if (ev->y != d->items_y)
		return RD_NONE;
	for (int i = d->nitems - 1; i >= 0; i--)
		if (i < (int)UI_ARRAY_LEN(d->button_x) && ev->x >= d->button_x[i])
			return finish(v, i);
	return RD_NONE;
}

static int dialog_request(struct view *v, const struct ui_event *ev)
{
	struct dialog *d = v->data;
	bool menu = d->kind == DLG_MENU;

	switch (ev->act) {
	case ACT_ENTER:
		return finish(v, d->nitems ? d->focus : -1);
	case ACT_BACK:
		return finish(v, -1);
	case ACT_NEXT_FIELD:
	case ACT_RIGHT:
		if (!menu && d->focus + 1 < d->nitems)
			d->focus++;
		return RD_ALL;
	case ACT_PREV_FIELD:
	case ACT_LEFT:
		if (!menu && d->focus > 0)
			d->focus--;
		return RD_ALL;
	case ACT_DOWN:
		if (menu && d->focus + 1 < d->nitems)
			d->focus++;
		else if (!menu)
			d->scroll++;
		return RD_ALL;
	case ACT_UP:
		if (menu && d->focus > 0)
			d->focus--;
		else if (!menu && d->scroll > 0)
			d->scroll--;
		return RD_ALL;
	case ACT_HOME:
		d->focus = menu ? 0 : d->focus;
		d->scroll = 0;
		return RD_ALL;
	case ACT_END:
		if (menu && d->nitems)
			d->focus = d->nitems - 1;
		return RD_ALL;
	case ACT_CHAR:
		return menu ? menu_type_ahead(d, ev->ch) : RD_NONE;
	case ACT_MOUSE:
		return mouse_click(v, ev);
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_REDRAW:
		return RD_IGNORED;
	default:
		return RD_NONE;  /* a dialog swallows every other key */
	}
}

static const struct view_ops ask_ops = {
	.name = N_("Question"),
	.keys = ask_keys,
	.modal = true,
	.open = dialog_open,
	.close = dialog_close,
	.draw = dialog_draw,
	.request = dialog_request,
};

static const struct view_ops menu_ops = {
	.name = N_("Menu"),
	.keys = menu_keys,
	.modal = true,
	.open = dialog_open,
	.close = dialog_close,
	.draw = dialog_draw,
	.request = dialog_request,
};

static struct dialog *dialog_new(enum dialog_kind kind, const char *title, const char *text,
                                 const char *const *items, int nitems)
{
	struct dialog *d = calloc(1, sizeof *d);

	if (!d)
		return NULL;
	d->kind = kind;
	d->title = strdup(title ? title : "");
	d->text = text ? strdup(text) : NULL;
	d->items = calloc(nitems > 0 ? (size_t)nitems : 1, sizeof *d->items);
	bool ok = d->title && (!text || d->text) && d->items;
	for (int i = 0; ok && i < nitems; i++) {
		d->items[i] = strdup(items[i] ? items[i] : "");
		ok = d->items[i] != NULL;
		d->nitems = i + 1;
	}
	if (!ok) {
		dialog_free(d);
		return NULL;
	}
	return d;
}

static bool dialog_push(struct ui *ui, const struct view_ops *ops, struct dialog *d)
{
	if (!d) {
		ui_error(ui, "%s", _("Out of memory"));
		return false;
	}
	if (!ui_push(ui, ops, d)) {
		dialog_free(d);
		return false;
	}
	return true;
}

bool dialog_ask(struct ui *ui, const char *title, const char *text,
                const char *const *buttons, int nbuttons, int focus,
                dialog_done_fn done, void *ctx)
{
	struct dialog *d = dialog_new(DLG_ASK, title, text ? text : "", buttons, nbuttons);

	if (d) {
		d->focus = focus >= 0 && focus < nbuttons ? focus : 0;
		d->done = done;
		d->ctx = ctx;
	}
	return dialog_push(ui, &ask_ops, d);
}

bool dialog_message(struct ui *ui, const char *title, const char *text)
{
	const char *ok[] = { _("OK") };
	return dialog_ask(ui, title, text, ok, 1, 0, NULL, NULL);
}

bool dialog_menu(struct ui *ui, const char *title, const char *const *items,
                 int nitems, int selected, dialog_done_fn done, void *ctx)
{
	struct dialog *d = dialog_new(DLG_MENU, title, NULL, items, nitems);

	if (d) {
		d->focus = selected >= 0 && selected < nitems ? selected : 0;
		d->done = done;
		d->ctx = ctx;
	}
	return dialog_push(ui, &menu_ops, d);
}
