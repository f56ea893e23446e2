/* help.c — the `?` overlay.
 *
 * Built once when opened: one line per key_help row of the screen below
 * (all keys bound to the action in that screen's current input mode, then
 * the help text), a section with the keys every screen has, and a line on
 * the mouse.  Scrolls when it does not fit. */
#include "help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"

#define KEY_COL_MAX 16

struct help_line {
	char *keys;   /* NULL for a heading */
	char *text;
};

struct help {
	struct help_line *lines;
	int n, cap;
	int key_col;
	int scroll;
	int page;     /* rows shown at the last draw */
	char *title;
};

static const struct key_help help_keys[] = {
	{ ACT_BACK, N_("Close help"), N_("Close the help"), true },
	{ ACT_DOWN, NULL, NULL, false },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_PAGE_DOWN, NULL, NULL, false },
	{ ACT_PAGE_UP, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static bool add_line(struct help *h, const char *keys, const char *text)
{
	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 32;
		struct help_line *l = realloc(h->lines, (size_t)cap * sizeof *l);
		if (!l)
			return false;
		h->lines = l;
		h->cap = cap;
	}
	struct help_line *l = &h->lines[h->n];
	l->keys = keys ? strdup(keys) : NULL;
	l->text = strdup(text);
	if ((keys && !l->keys) || !l->text) {
		free(l->keys);
		free(l->text);
		return false;
	}
	h->n++;
	if (keys && draw_width(keys) + 2 > h->key_col)
		h->key_col = draw_width(keys) + 2;
	return true;
}

/* Adds the rows of one key table; actions already listed are skipped. */
static bool add_table(struct help *h, const struct key_help *keys, enum key_mode mode,
                      const struct key_help *skip)
{
	for (const struct key_help *k = keys; k && k->act != ACT_NONE; k++) {
		bool dup = false;
		for (const struct key_help *s = skip; s && s->act != ACT_NONE && !dup; s++)
			dup = s->act == k->act;
		for (const struct key_help *p = keys; p < k && !dup; p++)
			dup = p->act == k->act && p->label == k->label;
		if (dup)
			continue;
		char names[96];
		keys_names(k->act, mode, false, names, sizeof names);
		const char *label = k->label ? _(k->label) : action_label(k->act);
		const char *text = k->help ? _(k->help) : label;
		if (!names[0]) {
			/* an action without a fixed key (e.g. typing a letter) */
			snprintf(names, sizeof names, "%s", label);
		}
		if (!add_line(h, names, text))
			return false;
	}
	return true;
}

static void help_free(struct help *h)
{
	if (!h)
		return;
	for (int i = 0; i < h->n; i++) {
		free(h->lines[i].keys);
		free(h->lines[i].text);
	}
	free(h->lines);
	free(h->title);
	free(h);
}

static bool help_open(struct view *v, void *arg)
{
	struct view *target = arg;
	struct help *h = calloc(1, sizeof *h);
	enum key_mode mode = target->ops->mode ? target->ops->mode(target) : KM_NAV;
	char title[160];
	bool ok;

	if (!h) {
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	snprintf(title, sizeof title, _("Keys: %s"),
	         target->ops->title ? target->ops->title(target) : _(target->ops->name));
	h->title = strdup(title);
	ok = h->title && add_table(h, target->ops->keys, mode, ui_global_keys()) &&
	     add_line(h, NULL, "") && add_line(h, NULL, _("Everywhere")) &&
	     add_table(h, ui_global_keys(), mode, NULL) &&
	     add_line(h, _("Mouse"), _("Click selects, a second click opens, the wheel scrolls; "
	                               "click a key in the bottom line to use it"));
	if (!ok) {
		help_free(h);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	if (h->key_col > KEY_COL_MAX)
		h->key_col = KEY_COL_MAX;
	v->data = h;
	return true;
}

static void help_close(struct view *v)
{
	help_free(v->data);
	v->data = NULL;
}

static void help_draw(struct view *v)
{
	struct help *h = v->data;
	struct rect a = v->area;
	struct rect box = { a.y + 1, a.x + 2, a.h - 3, a.w - 4 };

	if (box.h < 3 || box.w < 10)
		return;
	draw_fill(&box, ST_DIALOG);
	draw_box(&box, ST_DIALOG);
	char t[200];
	snprintf(t, sizeof t, " %s ", h->title);
	draw_str(box.y, box.x + 2, box.w - 4, t, ST_DIALOG_TITLE);
	int rows = box.h - 2, x = box.x + 2, w = box.w - 4;
	h->page = rows;
	if (h->scroll > h->n - rows)
		h->scroll = h->n - rows > 0 ? h->n - rows : 0;
	for (int i = 0; i < rows && h->scroll + i < h->n; i++) {
		const struct help_line *l = &h->lines[h->scroll + i];
		int y = box.y + 1 + i;
		if (!l->keys) {
			draw_text(y, x, w, l->text, ST_LABEL, false);
			continue;
		}
		int kw = h->key_col < w / 2 ? h->key_col : w / 2;
		draw_text(y, x, kw, l->keys, ST_LABEL, false);
		draw_text(y, x + kw, w - kw, l->text, ST_DIALOG, false);
	}
	if (h->scroll + rows < h->n)
		draw_str(box.y + box.h - 1, box.x + box.w - 5, 3, "↓", ST_DIALOG);
}

static int help_request(struct view *v, const struct ui_event *ev)
{
	struct help *h = v->data;
	int page = h->page > 1 ? h->page : 1;

	switch (ev->act) {
	case ACT_DOWN: h->scroll++; break;
	case ACT_UP: h->scroll--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: h->scroll += page; break;
	case ACT_PAGE_UP: case ACT_HALF_UP: h->scroll -= page; break;
	case ACT_HOME: h->scroll = 0; break;
	case ACT_END: h->scroll = h->n; break;
	case ACT_MOUSE:
		if (ev->mouse == MOUSE_WHEEL_DOWN)
			h->scroll += 3;
		else if (ev->mouse == MOUSE_WHEEL_UP)
			h->scroll -= 3;
		break;
	case ACT_BACK: case ACT_HELP: case ACT_ENTER:
		ui_pop(v);
		return RD_ALL;
	case ACT_QUIT: case ACT_REDRAW:
		return RD_IGNORED;
	default:
		return RD_NONE;
	}
	if (h->scroll < 0)
		h->scroll = 0;
	return RD_ALL;
}

const struct view_ops view_help_ops = {
	.name = N_("Help"),
	.keys = help_keys,
	.modal = true,
	.open = help_open,
	.close = help_close,
	.draw = help_draw,
	.request = help_request,
};
