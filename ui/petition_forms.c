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

static const struct field_spec assign_fields[] = {
	{ .key = "lead", .label = N_("Lead agency"), .kind = FK_PICK, .pick = pick_agency },
	{ .key = "coordinate", .label = N_("Coordinating"), .kind = FK_TEXT, .max_bytes = 300,
	  .hint = N_("agency codes, separated by commas (optional)") },
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
	char *coord = strdup(form_value(f, "coordinate") ? form_value(f, "coordinate") : "");
	const char *codes[COORD_MAX];
	size_t n = 0;
	char *save = NULL;
	enum rv_code rc;

	if (!coord)
		return rv_fail(rv, RV_EIO, NULL, "out of memory");
	for (char *t = strtok_r(coord, ", ", &save); t && n < COORD_MAX; t = strtok_r(NULL, ", ", &save))
		codes[n++] = t;
	struct assign_args a = {
		.lead = opt(f, "lead"), .coordinating = codes, .n_coordinating = n,
		.person = opt(f, "person"), .within = opt(f, "within"), .due = opt(f, "due"),
	};
	/* each form_value() above is read once, so all stay valid here */
	rc = wf_assign(rv, c->code, c->version, &a);
	free(coord);
	return rc;
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

	if (c)
		free(c->category);
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
	c->form = form_open(ui, &spec);
	if (c->form && def->act == WF_ASSIGN)
		preview_deadline(c->form, c, NULL);
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
