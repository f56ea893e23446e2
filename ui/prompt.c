/* prompt.c — the one-line prompt drawn over the status line. */
#include "prompt.h"

#include <stdlib.h>
#include <string.h>

#include "edit.h"

#define PROMPT_MAX_BYTES 400

struct prompt {
	char *label;
	struct edit field;
	prompt_change_fn on_change;
	prompt_done_fn on_done;
	void *ctx;
};

struct prompt_arg {
	const char *label, *initial;
	prompt_change_fn on_change;
	prompt_done_fn on_done;
	void *ctx;
};

static const struct key_help prompt_keys[] = {
	{ ACT_ENTER, N_("Done"), N_("Keep this search and go back to the list"), true },
	{ ACT_BACK, N_("Cancel"), N_("Cancel the search"), true },
	{ ACT_BACKSPACE, NULL, NULL, false },
	{ ACT_KILL_LINE, NULL, NULL, false },
	{ ACT_KILL_WORD, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static bool prompt_open_view(struct view *v, void *arg)
{
	const struct prompt_arg *a = arg;
	struct prompt *p = calloc(1, sizeof *p);

	if (!p || !(p->label = strdup(a->label))) {
		free(p);
		ui_error(v->ui, "%s", _("Out of memory"));
		return false;
	}
	edit_init(&p->field, false, PROMPT_MAX_BYTES);
	edit_set(&p->field, a->initial);
	p->on_change = a->on_change;
	p->on_done = a->on_done;
	p->ctx = a->ctx;
	v->data = p;
	return true;
}

static void prompt_close(struct view *v)
{
	struct prompt *p = v->data;

	edit_free(&p->field);
	free(p->label);
	free(p);
}

static void prompt_draw(struct view *v)
{
	struct prompt *p = v->data;
	int y = v->area.y + v->area.h - 2;
	int lw = draw_text(y, v->area.x, draw_width(p->label), p->label, ST_LABEL, false);
	struct rect r = { y, v->area.x + lw, 1, v->area.w - lw };
	int cy, cx;

	edit_draw(&p->field, &r, ST_NORMAL, &cy, &cx);
	ui_cursor(v->ui, cy, cx);
}

static int prompt_request(struct view *v, const struct ui_event *ev)
{
	struct prompt *p = v->data;

	switch (ev->act) {
	case ACT_ENTER:
	case ACT_BACK: {
		ui_pop(v);
		int r = p->on_done(p->ctx, ev->act == ACT_ENTER ? edit_text(&p->field) : NULL);
		return (r > 0 ? r : 0) | RD_ALL;
	}
	case ACT_HELP:
	case ACT_REDRAW:
		return RD_IGNORED;
	default:
		break;
	}
	char *before = strdup(edit_text(&p->field));
	int rd = edit_request(&p->field, ev, ui_pasting(v->ui));
	if (rd == RD_IGNORED)
		rd = RD_NONE;
	if (before && strcmp(before, edit_text(&p->field)) != 0) {
		int r = p->on_change(p->ctx, edit_text(&p->field));
		if (r > 0)
			rd |= r;
	}
	free(before);
	return rd;
}

static enum key_mode prompt_mode(struct view *v)
{
	(void)v;
	return KM_TEXT;
}

static const struct view_ops prompt_ops = {
	.name = N_("Search"),
	.keys = prompt_keys,
	.modal = true,
	.open = prompt_open_view,
	.close = prompt_close,
	.draw = prompt_draw,
	.request = prompt_request,
	.mode = prompt_mode,
};

bool prompt_open(struct ui *ui, const char *label, const char *initial,
                 prompt_change_fn on_change, prompt_done_fn on_done, void *ctx)
{
	struct prompt_arg a = { label, initial, on_change, on_done, ctx };
	return ui_push(ui, &prompt_ops, &a) != NULL;
}
