/* pickers.c — see pickers.h. */
#include "pickers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference.h"
#include "enums.h"
#include "i18n.h"
#include "refdata.h"

/* Options "value — label" from rows found by the core (already matched). */
static int from_found(struct rows *rows, int vcol, int lcol, struct pick_option *out, int max)
{
	int n = 0;

	for (size_t i = 0; i < rows->n && n < max; i++) {
		const char *v = rows_get(rows, i, vcol), *l = rows_get(rows, i, lcol);
		char label[400];
		if (!v)
			continue;
		snprintf(label, sizeof label, "%s — %s", l ? l : "", v);
		out[n].value = strdup(v);
		out[n].label = strdup(label);
		if (!out[n].value || !out[n].label) {
			free(out[n].value);
			free(out[n].label);
			break;
		}
		n++;
	}
	return n;
}

/* Options from a whole reference list, filtered here. */
static int from_list(struct rows *rows, int vcol, int lcol, const char *q,
                     struct pick_option *out, int max)
{
	struct pick_option *all = calloc(rows->n ? rows->n : 1, sizeof *all);
	int n = 0;

	if (!all)
		return 0;
	for (size_t i = 0; i < rows->n; i++) {
		const char *v = rows_get(rows, i, vcol), *l = rows_get(rows, i, lcol);
		if (!v)
			continue;
		all[n].value = (char *)v;
		all[n].label = (char *)(l ? l : v);
		n++;
	}
	n = form_pick_from(all, n, q, out, max);
	free(all);
	return n;
}

int pick_agency(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct rv *rv = ui_rv(form_ui(f));
	struct rows *rows = NULL;
	int n;

	(void)ctx;
	if (agency_find(rv, q, max, &rows) != RV_OK)
		return 0;
	n = from_found(rows, 0, 1, out, max);
	rows_free(&rows);
	return n;
}

int pick_enterprise(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct rv *rv = ui_rv(form_ui(f));
	struct rows *rows = NULL;
	int n;

	(void)ctx;
	if (enterprise_find(rv, q, max, &rows) != RV_OK)
		return 0;
	n = from_found(rows, 0, 1, out, max);
	rows_free(&rows);
	return n;
}

int pick_category(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct rv *rv = ui_rv(form_ui(f));
	struct rows *rows = NULL;
	int n;

	(void)ctx;
	if (category_list(rv, &rows) != RV_OK)
		return 0;
	n = from_list(rows, 0, i18n_vietnamese() ? 1 : 2, q, out, max);
	rows_free(&rows);
	return n;
}

int pick_zone(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct rv *rv = ui_rv(form_ui(f));
	struct rows *rows = NULL;
	int n;

	(void)ctx;
	if (zone_list(rv, &rows) != RV_OK)
		return 0;
	n = from_list(rows, 0, 0, q, out, max);
	rows_free(&rows);
	return n;
}

int pick_conference(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	struct rv *rv = ui_rv(form_ui(f));
	struct rows *rows = NULL;
	struct pick_option *all;
	size_t n = 0;
	int found = 0;

	(void)ctx;
	if (conf_list(rv, &rows) != RV_OK)
		return 0;
	all = calloc(rows->n ? rows->n : 1, sizeof *all);
	for (size_t i = 0; all && i < rows->n; i++) {
		char label[400], date[11] = "";
		rv_date d;
		if (date_parse_iso(rows_get(rows, i, 1), &d))
			date_vn(d, date);
		snprintf(label, sizeof label, "%s %s", date, rows_get(rows, i, 2));
		all[n].value = (char *)rows_get(rows, i, 0);
		if (!(all[n].label = strdup(label)))
			break;
		n++;
	}
	if (all)
		found = form_pick_from(all, (int)n, q, out, max);
	for (size_t i = 0; i < n; i++)
		free(all[i].label);
	free(all);
	rows_free(&rows);
	return found;
}

/* Options from a closed set, optionally led by one extra option. */
static int from_set(const struct enum_set *set, const char *extra_value, const char *extra_label,
                    const char *q, struct pick_option *out, int max)
{
	struct pick_option all[16];
	int n = 0;

	if (extra_value)
		all[n++] = (struct pick_option){ (char *)extra_value, (char *)extra_label };
	for (int i = 0; i < set->count && n < 16; i++)
		all[n++] = (struct pick_option){ (char *)enum_db(set, i), (char *)enum_label(set, i) };
	return form_pick_from(all, n, q, out, max);
}

int pick_status(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	(void)f;
	(void)ctx;
	return from_set(&status_set, "open", _("open (not yet answered)"), q, out, max);
}

int pick_channel(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	(void)f;
	(void)ctx;
	return from_set(&channel_set, NULL, NULL, q, out, max);
}

int pick_outcome(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	(void)f;
	(void)ctx;
	return from_set(&outcome_set, NULL, NULL, q, out, max);
}

int pick_rating(struct form *f, void *ctx, const char *q, struct pick_option *out, int max)
{
	char labels[5][96];
	struct pick_option all[5];
	static const char *const words[5] = {
		N_("very satisfied"), N_("satisfied"), N_("neutral"),
		N_("dissatisfied"), N_("very dissatisfied"),
	};
	static const char *const values[5] = { "5", "4", "3", "2", "1" };

	(void)f;
	(void)ctx;
	for (int i = 0; i < 5; i++) {
		snprintf(labels[i], sizeof labels[i], "%s — %s", values[i], _(words[i]));
		all[i] = (struct pick_option){ (char *)values[i], labels[i] };
	}
	return form_pick_from(all, 5, q, out, max);
}

char *category_label(struct rv *rv, const char *code)
{
	struct rows *rows = NULL;
	char *label = NULL;

	if (!code || category_list(rv, &rows) != RV_OK)
		return NULL;
	for (size_t i = 0; i < rows->n && !label; i++)
		if (strcmp(rows_get(rows, i, 0), code) == 0)
			label = strdup(rows_get(rows, i, i18n_vietnamese() ? 1 : 2));
	rows_free(&rows);
	return label;
}
