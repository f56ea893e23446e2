/* petition_forms.c — the workflow actions: one table, one form each.
 *
 * Each row of `actions` names a workflow action, its fields and the call
 * that performs it with the typed values.  The core validates; its message
 * goes next to the field it names (rv_field()).  A version conflict opens
 * a dialog listing what the other person changed: Review reloads the
 * petition behind the form and keeps what was typed (saving again then
 * applies it on top, knowingly); Cancel drops the form. */
#include "petition_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "form.h"
#include "pickers.h"
#include "plist.h"
#include "workflow.h"

#define COORD_MAX 16

struct action_ctx {
	struct ui *ui;
	struct petition_ref ref;
	char code[RV_CODE_MAX];
	int64_t version;
	char *category;        /* for the deadline preview */
	const struct action_def *def;
	struct form *form;
	/* assign: the coordinating agencies chosen so far */
	char *coord[COORD_MAX], *coord_name[COORD_MAX];
	size_t n_coord;
};

struct action_def {
	enum wf_action act;
	const char *menu;      /* msgid */
	const char *submit;    /* msgid; with the code, the form's title */
	const char *done;      /* msgid: what happened, for the status line */
	const struct field_spec *fields;
	int nfields;
	enum rv_code (*run)(struct rv *rv, struct action_ctx *c, struct form *f);
};

/* ---- fields ---- */

static const struct field_spec classify_fields[] = {
	{ .key = "category", .label = N_("Category"), .kind = FK_PICK, .pick = pick_category },
};

static int pick_coordinating(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
static bool coord_chosen(struct form *f, void *ctx, const struct pick_option *o);

static const struct field_spec assign_fields[] = {
	{ .key = "lead", .label = N_("Lead agency"), .kind = FK_PICK, .pick = pick_agency },
	{ .key = "coordinate", .label = N_("Coordinating"), .kind = FK_PICK, .pick = pick_coordinating,
	  .chosen = coord_chosen, .max_bytes = 300, .hint = N_("optional: type to add agencies, one at a time") },
	{ .key = "person", .label = N_("Person"), .kind = FK_TEXT, .max_bytes = 200 },
	{ .key = "within", .label = N_("Within (days)"), .kind = FK_TEXT, .max_bytes = 4 },
	{ .key = "due", .label = N_("Or due on"), .kind = FK_TEXT, .max_bytes = 20,
	  .hint = N_("a date dd/mm/yyyy; leave both empty for the category's limit") },
};

static const struct field_spec answer_fields[] = {
	{ .key = "result", .label = N_("Result"), .kind = FK_BODY, .rows = 4, .max_bytes = 20000 },
	{ .key = "outcome", .label = N_("Outcome"), .kind = FK_PICK, .pick = pick_outcome },
};

static const struct field_spec close_fields[] = {
	{ .key = "rating", .label = N_("Satisfaction"), .kind = FK_PICK, .pick = pick_rating },
	{ .key = "feedback", .label = N_("Feedback"), .kind = FK_TEXT, .max_bytes = 2000 },
};

static const struct field_spec reject_fields[] = {
	{ .key = "reason", .label = N_("Reason"), .kind = FK_TEXT, .max_bytes = 2000,
	  .hint = N_("who decided, and why it is outside the Board's scope") },
	{ .key = "refer-to", .label = N_("Refer to"), .kind = FK_TEXT, .max_bytes = 500,
	  .hint = N_("where the enterprise should turn") },
};

static const struct field_spec note_fields[] = {
	{ .key = "note", .label = N_("Note"), .kind = FK_TEXT, .max_bytes = 2000 },
};

static const struct field_spec reason_fields[] = {
	{ .key = "reason", .label = N_("Reason"), .kind = FK_TEXT, .max_bytes = 2000 },
};

static const struct field_spec extend_fields[] = {
	{ .key = "due", .label = N_("New deadline"), .kind = FK_TEXT, .max_bytes = 20,
	  .hint = N_("a date dd/mm/yyyy") },
	{ .key = "reason", .label = N_("Reason"), .kind = FK_TEXT, .max_bytes = 2000 },
};

/* ---- calls ---- */

/* "" → NULL: an empty optional field is absent. */
static const char *opt(struct form *f, const char *key)
{
	const char *v = form_value(f, key);
	return v && v[0] ? v : NULL;
}

static enum rv_code run_classify(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_classify(rv, c->code, c->version, opt(f, "category"));
}

static enum rv_code run_assign(struct rv *rv, struct action_ctx *c, struct form *f)
{
	struct assign_args a = {
		.lead = opt(f, "lead"), .coordinating = (const char *const *)c->coord,
		.n_coordinating = c->n_coord, .person = opt(f, "person"),
	};
	/* opt() strings stay valid until the same field is read again */
	a.within = opt(f, "within");
	a.due = opt(f, "due");
	return wf_assign(rv, c->code, c->version, &a);
}

/* ---- assign: several coordinating agencies, picked one at a time ---- */

/* The chosen agencies matching q, to remove ("-CODE"), then the matching
 * agencies not yet chosen (nor lead), to add ("+CODE"). */
static int pick_coordinating(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct action_ctx *c = ctx;
	struct pick_option chosen[COORD_MAX], found[32];
	char labels[COORD_MAX][400], values[COORD_MAX][40];
	const char *lead = form_value(f, "lead");
	int n, nf;

	for (size_t i = 0; i < c->n_coord; i++) {
		snprintf(labels[i], sizeof labels[i], _("− remove %s — %s"), c->coord_name[i], c->coord[i]);
		snprintf(values[i], sizeof values[i], "-%s", c->coord[i]);
		chosen[i] = (struct pick_option){ values[i], labels[i] };
	}
	n = form_pick_from(chosen, (int)c->n_coord, q, out, max);
	nf = n < max ? pick_agency(f, ctx, q, found, max - n < 32 ? max - n : 32) : 0;
	for (int i = 0; i < nf; i++) {
		bool dup = lead && strcmp(lead, found[i].value) == 0;  /* the lead is not also coordinating */
		for (size_t k = 0; k < c->n_coord; k++)
			dup = dup || strcmp(c->coord[k], found[i].value) == 0;
		char *v = malloc(strlen(found[i].value) + 2), *l = malloc(strlen(found[i].label) + 3);
		if (!dup && v && l && n < max) {
			sprintf(v, "+%s", found[i].value);
			sprintf(l, "+ %s", found[i].label);
			out[n++] = (struct pick_option){ v, l };
		} else {
			free(v);
			free(l);
		}
		free(found[i].value);
		free(found[i].label);
	}
	return n;
}

/* The chosen agencies under the field, by name. */
static void show_coordinating(struct form *f, struct action_ctx *c)
{
	char buf[1200] = "";

	for (size_t i = 0; i < c->n_coord; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", c->coord_name[i]);
	}
	form_hint(f, "coordinate", c->n_coord ? buf : NULL);
}

static bool coord_add(struct action_ctx *c, const char *code, const char *name)
{
	if (c->n_coord == COORD_MAX)
		return false;
	c->coord[c->n_coord] = strdup(code);
	c->coord_name[c->n_coord] = strdup(name && name[0] ? name : code);
	if (!c->coord[c->n_coord] || !c->coord_name[c->n_coord]) {
		free(c->coord[c->n_coord]);
		free(c->coord_name[c->n_coord]);
		return false;
	}
	c->n_coord++;
	return true;
}

/* Adds or removes the agency; the field stays empty for the next one. */
static bool coord_chosen(struct form *f, void *ctx, const struct pick_option *o)
{
	struct action_ctx *c = ctx;
	const char *code = o->value + 1;

	if (o->value[0] == '+') {
		/* the label is "+ NAME — CODE" */
		const char *dash = strstr(o->label, " — ");
		char *name = strndup(o->label + 2, dash ? (size_t)(dash - o->label - 2) : strlen(o->label + 2));
		if (!name || !coord_add(c, code, name))
			form_error(f, "coordinate", _("no more coordinating agencies can be added"));
		free(name);
	} else {
		for (size_t i = 0; i < c->n_coord; i++)
			if (strcmp(c->coord[i], code) == 0) {
				free(c->coord[i]);
				free(c->coord_name[i]);
				memmove(&c->coord[i], &c->coord[i + 1], (c->n_coord - i - 1) * sizeof *c->coord);
				memmove(&c->coord_name[i], &c->coord_name[i + 1],
				        (c->n_coord - i - 1) * sizeof *c->coord_name);
				c->n_coord--;
				break;
			}
	}
	form_set(f, "coordinate", NULL, "");
	show_coordinating(f, c);
	return false;
}

static enum rv_code run_answer(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_answer(rv, c->code, c->version, opt(f, "result"), opt(f, "outcome"));
}

static enum rv_code run_close(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_close(rv, c->code, c->version, opt(f, "rating"), opt(f, "feedback"));
}

static enum rv_code run_reject(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_reject(rv, c->code, c->version, opt(f, "reason"), opt(f, "refer-to"));
}

static enum rv_code run_withdraw(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_withdraw(rv, c->code, c->version, opt(f, "note"));
}

static enum rv_code run_reopen(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_reopen(rv, c->code, c->version, opt(f, "reason"));
}

static enum rv_code run_extend(struct rv *rv, struct action_ctx *c, struct form *f)
{
	return wf_extend(rv, c->code, c->version, opt(f, "due"), opt(f, "reason"));
}

#define FIELDS(a) a, (int)UI_ARRAY_LEN(a)

static const struct action_def actions[WF_COUNT] = {
	{ WF_CLASSIFY, N_("Classify…"), N_("Classify"), N_("classified"), FIELDS(classify_fields), run_classify },
	{ WF_ASSIGN, N_("Assign…"), N_("Assign"), N_("assigned"), FIELDS(assign_fields), run_assign },
	{ WF_START, N_("Start processing"), N_("Start"), N_("started"), NULL, 0, NULL },
	{ WF_ANSWER, N_("Answer…"), N_("Answer"), N_("answered"), FIELDS(answer_fields), run_answer },
	{ WF_CLOSE, N_("Close…"), N_("Close"), N_("closed"), FIELDS(close_fields), run_close },
	{ WF_REJECT, N_("Reject…"), N_("Reject"), N_("rejected"), FIELDS(reject_fields), run_reject },
	{ WF_WITHDRAW, N_("Withdraw…"), N_("Withdraw"), N_("withdrawn"), FIELDS(note_fields), run_withdraw },
	{ WF_REOPEN, N_("Reopen…"), N_("Reopen"), N_("reopened"), FIELDS(reason_fields), run_reopen },
	{ WF_EXTEND, N_("Extend the deadline…"), N_("Extend"), N_("deadline extended"),
	  FIELDS(extend_fields), run_extend },
};

/* ---- the form ---- */

static struct action_ctx *ctx_new(struct ui *ui, const struct petition_ref *ref,
                                  const struct action_def *def)
{
	struct action_ctx *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->ui = ui;
	c->ref = *ref;
	c->def = def;
	snprintf(c->code, sizeof c->code, "%s", ref->p->code);
	c->version = ref->p->version;
	c->category = ref->p->category ? strdup(ref->p->category) : NULL;
	return c;
}

static void ctx_free(void *ctx)
{
	struct action_ctx *c = ctx;

	if (c) {
		free(c->category);
		for (size_t i = 0; i < c->n_coord; i++) {
			free(c->coord[i]);
			free(c->coord_name[i]);
		}
	}
	free(c);
}

static int conflict_done(void *ctx, int choice)
{
	struct action_ctx *c = ctx;

	if (choice == 0) {
		c->ref.reload(c->ref.ctx, c->ui);
		c->version = c->ref.version(c->ref.ctx);
		form_error(c->form, NULL, _("Reloaded: their changes are on the screen behind this form. "
		                            "F2 saves yours on top of them; Esc drops it."));
	} else {
		form_close(c->form);
	}
	return RD_ALL;
}

/* Shows what the other person changed; nothing was written. */
static void conflict_dialog(struct action_ctx *c, const char *what)
{
	static const char *buttons[2];
	char text[2048];

	buttons[0] = _("Review");
	buttons[1] = _("Cancel");
	snprintf(text, sizeof text, "%s\n\n%s", what,
	         _("Nothing was saved. Review their changes; save again only if yours still applies."));
	dialog_ask(c->ui, _("Someone else changed this petition"), text, buttons, 2, 0,
	           conflict_done, c);
}

static bool is_conflict(struct rv *rv)
{
	return rv_status(rv) == RV_ECONFLICT && strcmp(rv_field(rv), "version") == 0;
}

static enum form_result action_submit(struct form *f, void *ctx)
{
	struct action_ctx *c = ctx;
	struct rv *rv = ui_rv(c->ui);

	c->form = f;
	if (c->def->run(rv, c, f) == RV_OK) {
		c->ref.reload(c->ref.ctx, c->ui);
		ui_info(c->ui, _("%s: %s"), c->code, _(c->def->done));
		return FORM_CLOSE;
	}
	if (is_conflict(rv))
		conflict_dialog(c, rv_message(rv));
	else
		form_error_for(f, rv_field(rv), rv_message(rv));
	return FORM_STAY;
}

static const char *const weekdays[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

/* Assign: the deadline the typed values give, before confirming. */
static void preview_deadline(struct form *f, void *ctx, const char *key)
{
	struct action_ctx *c = ctx;
	struct rv *rv = ui_rv(c->ui);
	rv_date d;
	char buf[200], day[11];

	if (key && strcmp(key, "within") != 0 && strcmp(key, "due") != 0)
		return;
	const char *within = opt(f, "within");
	char *w = within ? strdup(within) : NULL;
	const char *due = opt(f, "due");
	form_error(f, "within", NULL);
	form_error(f, "due", NULL);
	if (wf_preview_deadline(rv, c->category, w, due, &d) == RV_OK) {
		snprintf(buf, sizeof buf, _("→ deadline %s %s"), _(weekdays[date_weekday(d)]), date_vn(d, day));
		form_hint(f, "within", buf);
	} else {
		/* next to the field, without taking the focus from the one typed in */
		form_hint(f, "within", NULL);
		form_error(f, rv_field(rv)[0] ? rv_field(rv) : "within", rv_message(rv));
	}
	rv_clear_error(rv);
	free(w);
}

static void open_action_form(struct ui *ui, const struct petition_ref *ref,
                             const struct action_def *def, const struct field_spec *fields,
                             int nfields)
{
	struct action_ctx *c = ctx_new(ui, ref, def);
	char title[160];

	if (!c) {
		ui_error(ui, "%s", _("Out of memory"));
		return;
	}
	snprintf(title, sizeof title, "%s · %s", _(def->submit), c->code);
	struct form_spec spec = {
		.title = title,
		.submit_label = _(def->submit),
		.fields = fields,
		.nfields = nfields,
		.ctx = c,
		.submit = action_submit,
		.changed = def->act == WF_ASSIGN ? preview_deadline : NULL,
		.closed = ctx_free,
		.intro = ref->p->title,
	};
	/* assigning again starts from the agencies coordinating now */
	for (size_t i = 0; def->act == WF_ASSIGN && i < ref->p->n_coordinating; i++)
		coord_add(c, ref->p->coordinating[i].code, ref->p->coordinating[i].name);
	struct form *form = form_open(ui, &spec);
	if (!form)
		return;  /* c was freed by ctx_free */
	c->form = form;
	if (def->act == WF_ASSIGN) {
		preview_deadline(c->form, c, NULL);
		show_coordinating(c->form, c);
	}
}

/* Start has no fields: a question is enough. */
static int start_done(void *ctx, int choice)
{
	struct action_ctx *c = ctx;
	struct rv *rv = ui_rv(c->ui);

	if (choice == 0) {
		if (wf_start(rv, c->code, c->version) == RV_OK) {
			c->ref.reload(c->ref.ctx, c->ui);
			ui_info(c->ui, _("%s: %s"), c->code, _(c->def->done));
		} else if (is_conflict(rv)) {
			c->ref.reload(c->ref.ctx, c->ui);
			dialog_message(c->ui, _("Someone else changed this petition"), rv_message(rv));
		} else {
			ui_error(c->ui, "%s", rv_message(rv));
		}
	}
	ctx_free(c);
	return RD_ALL;
}

static void ask_start(struct ui *ui, const struct petition_ref *ref, const struct action_def *def)
{
	struct action_ctx *c = ctx_new(ui, ref, def);
	const char *buttons[2] = { _("Start"), _("Cancel") };
	char title[160];

	if (!c)
		return;
	snprintf(title, sizeof title, "%s · %s", _(def->submit), c->code);
	if (!dialog_ask(ui, title, _("The lead agency starts work: the petition becomes “in progress”."),
	                buttons, 2, 0, start_done, c))
		ctx_free(c);
}

static void run_action(struct ui *ui, const struct petition_ref *ref, enum wf_action a)
{
	const struct action_def *def = &actions[a];

	if (a == WF_START)
		ask_start(ui, ref, def);
	else
		open_action_form(ui, ref, def, def->fields, def->nfields);
}

/* ---- the menu ---- */

struct menu_ctx {
	struct ui *ui;
	struct petition_ref ref;
	enum wf_action offered[WF_COUNT];
	int n;
};

static int menu_done(void *ctx, int choice)
{
	struct menu_ctx *m = ctx;

	if (choice >= 0 && choice < m->n)
		run_action(m->ui, &m->ref, m->offered[choice]);
	free(m);
	return RD_ALL;
}

void petition_actions_menu(struct ui *ui, const struct petition_ref *ref)
{
	struct rv *rv = ui_rv(ui);
	const char *items[WF_COUNT];
	struct menu_ctx *m;
	char title[160];

	if (rv_role(rv) == ROLE_ENTERPRISE) {
		petition_rate(ui, ref);
		return;
	}
	m = calloc(1, sizeof *m);
	if (!m)
		return;
	m->ui = ui;
	m->ref = *ref;
	for (int a = 0; a < WF_COUNT; a++)
		if (wf_allowed((enum wf_action)a, ref->p->status)) {
			m->offered[m->n] = (enum wf_action)a;
			items[m->n++] = _(actions[a].menu);
		}
	if (m->n == 0) {
		ui_info(ui, "%s", _("No action is possible from this status"));
		free(m);
		return;
	}
	snprintf(title, sizeof title, _("Actions on %s"), ref->p->code);
	if (!dialog_menu(ui, title, items, m->n, 0, menu_done, m))
		free(m);
}

void petition_rate(struct ui *ui, const struct petition_ref *ref)
{
	if (ref->p->status != ST_ANSWERED) {
		ui_error(ui, "%s", _("Only an answered petition can be rated"));
		return;
	}
	open_action_form(ui, ref, &actions[WF_CLOSE], close_fields,
	                 (int)UI_ARRAY_LEN(close_fields));
}
