/* date.h — calendar dates and Vietnamese working days.
 *
 * A date is a day number (days since 1970-01-01, proleptic Gregorian), so
 * comparisons and differences are integer arithmetic.  Dates are read as
 * DD/MM/YYYY (also D/M/YYYY) or YYYY-MM-DD, shown as dd/mm/yyyy to people and
 * stored as YYYY-MM-DD.  The supported range is 01/01/1900 … 31/12/2200
 * (RV_DATE_FIRST … RV_DATE_LAST); RV_DATE_NONE means "no date".
 *
 * Working days follow the Civil Code 2015, arts. 147–148, and the Prime
 * Minister's yearly schedule: Monday to Friday are working days unless the
 * calendar marks them `off`; Saturdays and Sundays are rest days unless the
 * calendar marks them `work` (make-up Saturdays, làm bù).  Counting starts the
 * day after the event.
 *
 * "Today" is read in one place only, date_today(), which honours
 * ROVIEC_TODAY=YYYY-MM-DD so tests and what-if reviews can pin it.
 *
 * Nothing here allocates except calendar_new()/calendar_set(); nothing keeps
 * global state. */
#ifndef ROVIEC_DATE_H
#define ROVIEC_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t rv_date;
#define RV_DATE_NONE INT32_MIN

/* Years outside 1900..2200 are refused by every parser. */
#define RV_YEAR_MIN 1900
#define RV_YEAR_MAX 2200

/* Day numbers of 01/01/1900 and 31/12/2200. */
#define RV_DATE_FIRST ((rv_date)-25567)
#define RV_DATE_LAST ((rv_date)84370)

/* True when RV_DATE_FIRST <= d <= RV_DATE_LAST (so false for RV_DATE_NONE). */
bool date_valid(rv_date d);

/* RV_DATE_NONE if not a real date or the year is outside 1900..2200. */
rv_date date_from_ymd(int y, int m, int d);
/* Splits a day number into year, month (1–12) and day (1–31); any of the
 * pointers may be NULL.  Works for every day number (proleptically outside
 * the supported range); RV_DATE_NONE gives 0, 0, 0. */
void date_to_ymd(rv_date d, int *y, int *m, int *dd);
/* 0 = Monday … 6 = Sunday; -1 for RV_DATE_NONE. */
int date_weekday(rv_date d);

/* Parses DD/MM/YYYY, D/M/YYYY or YYYY-MM-DD (surrounding blanks allowed,
 * nothing else).  Returns false for anything else, including 31/02/2026.
 * Blanks are spaces and tabs only.  Day and month take one or two ASCII
 * digits in the slash form and exactly two in the ISO form ("2026-1-1" is
 * refused); the year always takes exactly four.  No sign, no inner blanks,
 * no trailing text.  s == NULL returns false.  *out is written only on
 * success; out may be NULL to validate only. */
bool date_parse(const char *s, rv_date *out);
/* Parses only YYYY-MM-DD (storage form): exactly ten characters, no blanks.
 * NULL handling and *out as for date_parse(). */
bool date_parse_iso(const char *s, rv_date *out);

/* Formatting into a caller buffer of at least 11 bytes; returns buf.
 * RV_DATE_NONE (and any day outside the supported range) formats as "". */
char *date_iso(rv_date d, char buf[static 11]);
char *date_vn(rv_date d, char buf[static 11]);
/* As people are shown dates in tables, `petition show` and the interface:
 * date_vn(), or date_iso() once date_display_iso(true) has been called
 * (the configuration's date_format = iso).  Exports and messages keep
 * their own forms. */
char *date_display(rv_date d, char buf[static 11]);
void date_display_iso(bool on);

/* ROVIEC_TODAY if set and valid (strict YYYY-MM-DD), else the local calendar
 * date.  An empty ROVIEC_TODAY counts as unset.  *pinned_bad (if not NULL)
 * is set true when ROVIEC_TODAY is set but is not a valid date (the caller
 * reports it), false otherwise.  RV_DATE_NONE only if the clock cannot be
 * read or lies outside 1900..2200. */
rv_date date_today(bool *pinned_bad);

/* ---- Working-day calendar ---- */

enum day_kind { DAY_NORMAL = 0, DAY_OFF, DAY_WORK };

struct calendar;

/* calendar_new returns an empty calendar (plain Mon–Fri weeks), NULL when
 * out of memory.  calendar_free accepts NULL and sets *cal to NULL.
 * Every query below also accepts cal == NULL, meaning an empty calendar. */
struct calendar *calendar_new(void);
void calendar_free(struct calendar **cal);

/* Marks a day off (holiday/swapped day) or work (make-up Saturday);
 * DAY_NORMAL removes a mark (removing an absent mark succeeds).  A mark
 * that changes nothing (a Sunday off, a Tuesday work) is kept, so that
 * calendar_get() returns what was set.  Returns false when out of memory,
 * and also when cal is NULL, d is not a valid date or kind is not one of
 * the three kinds; the calendar is then unchanged.  Costs O(marks). */
bool calendar_set(struct calendar *cal, rv_date d, enum day_kind kind);
enum day_kind calendar_get(const struct calendar *cal, rv_date d);

/* False for days that are not valid dates. */
bool calendar_is_workday(const struct calendar *cal, rv_date d);

/* The date that ends the n-th working day counted from the day after
 * `from` (n >= 1).  n <= 0 returns `from`.  Thu 08/01/2026 + 3 → Mon
 * 12/01/2026 with Sat 10/01/2026 marked work.  RV_DATE_NONE when `from` is
 * not a valid date or the result would fall after 31/12/2200.
 * O(log marks), whatever n. */
rv_date calendar_add_workdays(const struct calendar *cal, rv_date from, int n);

/* Number of working days d with from < d <= to (0 when to <= from, and
 * when either is not a valid date).  Used for "days overdue":
 * calendar_workdays_between(deadline, today).  O(log marks). */
int calendar_workdays_between(const struct calendar *cal, rv_date from, rv_date to);

/* A calendar-day deadline that lands on a rest day moves to the next
 * working day (Civil Code art. 148): d itself when it is a working day.
 * RV_DATE_NONE when d is not a valid date or no working day follows it
 * up to 31/12/2200. */
rv_date calendar_roll_forward(const struct calendar *cal, rv_date d);

#endif
