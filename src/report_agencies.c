/* report_agencies.c — the accountability table per lead agency, the
 * twice-yearly period report.  See report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "i18n.h"
#include "report.h"
#include "report_scan.h"
#include "rv_internal.h"

static const struct rows_col agency_cols[] = {
	{ "agency", N_("Code"), COL_TEXT },
	{ "name", N_("Agency"), COL_TEXT },
	{ "assigned", N_("Assigned"), COL_INT },
	{ "answered", N_("Answered"), COL_INT },
	{ "answered_on_time", N_("On time"), COL_INT },
	{ "overdue", N_("Overdue"), COL_INT },
	{ "avg_days_late", N_("Avg days late"), COL_REAL },
	{ "extensions", N_("Extensions"), COL_INT },
	{ "avg_rating", N_("Satisfaction"), COL_REAL },
};
#define AGENCY_NCOLS 9

struct agency_line {
	const char *code, *name;
	int64_t n[6]; /* assigned, answered, on time, overdue, extensions, rated */
	double late, rating;
};

static bool agency_row(struct rows *r, const struct agency_line *a)
{
	char v[5][24], late[32], rat[32];
	int64_t n[5] = { a->n[0], a->n[1], a->n[2], a->n[3], a->n[4] };
	for (int i = 0; i < 5; i++)
		snprintf(v[i], sizeof v[i], "%lld", (long long)n[i]);
	const char *cells[] = { a->code, a->name, v[0], v[1], v[2], v[3], report_real(a->late, late), v[4],
		                a->n[5] ? report_real(a->rating, rat) : NULL };
	return rows_add(r, cells);
}

/* All time: the officials' board, counters kept by triggers. */
static struct rows *board_rows(struct rv *rv)
{
	struct board *b = NULL;
	if (board_load(rv, 0, &b) != RV_OK)
		return NULL;
	struct rows *r = rows_new(agency_cols, AGENCY_NCOLS);
	for (size_t i = 0; r && i < b->n; i++) {
		const struct board_row *x = &b->rows[i];
		struct agency_line a = { x->code, x->name, { x->assigned, x->answered, x->answered_on_time, x->overdue,
		                                             x->extensions, x->rated },
		                         x->avg_days_late, x->avg_rating };
		if (!agency_row(r, &a))
			rows_free(&r);
	}
	board_free(&b);
	return r;
}

/* A period: tallies per lead agency from the petitions and extensions. */
struct by_agency {
	int64_t *ids;
	char **codes, **names;
	struct tally *t;
	size_t n;
};

static struct tally *agency_bucket(void *ctx, const struct prow *p, enum basis b)
{
	struct by_agency *k = ctx;
	(void)b;
	for (size_t i = 0; p->lead && i < k->n; i++)
		if (k->ids[i] == p->lead)
			return &k->t[i];
	return NULL;
}

static bool load_agencies(struct rv *rv, struct by_agency *k)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, code, name FROM agencies ORDER BY id");
	size_t cap = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (k->n == cap) {
			cap = cap ? cap * 2 : 64;
			int64_t *ids = realloc(k->ids, cap * sizeof *ids);
			char **codes = realloc(k->codes, cap * sizeof *codes), **names = realloc(k->names, cap * sizeof *names);
			struct tally *t = realloc(k->t, cap * sizeof *t);
			k->ids = ids ? ids : k->ids;
			k->codes = codes ? codes : k->codes;
			k->names = names ? names : k->names;
			k->t = t ? t : k->t;
			if (!ids || !codes || !names || !t)
				return false;
		}
		k->ids[k->n] = sqlite3_column_int64(st, 0);
		k->codes[k->n] = db_column_dup(st, 1);
		k->names[k->n] = db_column_dup(st, 2);
		memset(&k->t[k->n], 0, sizeof k->t[k->n]);
		k->n++;
	}
	return st != NULL;
}

static void by_agency_free(struct by_agency *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->codes[i]);
		free(k->names[i]);
		tally_free(&k->t[i]);
	}
	free(k->ids);
	free(k->codes);
	free(k->names);
	free(k->t);
}

static int rank(const void *pa, const void *pb)
{
	const struct agency_line *a = pa, *b = pb;
	if (a->n[3] != b->n[3])
		return a->n[3] > b->n[3] ? -1 : 1;
	if (a->late != b->late)
		return a->late > b->late ? -1 : 1;
	return strcmp(a->code, b->code);
}

static struct rows *period_agency_rows(struct rv *rv, rv_date from, rv_date to)
{
	struct by_agency k = { 0 };
	struct rows *r = NULL;
	struct agency_line *lines = NULL;
	size_t n = 0;
	if (load_agencies(rv, &k) && !report_scan(rv, from, to, agency_bucket, &k) &&
	    !report_scan_extensions(rv, from, to, agency_bucket, &k))
		lines = calloc(k.n + 1, sizeof *lines);
	for (size_t i = 0; lines && i < k.n; i++) {
		const struct tally *t = &k.t[i];
		if (!t->assigned && !t->answered && !t->overdue && !t->extensions)
			continue;
		lines[n++] = (struct agency_line){ k.codes[i], k.names[i],
		                                   { t->assigned, t->answered, t->on_time, t->overdue, t->extensions, t->rated },
		                                   t->late_n ? (double)t->late_sum / (double)t->late_n : 0,
		                                   t->rated ? (double)t->rating_sum / (double)t->rated : 0 };
	}
	if (lines) {
		qsort(lines, n, sizeof *lines, rank);
		r = rows_new(agency_cols, AGENCY_NCOLS);
	}
	for (size_t i = 0; r && i < n; i++)
		if (!agency_row(r, &lines[i]))
			rows_free(&r);
	free(lines);
	by_agency_free(&k);
	return r;
}

struct rows *report_agency_rows(struct rv *rv, rv_date from, rv_date to)
{
	if (from == RV_DATE_NONE && to == RV_DATE_NONE)
		return board_rows(rv);
	return period_agency_rows(rv, from, to);
}

enum rv_code report_agencies(struct rv *rv, rv_date from, rv_date to, struct report **out)
{
	*out = NULL;
	enum rv_code rc = report_allowed(rv);
	if (rc)
		return rc;
	struct report *r = report_new("agencies", from, to);
	if (!r || !report_add(r, NULL, N_("Agencies"), false, report_agency_rows(rv, from, to))) {
		report_free(&r);
		return rv->code ? rv->code : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	*out = r;
	return RV_OK;
}

/* ---- period ---- */

struct months {
	int first;          /* year * 12 + month - 1 of the first month */
	int n;
	struct tally t[240];
};

static struct tally *month_bucket(void *ctx, const struct prow *p, enum basis b)
{
	struct months *m = ctx;
	rv_date d = b == B_RECEIVED ? p->received : b == B_ASSIGNED ? p->assigned : b == B_ANSWERED ? p->answered
	                                                                                          : p->deadline;
	int y, mo;
	date_to_ymd(d, &y, &mo, NULL);
	int i = y * 12 + mo - 1 - m->first;
	return i >= 0 && i < m->n ? &m->t[i] : NULL;
}

static const struct rows_col month_cols[] = {
	{ "month", N_("Month"), COL_TEXT },
	{ "received", N_("Received"), COL_INT },
	{ "answered", N_("Answered"), COL_INT },
	{ "answered_on_time", N_("On time"), COL_INT },
	{ "overdue", N_("Overdue"), COL_INT },
	{ "open", N_("Still open"), COL_INT },
	{ "median_days_to_answer", N_("Median days"), COL_REAL },
	{ "avg_rating", N_("Satisfaction"), COL_REAL },
};

/* A month's row, or (label NULL) the totals' row without the month. */
static bool month_row(struct rows *r, const char *label, struct tally *t)
{
	char v[5][24], med[32], rat[32];
	int64_t n[5] = { t->received, t->answered, t->on_time, t->overdue, t->open };
	for (int i = 0; i < 5; i++)
		snprintf(v[i], sizeof v[i], "%lld", (long long)n[i]);
	double m = tally_median(t);
	const char *cells[] = { label, v[0], v[1], v[2], v[3], v[4], m < 0 ? NULL : report_real(m, med),
		                t->rated ? report_real((double)t->rating_sum / (double)t->rated, rat) : NULL };
	return rows_add(r, label ? cells : cells + 1);
}

/* Adds month tally s into the running total t (days appended). */
static void add_tally(struct tally *t, const struct tally *s)
{
	t->received += s->received;
	t->open += s->open;
	t->assigned += s->assigned;
	t->answered += s->answered;
	t->on_time += s->on_time;
	t->overdue += s->overdue;
	t->late_sum += s->late_sum;
	t->late_n += s->late_n;
	t->rated += s->rated;
	t->rating_sum += s->rating_sum;
	int *grown = s->ndays ? realloc(t->days, (t->ndays + s->ndays) * sizeof *grown) : NULL;
	if (grown) {
		memcpy(grown + t->ndays, s->days, s->ndays * sizeof *grown);
		t->days = grown;
		t->ndays += s->ndays;
		t->capdays = t->ndays;
	}
}

static bool period_sections(struct rv *rv, struct report *r, struct months *m)
{
	struct rows *months = rows_new(month_cols, 8), *total = rows_new(month_cols + 1, 7);
	struct tally sum;
	memset(&sum, 0, sizeof sum);
	for (int i = 0; months && i < m->n; i++) {
		char label[24];
		snprintf(label, sizeof label, "%04d-%02d", (m->first + i) / 12, (m->first + i) % 12 + 1);
		add_tally(&sum, &m->t[i]);
		if (!month_row(months, label, &m->t[i]))
			rows_free(&months);
	}
	if (total && !month_row(total, NULL, &sum))
		rows_free(&total);
	tally_free(&sum);
	return report_add(r, "totals", N_("Totals"), true, total) &&
	       report_add(r, "months", N_("Month by month"), false, months) &&
	       report_add(r, "categories", N_("By category"), false, report_category_rows(rv, r->from, r->to)) &&
	       report_add(r, "agencies", N_("By lead agency"), false, report_agency_rows(rv, r->from, r->to));
}

enum rv_code report_period(struct rv *rv, rv_date from, rv_date to, struct report **out)
{
	*out = NULL;
	enum rv_code rc = report_allowed(rv);
	if (rc)
		return rc;
	struct months *m = calloc(1, sizeof *m);
	struct report *r = m ? report_new("period", from, to) : NULL;
	if (!r) {
		free(m);
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	int y1, m1, y2, m2;
	date_to_ymd(from, &y1, &m1, NULL);
	date_to_ymd(to, &y2, &m2, NULL);
	m->first = y1 * 12 + m1 - 1;
	m->n = y2 * 12 + m2 - 1 - m->first + 1;
	if (m->n > 240)
		rc = rv_fail(rv, RV_EINPUT, "from", _("from: a period report covers at most 20 years"));
	if (!rc)
		rc = report_scan(rv, from, to, month_bucket, m);
	if (!rc && !period_sections(rv, r, m))
		rc = rv->code ? rv->code : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	for (int i = 0; i < m->n && i < 240; i++)
		tally_free(&m->t[i]);
	free(m);
	if (rc)
		report_free(&r);
	*out = r;
	return rc;
}
