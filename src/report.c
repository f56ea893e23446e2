/* report.c — periods, the report container, and the summary and
 * categories reports.  Agencies, period and conference reports are in
 * report_agencies.c; printing in report_out.c.  See report.h. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "input.h"
#include "report_scan.h"
#include "rv_internal.h"

/* ---- periods ---- */

static rv_date add_months(rv_date d, int months)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	int idx = y * 12 + (m - 1) + months;
	rv_date first = date_from_ymd(idx / 12, idx % 12 + 1, 1);
	return first;
}

enum rv_code report_range(struct rv *rv, const char *from_raw, const char *to_raw, bool six_months,
                          rv_date *from, rv_date *to)
{
	*from = *to = RV_DATE_NONE;
	if (from_raw && input_date(rv, "from", from_raw, from))
		return rv->code;
	if (to_raw && input_date(rv, "to", to_raw, to))
		return rv->code;
	if (six_months) {
		if (*to == RV_DATE_NONE)
			*to = *from == RV_DATE_NONE ? rv->today : add_months(*from, 6) - 1;
		if (*from == RV_DATE_NONE)
			*from = add_months(*to, -5);
	} else if (*from != RV_DATE_NONE || *to != RV_DATE_NONE) {
		if (*from == RV_DATE_NONE)
			*from = RV_DATE_FIRST;
		if (*to == RV_DATE_NONE)
			*to = rv->today;
	}
	if (*from != RV_DATE_NONE && *from > *to) {
		char a[11], b[11];
		return rv_fail(rv, RV_EINPUT, "from", _("from: %s is after to: %s"), date_vn(*from, a), date_vn(*to, b));
	}
	return RV_OK;
}

/* ---- the container ---- */

static const char *kind_title(const char *kind)
{
	if (strcmp(kind, "summary") == 0)
		return _("Summary");
	if (strcmp(kind, "agencies") == 0)
		return _("Agencies: accountability");
	if (strcmp(kind, "categories") == 0)
		return _("Categories");
	if (strcmp(kind, "period") == 0)
		return _("Report to superiors");
	return _("Conference follow-up");
}

struct report *report_new(const char *kind, rv_date from, rv_date to)
{
	struct report *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->kind = kind;
	r->from = from;
	r->to = to;
	char a[11], b[11];
	if (from == RV_DATE_NONE)
		snprintf(r->title, sizeof r->title, "%s — %s", kind_title(kind), _("all time"));
	else if (from == RV_DATE_FIRST)
		snprintf(r->title, sizeof r->title, _("%s, up to %s"), kind_title(kind), date_vn(to, b));
	else
		snprintf(r->title, sizeof r->title, "%s, %s – %s", kind_title(kind), date_vn(from, a), date_vn(to, b));
	return r;
}

bool report_add(struct report *r, const char *key, const char *title, bool single, struct rows *rows)
{
	if (!rows || r->n == REPORT_MAX_SECTIONS) {
		rows_free(&rows);
		return false;
	}
	r->sec[r->n++] = (struct report_section){ key, title, single, rows, false };
	return true;
}

void report_free(struct report **pr)
{
	if (!pr || !*pr)
		return;
	for (int i = 0; i < (*pr)->n; i++)
		rows_free(&(*pr)->sec[i].rows);
	free((*pr)->pager.ctx);
	free(*pr);
	*pr = NULL;
}

const char *report_real(double v, char buf[static 32])
{
	snprintf(buf, 32, "%.2f", v);
	return buf;
}

/* ---- summary ---- */

#define NBUCKETS_MAX 4096

/* Buckets keyed by a small integer (status, channel, category id, zone id). */
struct keyed {
	struct tally total;
	struct tally by_status[ST_COUNT];
	struct tally by_channel[CH_COUNT];
	int64_t *cat_ids, *zone_ids;
	struct tally *by_cat, *by_zone;
	size_t ncat, nzone, cap;
	bool oom;
};

static struct tally *find_key(struct keyed *k, int64_t **ids, struct tally **t, size_t *n, int64_t id)
{
	for (size_t i = 0; i < *n; i++)
		if ((*ids)[i] == id)
			return &(*t)[i];
	if (*n >= NBUCKETS_MAX) {
		k->oom = true;
		return NULL;
	}
	int64_t *gi = realloc(*ids, (*n + 1) * sizeof *gi);
	if (gi)
		*ids = gi;
	struct tally *gt = gi ? realloc(*t, (*n + 1) * sizeof *gt) : NULL;
	if (!gt) {
		k->oom = true;
		return NULL;
	}
	*t = gt;
	memset(&gt[*n], 0, sizeof *gt);
	(*ids)[*n] = id;
	return &gt[(*n)++];
}

/* The summary counts the received petitions by status, category, park and
 * channel; totals take every measure. */
static struct tally *summary_bucket(void *ctx, const struct prow *p, enum basis b)
{
	struct keyed *k = ctx;
	if (b == B_RECEIVED) {
		if ((int)p->status >= 0)
			k->by_status[p->status].received++;
		if ((int)p->channel >= 0)
			k->by_channel[p->channel].received++;
		struct tally *c = find_key(k, &k->cat_ids, &k->by_cat, &k->ncat, p->category);
		struct tally *z = find_key(k, &k->zone_ids, &k->by_zone, &k->nzone, p->zone);
		if (c)
			c->received++;
		if (z)
			z->received++;
	}
	return &k->total;
}

static void keyed_free(struct keyed *k)
{
	tally_free(&k->total);
	for (size_t i = 0; i < k->ncat; i++)
		tally_free(&k->by_cat[i]);
	free(k->cat_ids);
	free(k->zone_ids);
	free(k->by_cat);
	free(k->by_zone);
}

static const struct rows_col totals_cols[] = {
	{ "received", N_("Received"), COL_INT },
	{ "answered", N_("Answered"), COL_INT },
	{ "answered_on_time", N_("Answered on time"), COL_INT },
	{ "overdue", N_("Overdue"), COL_INT },
	{ "open", N_("Still open"), COL_INT },
	{ "median_days_to_answer", N_("Median working days to answer"), COL_REAL },
};

static struct rows *totals_rows(struct tally *t)
{
	struct rows *r = rows_new(totals_cols, 6);
	char v[5][24], med[32];
	int64_t n[5] = { t->received, t->answered, t->on_time, t->overdue, t->open };
	const char *cells[6];
	for (int i = 0; i < 5; i++) {
		snprintf(v[i], sizeof v[i], "%lld", (long long)n[i]);
		cells[i] = v[i];
	}
	double m = tally_median(t);
	cells[5] = m < 0 ? NULL : report_real(m, med);
	if (r && !rows_add(r, cells))
		rows_free(&r);
	return r;
}

static const struct rows_col count_cols[] = {
	{ "key", N_("Code"), COL_TEXT },
	{ "label", N_("Label"), COL_TEXT },
	{ "count", N_("Petitions"), COL_INT },
};

static bool add_count(struct rows *r, const char *key, const char *label, int64_t n)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)n);
	const char *cells[] = { key, label, buf };
	return rows_add(r, cells);
}

static struct rows *enum_counts(const struct enum_set *set, const struct tally *t)
{
	struct rows *r = rows_new(count_cols, 3);
	for (int i = 0; r && i < set->count; i++)
		if (!add_count(r, enum_db(set, i), enum_label(set, i), t[i].received))
			rows_free(&r);
	return r;
}

/* Counts per category or park: labels from a look-up query by id. */
static struct rows *id_counts(struct rv *rv, const char *sql, const int64_t *ids, const struct tally *t, size_t n,
                              const char *none)
{
	struct rows *r = rows_new(count_cols, 3);
	sqlite3_stmt *st = db_stmt(rv, sql);
	for (size_t i = 0; r && st && i < n; i++) {
		if (!t[i].received)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, ids[i]);
		sqlite3_bind_int(st, 2, i18n_vietnamese());
		bool found = sqlite3_step(st) == SQLITE_ROW;
		const char *key = found ? (const char *)sqlite3_column_text(st, 0) : NULL;
		const char *label = found ? (const char *)sqlite3_column_text(st, 1) : none;
		if (!add_count(r, key, label, t[i].received))
			rows_free(&r);
	}
	if (!st)
		rows_free(&r);
	return r;
}

/* Ties in order of id, "none" (id 0) last. */
static uint64_t id_rank(int64_t id)
{
	return (uint64_t)id - 1;
}

/* Sorts the ids and tallies of a keyed set by count, largest first. */
static void sort_by_count(int64_t *ids, struct tally *t, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && (t[j].received > t[j - 1].received ||
		                             (t[j].received == t[j - 1].received && id_rank(ids[j]) < id_rank(ids[j - 1])));
		     j--) {
			struct tally x = t[j];
			t[j] = t[j - 1];
			t[j - 1] = x;
			int64_t y = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = y;
		}
}

enum rv_code report_summary(struct rv *rv, rv_date from, rv_date to, struct report **out)
{
	*out = NULL;
	struct keyed k;
	memset(&k, 0, sizeof k);
	enum rv_code rc = report_allowed(rv);
	if (!rc)
		rc = report_scan(rv, from, to, summary_bucket, &k);
	if (!rc && k.oom)
		rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	struct report *r = rc ? NULL : report_new("summary", from, to);
	if (!rc && !r)
		rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	if (!rc) {
		sort_by_count(k.cat_ids, k.by_cat, k.ncat);
		sort_by_count(k.zone_ids, k.by_zone, k.nzone);
		bool ok = report_add(r, "totals", N_("Totals"), true, totals_rows(&k.total)) &&
		          report_add(r, "by_status", N_("By status"), false, enum_counts(&status_set, k.by_status)) &&
		          report_add(r, "by_category", N_("By category"), false,
		                     id_counts(rv, "SELECT code, CASE WHEN ?2 THEN label_vi ELSE label_en END "
		                                   "FROM categories WHERE id = ?1",
		                               k.cat_ids, k.by_cat, k.ncat, _("(not classified)"))) &&
		          report_add(r, "by_zone", N_("By park"), false,
		                     id_counts(rv, "SELECT name, name FROM zones WHERE id = ?1 AND ?2 = ?2", k.zone_ids,
		                               k.by_zone, k.nzone, _("(no park)"))) &&
		          report_add(r, "by_channel", N_("By channel"), false, enum_counts(&channel_set, k.by_channel));
		if (!ok)
			rc = rv->code ? rv->code : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	keyed_free(&k);
	if (rc)
		report_free(&r);
	*out = r;
	return rc;
}

/* ---- categories ---- */

static struct tally *category_bucket(void *ctx, const struct prow *p, enum basis b)
{
	struct keyed *k = ctx;
	(void)b;
	return find_key(k, &k->cat_ids, &k->by_cat, &k->ncat, p->category);
}

static const struct rows_col category_cols[] = {
	{ "category", N_("Code"), COL_TEXT },
	{ "label", N_("Category"), COL_TEXT },
	{ "received", N_("Received"), COL_INT },
	{ "answered", N_("Answered"), COL_INT },
	{ "answered_on_time", N_("On time"), COL_INT },
	{ "open", N_("Open"), COL_INT },
	{ "overdue", N_("Overdue"), COL_INT },
	{ "median_days_to_answer", N_("Median days"), COL_REAL },
	{ "avg_rating", N_("Satisfaction"), COL_REAL },
};

static bool category_row(struct rows *r, const char *code, const char *label, struct tally *t)
{
	char v[5][24], med[32], rat[32];
	int64_t n[5] = { t->received, t->answered, t->on_time, t->open, t->overdue };
	for (int i = 0; i < 5; i++)
		snprintf(v[i], sizeof v[i], "%lld", (long long)n[i]);
	double m = tally_median(t);
	const char *cells[] = { code, label, v[0], v[1], v[2], v[3], v[4], m < 0 ? NULL : report_real(m, med),
		                t->rated ? report_real((double)t->rating_sum / (double)t->rated, rat) : NULL };
	return rows_add(r, cells);
}

/* The categories section (also part of the period report). */
struct rows *report_category_rows(struct rv *rv, rv_date from, rv_date to)
{
	struct keyed k;
	memset(&k, 0, sizeof k);
	struct rows *r = NULL;
	if (report_scan(rv, from, to, category_bucket, &k) == RV_OK && !k.oom)
		r = rows_new(category_cols, 9);
	sqlite3_stmt *st = r ? db_stmt(rv, "SELECT id, code, CASE WHEN ?1 THEN label_vi ELSE label_en END "
	                                   "FROM categories ORDER BY id") : NULL;
	if (st)
		sqlite3_bind_int(st, 1, i18n_vietnamese());
	while (r && st && sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < k.ncat; i++)
			if (k.cat_ids[i] == id && !category_row(r, (const char *)sqlite3_column_text(st, 1),
			                                        (const char *)sqlite3_column_text(st, 2), &k.by_cat[i]))
				rows_free(&r);
	}
	for (size_t i = 0; r && i < k.ncat; i++)
		if (k.cat_ids[i] == 0 && !category_row(r, NULL, _("(not classified)"), &k.by_cat[i]))
			rows_free(&r);
	if (!st)
		rows_free(&r);
	keyed_free(&k);
	return r;
}

enum rv_code report_categories(struct rv *rv, rv_date from, rv_date to, struct report **out)
{
	*out = NULL;
	enum rv_code rc = report_allowed(rv);
	if (rc)
		return rc;
	struct report *r = report_new("categories", from, to);
	if (!r || !report_add(r, "categories", N_("Categories"), false, report_category_rows(rv, from, to))) {
		report_free(&r);
		return rv->code ? rv->code : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	*out = r;
	return RV_OK;
}
