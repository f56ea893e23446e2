/* test_reports.c — unit tests of the report and import helpers that the
 * end-to-end scripts reach only indirectly: periods (report_range), the
 * median, folded name keys, export formats.  Degenerate cases first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "export.h"
#include "import_internal.h"
#include "report.h"
#include "report_scan.h"

/* A fresh database in a temporary folder (removed when the test ends). */
static char dir[64], db[96];

static struct rv *open_memory(void)
{
	setenv("ROVIEC_TODAY", "2026-04-15", 1);
	snprintf(dir, sizeof dir, "%s", "/tmp/roviec-test-reports-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/t.db", dir);
	struct rv_open_options o = { .path = db, .create = true, .allow_unknown = true };
	struct rv *rv = rv_open(&o);
	assert_non_null(rv);
	assert_int_equal(rv_status(rv), RV_OK);
	return rv;
}

static void close_db(struct rv **rv)
{
	rv_close(rv);
	static const char *const files[] = { "t.db", "t.db-wal", "t.db-shm" };
	for (size_t i = 0; i < 3; i++) {
		char path[128];
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

static rv_date d(const char *iso)
{
	rv_date x;
	assert_true(date_parse_iso(iso, &x));
	return x;
}

static void range_all_time(void **state)
{
	(void)state;
	struct rv *rv = open_memory();
	rv_date from, to;
	assert_int_equal(report_range(rv, NULL, NULL, false, &from, &to), RV_OK);
	assert_int_equal(from, RV_DATE_NONE);
	assert_int_equal(to, RV_DATE_NONE);
	/* one end only: open-ended */
	assert_int_equal(report_range(rv, "01/03/2026", NULL, false, &from, &to), RV_OK);
	assert_int_equal(from, d("2026-03-01"));
	assert_int_equal(to, d("2026-04-15"));
	assert_int_equal(report_range(rv, NULL, "2026-03-31", false, &from, &to), RV_OK);
	assert_int_equal(from, RV_DATE_FIRST);
	close_db(&rv);
}

static void range_refusals(void **state)
{
	(void)state;
	struct rv *rv = open_memory();
	rv_date from, to;
	assert_int_equal(report_range(rv, "31/02/2026", NULL, false, &from, &to), RV_EINPUT);
	assert_string_equal(rv_field(rv), "from");
	assert_int_equal(report_range(rv, "02/04/2026", "01/04/2026", false, &from, &to), RV_EINPUT);
	assert_string_equal(rv_message(rv), "from: 02/04/2026 is after to: 01/04/2026");
	close_db(&rv);
}

static void range_six_months(void **state)
{
	(void)state;
	struct rv *rv = open_memory();
	rv_date from, to;
	/* default: the six months ending today */
	assert_int_equal(report_range(rv, NULL, NULL, true, &from, &to), RV_OK);
	assert_int_equal(from, d("2025-11-01"));
	assert_int_equal(to, d("2026-04-15"));
	/* the first half of the year, as Decree 20/2008 asks */
	assert_int_equal(report_range(rv, "01/01/2026", NULL, true, &from, &to), RV_OK);
	assert_int_equal(to, d("2026-06-30"));
	assert_int_equal(report_range(rv, "01/07/2025", NULL, true, &from, &to), RV_OK);
	assert_int_equal(to, d("2025-12-31"));
	assert_int_equal(report_range(rv, NULL, "31/12/2026", true, &from, &to), RV_OK);
	assert_int_equal(from, d("2026-07-01"));
	close_db(&rv);
}

static void median(void **state)
{
	(void)state;
	struct tally t;
	memset(&t, 0, sizeof t);
	assert_true(tally_median(&t) < 0); /* none */
	int v[] = { 23, 0, 10 };
	t.days = v;
	t.ndays = 3;
	assert_true(tally_median(&t) == 10);
	t.ndays = 2; /* 0, 23 after sorting the first two: even count, the mean of the middle two */
	t.days[0] = 0;
	t.days[1] = 5;
	assert_true(tally_median(&t) == 2.5);
}

static void keys(void **state)
{
	(void)state;
	char *k = import_key("  Sở  Xây-dựng ");
	assert_string_equal(k, "so xay dung");
	free(k);
	k = import_key("ĐẤT ĐAI");
	assert_string_equal(k, "dat dai");
	free(k);
	k = import_key("Ðất đai"); /* the look-alike Ð */
	assert_string_equal(k, "dat dai");
	free(k);
	k = import_key("tax_code");
	assert_string_equal(k, "tax code");
	free(k);
	k = import_key("");
	assert_string_equal(k, "");
	free(k);
}

static void formats(void **state)
{
	(void)state;
	struct rv *rv = open_memory();
	enum export_format f;
	assert_int_equal(export_parse_format(rv, "open311", &f), RV_OK);
	assert_int_equal(f, EXPORT_OPEN311);
	assert_int_equal(export_parse_format(rv, NULL, &f), RV_EINPUT);
	assert_int_equal(export_parse_format(rv, "XLSX", &f), RV_EINPUT);
	assert_string_equal(rv_field(rv), "format");
	close_db(&rv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(range_all_time), cmocka_unit_test(range_refusals), cmocka_unit_test(range_six_months),
		cmocka_unit_test(median),         cmocka_unit_test(keys),           cmocka_unit_test(formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
