/* report.h — the reports officials read: summary, agencies, categories,
 * period (the twice-yearly report to superiors) and a conference's
 * follow-up.
 *
 * A report is a list of sections, each a struct rows, so one printer
 * renders any report as tables, JSON or CSV, and the export writers (XLSX,
 * HTML) lay the same sections out as sheets and tables.  A period is
 * [from, to], both inclusive; RV_DATE_NONE on both means all time.
 *
 * Definitions (docs/reports.md has the worked figures):
 *   received      petitions whose received date is in the period;
 *   answered      petitions whose answer date is in the period;
 *   on time       answered with 0 working days late;
 *   overdue       open now with a deadline before today (all time), or,
 *                 for a period, whose deadline fell in the period, before
 *                 today, and was missed (still open, or answered late);
 *   days to answer  working days from received to answered;
 *   days late     working days past the deadline (answered: when answered;
 *                 open overdue: as of today).
 * `report agencies` without a period reads the officials' board
 * (board_load, counters kept by triggers); with one it aggregates the
 * petitions and their extensions in the period.  Enterprise accounts get
 * RV_EPERM, as for the board. */
#ifndef ROVIEC_REPORT_H
#define ROVIEC_REPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "output.h"
#include "rows.h"
#include "rv.h"

#define REPORT_MAX_SECTIONS 8

struct report_section {
	const char *key;    /* JSON key, NULL for an array report's only section */
	const char *title;  /* heading (English msgid, translated when shown) */
	bool single;        /* one row whose fields go into the top-level JSON object */
	struct rows *rows;
	bool paged;         /* rows stays empty (its columns only): the report's pager prints the body */
};

/* How a paged section's body is printed (table or CSV, never JSON) without
 * holding its rows: print writes, as report_print would for the whole
 * rows, the table (with "(none)" when empty) or the CSV header and
 * records, reading a page at a time; 0, or -1 on a write or read error
 * (the session's error says which).  ctx is freed with the report. */
struct report_pager {
	int (*print)(void *ctx, FILE *out, const struct rows *cols, enum out_format fmt);
	void *ctx;
};

struct report {
	const char *kind;   /* "summary", "agencies", "categories", "period", "conference" */
	rv_date from, to;   /* RV_DATE_NONE: all time */
	char title[512];    /* "Summary, 01/01/2026 – 30/06/2026" */
	struct report_section sec[REPORT_MAX_SECTIONS];
	int n;
	struct report_pager pager; /* for the paged sections */
};

/* Reads --from/--to (raw, either may be NULL) into a period.  For the
 * period report (six_months) a missing end is six months after the start
 * (or today), a missing start the first day of the month five months
 * before the end; otherwise both missing means all time and one missing
 * means open-ended (from 1900, or to today). */
enum rv_code report_range(struct rv *rv, const char *from, const char *to, bool six_months, rv_date *pfrom,
                          rv_date *pto);

enum rv_code report_summary(struct rv *rv, rv_date from, rv_date to, struct report **out);
enum rv_code report_agencies(struct rv *rv, rv_date from, rv_date to, struct report **out);
enum rv_code report_categories(struct rv *rv, rv_date from, rv_date to, struct report **out);
enum rv_code report_period(struct rv *rv, rv_date from, rv_date to, struct report **out);
enum rv_code report_conference(struct rv *rv, const char *id, struct report **out);
/* The same with the follow-up table paged (read `page` rows at a time when
 * printed, twice for a table: widths, then lines): for report_print as a
 * table or CSV, in memory flat in the size of the conference. */
enum rv_code report_conference_paged(struct rv *rv, const char *id, int page, struct report **out);
void report_free(struct report **r);

/* The JSON form: an array for a one-section report without a key (agencies),
 * else an object {report, from, to, <single sections' fields>, <key>: […]}.
 * New reference, NULL when out of memory. */
json_t *report_json(const struct report *r);

/* Prints the report as tables (title, then each section), JSON or CSV
 * (sections one after another, each after a line with its title).  0, or
 * -1 on a write error. */
int report_print(FILE *out, const struct report *r, enum out_format fmt);

/* Internal to the report modules: a new report with its title, and a
 * section appended (rows taken over, freed with the report). */
struct report *report_new(const char *kind, rv_date from, rv_date to);
bool report_add(struct report *r, const char *key, const char *title, bool single, struct rows *rows);
/* "%.2f" of v into buf (for COL_REAL cells). */
const char *report_real(double v, char buf[static 32]);

#endif
