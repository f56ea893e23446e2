/* calendar.c — the working-day calendar (Civil Code 2015, arts. 147–148).
 *
 * A calendar is the plain Monday–Friday week plus a sorted array of marked
 * days: holidays and swapped days `off`, make-up Saturdays `work`.  Each
 * mark also records its effect on the count of working days relative to the
 * plain week (-1 for a weekday off, +1 for a weekend day worked, 0 for a
 * mark that changes nothing, such as a Tết Sunday) and the running sum of
 * those effects up to and including itself.
 *
 * The number of working days in (from, to] is then the number of plain
 * weekdays, computed in whole weeks, plus the difference of two running sums
 * found by binary search: O(log m) for m marks whatever the span, with no
 * allocation, so it can be called for every petition in a listing.
 * calendar_add_workdays binary-searches the marks with the same count (which
 * only grows with the end date) and finishes with whole-week arithmetic.
 *
 * Marks are few (about twenty a year) and change rarely, so calendar_set
 * keeps the array sorted and the running sums current at O(m) per change.
 * Internal arithmetic is in int64_t, so no day number or count can overflow;
 * results are checked against the supported range before they are returned. */
#include "date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct mark {
	rv_date day;
	int8_t kind;   /* DAY_OFF or DAY_WORK */
	int8_t effect; /* -1, 0 or +1 working days relative to the plain week */
	int32_t sum;   /* sum of `effect` over this mark and all earlier ones */
};

struct calendar {
	struct mark *marks; /* sorted by day, days unique; owned */
	size_t len;
	size_t cap;
};

/* A Monday: 1969-12-29. */
#define MONDAY0 (-3)

/* Floor division for b > 0. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b < 0) ? q - 1 : q;
}

/* 0 = Monday … 6 = Sunday, for any day number. */
static int weekday_of(int64_t d)
{
	return (int)((d - MONDAY0) - 7 * floor_div(d - MONDAY0, 7));
}

/* A running count of plain weekdays (Mon–Fri): the number of them in
 * (a, b] is plain_upto(b) - plain_upto(a), for any a <= b. */
static int64_t plain_upto(int64_t d)
{
	int64_t k = d - MONDAY0;
	int64_t weeks = floor_div(k, 7);
	int64_t r = k - 7 * weeks; /* 0 = Monday … 6 = Sunday */

	return 5 * weeks + (r < 5 ? r + 1 : 5);
}

/* The n-th plain weekday after `from` (n >= 1): the smallest t with
 * plain_upto(t) == plain_upto(from) + n, which is always a weekday. */
static int64_t plain_nth_after(int64_t from, int64_t n)
{
	int64_t c = plain_upto(from) + n - 1;
	int64_t weeks = floor_div(c, 5);

	return MONDAY0 + 7 * weeks + (c - 5 * weeks);
}

/* Index of the first mark with day > d (cal->len if none). */
static size_t marks_after(const struct calendar *cal, int64_t d)
{
	size_t lo = 0, hi = cal->len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->marks[mid].day <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The running sum of effects of the marks before index i. */
static int64_t sum_before(const struct calendar *cal, size_t i)
{
	return i ? cal->marks[i - 1].sum : 0;
}

/* The mark for day d, or NULL. */
static const struct mark *find_mark(const struct calendar *cal, int64_t d)
{
	size_t i = marks_after(cal, d);

	return (i > 0 && cal->marks[i - 1].day == d) ? &cal->marks[i - 1] : NULL;
}

/* What marking day d as `kind` changes in the count of working days. */
static int8_t effect_of(int64_t d, enum day_kind kind)
{
	bool weekday = weekday_of(d) < 5;

	if (kind == DAY_OFF)
		return weekday ? -1 : 0;
	if (kind == DAY_WORK)
		return weekday ? 0 : 1;
	return 0;
}

/* Recomputes the running sums from index i to the end. */
static void refresh_sums(struct calendar *cal, size_t i)
{
	int64_t s = sum_before(cal, i);

	for (; i < cal->len; i++) {
		s += cal->marks[i].effect;
		cal->marks[i].sum = (int32_t)s;
	}
}

/* Makes room for one more mark; false when out of memory. */
static bool reserve_one(struct calendar *cal)
{
	size_t cap;
	struct mark *m;

	if (cal->len < cal->cap)
		return true;
	if (cal->cap > SIZE_MAX / 2 / sizeof(*m))
		return false;
	cap = cal->cap ? 2 * cal->cap : 64;
	m = realloc(cal->marks, cap * sizeof(*m));
	if (!m)
		return false;
	cal->marks = m;
	cal->cap = cap;
	return true;
}

struct calendar *calendar_new(void)
{
	return calloc(1, sizeof(struct calendar));
}

void calendar_free(struct calendar **cal)
{
	if (!cal || !*cal)
		return;
	free((*cal)->marks);
	free(*cal);
	*cal = NULL;
}

bool calendar_set(struct calendar *cal, rv_date d, enum day_kind kind)
{
	size_t i;
	bool found;

	if (!cal || !date_valid(d) ||
	    (kind != DAY_NORMAL && kind != DAY_OFF && kind != DAY_WORK))
		return false;
	i = marks_after(cal, (int64_t)d - 1); /* first mark with day >= d */
	found = i < cal->len && cal->marks[i].day == d;
	if (kind == DAY_NORMAL) {
		if (!found)
			return true;
		memmove(&cal->marks[i], &cal->marks[i + 1],
		        (cal->len - i - 1) * sizeof(cal->marks[0]));
		cal->len--;
	} else {
		if (!found) {
			if (!reserve_one(cal))
				return false;
			memmove(&cal->marks[i + 1], &cal->marks[i],
			        (cal->len - i) * sizeof(cal->marks[0]));
			cal->len++;
			cal->marks[i].day = d;
		}
		cal->marks[i].kind = (int8_t)kind;
		cal->marks[i].effect = effect_of(d, kind);
	}
	refresh_sums(cal, i);
	return true;
}

enum day_kind calendar_get(const struct calendar *cal, rv_date d)
{
	const struct mark *mk;

	if (!cal || !date_valid(d))
		return DAY_NORMAL;
	mk = find_mark(cal, d);
	return mk ? (enum day_kind)mk->kind : DAY_NORMAL;
}

bool calendar_is_workday(const struct calendar *cal, rv_date d)
{
	const struct mark *mk;

	if (!date_valid(d))
		return false;
	mk = cal ? find_mark(cal, d) : NULL;
	if (mk)
		return mk->kind == DAY_WORK;
	return weekday_of(d) < 5;
}

/* Working days in (from, to], from <= to; cal not NULL. */
static int64_t count_between(const struct calendar *cal, int64_t from, int64_t to)
{
	int64_t n = plain_upto(to) - plain_upto(from);

	if (cal->len == 0 || to < cal->marks[0].day ||
	    from >= cal->marks[cal->len - 1].day)
		return n;
	return n + sum_before(cal, marks_after(cal, to)) -
	       sum_before(cal, marks_after(cal, from));
}

/* The n-th working day after `from` (n >= 1); cal not NULL; the result may
 * lie beyond the supported range.
 *
 * count(x), the working days in (from, x], never decreases as x grows.  A
 * binary search finds the first mark k after `from` with count(day_k) >= n;
 * between the previous mark (or `from`) and day_k the week is plain, so the
 * answer is the remaining count of plain weekdays after that point, unless
 * those weekdays run past day_k: then day_k itself is the n-th working day
 * (it must be one, since count reaches n exactly there). */
static int64_t add_core(const struct calendar *cal, int64_t from, int64_t n)
{
	size_t first = marks_after(cal, from), lo = first, hi = cal->len;
	int64_t base_sum = sum_before(cal, first), p0 = plain_upto(from);
	int64_t base = from, done = 0, t;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct mark *mk = &cal->marks[mid];

		if (plain_upto(mk->day) - p0 + mk->sum - base_sum >= n)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo > first) {
		const struct mark *prev = &cal->marks[lo - 1];

		base = prev->day;
		done = plain_upto(base) - p0 + prev->sum - base_sum;
	}
	t = plain_nth_after(base, n - done);
	if (lo < cal->len && t >= cal->marks[lo].day)
		return cal->marks[lo].day;
	return t;
}

rv_date calendar_add_workdays(const struct calendar *cal, rv_date from, int n)
{
	struct calendar empty = { 0 };
	int64_t t;

	if (!date_valid(from))
		return RV_DATE_NONE;
	if (n <= 0)
		return from;
	t = add_core(cal ? cal : &empty, from, n);
	return t <= RV_DATE_LAST ? (rv_date)t : RV_DATE_NONE;
}

int calendar_workdays_between(const struct calendar *cal, rv_date from, rv_date to)
{
	struct calendar empty = { 0 };

	if (!date_valid(from) || !date_valid(to) || to <= from)
		return 0;
	return (int)count_between(cal ? cal : &empty, from, to);
}

rv_date calendar_roll_forward(const struct calendar *cal, rv_date d)
{
	struct calendar empty = { 0 };
	int64_t t;

	if (!date_valid(d))
		return RV_DATE_NONE;
	t = add_core(cal ? cal : &empty, (int64_t)d - 1, 1);
	return t <= RV_DATE_LAST ? (rv_date)t : RV_DATE_NONE;
}
