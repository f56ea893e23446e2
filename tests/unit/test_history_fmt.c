/* test_history_fmt.c — unit tests for src/history_fmt.c: every kind of
 * history row reads in English and Vietnamese with labels, dates
 * dd/mm/yyyy and local times; rows this version does not know read as
 * stored; every action the workflow writes has a label. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enums.h"
#include "fixture.h"
#include "history_fmt.h"
#include "i18n.h"
#include "workflow.h"

static struct fx fx;

static int setup(void **state)
{
	(void)state;
	fx_open(&fx, "2026-01-08");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fx_close(&fx);
	i18n_init("en");
	return 0;
}

/* history_describe() of one row, compared with want. */
#define EXPECT(want, action_, field_, from_, to_) \
	do { \
		struct history_entry h_ = { .action = (char *)(action_), .field = (char *)(field_), \
		                            .from = (char *)(from_), .to = (char *)(to_) }; \
		char *got_ = history_describe(fx.rv, &h_); \
		assert_non_null(got_); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

static void english(void **state)
{
	(void)state;
	assert_true(i18n_init("en"));
	EXPECT("Created: KN-2026-00001", "create", NULL, NULL, "KN-2026-00001");
	EXPECT("Category: — → Land", "set", "category", NULL, "dat-dai");
	EXPECT("Classified: received → classified", "classify", "status", "received", "classified");
	EXPECT("Deadline: 10/11/2026 → —", "set", "deadline", "2026-11-10", NULL);
	EXPECT("Deadline extended: 10/11/2026 → 04/12/2026", "extend", "deadline", "2026-11-10", "2026-12-04");
	EXPECT("Outcome: — → partly resolved", "set", "outcome", NULL, "partly_resolved");
	EXPECT("Rating: — → 4/5", "set", "rating", NULL, "4");
	EXPECT("Answered in session: no → yes", "set", "answered_in_session", "0", "1");
	EXPECT("Lead agency: SXD → BQL", "set", "lead_agency", "SXD", "BQL");
	EXPECT("PIN issued", "pin", NULL, NULL, NULL);
	EXPECT("Imported: received → closed", "import", "status", "received", "closed");
	EXPECT("Reopened: closed → in progress", "reopen", "status", "closed", "in_progress");
}

static void vietnamese(void **state)
{
	(void)state;
	assert_true(i18n_init("vi"));
	EXPECT("Tiếp nhận kiến nghị: KN-2026-00001", "create", NULL, NULL, "KN-2026-00001");
	EXPECT("Lĩnh vực: — → Đất đai", "set", "category", NULL, "dat-dai");
	EXPECT("Phân loại: Tiếp nhận → Đã phân loại", "classify", "status", "received", "classified");
	EXPECT("Gia hạn: 10/11/2026 → 04/12/2026", "extend", "deadline", "2026-11-10", "2026-12-04");
	EXPECT("Mức độ giải quyết: — → Giải quyết một phần", "set", "outcome", NULL, "partly_resolved");
	EXPECT("Trả lời tại hội nghị: không → có", "set", "answered_in_session", "0", "1");
	EXPECT("Hoàn thành: Đã trả lời → Hoàn thành", "close", "status", "answered", "closed");
	EXPECT("Cấp mã PIN", "pin", NULL, NULL, NULL);
}

/* Values that do not parse, and names from a newer version, read as
 * stored: nothing is hidden or made up. */
static void unknown_reads_as_stored(void **state)
{
	(void)state;
	assert_true(i18n_init("en"));
	EXPECT("merge petition: KN-1 → KN-2", "merge", "petition", "KN-1", "KN-2");
	EXPECT("Classified · Person: — → An", "classify", "responsible_person", NULL, "An");
	EXPECT("Category: — → no-such-code", "set", "category", NULL, "no-such-code");
	EXPECT("Deadline: soon → 2026-02-30", "set", "deadline", "soon", "2026-02-30");
	EXPECT("Classified: received → paused", "classify", "status", "received", "paused");
	EXPECT("Answered in session: maybe → yes", "set", "answered_in_session", "maybe", "1");
	EXPECT("?: — → x", NULL, NULL, NULL, "x");
	/* a long value is kept whole */
	char big[5000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	struct history_entry h = { .action = "set", .field = "result", .to = big };
	char *got = history_describe(fx.rv, &h);
	assert_non_null(got);
	assert_int_equal(strlen(got), strlen("Result: — → ") + sizeof big - 1);
	free(got);
}

/* Stored UTC, shown in local time (TZ): the day can change. */
static void local_time(void **state)
{
	(void)state;
	char out[20];
	setenv("TZ", "ICT-7", 1);
	tzset();
	assert_string_equal(history_when("2026-01-08T02:30:00Z", out), "08/01/2026 09:30");
	assert_string_equal(history_when("2026-12-31T20:15:59Z", out), "01/01/2027 03:15");
	setenv("TZ", "UTC", 1);
	tzset();
	assert_string_equal(history_when("2026-01-08T02:30:00Z", out), "08/01/2026 02:30");
	assert_string_equal(history_when("2026-01-08 02:30", out), "2026-01-08 02:30");
	assert_string_equal(history_when("2026-01-08T02:30:00+07", out), "2026-01-08T02:30:00");
	assert_string_equal(history_when("", out), "");
	assert_string_equal(history_when(NULL, out), "");
}

/* Every action the workflow records has a label (a new action added to
 * workflow.c without one would show its machine name). */
static void every_workflow_action_has_a_label(void **state)
{
	(void)state;
	for (int a = 0; a < WF_COUNT; a++)
		assert_true(enum_parse(&history_action_set, wf_action_name((enum wf_action)a)) >= 0);
	for (int f = 0; f < HF_COUNT; f++)
		assert_true(history_field_value((enum history_field)f) <= HV_RATING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(english, setup, teardown),
		cmocka_unit_test_setup_teardown(vietnamese, setup, teardown),
		cmocka_unit_test_setup_teardown(unknown_reads_as_stored, setup, teardown),
		cmocka_unit_test(local_time),
		cmocka_unit_test(every_workflow_action_has_a_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
