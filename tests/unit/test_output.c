/* test_output.c — unit tests for src/output.c's human cells: a decimal in a
 * table takes the decimal comma in Vietnamese and the dot in English, in
 * one place (out_cell_text) that tables and report sections share, while
 * CSV and JSON keep the stored text; degenerate cells first. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "output.h"
#include "rows.h"

static void test_degenerate_cells(void **state)
{
	(void)state;
	char buf[32];
	assert_true(i18n_init("vi"));
	assert_string_equal(out_cell_text(NULL, COL_REAL, buf), "");
	assert_string_equal(out_cell_text("", COL_REAL, buf), "");
	assert_string_equal(out_cell_text("12", COL_REAL, buf), "12");
	/* Too long for buf: shown as stored, never cut or overflowed. */
	const char *longer = "1234567890123456789012345678901.5";
	assert_ptr_equal(out_cell_text(longer, COL_REAL, buf), longer);
	/* Only decimals: text and integers that hold a dot stay as they are. */
	assert_string_equal(out_cell_text("v1.2", COL_TEXT, buf), "v1.2");
	assert_string_equal(out_cell_text("1.000", COL_INT, buf), "1.000");
}

static void test_decimal_by_language(void **state)
{
	(void)state;
	char buf[32];
	assert_true(i18n_init("vi"));
	assert_string_equal(out_cell_text("3.04", COL_REAL, buf), "3,04");
	assert_string_equal(out_cell_text("-0.50", COL_REAL, buf), "-0,50");
	assert_true(i18n_init("en"));
	assert_string_equal(out_cell_text("3.04", COL_REAL, buf), "3.04");
}

/* The whole table through out_rows: comma in the table, dot in CSV/JSON. */
static char *render(const struct rows *r, enum out_format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(out_rows(f, r, fmt), 0);
	fclose(f);
	return text;
}

static void test_formats(void **state)
{
	(void)state;
	static const struct rows_col cols[] = {
		{ "agency", "Agency", COL_TEXT },
		{ "avg_rating", "Satisfaction", COL_REAL },
	};
	struct rows *r = rows_new(cols, 2);
	assert_non_null(r);
	assert_true(rows_add(r, (const char *const[]){ "A1", "4.50" }));
	assert_true(i18n_init("vi"));
	char *table = render(r, OUT_TABLE), *csv = render(r, OUT_CSV), *json = render(r, OUT_JSON);
	assert_non_null(strstr(table, "\nA1 "));
	assert_non_null(strstr(table, " 4,50\n"));
	assert_null(strstr(table, "4.50"));
	assert_non_null(strstr(csv, "\"A1\",\"4.50\"\r\n"));
	assert_non_null(strstr(json, "\"avg_rating\": 4.5"));
	free(table);
	free(csv);
	free(json);
	assert_true(i18n_init("en"));
	table = render(r, OUT_TABLE);
	assert_non_null(strstr(table, " 4.50\n"));
	free(table);
	rows_free(&r);
	assert_null(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_degenerate_cells),
		cmocka_unit_test(test_decimal_by_language),
		cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
