/* cmd_petition_show.c — roviec petition show CODE [--json]: one petition
 * with the five clears, its extensions and its history. */
#include <stdlib.h>
#include <string.h>

#include "history_fmt.h"
#include "i18n.h"
#include "output.h"
#include "petition.h"
#include "petition_cmds.h"
#include "text.h"

const struct arg_spec petition_show_spec[PETITION_SHOW_NSPEC] = { { "json", false, false } };

/* "Label:   value" with the value made visible; multi-line values indented.
 * An empty label continues the field above (no colon). */
static void field(FILE *out, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	char *vis = text_visible(value, true);
	const char *v = vis ? vis : "";
	int pad = 22 - text_width(label);
	if (*label)
		fprintf(out, "%s:%*s", label, pad > 1 ? pad : 1, "");
	else
		fprintf(out, "%*s", 23, "");
	for (const char *p = v; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fprintf(out, "%*s", 23, "");
	}
	fputc('\n', out);
	free(vis);
}

static void date_field(FILE *out, const char *label, rv_date d)
{
	char buf[11];
	if (d != RV_DATE_NONE)
		field(out, label, date_display(d, buf));
}

static void show_clears(FILE *out, const struct petition *p)
{
	char buf[512], d[11];
	snprintf(buf, sizeof buf, "%s (%s)", p->enterprise_name, p->enterprise_tax_code);
	field(out, _("Enterprise"), buf);
	field(out, _("Park"), p->zone);
	field(out, _("Channel"), enum_label(&channel_set, (int)p->channel));
	date_field(out, _("Received"), p->received);
	field(out, _("Category"), p->category_label);
	if (p->lead.code) {
		snprintf(buf, sizeof buf, "%s (%s)", p->lead.name, p->lead.code);
		field(out, _("Lead agency"), buf);
	}
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < p->n_coordinating && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "", p->coordinating[i].code);
	field(out, _("Coordinating"), buf);
	field(out, _("Responsible person"), p->responsible_person);
	if (p->deadline != RV_DATE_NONE) {
		snprintf(buf, sizeof buf, "%s", date_display(p->deadline, d));
		if (p->original_deadline != RV_DATE_NONE && p->original_deadline != p->deadline) {
			char o[11];
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _(" (originally %s)"), date_display(p->original_deadline, o));
		}
		if (p->overdue)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			         p->days_overdue == 1 ? _(" — OVERDUE by %d working day") : _(" — OVERDUE by %d working days"),
			         p->days_overdue);
		field(out, _("Deadline"), buf);
	}
}

static void show_result(FILE *out, const struct petition *p)
{
	char buf[64];
	field(out, _("Result"), p->result);
	if (p->outcome >= 0)
		field(out, _("Outcome"), enum_label(&outcome_set, p->outcome));
	date_field(out, _("Answered"), p->answered);
	if (p->late_days > 0) {
		snprintf(buf, sizeof buf, p->late_days == 1 ? _("%d working day late") : _("%d working days late"),
		         p->late_days);
		field(out, _("Timeliness"), buf);
	} else if (p->late_days == 0) {
		field(out, _("Timeliness"), _("on time"));
	}
	if (p->rating) {
		snprintf(buf, sizeof buf, "%d/5", p->rating);
		field(out, _("Satisfaction"), buf);
	}
	field(out, _("Feedback"), p->feedback);
	date_field(out, _("Closed"), p->closed);
	field(out, _("Rejected because"), p->reject_reason);
	field(out, _("Refer to"), p->refer_to);
	field(out, _("Decided by"), p->decided_by);
}

static void show_history(FILE *out, struct rv *rv, const struct petition *p)
{
	char d[11];
	for (size_t i = 0; i < p->n_extensions; i++) {
		const struct extension *x = &p->extensions[i];
		char buf[600], o[11];
		snprintf(buf, sizeof buf, "%s → %s: %s (%s)", date_display(x->old_deadline, o), date_display(x->new_deadline, d),
		         x->reason, x->actor);
		field(out, i == 0 ? _("Extensions") : "", buf);
	}
	fprintf(out, "\n%s\n", _("History:"));
	for (size_t i = 0; i < p->n_history; i++) {
		const struct history_entry *h = &p->history[i];
		char when[20];
		char *what = history_describe(rv, h);
		char *vis_actor = text_visible(h->actor ? h->actor : "", false);
		char *vis = what ? text_visible(what, false) : NULL;
		fprintf(out, "  %s  %s  %s\n", history_when(h->at, when), vis_actor ? vis_actor : "", vis ? vis : "?");
		free(vis);
		free(vis_actor);
		free(what);
		if (h->note) {
			char *n = text_visible(h->note, false);
			fprintf(out, "      %s\n", n ? n : "");
			free(n);
		}
	}
}

int petition_show(struct cli *c, const struct args *a)
{
	if (a->npos != 1)
		return cli_usage(&cmd_petition, _("petition show takes one tracking code"));
	struct petition *p = NULL;
	if (petition_load(c->rv, a->pos[0], PETITION_WITH_HISTORY, &p) != RV_OK)
		return cli_fail(c);
	if (args_has(a, "json")) {
		json_t *j = petition_json(p, true);
		out_json(c->out, j);
		json_decref(j);
	} else {
		char *title = text_visible(p->title, false);
		fprintf(c->out, "%s  %s  [%s]\n\n", p->code, title ? title : "", enum_label(&status_set, (int)p->status));
		free(title);
		show_clears(c->out, p);
		field(c->out, _("Body"), p->body);
		show_result(c->out, p);
		show_history(c->out, c->rv, p);
	}
	petition_free(&p);
	return 0;
}
