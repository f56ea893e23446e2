/* report_scan.h — one pass over the petitions, tallied into buckets (per
 * category, lead agency, month, or one total), for the report modules.
 *
 * Each petition counts in a bucket chosen per measure: received in the
 * period (by its received date), assigned (assignment date), answered
 * (answer date) and overdue (deadline).  The caller's bucket function
 * picks the tally for a petition and a measure, or NULL to skip it, so a
 * month-by-month report counts an answer in the month it was given and a
 * category report counts everything under the category.  Definitions are
 * in report.h. */
#ifndef ROVIEC_REPORT_SCAN_H
#define ROVIEC_REPORT_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "rv.h"

enum basis { B_RECEIVED, B_ASSIGNED, B_ANSWERED, B_DEADLINE };

struct prow {
	int64_t category;   /* 0 when none */
	int64_t lead;       /* 0 when none */
	int64_t zone;       /* the enterprise's park, 0 when none */
	enum status status;
	enum channel channel;
	rv_date received, assigned, deadline, answered;
	int late_days;      /* -1 when not answered */
	int rating;         /* 0 when none */
};

struct tally {
	int64_t received;
	int64_t open;       /* received in the period and open now */
	int64_t assigned;
	int64_t answered;
	int64_t on_time;
	int64_t overdue;
	int64_t late_sum;   /* working days late: answered ones and open overdue ones */
	int64_t late_n;
	int64_t rated;
	int64_t rating_sum;
	int64_t extensions;
	int *days;          /* working days to answer, one per answered petition */
	size_t ndays, capdays;
};

typedef struct tally *(*bucket_fn)(void *ctx, const struct prow *p, enum basis b);

/* Tallies every petition the period concerns.  from/to RV_DATE_NONE: all
 * time.  Honours nothing but the role check (reports are for the Board). */
enum rv_code report_scan(struct rv *rv, rv_date from, rv_date to, bucket_fn fn, void *ctx);

/* Adds the extensions granted in the period to the lead agency's tally
 * (fn called with B_ASSIGNED and a prow holding only lead). */
enum rv_code report_scan_extensions(struct rv *rv, rv_date from, rv_date to, bucket_fn fn, void *ctx);

/* Median of the tally's days (sorts them); -1 when none. */
double tally_median(struct tally *t);
void tally_free(struct tally *t);

/* Role check shared by every report (PERM_REPORT: not agencies or
 * enterprises, whose reports would count petitions outside their scope). */
enum rv_code report_allowed(struct rv *rv);

/* Sections shared between reports (NULL on error, recorded on rv or out of
 * memory): per category (report.c) and per lead agency (report_agencies.c). */
struct rows;
struct rows *report_category_rows(struct rv *rv, rv_date from, rv_date to);
struct rows *report_agency_rows(struct rv *rv, rv_date from, rv_date to);

#endif
