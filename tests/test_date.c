/* test_date.c — unit tests for the date half of date.h: day numbers,
 * parsing, formatting and the pinned clock.  Degenerate and hostile cases
 * first, then the exhaustive round trip over 1900..2200. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

/* Day number of Thu 08/01/2026, worked out by hand: 56 years of 365 days
 * since 1970 plus 14 leap days (1972 … 2024), plus 7. */
#define THU_08_01_2026 20461

/* ---- date_from_ymd / date_to_ymd / date_weekday ---- */

static void test_from_ymd_refuses(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(2026, 0, 1), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, 13, 1), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, 1, 0), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, 1, 32), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, 2, 29), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, 4, 31), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, -1, 1), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2026, 1, -1), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(1899, 12, 31), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2201, 1, 1), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(INT_MIN, 1, 1), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(INT_MAX, INT_MAX, INT_MAX), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(0, 0, 0), RV_DATE_NONE);
}

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(1900, 1, 1), RV_DATE_FIRST);
	assert_int_equal(date_from_ymd(2200, 12, 31), RV_DATE_LAST);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2026, 1, 8), THU_08_01_2026);
	assert_true(date_valid(RV_DATE_FIRST));
	assert_true(date_valid(RV_DATE_LAST));
	assert_false(date_valid(RV_DATE_FIRST - 1));
	assert_false(date_valid(RV_DATE_LAST + 1));
	assert_false(date_valid(RV_DATE_NONE));
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1900, 2, 29), RV_DATE_NONE);
	assert_int_not_equal(date_from_ymd(2000, 2, 29), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2100, 2, 29), RV_DATE_NONE);
	assert_int_equal(date_from_ymd(2200, 2, 29), RV_DATE_NONE);
	assert_int_not_equal(date_from_ymd(2024, 2, 29), RV_DATE_NONE);
	assert_int_not_equal(date_from_ymd(1904, 2, 29), RV_DATE_NONE);
	/* Year lengths through the date arithmetic itself. */
	assert_int_equal(date_from_ymd(1901, 1, 1) - date_from_ymd(1900, 1, 1), 365);
	assert_int_equal(date_from_ymd(2001, 1, 1) - date_from_ymd(2000, 1, 1), 366);
	assert_int_equal(date_from_ymd(2101, 1, 1) - date_from_ymd(2100, 1, 1), 365);
}

static void test_to_ymd_degenerate(void **state)
{
	int y = 7, m = 7, d = 7;

	(void)state;
	date_to_ymd(RV_DATE_NONE, &y, &m, &d);
	assert_int_equal(y, 0);
	assert_int_equal(m, 0);
	assert_int_equal(d, 0);
	date_to_ymd(0, NULL, NULL, NULL); /* harmless */
	date_to_ymd(0, NULL, &m, NULL);
	assert_int_equal(m, 1);
	/* Proleptic outside the supported range, without overflow. */
	date_to_ymd(INT32_MAX, &y, &m, &d);
	assert_true(y > 5000000 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	date_to_ymd(INT32_MIN + 1, &y, &m, &d);
	assert_true(y < -5000000 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
	date_to_ymd(RV_DATE_FIRST - 1, &y, &m, &d);
	assert_int_equal(y, 1899);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(RV_DATE_NONE), -1);
	assert_int_equal(date_weekday(date_from_ymd(1970, 1, 1)), 3); /* Thu */
	assert_int_equal(date_weekday(date_from_ymd(2026, 1, 8)), 3); /* Thu */
	assert_int_equal(date_weekday(date_from_ymd(1900, 1, 1)), 0); /* Mon */
	assert_int_equal(date_weekday(date_from_ymd(2000, 1, 1)), 5); /* Sat */
	assert_int_equal(date_weekday(date_from_ymd(2026, 1, 10)), 5); /* Sat */
	assert_int_equal(date_weekday(date_from_ymd(2026, 2, 17)), 1); /* Tue */
	assert_int_equal(date_weekday(date_from_ymd(2026, 8, 22)), 5); /* Sat */
	assert_int_equal(date_weekday(date_from_ymd(2026, 8, 31)), 0); /* Mon */
	assert_int_equal(date_weekday(-1), 2);                          /* Wed */
	assert_int_equal(date_weekday(INT32_MAX), (int)(((int64_t)INT32_MAX + 3) % 7));
}

/* ---- date_parse / date_parse_iso ---- */

static void expect_parse(const char *s, int y, int m, int d)
{
	rv_date r = RV_DATE_NONE;

	if (!date_parse(s, &r))
		fail_msg("date_parse refused \"%s\"", s);
	assert_int_equal(r, date_from_ymd(y, m, d));
}

static void expect_refused(const char *s)
{
	rv_date r = 12345;

	if (date_parse(s, &r))
		fail_msg("date_parse accepted \"%s\"", s ? s : "(null)");
	assert_int_equal(r, 12345); /* untouched on failure */
	if (date_parse_iso(s, &r))
		fail_msg("date_parse_iso accepted \"%s\"", s ? s : "(null)");
	assert_int_equal(r, 12345);
}

static void test_parse_refuses(void **state)
{
	static const char *const bad[] = {
		"", " ", "\t \t", "/", "//", "--", "-", "0", "2026",
		"31/02/2026", "29/02/2025", "29/02/1900", "29/02/2100",
		"31/04/2026", "32/01/2026", "00/01/2026", "01/00/2026",
		"01/13/2026", "0/1/2026", "1/0/2026",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-02-30",
		"1/1/26", "1/1/026", "1/1/02026", "001/01/2026", "01/001/2026",
		"2026-1-1", "2026-01-1", "2026-1-01", "26-01-01", "02026-01-01",
		"2026-001-01", "2026-01-001",
		"12/01/2026x", "x12/01/2026", "12/01/2026 x", "12/01/2026.",
		"+1/01/2026", "-1/01/2026", "1/-1/2026", "1/1/-2026", "1/1/+2026",
		"+2026-01-01", "-2026-01-01",
		" 1 / 1 / 2026", "1 /1/2026", "1/ 1/2026", "1/1/ 2026",
		"2026 -01-01", "2026- 01-01",
		"2026/01/08", "08-01-2026", "08.01.2026", "08/01-2026",
		"2026-01/08", "2026-01-08T00:00", "2026-01-08 00:00",
		"01/01/1899", "31/12/2201", "1899-12-31", "2201-01-01",
		"01/01/0000", "0000-01-01",
		"99999999999999999999/01/2026",
		"01/99999999999999999999999999999/2026",
		"01/01/99999999999999999999999999999999999999",
		"99999999999999999999999999999999-01-01",
		"4294967297/1/2026", "1/4294967297/2026", "1/1/4294967297",
		"2026-01-08\n", "\n2026-01-08", "2026-01-08\r",
		"\302\2402026-01-08",                      /* no-break space */
		"\xef\xbc\x90\xef\xbc\x98/01/2026",       /* full-width 08 */
		"2026-01-08\xc2\xa0",
		"١/١/٢٠٢٦",                               /* Arabic-Indic digits */
	};

	(void)state;
	expect_refused(NULL);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_refused(bad[i]);
	assert_false(date_parse(NULL, NULL));
	assert_false(date_parse_iso(NULL, NULL));
}

static void test_parse_huge_input(void **state)
{
	size_t n = 1 << 20;
	char *s = malloc(n + 16);

	(void)state;
	assert_non_null(s);
	memset(s, '9', n);
	strcpy(s + n, "/01/2026");
	expect_refused(s);
	memset(s, ' ', n);
	strcpy(s + n, "08/01/2026");
	expect_parse(s, 2026, 1, 8);
	free(s);
}

static void test_parse_accepts(void **state)
{
	(void)state;
	expect_parse("08/01/2026", 2026, 1, 8);
	expect_parse("8/1/2026", 2026, 1, 8);
	expect_parse("08/1/2026", 2026, 1, 8);
	expect_parse("8/01/2026", 2026, 1, 8);
	expect_parse("2026-01-08", 2026, 1, 8);
	expect_parse("  08/01/2026\t", 2026, 1, 8);
	expect_parse("\t 2026-01-08  ", 2026, 1, 8);
	expect_parse("29/02/2024", 2024, 2, 29);
	expect_parse("29/02/2000", 2000, 2, 29);
	expect_parse("31/12/2026", 2026, 12, 31);
	expect_parse("01/01/1900", 1900, 1, 1);
	expect_parse("31/12/2200", 2200, 12, 31);
	expect_parse("1900-01-01", 1900, 1, 1);
	expect_parse("2200-12-31", 2200, 12, 31);
	assert_true(date_parse("08/01/2026", NULL)); /* validate only */
}

static void test_parse_iso_strict(void **state)
{
	rv_date r = RV_DATE_NONE;

	(void)state;
	assert_true(date_parse_iso("2026-01-08", &r));
	assert_int_equal(r, THU_08_01_2026);
	assert_true(date_parse_iso("2000-02-29", NULL));
	assert_false(date_parse_iso(" 2026-01-08", &r));
	assert_false(date_parse_iso("2026-01-08 ", &r));
	assert_false(date_parse_iso("08/01/2026", &r));
	assert_false(date_parse_iso("8/1/2026", &r));
	assert_false(date_parse_iso("2026-1-8", &r));
	assert_false(date_parse_iso("2025-02-29", &r));
	assert_int_equal(r, THU_08_01_2026);
}

/* ---- formatting ---- */

static void test_format(void **state)
{
	char buf[11];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_string_equal(date_iso(RV_DATE_NONE, buf), "");
	memset(buf, 'x', sizeof(buf));
	assert_string_equal(date_vn(RV_DATE_NONE, buf), "");
	assert_string_equal(date_iso(RV_DATE_LAST + 1, buf), "");
	assert_string_equal(date_vn(RV_DATE_FIRST - 1, buf), "");
	assert_string_equal(date_iso(INT32_MAX, buf), "");
	assert_ptr_equal(date_iso(0, buf), buf);
	assert_string_equal(buf, "1970-01-01");
	assert_ptr_equal(date_vn(THU_08_01_2026, buf), buf);
	assert_string_equal(buf, "08/01/2026");
	assert_string_equal(date_iso(THU_08_01_2026, buf), "2026-01-08");
	assert_string_equal(date_vn(RV_DATE_FIRST, buf), "01/01/1900");
	assert_string_equal(date_iso(RV_DATE_LAST, buf), "2200-12-31");
}

/* ---- every day of 1900..2200 ---- */

/* Checks one day of the exhaustive walk: conversions both ways, both text
 * forms and both parsers. */
static void check_round_trip(rv_date dn, int y, int m, int d)
{
	char want[32], buf[11], loose[32];
	int yy, mm, ddd;
	rv_date r;

	assert_int_equal(date_from_ymd(y, m, d), dn);
	date_to_ymd(dn, &yy, &mm, &ddd);
	if (yy != y || mm != m || ddd != d)
		fail_msg("day %d: to_ymd gave %d-%d-%d, want %d-%d-%d",
		         (int)dn, yy, mm, ddd, y, m, d);
	snprintf(want, sizeof(want), "%04d-%02d-%02d", y, m, d);
	assert_string_equal(date_iso(dn, buf), want);
	r = RV_DATE_NONE;
	assert_true(date_parse_iso(buf, &r) && r == dn);
	r = RV_DATE_NONE;
	assert_true(date_parse(buf, &r) && r == dn);
	snprintf(want, sizeof(want), "%02d/%02d/%04d", d, m, y);
	assert_string_equal(date_vn(dn, buf), want);
	r = RV_DATE_NONE;
	assert_true(date_parse(buf, &r) && r == dn);
	snprintf(loose, sizeof(loose), "%d/%d/%d", d, m, y);
	r = RV_DATE_NONE;
	assert_true(date_parse(loose, &r) && r == dn);
}

static void test_round_trip_all_days(void **state)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	rv_date prev = RV_DATE_FIRST - 1;
	int wd = 6; /* 31/12/1899 was a Sunday */
	long days = 0;

	(void)state;
	for (int y = RV_YEAR_MIN; y <= RV_YEAR_MAX; y++) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

		for (int m = 1; m <= 12; m++) {
			int len = mdays[m - 1] + (m == 2 && leap);

			assert_int_equal(date_from_ymd(y, m, len + 1), RV_DATE_NONE);
			for (int d = 1; d <= len; d++) {
				rv_date dn = date_from_ymd(y, m, d);

				assert_int_equal(dn, prev + 1);
				wd = (wd + 1) % 7;
				assert_int_equal(date_weekday(dn), wd);
				check_round_trip(dn, y, m, d);
				prev = dn;
				days++;
			}
		}
	}
	assert_int_equal(prev, RV_DATE_LAST);
	assert_int_equal(days, (long)RV_DATE_LAST - RV_DATE_FIRST + 1);
}

/* ---- date_today ---- */

/* The local date as the test reads it, independently of date.c. */
static void local_ymd(int *y, int *m, int *d)
{
	time_t now = time(NULL);
	struct tm tm;

	assert_non_null(localtime_r(&now, &tm));
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

/* date_today(), checked against the clock read before and after (the
 * date may change in between, at midnight). */
static void expect_clock(bool expect_bad)
{
	int y0, m0, d0, y1, m1, d1;
	bool bad = !expect_bad;
	rv_date t;

	local_ymd(&y0, &m0, &d0);
	t = date_today(&bad);
	local_ymd(&y1, &m1, &d1);
	assert_true(bad == expect_bad);
	assert_true(t == date_from_ymd(y0, m0, d0) || t == date_from_ymd(y1, m1, d1));
	assert_true(date_valid(t));
}

static void test_today_unset(void **state)
{
	(void)state;
	assert_int_equal(unsetenv("ROVIEC_TODAY"), 0);
	expect_clock(false);
	assert_true(date_valid(date_today(NULL)));
	assert_int_equal(setenv("ROVIEC_TODAY", "", 1), 0); /* empty = unset */
	expect_clock(false);
	assert_int_equal(unsetenv("ROVIEC_TODAY"), 0);
}

static void test_today_pinned(void **state)
{
	bool bad = true;

	(void)state;
	assert_int_equal(setenv("ROVIEC_TODAY", "2026-01-08", 1), 0);
	assert_int_equal(date_today(&bad), THU_08_01_2026);
	assert_false(bad);
	assert_int_equal(date_today(NULL), THU_08_01_2026);
	assert_int_equal(setenv("ROVIEC_TODAY", "1900-01-01", 1), 0);
	assert_int_equal(date_today(&bad), RV_DATE_FIRST);
	assert_int_equal(unsetenv("ROVIEC_TODAY"), 0);
}

static void test_today_invalid(void **state)
{
	static const char *const bad_pins[] = {
		"08/01/2026", "2026-02-30", "2026-1-8", " 2026-01-08", "2026-01-08 ",
		"tomorrow", "2201-01-01", "99999999999999999999999-01-01", " ",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad_pins) / sizeof(bad_pins[0]); i++) {
		assert_int_equal(setenv("ROVIEC_TODAY", bad_pins[i], 1), 0);
		expect_clock(true);
		assert_true(date_valid(date_today(NULL))); /* NULL flag is fine */
	}
	assert_int_equal(unsetenv("ROVIEC_TODAY"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_ymd_refuses),
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_to_ymd_degenerate),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_parse_huge_input),
		cmocka_unit_test(test_parse_accepts),
		cmocka_unit_test(test_parse_iso_strict),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip_all_days),
		cmocka_unit_test(test_today_unset),
		cmocka_unit_test(test_today_pinned),
		cmocka_unit_test(test_today_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
