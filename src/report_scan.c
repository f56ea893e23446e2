/* report_scan.c — see report_scan.h. */
#include "report_scan.h"

#include <stdlib.h>
#include <string.h>

#include "rv_internal.h"
#include "users.h"

enum rv_code report_allowed(struct rv *rv)
{
	/* Reports count every petition of the board: an agency or an
	 * enterprise would learn about petitions outside its scope. */
	return users_require(rv, PERM_REPORT);
}

static bool in(rv_date d, rv_date from, rv_date to)
{
	return d != RV_DATE_NONE && d >= from && d <= to;
}

static void push_day(struct tally *t, int v)
{
	if (t->ndays == t->capdays) {
		size_t cap = t->capdays ? t->capdays * 2 : 64;
		int *grown = realloc(t->days, cap * sizeof *grown);
		if (!grown)
			return; /* the median then covers fewer values; counts stay exact */
		t->days = grown;
		t->capdays = cap;
	}
	t->days[t->ndays++] = v;
}

static bool overdue(const struct rv *rv, const struct prow *p, rv_date from, rv_date to, bool all_time)
{
	if (p->deadline == RV_DATE_NONE || p->deadline >= rv->today)
		return false;
	if (all_time)
		return status_is_open(p->status);
	return in(p->deadline, from, to) && (status_is_open(p->status) || p->late_days > 0);
}

static void tally_row(struct rv *rv, const struct prow *p, rv_date from, rv_date to, bool all_time, bucket_fn fn,
                      void *ctx)
{
	struct tally *t;
	if (in(p->received, from, to) && (t = fn(ctx, p, B_RECEIVED))) {
		t->received++;
		t->open += status_is_open(p->status);
	}
	if (in(p->assigned, from, to) && (t = fn(ctx, p, B_ASSIGNED)))
		t->assigned++;
	if (in(p->answered, from, to) && (t = fn(ctx, p, B_ANSWERED))) {
		int late = p->late_days > 0 ? p->late_days : 0;
		t->answered++;
		t->on_time += late == 0;
		t->late_sum += late;
		t->late_n++;
		push_day(t, calendar_workdays_between(rv->cal, p->received, p->answered));
		if (p->rating) {
			t->rated++;
			t->rating_sum += p->rating;
		}
	}
	if (overdue(rv, p, from, to, all_time) && (t = fn(ctx, p, B_DEADLINE))) {
		t->overdue++;
		if (status_is_open(p->status)) {
			t->late_sum += calendar_workdays_between(rv->cal, p->deadline, rv->today);
			t->late_n++;
		}
	}
}

static void read_prow(sqlite3_stmt *st, struct prow *p)
{
	p->category = sqlite3_column_int64(st, 0);
	p->lead = sqlite3_column_int64(st, 1);
	p->zone = sqlite3_column_int64(st, 2);
	p->status = (enum status)enum_parse(&status_set, (const char *)sqlite3_column_text(st, 3));
	p->channel = (enum channel)enum_parse(&channel_set, (const char *)sqlite3_column_text(st, 4));
	p->received = db_column_date(st, 5);
	p->assigned = db_column_date(st, 6);
	p->deadline = db_column_date(st, 7);
	p->answered = db_column_date(st, 8);
	p->late_days = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 9);
	p->rating = sqlite3_column_int(st, 10);
}

enum rv_code report_scan(struct rv *rv, rv_date from, rv_date to, bucket_fn fn, void *ctx)
{
	bool all_time = from == RV_DATE_NONE && to == RV_DATE_NONE;
	if (all_time) {
		from = RV_DATE_FIRST;
		to = RV_DATE_LAST;
	}
	/* Only rows the period can concern: received, assigned or answered in
	 * it, or with a deadline up to its end (overdue). */
	sqlite3_stmt *st = db_stmt(rv, "SELECT p.category_id, p.lead_agency_id, e.zone_id, p.status, p.channel, "
	                               "p.received, p.assigned, p.deadline, p.answered, p.late_days, p.rating "
	                               "FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id "
	                               "WHERE p.received <= ?2 AND (p.received >= ?1 OR p.assigned >= ?1 "
	                               "OR p.answered >= ?1 OR p.deadline >= ?1 OR p.status IN ('received', "
	                               "'classified', 'assigned', 'in_progress'))");
	if (!st)
		return rv->code;
	db_bind_date(st, 1, from);
	db_bind_date(st, 2, to);
	int rc;
	struct prow p;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_prow(st, &p);
		tally_row(rv, &p, from, to, all_time, fn, ctx);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading petitions for a report");
}

enum rv_code report_scan_extensions(struct rv *rv, rv_date from, rv_date to, bucket_fn fn, void *ctx)
{
	if (from == RV_DATE_NONE && to == RV_DATE_NONE) {
		from = RV_DATE_FIRST;
		to = RV_DATE_LAST;
	}
	sqlite3_stmt *st = db_stmt(rv, "SELECT p.lead_agency_id, count(*) FROM extensions x "
	                               "JOIN petitions p ON p.id = x.petition_id "
	                               "WHERE substr(x.at, 1, 10) BETWEEN ?1 AND ?2 GROUP BY p.lead_agency_id");
	if (!st)
		return rv->code;
	db_bind_date(st, 1, from);
	db_bind_date(st, 2, to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct prow p = { .lead = sqlite3_column_int64(st, 0), .received = RV_DATE_NONE };
		struct tally *t = fn(ctx, &p, B_ASSIGNED);
		if (t)
			t->extensions += sqlite3_column_int64(st, 1);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading extensions for a report");
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

double tally_median(struct tally *t)
{
	if (!t->ndays)
		return -1;
	qsort(t->days, t->ndays, sizeof *t->days, cmp_int);
	size_t m = t->ndays / 2;
	return t->ndays % 2 ? t->days[m] : (t->days[m - 1] + t->days[m]) / 2.0;
}

void tally_free(struct tally *t)
{
	free(t->days);
	t->days = NULL;
	t->ndays = t->capdays = 0;
}
