/* date.c — calendar dates as day numbers.
 *
 * A date is the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar.  Conversions are plain integer arithmetic on a "shifted" year
 * that begins on 1 March, so that the leap day is the last day of its year
 * and month lengths follow a fixed pattern; shifted years are counted from
 * 1600-03-01, the start of a 400-year cycle, which keeps every intermediate
 * value of the supported range non-negative.  No libc time function is used
 * for conversions; date_today() is the one place that reads the clock. */
#include "date.h"

#include <stdlib.h>
#include <time.h>

/* Days from 1600-03-01 (day 0 of shifted year 0) to 1970-01-01. */
#define EPOCH_SHIFT 135080
/* Days in a 400-year Gregorian cycle. */
#define DAYS_PER_CYCLE 146097

/* Floor division for b > 0 (C division truncates towards zero). */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b < 0) ? q - 1 : q;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Length of month m (1–12) of year y. */
static int days_in_month(int y, int m)
{
	static const unsigned char len[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	return (m == 2 && is_leap(y)) ? 29 : len[m - 1];
}

/* Days from the start of shifted year 0 to the start of shifted year k
 * (k >= 0): 365 a year plus one per leap day already passed. */
static int64_t shifted_year_start(int64_t k)
{
	return 365 * k + k / 4 - k / 100 + k / 400;
}

/* Days before shifted month mp (0 = March … 11 = February) in its year:
 * months alternate 31/30 from March, which (153 * mp + 2) / 5 reproduces. */
static int shifted_month_start(int mp)
{
	return (153 * mp + 2) / 5;
}

/* Day number of a real date with y >= 1600 (not checked here). */
static int64_t days_from_ymd(int y, int m, int d)
{
	int64_t sy = (int64_t)y - 1600 - (m <= 2 ? 1 : 0);
	int mp = m <= 2 ? m + 9 : m - 3;

	return shifted_year_start(sy) + shifted_month_start(mp) + d - 1 -
	       EPOCH_SHIFT;
}

bool date_valid(rv_date d)
{
	return d >= RV_DATE_FIRST && d <= RV_DATE_LAST;
}

rv_date date_from_ymd(int y, int m, int d)
{
	if (y < RV_YEAR_MIN || y > RV_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return RV_DATE_NONE;
	return (rv_date)days_from_ymd(y, m, d);
}

/* Splits day number dn (any int32 value) into y/m/d.  The year within the
 * 400-year cycle is first estimated from the mean year length, which can be
 * off by one either way, then corrected against the exact year starts. */
static void ymd_from_days(int64_t dn, int *y, int *m, int *d)
{
	int64_t s = dn + EPOCH_SHIFT;
	int64_t cycle = floor_div(s, DAYS_PER_CYCLE);
	int64_t doc = s - cycle * DAYS_PER_CYCLE; /* 0 … 146096 */
	int64_t k = doc * 400 / DAYS_PER_CYCLE;

	while (k > 0 && shifted_year_start(k) > doc)
		k--;
	while (shifted_year_start(k + 1) <= doc)
		k++;

	int doy = (int)(doc - shifted_year_start(k)); /* 0 … 365 */
	int mp = (5 * doy + 2) / 153;

	*d = doy - shifted_month_start(mp) + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(1600 + cycle * 400 + k + (*m <= 2 ? 1 : 0));
}

void date_to_ymd(rv_date d, int *y, int *m, int *dd)
{
	int yy = 0, mm = 0, day = 0;

	if (d != RV_DATE_NONE)
		ymd_from_days(d, &yy, &mm, &day);
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (dd)
		*dd = day;
}

int date_weekday(rv_date d)
{
	if (d == RV_DATE_NONE)
		return -1;
	/* 1970-01-01 was a Thursday (3). */
	return (int)((int64_t)d + 3 - 7 * floor_div((int64_t)d + 3, 7));
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Reads the run of ASCII digits at *p into *val and advances *p past it.
 * Returns the length of the run, or max + 1 as soon as the run is longer
 * than max digits (nothing more is read, so no overflow is possible; the
 * caller refuses such a run).  0 when *p is not a digit. */
static int read_digits(const char **p, int max, int *val)
{
	int n = 0, v = 0;
	const char *q = *p;

	while (is_digit(*q)) {
		if (n == max)
			return max + 1;
		v = v * 10 + (*q - '0');
		n++;
		q++;
	}
	*p = q;
	*val = v;
	return n;
}

/* Scans YYYY-MM-DD at p (zero-padded fields).  Returns the position just
 * after it, or NULL when p does not start with that form. */
static const char *scan_iso(const char *p, int *y, int *m, int *d)
{
	if (read_digits(&p, 4, y) != 4 || *p++ != '-')
		return NULL;
	if (read_digits(&p, 2, m) != 2 || *p++ != '-')
		return NULL;
	if (read_digits(&p, 2, d) != 2)
		return NULL;
	return p;
}

/* Scans D/M/YYYY at p, day and month of one or two digits.  Returns the
 * position just after it, or NULL when p does not start with that form. */
static const char *scan_vn(const char *p, int *y, int *m, int *d)
{
	int n = read_digits(&p, 2, d);

	if (n < 1 || n > 2 || *p++ != '/')
		return NULL;
	n = read_digits(&p, 2, m);
	if (n < 1 || n > 2 || *p++ != '/')
		return NULL;
	if (read_digits(&p, 4, y) != 4)
		return NULL;
	return p;
}

/* Stores the date y/m/d in *out (if out) when p is at the end of the
 * string and the date is real. */
static bool finish(const char *p, int y, int m, int d, rv_date *out)
{
	rv_date r;

	if (!p || *p != '\0')
		return false;
	r = date_from_ymd(y, m, d);
	if (r == RV_DATE_NONE)
		return false;
	if (out)
		*out = r;
	return true;
}

bool date_parse(const char *s, rv_date *out)
{
	int y = 0, m = 0, d = 0;
	const char *p;

	if (!s)
		return false;
	while (is_blank(*s))
		s++;
	p = scan_iso(s, &y, &m, &d);
	if (!p)
		p = scan_vn(s, &y, &m, &d);
	if (!p)
		return false;
	while (is_blank(*p))
		p++;
	return finish(p, y, m, d, out);
}

bool date_parse_iso(const char *s, rv_date *out)
{
	int y = 0, m = 0, d = 0;
	const char *p;

	if (!s)
		return false;
	p = scan_iso(s, &y, &m, &d); /* before finish() reads y, m, d */
	return finish(p, y, m, d, out);
}

/* Writes v (0 … 10^width - 1) as exactly `width` decimal digits. */
static char *put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

char *date_iso(rv_date d, char buf[static 11])
{
	int y, m, dd;
	char *p = buf;

	if (date_valid(d)) {
		date_to_ymd(d, &y, &m, &dd);
		p = put_digits(p, y, 4);
		*p++ = '-';
		p = put_digits(p, m, 2);
		*p++ = '-';
		p = put_digits(p, dd, 2);
	}
	*p = '\0';
	return buf;
}

char *date_vn(rv_date d, char buf[static 11])
{
	int y, m, dd;
	char *p = buf;

	if (date_valid(d)) {
		date_to_ymd(d, &y, &m, &dd);
		p = put_digits(p, dd, 2);
		*p++ = '/';
		p = put_digits(p, m, 2);
		*p++ = '/';
		p = put_digits(p, y, 4);
	}
	*p = '\0';
	return buf;
}

rv_date date_today(bool *pinned_bad)
{
	const char *pin = getenv("ROVIEC_TODAY");
	rv_date d;
	time_t now;
	struct tm tm;

	if (pinned_bad)
		*pinned_bad = false;
	if (pin && *pin) {
		if (date_parse_iso(pin, &d))
			return d;
		if (pinned_bad)
			*pinned_bad = true;
	}
	tzset();
	now = time(NULL);
	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return RV_DATE_NONE;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static bool display_iso;

void date_display_iso(bool on)
{
	display_iso = on;
}

char *date_display(rv_date d, char buf[static 11])
{
	return display_iso ? date_iso(d, buf) : date_vn(d, buf);
}
