/* test_calendar.c — unit tests for the working-day calendar of date.h.
 *
 * The official 2025 and 2026 schedules (data/holidays-vn.csv) are embedded
 * below so the tests do not depend on files; test_table_matches_csv checks
 * that the copy has not drifted from the data file when that file can be
 * found (ROVIEC_SOURCE_ROOT, default "."), and is skipped otherwise.
 *
 * Every fast path is compared with a naive reference written here, which
 * walks day by day over a plain array of kinds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* ---- the official schedules ---- */

struct holiday {
	const char *iso;
	enum day_kind kind;
};

static const struct holiday vn_2025_2026[] = {
	{ "2025-01-01", DAY_OFF },  /* Tết Dương lịch */
	{ "2025-01-25", DAY_OFF },  /* Tết Nguyên đán 25/01–02/02 */
	{ "2025-01-26", DAY_OFF },
	{ "2025-01-27", DAY_OFF },
	{ "2025-01-28", DAY_OFF },
	{ "2025-01-29", DAY_OFF },
	{ "2025-01-30", DAY_OFF },
	{ "2025-01-31", DAY_OFF },
	{ "2025-02-01", DAY_OFF },
	{ "2025-02-02", DAY_OFF },
	{ "2025-04-07", DAY_OFF },  /* Giỗ Tổ Hùng Vương */
	{ "2025-04-26", DAY_WORK }, /* làm bù for 02/05/2025 */
	{ "2025-04-30", DAY_OFF },
	{ "2025-05-01", DAY_OFF },
	{ "2025-05-02", DAY_OFF },  /* swapped, worked on Sat 26/04 */
	{ "2025-09-01", DAY_OFF },
	{ "2025-09-02", DAY_OFF },
	{ "2026-01-01", DAY_OFF },
	{ "2026-01-02", DAY_OFF },  /* swapped, worked on Sat 10/01 */
	{ "2026-01-10", DAY_WORK }, /* làm bù for 02/01/2026 */
	{ "2026-02-14", DAY_OFF },  /* Tết Nguyên đán 14/02–22/02 */
	{ "2026-02-15", DAY_OFF },
	{ "2026-02-16", DAY_OFF },
	{ "2026-02-17", DAY_OFF },
	{ "2026-02-18", DAY_OFF },
	{ "2026-02-19", DAY_OFF },
	{ "2026-02-20", DAY_OFF },
	{ "2026-02-21", DAY_OFF },
	{ "2026-02-22", DAY_OFF },
	{ "2026-04-27", DAY_OFF },  /* Hùng Kings' Day, compensatory */
	{ "2026-04-30", DAY_OFF },
	{ "2026-05-01", DAY_OFF },
	{ "2026-08-22", DAY_WORK }, /* làm bù for 31/08/2026 */
	{ "2026-08-31", DAY_OFF },  /* swapped, worked on Sat 22/08 */
	{ "2026-09-01", DAY_OFF },
	{ "2026-09-02", DAY_OFF },
};

#define N_HOLIDAYS (sizeof(vn_2025_2026) / sizeof(vn_2025_2026[0]))

static rv_date dmy(int d, int m, int y)
{
	rv_date r = date_from_ymd(y, m, d);

	assert_int_not_equal(r, RV_DATE_NONE);
	return r;
}

static rv_date iso(const char *s)
{
	rv_date r = RV_DATE_NONE;

	assert_true(date_parse_iso(s, &r));
	return r;
}

/* A calendar holding the 2025 and 2026 schedules.  Rows are inserted in
 * reverse order on purpose: calendar_set must keep its own order. */
static struct calendar *vn_calendar(void)
{
	struct calendar *cal = calendar_new();

	assert_non_null(cal);
	for (size_t i = N_HOLIDAYS; i-- > 0;)
		assert_true(calendar_set(cal, iso(vn_2025_2026[i].iso), vn_2025_2026[i].kind));
	return cal;
}

static int setup_vn(void **state)
{
	*state = vn_calendar();
	return 0;
}

static int teardown_cal(void **state)
{
	struct calendar *cal = *state;

	calendar_free(&cal);
	return 0;
}

/* ---- the naive reference: one kind per day, walked day by day ---- */

struct naive {
	signed char kind[RV_DATE_LAST - RV_DATE_FIRST + 1];
};

static struct naive *naive_new(void)
{
	struct naive *nv = calloc(1, sizeof(*nv));

	assert_non_null(nv);
	return nv;
}

static void naive_set(struct naive *nv, rv_date d, enum day_kind k)
{
	nv->kind[d - RV_DATE_FIRST] = (signed char)k;
}

static struct naive *naive_vn(void)
{
	struct naive *nv = naive_new();

	for (size_t i = 0; i < N_HOLIDAYS; i++)
		naive_set(nv, iso(vn_2025_2026[i].iso), vn_2025_2026[i].kind);
	return nv;
}

static bool naive_workday(const struct naive *nv, rv_date d)
{
	/* 1970-01-01 (day 0) was a Thursday; 0 = Monday. */
	int wd = (int)((((int64_t)d % 7) + 7 + 3) % 7);

	if (d < RV_DATE_FIRST || d > RV_DATE_LAST)
		return false;
	switch (nv->kind[d - RV_DATE_FIRST]) {
	case DAY_OFF:
		return false;
	case DAY_WORK:
		return true;
	default:
		return wd < 5;
	}
}

static rv_date naive_add(const struct naive *nv, rv_date from, int n)
{
	rv_date d = from;

	while (n > 0) {
		if (d >= RV_DATE_LAST)
			return RV_DATE_NONE;
		d++;
		if (naive_workday(nv, d))
			n--;
	}
	return d;
}

static int naive_between(const struct naive *nv, rv_date from, rv_date to)
{
	int n = 0;

	for (rv_date d = from + 1; d <= to; d++)
		n += naive_workday(nv, d);
	return n;
}

static rv_date naive_roll(const struct naive *nv, rv_date d)
{
	for (; d <= RV_DATE_LAST; d++)
		if (naive_workday(nv, d))
			return d;
	return RV_DATE_NONE;
}

/* Working days in [RV_DATE_FIRST, d], for every d: the naive walk stored,
 * so random spans anywhere in 1900..2200 can be checked cheaply. */
static int32_t *naive_prefix(const struct naive *nv)
{
	size_t n = (size_t)(RV_DATE_LAST - RV_DATE_FIRST + 1);
	int32_t *p = malloc(n * sizeof(*p));
	int32_t run = 0;

	assert_non_null(p);
	for (size_t i = 0; i < n; i++) {
		run += naive_workday(nv, (rv_date)(RV_DATE_FIRST + (int32_t)i));
		p[i] = run;
	}
	return p;
}

#define PREFIX(p, d) ((p)[(d) - RV_DATE_FIRST])

/* xorshift64*: a small deterministic generator for the random checks. */
static uint64_t next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static int32_t random_in(uint64_t *s, int32_t lo, int32_t hi)
{
	return lo + (int32_t)(next_random(s) % (uint64_t)((int64_t)hi - lo + 1));
}

/* Compares every calendar query with the reference on days lo … hi, adding
 * up to max_n working days and counting over spans up to max_span. */
static void compare_window(const struct calendar *cal, const struct naive *nv,
			   rv_date lo, rv_date hi, int max_n, int max_span)
{
	for (rv_date d = lo; d <= hi; d++) {
		assert_int_equal(calendar_is_workday(cal, d), naive_workday(nv, d));
		assert_int_equal(calendar_roll_forward(cal, d), naive_roll(nv, d));
		for (int n = 0; n <= max_n; n++) {
			rv_date want = naive_add(nv, d, n), got = calendar_add_workdays(cal, d, n);

			if (got != want)
				fail_msg("add(%d, %d) = %d, want %d", (int)d, n, (int)got, (int)want);
		}
		for (int span = -2; span <= max_span; span++) {
			rv_date to = d + span;

			if (to > RV_DATE_LAST)
				break;
			if (calendar_workdays_between(cal, d, to) != naive_between(nv, d, to))
				fail_msg("between(%d, %d) = %d, want %d", (int)d, (int)to,
				         calendar_workdays_between(cal, d, to),
				         naive_between(nv, d, to));
		}
	}
}

/* Random spans and additions anywhere in 1900..2200, checked against the
 * reference prefix: add(from, n) must be a working day t with exactly n
 * working days in (from, t]. */
static void compare_random(const struct calendar *cal, const struct naive *nv,
			   uint64_t seed, int rounds)
{
	int32_t *p = naive_prefix(nv);
	uint64_t s = seed;

	for (int i = 0; i < rounds; i++) {
		rv_date a = random_in(&s, RV_DATE_FIRST, RV_DATE_LAST);
		rv_date b = (i % 2) ? random_in(&s, RV_DATE_FIRST, RV_DATE_LAST)
		                    : (rv_date)(a + random_in(&s, 0, 3000));
		int n = (i % 3) ? random_in(&s, 1, 4000) : random_in(&s, 1, 80000);
		rv_date t;

		if (b > RV_DATE_LAST)
			b = RV_DATE_LAST;
		assert_int_equal(calendar_workdays_between(cal, a, b),
		                 b > a ? PREFIX(p, b) - PREFIX(p, a) : 0);
		t = calendar_add_workdays(cal, a, n);
		if (t == RV_DATE_NONE) {
			assert_true(PREFIX(p, RV_DATE_LAST) - PREFIX(p, a) < n);
		} else {
			assert_true(t > a && naive_workday(nv, t));
			assert_int_equal(PREFIX(p, t) - PREFIX(p, a), n);
		}
	}
	free(p);
}

/* ---- degenerate and hostile cases ---- */

static void test_free_null(void **state)
{
	struct calendar *cal = NULL;

	(void)state;
	calendar_free(NULL);
	calendar_free(&cal);
	assert_null(cal);
	cal = calendar_new();
	assert_non_null(cal);
	calendar_free(&cal);
	assert_null(cal);
	calendar_free(&cal);
}

static void test_set_refuses(void **state)
{
	struct calendar *cal = calendar_new();

	(void)state;
	assert_non_null(cal);
	assert_false(calendar_set(NULL, dmy(1, 1, 2026), DAY_OFF));
	assert_false(calendar_set(cal, RV_DATE_NONE, DAY_OFF));
	assert_false(calendar_set(cal, RV_DATE_FIRST - 1, DAY_OFF));
	assert_false(calendar_set(cal, RV_DATE_LAST + 1, DAY_WORK));
	assert_false(calendar_set(cal, dmy(1, 1, 2026), (enum day_kind)3));
	assert_false(calendar_set(cal, dmy(1, 1, 2026), (enum day_kind)-1));
	assert_true(calendar_set(cal, dmy(1, 1, 2026), DAY_NORMAL)); /* absent */
	assert_int_equal(calendar_get(cal, dmy(1, 1, 2026)), DAY_NORMAL);
	assert_int_equal(calendar_get(cal, RV_DATE_NONE), DAY_NORMAL);
	assert_int_equal(calendar_get(NULL, dmy(1, 1, 2026)), DAY_NORMAL);
	assert_false(calendar_is_workday(cal, RV_DATE_NONE));
	assert_false(calendar_is_workday(cal, RV_DATE_LAST + 1));
	calendar_free(&cal);
}

static void test_invalid_arguments(void **state)
{
	const struct calendar *cal = *state;
	rv_date d = dmy(8, 1, 2026);

	assert_int_equal(calendar_add_workdays(cal, RV_DATE_NONE, 3), RV_DATE_NONE);
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_NONE, 0), RV_DATE_NONE);
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_LAST + 1, 1), RV_DATE_NONE);
	assert_int_equal(calendar_workdays_between(cal, RV_DATE_NONE, d), 0);
	assert_int_equal(calendar_workdays_between(cal, d, RV_DATE_NONE), 0);
	assert_int_equal(calendar_workdays_between(cal, d, INT32_MAX), 0);
	assert_int_equal(calendar_roll_forward(cal, RV_DATE_NONE), RV_DATE_NONE);
	assert_int_equal(calendar_roll_forward(cal, INT32_MAX), RV_DATE_NONE);
	/* No overflow whatever n. */
	assert_int_equal(calendar_add_workdays(cal, d, INT_MAX), RV_DATE_NONE);
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_LAST, INT_MAX), RV_DATE_NONE);
	assert_int_equal(calendar_add_workdays(cal, d, INT_MIN), d);
}

static void test_empty_calendar(void **state)
{
	struct calendar *cal = calendar_new();
	rv_date fri = dmy(16, 1, 2026), mon = dmy(19, 1, 2026);

	(void)state;
	assert_non_null(cal);
	/* Plain weeks, with the calendar and with NULL alike. */
	assert_int_equal(calendar_add_workdays(cal, fri, 1), mon);
	assert_int_equal(calendar_add_workdays(NULL, fri, 1), mon);
	assert_int_equal(calendar_add_workdays(NULL, fri, 5), fri + 7);
	assert_int_equal(calendar_add_workdays(cal, fri - 1, 1), fri);
	assert_int_equal(calendar_workdays_between(cal, fri, mon), 1);
	assert_int_equal(calendar_workdays_between(NULL, fri, mon), 1);
	assert_int_equal(calendar_workdays_between(NULL, fri - 4, fri + 3), 5);
	assert_int_equal(calendar_roll_forward(NULL, fri + 1), mon);
	assert_true(calendar_is_workday(NULL, fri));
	assert_false(calendar_is_workday(NULL, fri + 1));
	/* 1970-01-01 was a Thursday; 1900-01-01 a Monday. */
	assert_int_equal(calendar_add_workdays(cal, 0, 1), 1);
	assert_int_equal(calendar_add_workdays(cal, 0, 2), 4);
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_FIRST, 4), RV_DATE_FIRST + 4);
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_FIRST, 5), RV_DATE_FIRST + 7);
	calendar_free(&cal);
}

static void test_set_overwrite_remove(void **state)
{
	struct calendar *cal = calendar_new();
	rv_date sat = dmy(17, 1, 2026), mon = dmy(19, 1, 2026), fri = dmy(16, 1, 2026);

	(void)state;
	assert_non_null(cal);
	assert_true(calendar_set(cal, mon, DAY_OFF));
	assert_true(calendar_set(cal, sat, DAY_WORK));
	assert_int_equal(calendar_get(cal, sat), DAY_WORK);
	assert_int_equal(calendar_get(cal, mon), DAY_OFF);
	assert_int_equal(calendar_add_workdays(cal, fri, 1), sat);
	assert_int_equal(calendar_add_workdays(cal, fri, 2), mon + 1);
	assert_int_equal(calendar_workdays_between(cal, fri, mon + 1), 2);
	/* Overwrite: the Saturday becomes an (already) rest day. */
	assert_true(calendar_set(cal, sat, DAY_OFF));
	assert_int_equal(calendar_get(cal, sat), DAY_OFF);
	assert_int_equal(calendar_add_workdays(cal, fri, 1), mon + 1);
	/* Remove both marks: plain week again. */
	assert_true(calendar_set(cal, sat, DAY_NORMAL));
	assert_true(calendar_set(cal, mon, DAY_NORMAL));
	assert_int_equal(calendar_get(cal, sat), DAY_NORMAL);
	assert_int_equal(calendar_add_workdays(cal, fri, 1), mon);
	assert_int_equal(calendar_workdays_between(cal, fri, mon + 1), 2);
	/* Redundant marks are kept and change nothing. */
	assert_true(calendar_set(cal, mon, DAY_WORK));
	assert_true(calendar_set(cal, sat + 1, DAY_OFF));
	assert_int_equal(calendar_get(cal, mon), DAY_WORK);
	assert_int_equal(calendar_get(cal, sat + 1), DAY_OFF);
	assert_int_equal(calendar_add_workdays(cal, fri, 1), mon);
	assert_int_equal(calendar_workdays_between(cal, fri, mon), 1);
	/* Marks on the very first and last supported days. */
	assert_true(calendar_set(cal, RV_DATE_FIRST, DAY_OFF));
	assert_true(calendar_set(cal, RV_DATE_LAST, DAY_OFF));
	assert_false(calendar_is_workday(cal, RV_DATE_FIRST));
	assert_int_equal(calendar_roll_forward(cal, RV_DATE_FIRST), RV_DATE_FIRST + 1);
	assert_int_equal(calendar_roll_forward(cal, RV_DATE_LAST), RV_DATE_NONE);
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_LAST - 1, 1), RV_DATE_NONE);
	calendar_free(&cal);
}

/* ---- the 2025/2026 schedule ---- */

static void test_worked_examples(void **state)
{
	const struct calendar *cal = *state;

	/* Received Thu 08/01/2026: Fri 09, Sat 10 (làm bù), Mon 12. */
	assert_true(calendar_is_workday(cal, dmy(10, 1, 2026)));
	assert_false(calendar_is_workday(cal, dmy(2, 1, 2026)));
	assert_int_equal(calendar_add_workdays(cal, dmy(8, 1, 2026), 3), dmy(12, 1, 2026));
	/* Wed 11/02/2026 + 10 skips Tết 14–22/02. */
	assert_int_equal(calendar_add_workdays(cal, dmy(11, 2, 2026), 10), dmy(4, 3, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(11, 2, 2026), 2), dmy(13, 2, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(11, 2, 2026), 3), dmy(23, 2, 2026));
	/* The law's defaults, from Thu 08/01/2026. */
	assert_int_equal(calendar_add_workdays(cal, dmy(8, 1, 2026), 5), dmy(14, 1, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(8, 1, 2026), 15), dmy(28, 1, 2026));
}

static void test_makeup_saturday_22_08_2026(void **state)
{
	const struct calendar *cal = *state;

	/* Sat 22/08/2026 is worked in exchange for Mon 31/08/2026. */
	assert_int_equal(calendar_get(cal, dmy(22, 8, 2026)), DAY_WORK);
	assert_int_equal(calendar_get(cal, dmy(31, 8, 2026)), DAY_OFF);
	assert_true(calendar_is_workday(cal, dmy(22, 8, 2026)));
	assert_false(calendar_is_workday(cal, dmy(23, 8, 2026)));
	assert_false(calendar_is_workday(cal, dmy(31, 8, 2026)));
	/* The Saturday side. */
	assert_int_equal(calendar_add_workdays(cal, dmy(21, 8, 2026), 1), dmy(22, 8, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(20, 8, 2026), 2), dmy(22, 8, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(20, 8, 2026), 3), dmy(24, 8, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(22, 8, 2026), 1), dmy(24, 8, 2026));
	assert_int_equal(calendar_workdays_between(cal, dmy(21, 8, 2026), dmy(24, 8, 2026)), 2);
	assert_int_equal(calendar_workdays_between(cal, dmy(21, 8, 2026), dmy(22, 8, 2026)), 1);
	/* The Monday side: 31/08 swapped, then 01–02/09 National Day. */
	assert_int_equal(calendar_add_workdays(cal, dmy(28, 8, 2026), 1), dmy(3, 9, 2026));
	assert_int_equal(calendar_workdays_between(cal, dmy(28, 8, 2026), dmy(2, 9, 2026)), 0);
	/* The swap as a whole: 15 plain weekdays, one Saturday gained, three
	 * weekdays lost. */
	assert_int_equal(calendar_workdays_between(cal, dmy(14, 8, 2026), dmy(4, 9, 2026)), 13);
	assert_int_equal(calendar_workdays_between(NULL, dmy(14, 8, 2026), dmy(4, 9, 2026)), 15);
}

static void test_labour_and_national_days(void **state)
{
	const struct calendar *cal = *state;

	/* 2026: Mon 27/04 (Hùng Kings, compensatory), Thu 30/04, Fri 01/05. */
	assert_int_equal(calendar_add_workdays(cal, dmy(24, 4, 2026), 1), dmy(28, 4, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(29, 4, 2026), 1), dmy(4, 5, 2026));
	assert_int_equal(calendar_workdays_between(cal, dmy(24, 4, 2026), dmy(4, 5, 2026)), 3);
	/* 2025: Wed 30/04, Thu 01/05, Fri 02/05 off; Sat 26/04 worked. */
	assert_int_equal(calendar_add_workdays(cal, dmy(25, 4, 2025), 1), dmy(26, 4, 2025));
	assert_int_equal(calendar_add_workdays(cal, dmy(29, 4, 2025), 1), dmy(5, 5, 2025));
	assert_int_equal(calendar_workdays_between(cal, dmy(25, 4, 2025), dmy(5, 5, 2025)), 4);
	/* 02/09: Mon 01 and Tue 02/09/2025 off; Tue 01 and Wed 02/09/2026. */
	assert_int_equal(calendar_add_workdays(cal, dmy(29, 8, 2025), 1), dmy(3, 9, 2025));
	assert_false(calendar_is_workday(cal, dmy(2, 9, 2026)));
	assert_int_equal(calendar_add_workdays(cal, dmy(2, 9, 2026), 1), dmy(3, 9, 2026));
	/* Tết 2025: Sat 25/01 … Sun 02/02. */
	assert_int_equal(calendar_add_workdays(cal, dmy(24, 1, 2025), 1), dmy(3, 2, 2025));
}

static void test_year_boundary(void **state)
{
	const struct calendar *cal = *state;

	/* Tue 30/12/2025: Wed 31/12, (01 and 02/01 off), Mon 05, Tue 06. */
	assert_int_equal(calendar_add_workdays(cal, dmy(30, 12, 2025), 3), dmy(6, 1, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(31, 12, 2025), 1), dmy(5, 1, 2026));
	assert_int_equal(calendar_workdays_between(cal, dmy(30, 12, 2025), dmy(12, 1, 2026)), 8);
	/* Tue 31/12/2024 → Thu 02/01/2025 (New Year's Day off). */
	assert_int_equal(calendar_add_workdays(cal, dmy(31, 12, 2024), 1), dmy(2, 1, 2025));
	/* A whole year of each schedule. */
	assert_int_equal(calendar_workdays_between(cal, dmy(31, 12, 2024), dmy(31, 12, 2025)),
	                 261 - 12 + 1);
	assert_int_equal(calendar_workdays_between(cal, dmy(31, 12, 2025), dmy(31, 12, 2026)),
	                 261 - 13 + 2);
}

static void test_add_edges(void **state)
{
	const struct calendar *cal = *state;
	struct naive *nv = naive_vn();
	rv_date thu = dmy(8, 1, 2026);

	assert_int_equal(calendar_add_workdays(cal, thu, 0), thu);
	assert_int_equal(calendar_add_workdays(cal, thu, -1), thu);
	assert_int_equal(calendar_add_workdays(cal, dmy(2, 1, 2026), 0), dmy(2, 1, 2026));
	assert_int_equal(calendar_add_workdays(cal, thu, 1), dmy(9, 1, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(9, 1, 2026), 1), dmy(10, 1, 2026));
	assert_int_equal(calendar_add_workdays(cal, dmy(13, 2, 2026), 1), dmy(23, 2, 2026));
	/* Counting from a rest day starts the day after it all the same. */
	assert_int_equal(calendar_add_workdays(cal, dmy(17, 2, 2026), 1), dmy(23, 2, 2026));
	assert_int_equal(calendar_add_workdays(cal, thu, 3650), naive_add(nv, thu, 3650));
	assert_int_equal(calendar_add_workdays(cal, dmy(1, 6, 2024), 3650),
	                 naive_add(nv, dmy(1, 6, 2024), 3650));
	/* Past 31/12/2200. */
	assert_int_equal(calendar_add_workdays(cal, RV_DATE_LAST - 10, 100), RV_DATE_NONE);
	free(nv);
}

static void test_between_overdue(void **state)
{
	const struct calendar *cal = *state;

	/* Deadline Fri, today Mon: one working day late. */
	assert_int_equal(calendar_workdays_between(cal, dmy(16, 1, 2026), dmy(19, 1, 2026)), 1);
	/* … two when the Saturday between is worked. */
	assert_int_equal(calendar_workdays_between(cal, dmy(9, 1, 2026), dmy(12, 1, 2026)), 2);
	/* Same day, and today before the deadline. */
	assert_int_equal(calendar_workdays_between(cal, dmy(16, 1, 2026), dmy(16, 1, 2026)), 0);
	assert_int_equal(calendar_workdays_between(cal, dmy(19, 1, 2026), dmy(16, 1, 2026)), 0);
	assert_int_equal(calendar_workdays_between(cal, dmy(19, 1, 2026), dmy(18, 1, 2026)), 0);
	/* Across Tết: deadline Fri 13/02, today Mon 23/02 then Wed 04/03. */
	assert_int_equal(calendar_workdays_between(cal, dmy(13, 2, 2026), dmy(22, 2, 2026)), 0);
	assert_int_equal(calendar_workdays_between(cal, dmy(13, 2, 2026), dmy(23, 2, 2026)), 1);
	assert_int_equal(calendar_workdays_between(cal, dmy(13, 2, 2026), dmy(4, 3, 2026)), 8);
	assert_int_equal(calendar_workdays_between(cal, dmy(11, 2, 2026), dmy(4, 3, 2026)), 10);
}

static void test_roll_forward(void **state)
{
	const struct calendar *cal = *state;

	assert_int_equal(calendar_roll_forward(cal, dmy(17, 1, 2026)), dmy(19, 1, 2026)); /* Sat */
	assert_int_equal(calendar_roll_forward(cal, dmy(18, 1, 2026)), dmy(19, 1, 2026)); /* Sun */
	assert_int_equal(calendar_roll_forward(cal, dmy(19, 1, 2026)), dmy(19, 1, 2026)); /* Mon */
	assert_int_equal(calendar_roll_forward(cal, dmy(17, 2, 2026)), dmy(23, 2, 2026)); /* Tết */
	assert_int_equal(calendar_roll_forward(cal, dmy(14, 2, 2026)), dmy(23, 2, 2026)); /* Tết Sat */
	assert_int_equal(calendar_roll_forward(cal, dmy(10, 1, 2026)), dmy(10, 1, 2026)); /* làm bù */
	assert_int_equal(calendar_roll_forward(cal, dmy(22, 8, 2026)), dmy(22, 8, 2026)); /* làm bù */
	assert_int_equal(calendar_roll_forward(cal, dmy(2, 1, 2026)), dmy(5, 1, 2026));   /* swapped */
	assert_int_equal(calendar_roll_forward(cal, dmy(29, 8, 2026)), dmy(3, 9, 2026));
	assert_int_equal(calendar_roll_forward(cal, RV_DATE_LAST),
	                 calendar_is_workday(cal, RV_DATE_LAST) ? RV_DATE_LAST : RV_DATE_NONE);
}

/* ---- against the naive reference ---- */

static void test_vs_naive_around_schedule(void **state)
{
	const struct calendar *cal = *state;
	struct naive *nv = naive_vn();

	compare_window(cal, nv, dmy(1, 11, 2024), dmy(31, 1, 2027), 45, 70);
	free(nv);
}

static void test_vs_naive_100_years(void **state)
{
	const struct calendar *cal = *state;
	struct naive *nv = naive_vn();
	rv_date a = dmy(1, 1, 1950), b = dmy(1, 1, 2050);
	int want = naive_between(nv, a, b);

	assert_int_equal(calendar_workdays_between(cal, a, b), want);
	assert_int_equal(calendar_add_workdays(cal, a, want), naive_add(nv, a, want));
	assert_int_equal(calendar_workdays_between(cal, RV_DATE_FIRST, RV_DATE_LAST),
	                 naive_between(nv, RV_DATE_FIRST, RV_DATE_LAST));
	compare_random(cal, nv, 0x9e3779b97f4a7c15ULL, 20000);
	free(nv);
}

/* A random, dense calendar: about one day in four marked, both kinds on
 * every weekday, some marks then overwritten or removed. */
static void test_random_calendar_vs_naive(void **state)
{
	struct calendar *cal = calendar_new();
	struct naive *nv = naive_new();
	rv_date lo = dmy(1, 1, 2000), hi = dmy(31, 12, 2003);
	uint64_t s = 42;

	(void)state;
	assert_non_null(cal);
	for (int round = 0; round < 3; round++) {
		for (rv_date d = lo; d <= hi; d++) {
			uint64_t r = next_random(&s) % 16;
			enum day_kind k = r < 2 ? DAY_OFF : r < 4 ? DAY_WORK : DAY_NORMAL;

			if (r >= 5)
				continue; /* leave the day as it is */
			assert_true(calendar_set(cal, d, k));
			naive_set(nv, d, k);
		}
	}
	for (rv_date d = lo; d <= hi; d++)
		assert_int_equal(calendar_get(cal, d), nv->kind[d - RV_DATE_FIRST]);
	compare_window(cal, nv, lo - 20, hi + 20, 30, 40);
	compare_random(cal, nv, 7, 5000);
	calendar_free(&cal);
	free(nv);
}

/* ---- the embedded table against data/holidays-vn.csv ---- */

static void test_table_matches_csv(void **state)
{
	const char *root = getenv("ROVIEC_SOURCE_ROOT");
	char path[4096], line[512];
	size_t row = 0;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/data/holidays-vn.csv", root && *root ? root : ".");
	f = fopen(path, "r");
	if (!f) {
		print_message("skipped: %s not found\n", path);
		skip();
	}
	while (fgets(line, sizeof(line), f)) {
		char *comma = strchr(line, ',');
		bool ours = strncmp(line, "2025-", 5) == 0 || strncmp(line, "2026-", 5) == 0;
		enum day_kind k;

		if (!comma || !ours)
			continue;
		*comma = '\0';
		k = strncmp(comma + 1, "work,", 5) == 0 ? DAY_WORK
		  : strncmp(comma + 1, "off,", 4) == 0 ? DAY_OFF : DAY_NORMAL;
		assert_true(row < N_HOLIDAYS);
		assert_string_equal(line, vn_2025_2026[row].iso);
		assert_int_equal(k, vn_2025_2026[row].kind);
		row++;
	}
	fclose(f);
	assert_int_equal(row, N_HOLIDAYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_set_refuses),
		cmocka_unit_test_setup_teardown(test_invalid_arguments, setup_vn, teardown_cal),
		cmocka_unit_test(test_empty_calendar),
		cmocka_unit_test(test_set_overwrite_remove),
		cmocka_unit_test_setup_teardown(test_worked_examples, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_makeup_saturday_22_08_2026, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_labour_and_national_days, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_year_boundary, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_add_edges, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_between_overdue, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_roll_forward, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_vs_naive_around_schedule, setup_vn, teardown_cal),
		cmocka_unit_test_setup_teardown(test_vs_naive_100_years, setup_vn, teardown_cal),
		cmocka_unit_test(test_random_calendar_vs_naive),
		cmocka_unit_test(test_table_matches_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
