/* test_enums.c — unit tests for src/enums.c: each X-macro list in enums.h
 * equals the CHECK constraint of its column in schema.sql (read from the
 * source tree, $ROVIEC_SOURCE_ROOT), in the same order; the "open"
 * statuses equal the ones the schema's open_deadlines triggers count; and
 * the string functions behave on hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enums.h"

static char *schema;

static int load_schema(void **state)
{
	(void)state;
	const char *root = getenv("ROVIEC_SOURCE_ROOT");
	if (!root)
		return -1;
	char path[600];
	snprintf(path, sizeof path, "%s/schema.sql", root);
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	schema = calloc(1, (size_t)n + 1);
	size_t got = schema ? fread(schema, 1, (size_t)n, f) : 0;
	fclose(f);
	return got == (size_t)n ? 0 : -1;
}

static int free_schema(void **state)
{
	(void)state;
	free(schema);
	return 0;
}

/* The quoted strings of the first "<needle> (" list after `after`
 * (e.g. after "CREATE TABLE agencies", needle "CHECK (kind IN"), joined
 * by ", ".  Returns malloc'd text, or NULL when not found. */
static char *check_list(const char *after, const char *needle)
{
	const char *p = strstr(schema, after);
	if (!p)
		return NULL;
	p = strstr(p, needle);
	if (!p)
		return NULL;
	p = strchr(p + strlen(needle), '(');
	if (!p)
		return NULL;
	char *out = calloc(1, 512);
	assert_non_null(out);
	for (p++; *p && *p != ')'; p++) {
		if (*p != '\'')
			continue;
		const char *end = strchr(p + 1, '\'');
		assert_non_null(end);
		snprintf(out + strlen(out), 512 - strlen(out), "%s%.*s", out[0] ? ", " : "", (int)(end - p - 1), p + 1);
		p = end;
	}
	return out;
}

static void check_set(const struct enum_set *set, const char *table, const char *needle)
{
	char *want = check_list(table, needle);
	assert_non_null(want);
	char got[512];
	assert_string_equal(enum_list(set, got, sizeof got), want);
	free(want);
}

static void test_lists_match_schema(void **state)
{
	(void)state;
	check_set(&status_set, "CREATE TABLE petitions", "CHECK (status IN");
	check_set(&channel_set, "CREATE TABLE petitions", "CHECK (channel IN");
	check_set(&outcome_set, "CREATE TABLE petitions", "CHECK (outcome IN");
	check_set(&role_set, "CREATE TABLE users", "CHECK (role IN");
	check_set(&agency_kind_set, "CREATE TABLE agencies", "CHECK (kind IN");
	check_set(&holiday_kind_set, "CREATE TABLE holidays", "CHECK (kind IN");
	assert_null(check_list("CREATE TABLE nothing", "CHECK"));
}

static void test_open_statuses_match_triggers(void **state)
{
	(void)state;
	char want[256] = "";
	for (int s = 0; s < ST_COUNT; s++)
		if (status_is_open((enum status)s))
			snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", want[0] ? ", " : "",
			         enum_db(&status_set, s));
	assert_string_equal(want, "received, classified, assigned, in_progress");
	static const char *const triggers[] = { "CREATE TRIGGER petitions_open_insert",
		                                "CREATE TRIGGER petitions_open_leave",
		                                "CREATE TRIGGER petitions_open_enter" };
	for (size_t i = 0; i < sizeof triggers / sizeof triggers[0]; i++) {
		char *got = check_list(triggers[i], "status IN");
		assert_non_null(got);
		assert_string_equal(got, want);
		free(got);
	}
}

static void test_parse_and_db(void **state)
{
	(void)state;
	assert_int_equal(enum_parse(&status_set, NULL), -1);
	assert_int_equal(enum_parse(&status_set, ""), -1);
	assert_int_equal(enum_parse(&status_set, "Received"), -1);
	assert_int_equal(enum_parse(&status_set, "received "), -1);
	assert_int_equal(enum_parse(&status_set, "in progress"), -1); /* the label, not the value */
	assert_int_equal(enum_parse(&status_set, "in_progress"), ST_IN_PROGRESS);
	assert_int_equal(enum_parse(&outcome_set, "declined"), OC_DECLINED);
	assert_int_equal(enum_parse(&agency_kind_set, "tax"), AK_TAX);
	assert_null(enum_db(&status_set, -1));
	assert_null(enum_db(&status_set, ST_COUNT));
	assert_string_equal(enum_db(&role_set, ROLE_ENTERPRISE), "enterprise");
	const struct enum_set *sets[] = { &status_set, &channel_set, &outcome_set, &role_set, &agency_kind_set };
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		for (int v = 0; v < sets[i]->count; v++) {
			assert_int_equal(enum_parse(sets[i], enum_db(sets[i], v)), v);
			assert_non_null(sets[i]->en[v]);
			assert_non_null(sets[i]->vi[v]);
		}
	assert_int_equal(status_set.count, ST_COUNT);
	assert_int_equal(channel_set.count, CH_COUNT);
	assert_int_equal(outcome_set.count, OC_COUNT);
	assert_int_equal(role_set.count, ROLE_COUNT);
	assert_int_equal(agency_kind_set.count, AK_COUNT);
	assert_string_equal(status_set.what, "status");
}

static void test_labels_and_lists(void **state)
{
	(void)state;
	/* i18n_init() was not called: the interface speaks English */
	assert_string_equal(enum_label(&status_set, ST_IN_PROGRESS), "in progress");
	assert_string_equal(enum_label(&outcome_set, OC_PARTLY_RESOLVED), "partly resolved");
	assert_string_equal(enum_label(&status_set, -1), "?");
	assert_string_equal(enum_label(&status_set, ST_COUNT), "?");
	assert_string_equal(status_set.vi[ST_CLOSED], "Hoàn thành");
	char buf[64];
	assert_string_equal(enum_list(&channel_set, buf, sizeof buf), "conference, written, phone, online, direct");
	char tiny[12];
	memset(tiny, 'x', sizeof tiny);
	assert_string_equal(enum_list(&channel_set, tiny, sizeof tiny), "conference,");
	char one[1] = { 'x' };
	assert_string_equal(enum_list(&channel_set, one, 1), "");
	for (int s = -1; s <= ST_COUNT; s++)
		assert_int_equal(status_is_open((enum status)s), s >= ST_RECEIVED && s <= ST_IN_PROGRESS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists_match_schema),
		cmocka_unit_test(test_open_statuses_match_triggers),
		cmocka_unit_test(test_parse_and_db),
		cmocka_unit_test(test_labels_and_lists),
	};
	return cmocka_run_group_tests(tests, load_schema, free_schema);
}
