/* remind.c — see remind.h. */
#include "remind.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "users.h"
#include "rv_internal.h"
#include "text.h"

void remind_free(struct remind **pr)
{
	if (!pr || !*pr)
		return;
	struct remind *r = *pr;
	for (size_t i = 0; i < r->n; i++) {
		struct remind_agency *a = &r->agencies[i];
		for (size_t j = 0; j < a->n; j++) {
			free(a->items[j].enterprise);
			free(a->items[j].title);
			free(a->items[j].person);
		}
		free(a->items);
		free(a->code);
		free(a->name);
	}
	free(r->agencies);
	free(r);
	*pr = NULL;
}

static struct remind_agency *agency_for(struct remind *r, sqlite3_stmt *st)
{
	const char *code = (const char *)sqlite3_column_text(st, 0);
	if (r->n && strcmp(r->agencies[r->n - 1].code, code) == 0)
		return &r->agencies[r->n - 1];
	struct remind_agency *grown = realloc(r->agencies, (r->n + 1) * sizeof *grown);
	if (!grown)
		return NULL;
	r->agencies = grown;
	struct remind_agency *a = &grown[r->n++];
	memset(a, 0, sizeof *a);
	a->code = db_column_dup(st, 0);
	a->name = db_column_dup(st, 1);
	return a;
}

static bool add_item(struct rv *rv, struct remind_agency *a, sqlite3_stmt *st)
{
	struct remind_item *grown = realloc(a->items, (a->n + 1) * sizeof *grown);
	if (!grown)
		return false;
	a->items = grown;
	struct remind_item *it = &grown[a->n++];
	memset(it, 0, sizeof *it);
	snprintf(it->code, sizeof it->code, "%s", (const char *)sqlite3_column_text(st, 2));
	it->enterprise = db_column_dup(st, 3);
	it->title = db_column_dup(st, 4);
	it->person = db_column_dup(st, 5);
	it->deadline = db_column_date(st, 6);
	const char *at = (const char *)sqlite3_column_text(st, 7);
	char day[11] = "";
	if (at)
		snprintf(day, sizeof day, "%.10s", at);
	it->last_change = date_parse_iso(day, &it->last_change) ? it->last_change : RV_DATE_NONE;
	if (it->deadline < rv->today) {
		rv_date since = it->last_change != RV_DATE_NONE && it->last_change > it->deadline ? it->last_change
		                                                                                   : it->deadline;
		it->days_late = calendar_workdays_between(rv->cal, it->deadline, rv->today);
		it->days_since_update = rv->today - since;
		it->owes_update = it->days_since_update >= 7;
		a->n_overdue++;
		a->n_owing += it->owes_update;
	} else {
		a->n_due_soon++;
	}
	return true;
}

enum rv_code remind_load(struct rv *rv, int within, struct remind **out)
{
	*out = NULL;
	enum rv_code rc = users_require(rv, PERM_REMIND);
	if (rc)
		return rc;
	struct remind *r = calloc(1, sizeof *r);
	if (!r)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	r->today = rv->today;
	r->within = within;
	sqlite3_stmt *st = db_stmt(rv, "SELECT a.code, a.name, p.code, e.name, p.title, p.responsible_person, "
	                               "p.deadline, (SELECT max(at) FROM history h WHERE h.petition_id = p.id) "
	                               "FROM petitions p JOIN agencies a ON a.id = p.lead_agency_id "
	                               "JOIN enterprises e ON e.id = p.enterprise_id "
	                               "WHERE p.status IN ('received', 'classified', 'assigned', 'in_progress') "
	                               "AND p.deadline <= ?1 AND (?2 = 0 OR p.lead_agency_id = ?2) "
	                               "ORDER BY a.sort_key, a.id, p.deadline, " PETITION_CODE_ORDER("p.code"));
	if (!st) {
		free(r);
		return rv->code;
	}
	db_bind_date(st, 1, calendar_add_workdays(rv->cal, rv->today, within));
	sqlite3_bind_int64(st, 2, rv->role == ROLE_AGENCY ? rv->agency_id : 0);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		struct remind_agency *a = agency_for(r, st);
		if (!a || !add_item(rv, a, st)) {
			rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
			break;
		}
	}
	if (!rc && s != SQLITE_DONE)
		rc = db_fail(rv, "reading reminders");
	if (rc)
		remind_free(&r);
	*out = r;
	return rc;
}

static void item_line(FILE *out, const struct remind_item *it, bool late)
{
	char d[11];
	char *title = text_visible(it->title, false), *ent = text_visible(it->enterprise, false);
	char *person = text_visible(it->person ? it->person : "", false);
	if (late)
		fprintf(out, it->days_late == 1 ? _("  %s  deadline %s, %d working day late\n")
		                                : _("  %s  deadline %s, %d working days late\n"),
		        it->code, date_vn(it->deadline, d), it->days_late);
	else
		fprintf(out, _("  %s  deadline %s\n"), it->code, date_vn(it->deadline, d));
	fprintf(out, "      %s — %s (%s)\n", ent ? ent : "", title ? title : "", person ? person : "");
	free(title);
	free(ent);
	free(person);
}

static void agency_block(FILE *out, const struct remind *r, const struct remind_agency *a)
{
	char d[11];
	char *name = text_visible(a->name, false);
	fputs("======================================================================\n", out);
	fprintf(out, "%s %s (%s)\n", _("To:"), name ? name : "", a->code ? a->code : "");
	fprintf(out, _("Subject: Reminder (đôn đốc) — %zu overdue, %zu due soon, %zu owing a progress update (%s)\n\n"),
	        a->n_overdue, a->n_due_soon, a->n_owing, date_vn(r->today, d));
	free(name);
	if (a->n_overdue) {
		fprintf(out, _("Overdue (%zu):\n"), a->n_overdue);
		for (size_t i = 0; i < a->n; i++)
			if (a->items[i].deadline < r->today)
				item_line(out, &a->items[i], true);
		fputc('\n', out);
	}
	if (a->n_due_soon) {
		fprintf(out, r->within == 1 ? _("Due within %d working day (%zu):\n") : _("Due within %d working days (%zu):\n"),
		        r->within, a->n_due_soon);
		for (size_t i = 0; i < a->n; i++)
			if (a->items[i].deadline >= r->today)
				item_line(out, &a->items[i], false);
		fputc('\n', out);
	}
	if (a->n_owing) {
		fprintf(out, _("Owing a progress update (published every 7 days while late) (%zu):\n"), a->n_owing);
		for (size_t i = 0; i < a->n; i++)
			if (a->items[i].owes_update)
				fprintf(out, a->items[i].days_since_update == 1 ? _("  %s  last change %s, %d day ago\n")
				                                                : _("  %s  last change %s, %d days ago\n"),
				        a->items[i].code,
				        date_vn(a->items[i].last_change, d), a->items[i].days_since_update);
		fputc('\n', out);
	}
}

int remind_print(FILE *out, const struct remind *r)
{
	char d[11];
	fprintf(out, r->within == 1
	        ? _("Reminders of %s: overdue petitions, petitions due within %d working day, and late ones owing a progress update.\n")
	        : _("Reminders of %s: overdue petitions, petitions due within %d working days, and late ones owing a progress update.\n"),
	        date_vn(r->today, d), r->within);
	if (!r->n)
		fprintf(out, "\n%s\n", _("Nothing is overdue or due soon."));
	for (size_t i = 0; i < r->n; i++) {
		fputc('\n', out);
		agency_block(out, r, &r->agencies[i]);
	}
	return ferror(out) ? -1 : 0;
}
