/* view_intake.c — recording a new petition.
 *
 * A full-screen form: the enterprise (type a name or tax code; the last
 * option creates a new enterprise in place), category, channel, received
 * date (today by default), the conference it was raised at (optional), title and a multi-line body.  Text typed in
 * Vietnamese, precomposed or not, is stored in NFC (form_value()).  On
 * success the new petition opens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "pickers.h"
#include "plist.h"
#include "refdata.h"
#include "screens.h"
#include "workflow.h"
#include "input.h"

#define NEW_ENTERPRISE "+new"

struct intake {
	struct ui *ui;
	struct form *form;
	char *typed_name;   /* what was typed when "new enterprise" was chosen */
};

/* Matching enterprises, and a last option to create one. */
static int pick_or_new_enterprise(struct form *f, void *ctx, const char *q,
                                  struct pick_option *out, int max)
{
	int n = pick_enterprise(f, ctx, q, out, max - 1);
	char label[300];

	if (n < 0)
		n = 0;
	if (q && q[0]) {
		snprintf(label, sizeof label, _("+ New enterprise “%s”…"), q);
		out[n].value = strdup(NEW_ENTERPRISE);
		out[n].label = strdup(label);
		if (out[n].value && out[n].label)
			n++;
		else {
			free(out[n].value);
			free(out[n].label);
		}
	}
	return n;
}

/* ---- a new enterprise, in place ---- */

static const struct field_spec enterprise_fields[] = {
	{ .key = "name", .label = N_("Name"), .kind = FK_TEXT, .max_bytes = 300 },
	{ .key = "tax-code", .label = N_("Tax code"), .kind = FK_TEXT, .max_bytes = 20 },
	{ .key = "zone", .label = N_("Zone"), .kind = FK_PICK, .pick = pick_zone },
	{ .key = "contact", .label = N_("Contact"), .kind = FK_TEXT, .max_bytes = 300 },
};

static enum form_result enterprise_submit(struct form *f, void *ctx)
{
	struct intake *in = ctx;
	struct rv *rv = ui_rv(in->ui);
	const char *name = form_value(f, "name"), *tax = form_value(f, "tax-code");
	const char *zone = form_value(f, "zone"), *contact = form_value(f, "contact");
	char label[400];

	if (enterprise_add(rv, name, tax, zone, contact && contact[0] ? contact : NULL) != RV_OK) {
		form_error_for(f, rv_field(rv), rv_message(rv));
		return FORM_STAY;
	}
	snprintf(label, sizeof label, "%s — %s", name, tax);
	form_set(in->form, "enterprise", tax, label);
	form_focus(in->form, "category");
	ui_info(in->ui, _("Enterprise %s added"), name);
	return FORM_CLOSE;
}

static bool enterprise_chosen(struct form *f, void *ctx, const struct pick_option *o)
{
	struct intake *in = ctx;
	struct field_spec fields[UI_ARRAY_LEN(enterprise_fields)];

	if (strcmp(o->value, NEW_ENTERPRISE) != 0)
		return true;
	(void)f;
	memcpy(fields, enterprise_fields, sizeof fields);
	/* the label is "+ New enterprise “NAME”…": take NAME back */
	const char *open = strstr(o->label, "“"), *close = open ? strstr(open, "”") : NULL;
	if (open && close) {
		free(in->typed_name);
		in->typed_name = strndup(open + strlen("“"), (size_t)(close - open) - strlen("“"));
		fields[0].text = in->typed_name;
	}
	struct form_spec spec = {
		.title = _("New enterprise"),
		.submit_label = _("Add"),
		.fields = fields,
		.nfields = (int)UI_ARRAY_LEN(fields),
		.ctx = in,
		.submit = enterprise_submit,
	};
	form_open(in->ui, &spec);
	return false;
}

/* ---- the petition ---- */

static const struct field_spec intake_fields[] = {
	{ .key = "enterprise", .label = N_("Enterprise"), .kind = FK_PICK, .pick = pick_or_new_enterprise,
	  .chosen = enterprise_chosen, .hint = N_("type a name or a tax code") },
	{ .key = "category", .label = N_("Category"), .kind = FK_PICK, .pick = pick_category },
	{ .key = "channel", .label = N_("Channel"), .kind = FK_PICK, .pick = pick_channel },
	{ .key = "conference", .label = N_("Conference"), .kind = FK_PICK, .pick = pick_conference,
	  .hint = N_("optional: the dialogue conference it was raised at") },
	{ .key = "received", .label = N_("Received"), .kind = FK_TEXT, .max_bytes = 20,
	  .hint = N_("dd/mm/yyyy") },
	{ .key = "title", .label = N_("Title"), .kind = FK_TEXT, .max_bytes = 500 },
	{ .key = "body", .label = N_("Petition"), .kind = FK_BODY, .rows = 7, .max_bytes = LIMIT_TEXT,
	  .hint = N_("Enter: new line · F2: save") },
};

static enum form_result intake_submit(struct form *f, void *ctx)
{
	struct intake *in = ctx;
	struct rv *rv = ui_rv(in->ui);
	char code[RV_CODE_MAX];
	const char *body = form_value(f, "body");
	struct intake_args a = {
		.enterprise = form_value(f, "enterprise"),
		.title = form_value(f, "title"),
		.body = body && body[0] ? body : NULL,
		.category = form_value(f, "category"),
		.channel = form_value(f, "channel"),
		.received = form_value(f, "received"),
		.conference = form_value(f, "conference"),
	};

	if (!a.enterprise) {
		form_error(f, "enterprise", _("choose the enterprise (or create it: type its name)"));
		form_focus(f, "enterprise");
		return FORM_STAY;
	}
	if (wf_add(rv, &a, code) != RV_OK) {
		form_error_for(f, rv_field(rv), rv_message(rv));
		return FORM_STAY;
	}
	ui_info(in->ui, _("Petition %s recorded"), code);
	screen_petition(in->ui, code);
	return FORM_CLOSE;
}

static void intake_closed(void *ctx)
{
	struct intake *in = ctx;

	free(in->typed_name);
	free(in);
}

bool screen_intake(struct ui *ui)
{
	struct intake *in = calloc(1, sizeof *in);
	struct field_spec fields[UI_ARRAY_LEN(intake_fields)];
	char today[11];

	if (!in) {
		ui_error(ui, "%s", _("Out of memory"));
		return false;
	}
	in->ui = ui;
	memcpy(fields, intake_fields, sizeof fields);
	fields[2].value = "written";
	fields[2].text = enum_label(&channel_set, CH_WRITTEN);
	fields[4].text = fmt_date(rv_today(ui_rv(ui)), today);
	struct form_spec spec = {
		.title = _("New petition"),
		.submit_label = _("Record"),
		.fields = fields,
		.nfields = (int)UI_ARRAY_LEN(fields),
		.full_screen = true,
		.ctx = in,
		.submit = intake_submit,
		.closed = intake_closed,
	};
	in->form = form_open(ui, &spec);
	return in->form != NULL;
}
