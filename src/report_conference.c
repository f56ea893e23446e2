/* report_conference.c — a conference's follow-up as a report: its
 * details, its progress and the follow-up table, either loaded whole (the
 * HTML export) or paged when printed (report_conference_paged: `report
 * conference`, `conference show`).  See report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference.h"
#include "i18n.h"
#include "output.h"
#include "report.h"
#include "rv_internal.h"

static const struct rows_col conf_cols[] = {
	{ "id", N_("No."), COL_INT },
	{ "title", N_("Conference"), COL_TEXT },
	{ "date", N_("Date"), COL_DATE },
	{ "zone", N_("Park"), COL_TEXT },
	{ "place", N_("Place"), COL_TEXT },
	{ "theme", N_("Theme"), COL_TEXT },
	{ "chair", N_("Chair"), COL_TEXT },
	{ "agencies", N_("Agencies taking part"), COL_TEXT },
};

static const struct rows_col progress_cols[] = {
	{ "total", N_("Petitions"), COL_INT },
	{ "answered", N_("Answered"), COL_INT },
	{ "answered_in_session", N_("Answered in the session"), COL_INT },
	{ "answered_on_time", N_("Answered on time"), COL_INT },
	{ "overdue", N_("Overdue"), COL_INT },
	{ "open", N_("Still open"), COL_INT },
	{ "avg_rating", N_("Average satisfaction"), COL_REAL },
};

static const struct rows_col followup_cols[] = {
	{ "code", N_("Code"), COL_TEXT },
	{ "enterprise", N_("Enterprise"), COL_TEXT },
	{ "title", N_("Task"), COL_TEXT },
	{ "lead_agency", N_("Lead"), COL_TEXT },
	{ "coordinating_agencies", N_("Coordinating"), COL_TEXT },
	{ "responsible_person", N_("Person"), COL_TEXT },
	{ "deadline", N_("Deadline"), COL_DATE },
	{ "status", N_("Status"), COL_TEXT },
	{ "result", N_("Result"), COL_TEXT },
};

static struct rows *conf_head(const struct conference *c)
{
	char id[24], d[11];
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	const char *cells[] = { id, c->title, date_iso(c->date, d), c->zone, c->place, c->theme, c->chair, c->agencies };
	struct rows *r = rows_new(conf_cols, 8);
	if (r && !rows_add(r, cells))
		rows_free(&r);
	return r;
}

static struct rows *conf_progress(const struct conference *c)
{
	const struct conf_progress *g = &c->progress;
	char v[6][24], rat[32];
	int64_t n[6] = { g->petitions, g->answered, g->in_session, g->on_time, g->overdue, g->open };
	for (int i = 0; i < 6; i++)
		snprintf(v[i], sizeof v[i], "%lld", (long long)n[i]);
	const char *cells[] = { v[0], v[1], v[2], v[3], v[4], v[5], g->rated ? report_real(g->avg_rating, rat) : NULL };
	struct rows *r = rows_new(progress_cols, 7);
	if (r && !rows_add(r, cells))
		rows_free(&r);
	return r;
}

/* "in progress, 3 days late" / "answered (in session)". */
static void status_text(const struct followup_row *x, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s", enum_label(&status_set, (int)x->status));
	if (x->overdue)
		snprintf(buf + n, size - (size_t)n, x->days_overdue == 1 ? _(", %d day late") : _(", %d days late"),
		         x->days_overdue);
	else if (x->in_session)
		snprintf(buf + n, size - (size_t)n, "%s", _(" (in session)"));
	else if (x->late_days > 0)
		snprintf(buf + n, size - (size_t)n, x->late_days == 1 ? _(", %d day late") : _(", %d days late"),
		         x->late_days);
}

/* Appends rows [0, n) to the follow-up table r; false when out of memory. */
static bool followup_add(struct rows *r, const struct followup_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct followup_row *x = &rows[i];
		char d[11], status[128];
		status_text(x, status, sizeof status);
		const char *cells[] = { x->code, x->enterprise, x->title, x->lead, x->coordinating, x->person,
			                date_iso(x->deadline, d), status, x->result };
		if (!rows_add(r, cells))
			return false;
	}
	return true;
}

static struct rows *conf_followup(const struct conference *c)
{
	struct rows *r = rows_new(followup_cols, 9);
	if (r && !followup_add(r, c->rows, c->n))
		rows_free(&r);
	return r;
}

/* ---- paged ---- */

struct pager {
	struct rv *rv;
	int64_t id;
	int page;
};

/* The next page after tracking code `after` ("" from the first) as rows;
 * *page NULL with an error in the session. */
static enum rv_code next_page(struct pager *p, const char *after, struct rows **page)
{
	struct followup_row *rows = NULL;
	size_t n = 0;
	*page = NULL;
	enum rv_code rc = conf_page(p->rv, p->id, *after ? after : NULL, false, p->page, &rows, &n);
	if (rc)
		return rc;
	struct rows *r = rows_new(followup_cols, 9);
	if (!r || !followup_add(r, rows, n)) {
		rows_free(&r);
		rc = rv_fail(p->rv, RV_EIO, NULL, _("out of memory"));
	}
	conf_rows_free(rows, n);
	*page = r;
	return rc;
}

/* One pass over the table: each page to `measure` (the widths) or printed. */
static int pass(struct pager *p, FILE *out, enum out_format fmt, struct out_table *t, bool measure, size_t *total)
{
	char after[RV_CODE_MAX] = "";
	*total = 0;
	for (;;) {
		struct rows *r = NULL;
		if (next_page(p, after, &r))
			return -1;
		int w = 0;
		if (measure) {
			out_table_measure(t, r);
		} else if (fmt == OUT_TABLE) {
			if (!*total && r->n)
				out_table_header(out, t, r);
			w = out_table_rows(out, t, r);
		} else {
			w = out_csv_rows(out, r);
		}
		size_t n = r->n;
		if (n)
			snprintf(after, sizeof after, "%s", rows_get(r, n - 1, 0));
		*total += n;
		rows_free(&r);
		if (w)
			return -1;
		if (n < (size_t)p->page)
			return 0;
	}
}

static int print_paged(void *ctx, FILE *out, const struct rows *cols, enum out_format fmt)
{
	struct pager *p = ctx;
	struct out_table t;
	size_t total = 0;
	if (fmt == OUT_CSV) {
		out_csv_header(out, cols);
		return pass(p, out, fmt, NULL, false, &total);
	}
	out_table_begin(&t, cols);
	if (pass(p, out, fmt, &t, true, &total))
		return -1;
	if (!total) {
		fprintf(out, "  %s\n", _("(none)"));
		return ferror(out) ? -1 : 0;
	}
	return pass(p, out, fmt, &t, false, &total);
}

/* The report of conference id: the whole follow-up table (page 0), or its
 * columns only, printed a page at a time. */
static enum rv_code build(struct rv *rv, const char *id, int page, struct report **out)
{
	*out = NULL;
	struct conference *c = NULL;
	enum rv_code rc = page ? conf_load_head(rv, id, &c) : conf_load(rv, id, &c);
	if (rc)
		return rc;
	struct report *r = report_new("conference", RV_DATE_NONE, RV_DATE_NONE);
	struct pager *p = page && r ? malloc(sizeof *p) : NULL;
	if (r)
		snprintf(r->title, sizeof r->title, "%s %lld: %s", _("Conference follow-up"), (long long)c->id, c->title);
	if (p) {
		*p = (struct pager){ rv, c->id, page };
		r->pager = (struct report_pager){ print_paged, p };
	}
	bool ok = r && (!page || p) && report_add(r, "conference", N_("Conference"), true, conf_head(c)) &&
	          report_add(r, "progress", N_("Progress"), true, conf_progress(c)) &&
	          report_add(r, "petitions", N_("Follow-up table"), false, conf_followup(c));
	if (ok)
		r->sec[r->n - 1].paged = page > 0;
	conf_free(&c);
	if (!ok) {
		report_free(&r);
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	*out = r;
	return RV_OK;
}

enum rv_code report_conference(struct rv *rv, const char *id, struct report **out)
{
	return build(rv, id, 0, out);
}

enum rv_code report_conference_paged(struct rv *rv, const char *id, int page, struct report **out)
{
	return build(rv, id, page > 0 ? page : 1, out);
}
