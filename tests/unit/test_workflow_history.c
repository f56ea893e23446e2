/* test_workflow_history.c — unit tests for src/workflow.c, second part:
 * intake (validation, idempotent request ids, tracking codes), the history
 * every write leaves, atomicity, and the version check that refuses stale
 * writes.  Today is Thu 08/01/2026; ROVIEC_NOW pins timestamps to
 * 2026-01-08T02:30:00Z. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "workflow.h"

static const char history_sql[] =
	"SELECT version, actor, action, field, old, new, note FROM history "
	"WHERE petition_id = (SELECT id FROM petitions WHERE code = ?1) ORDER BY id";

/* ---- intake ----------------------------------------------------------- */

static void test_add_refusals_write_nothing(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	char code[RV_CODE_MAX] = "untouched";
	uint64_t before = fx_hash(fx);
	struct intake_args a = { .enterprise = FX_TAX_CANON };
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "title", "title: is required");
	assert_string_equal(code, "");
	a.title = "   ";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "title", "title: must not be empty");
	a.title = "Tiêu đề\x85";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "title", "title: \"Tiêu đề<85>\" is not valid UTF-8 (byte 12)");
	a.title = "Xin cấp điện";
	a.body = "dòng 1\0dòng 2";
	a.body_len = 15;
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "body", "body: \"dòng 1\" contains a control character (byte 8)");
	a.body = "dòng 1\ndòng 2";
	a.body_len = 0;
	a.enterprise = "0109999999";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_ENOTFOUND, "enterprise",
	        "enterprise: no enterprise with tax code \"0109999999\" (see: roviec enterprise list)");
	a.enterprise = NULL;
	FX_FAIL(fx, wf_add(rv, &a, code), RV_ENOTFOUND, "enterprise", NULL);
	a.enterprise = FX_TAX_CANON;
	a.channel = "email";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "channel",
	        "channel: \"email\" is not a valid channel (one of: conference, written, phone, online, direct)");
	a.channel = "phone";
	a.category = "nope";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_ENOTFOUND, "category", NULL);
	a.category = NULL;
	a.received = "2026-01-09";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "received", "received: 09/01/2026 is after today (08/01/2026)");
	a.received = "32/12/2025";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "received",
	        "received: \"32/12/2025\" is not a date (DD/MM/YYYY or YYYY-MM-DD)");
	a.received = NULL;
	a.request_id = "";
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EINPUT, "request-id", "request-id: must not be empty");
	a.request_id = NULL;
	fx_as(fx, "sxd1");
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EPERM, "role", NULL);
	fx_as(fx, "canon");
	FX_FAIL(fx, wf_add(rv, &a, code), RV_EPERM, "role",
	        "canon (role enterprise) may not receive, classify, assign or reject petitions; "
	        "allowed roles: admin, staff, official");
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM code_sequences", NULL), 0);
}

static void test_add_records_and_history(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_as(fx, "lan");
	/* NFD title, upper-case category code, a body with CR LF */
	struct intake_args a = { .enterprise = FX_TAX_DATVIET, .title = " Ho\xcc\x80" "a La\xcc\xa3" "c ",
		                 .body = "Dòng 1\r\nDòng 2\r\n\r\n", .category = "DAT-DAI", .channel = "conference",
		                 .received = "05/01/2026" };
	FX_OK(fx, wf_add(fx->rv, &a, code));
	assert_string_equal(code, "KN-2026-00001");
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, PETITION_WITH_HISTORY, &p));
	char buf[11];
	assert_string_equal(p->title, "Hòa Lạc");
	assert_string_equal(p->body, "Dòng 1\nDòng 2");
	assert_string_equal(p->category, "dat-dai");
	assert_int_equal(p->channel, CH_CONFERENCE);
	assert_int_equal(p->status, ST_RECEIVED);
	assert_string_equal(date_iso(p->received, buf), "2026-01-05");
	assert_int_equal(p->version, 1);
	assert_int_equal(strlen(p->uuid), 36);
	assert_string_equal(p->enterprise_name, "Công ty Cổ phần Đất Việt");
	assert_string_equal(p->zone, FX_ZONE_HL);
	assert_int_equal(p->n_history, 2);
	assert_string_equal(p->history[0].os_login, rv_os_login(fx->rv));
	assert_string_equal(p->history[0].at, "2026-01-08T02:30:00Z");
	petition_free(&p);
	char *rows = fx_rows(fx_db(fx), history_sql, code);
	assert_string_equal(rows, "1|lan|create|∅|∅|KN-2026-00001|∅\n"
	                          "1|lan|set|category|∅|dat-dai|∅");
	free(rows);
	/* default channel "written", default received today */
	struct intake_args b = { .enterprise = FX_TAX_CANON, .title = "Mặc định" };
	FX_OK(fx, wf_add(fx->rv, &b, code));
	char *r = fx_text(fx, "SELECT channel || ' ' || received || ' ' || body FROM petitions WHERE code = ?1", code);
	assert_string_equal(r, "written 2026-01-08 ");
	free(r);
}

static void test_tracking_codes_per_received_year(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Một", NULL, NULL, code);
	assert_string_equal(code, "KN-2026-00001");
	fx_add(fx, FX_TAX_CANON, "Hai", NULL, "2026-01-02", code);
	assert_string_equal(code, "KN-2026-00002");
	fx_add(fx, FX_TAX_CANON, "Năm cũ", NULL, "31/12/2025", code);
	assert_string_equal(code, "KN-2025-00001");
	fx_add(fx, FX_TAX_CANON, "Ba", NULL, NULL, code);
	assert_string_equal(code, "KN-2026-00003");
	fx_add(fx, FX_TAX_CANON, "Năm cũ 2", NULL, "2025-06-30", code);
	assert_string_equal(code, "KN-2025-00002");
	/* a refused intake does not use up a number */
	struct intake_args bad = { .enterprise = FX_TAX_CANON, .title = "x", .received = "2026-02-01" };
	assert_int_equal(wf_add(fx->rv, &bad, code), RV_EINPUT);
	fx_add(fx, FX_TAX_CANON, "Bốn", NULL, NULL, code);
	assert_string_equal(code, "KN-2026-00004");
	char *rows = fx_rows(fx_db(fx), "SELECT code FROM petitions ORDER BY id", NULL);
	assert_string_equal(rows, "KN-2026-00001\nKN-2026-00002\nKN-2025-00001\nKN-2026-00003\nKN-2025-00002\n"
	                          "KN-2026-00004");
	free(rows);
}

static void test_request_id_is_idempotent(void **state)
{
	struct fx *fx = *state;
	char first[RV_CODE_MAX], again[RV_CODE_MAX], other[RV_CODE_MAX];
	struct intake_args a = { .enterprise = FX_TAX_CANON, .title = "Gửi lại", .request_id = "req-7f3a" };
	FX_OK(fx, wf_add(fx->rv, &a, first));
	uint64_t before = fx_hash(fx);
	FX_OK(fx, wf_add(fx->rv, &a, again));
	assert_string_equal(again, first);
	/* a retry carrying other values still returns the first answer */
	a.title = "Gửi lại (sửa)";
	FX_OK(fx, wf_add(fx->rv, &a, again));
	assert_string_equal(again, first);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
	a.request_id = "req-8b00";
	FX_OK(fx, wf_add(fx->rv, &a, other));
	assert_string_equal(other, "KN-2026-00002");
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM petitions", NULL), 2);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM history WHERE action = 'create'", NULL), 2);
}

/* ---- history ---------------------------------------------------------- */

/* After each write: the petition's version went up by one, every history
 * row of the write carries the new version, none is later than it. */
static void check_versions(struct fx *fx, const char *code, int64_t want, const char *file, int line)
{
	_assert_int_equal(fx_version(fx, code), want, file, line);
	char sql[300];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM history WHERE petition_id = (SELECT id FROM petitions WHERE code = ?1) "
	         "AND version = %lld", (long long)want);
	_assert_true(fx_int(fx, sql, code) >= 1, "history rows at the new version", file, line);
	_assert_int_equal(fx_int(fx, "SELECT max(version) FROM history WHERE petition_id = "
	                             "(SELECT id FROM petitions WHERE code = ?1)", code), want, file, line);
	_assert_int_equal(fx_int(fx, "SELECT count(*) FROM history WHERE os_login <> ?1", rv_os_login(fx->rv)), 0,
	                  file, line);
}
#define CHECK_VERSIONS(fx, code, want) check_versions(fx, code, want, __FILE__, __LINE__)

static void test_every_write_leaves_history(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_as(fx, "lan");
	fx_add(fx, FX_TAX_CANON, "Vòng đời", NULL, NULL, code);
	CHECK_VERSIONS(fx, code, 1);
	FX_OK(fx, wf_classify(fx->rv, code, 1, "dien"));
	CHECK_VERSIONS(fx, code, 2);
	const char *coord[] = { "EVN" };
	struct assign_args a = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3",
		                 .coordinating = coord, .n_coordinating = 1 };
	FX_OK(fx, wf_assign(fx->rv, code, 2, &a));
	CHECK_VERSIONS(fx, code, 3);
	fx_as(fx, "sxd1");
	FX_OK(fx, wf_start(fx->rv, code, 3));
	CHECK_VERSIONS(fx, code, 4);
	fx_as(fx, "hung");
	FX_OK(fx, wf_extend(fx->rv, code, 4, "2026-01-14", "Chờ EVN"));
	CHECK_VERSIONS(fx, code, 5);
	fx_as(fx, "evn1"); /* the coordinating agency may record the answer */
	FX_OK(fx, wf_answer(fx->rv, code, 5, "Đã đóng điện", "resolved"));
	CHECK_VERSIONS(fx, code, 6);
	fx_as(fx, "canon");
	FX_OK(fx, wf_close(fx->rv, code, 6, "5", NULL));
	CHECK_VERSIONS(fx, code, 7);
	fx_as(fx, NULL);
	char *rows = fx_rows(fx_db(fx), history_sql, code);
	assert_string_equal(rows, "1|lan|create|∅|∅|KN-2026-00001|∅\n"
	                          "2|lan|set|category|∅|dien|∅\n"
	                          "2|lan|classify|status|received|classified|∅\n"
	                          "3|lan|set|lead_agency|∅|SXD|∅\n"
	                          "3|lan|set|coordinating_agencies|∅|EVN|∅\n"
	                          "3|lan|set|responsible_person|∅|Nguyễn Văn An|∅\n"
	                          "3|lan|set|assigned|∅|2026-01-08|∅\n"
	                          "3|lan|set|deadline|∅|2026-01-12|∅\n"
	                          "3|lan|set|original_deadline|∅|2026-01-12|∅\n"
	                          "3|lan|assign|status|classified|assigned|∅\n"
	                          "4|sxd1|start|status|assigned|in_progress|∅\n"
	                          "5|hung|extend|deadline|2026-01-12|2026-01-14|Chờ EVN\n"
	                          "6|evn1|set|result|∅|Đã đóng điện|∅\n"
	                          "6|evn1|set|outcome|∅|resolved|∅\n"
	                          "6|evn1|set|answered|∅|2026-01-08|∅\n"
	                          "6|evn1|set|late_days|∅|0|∅\n"
	                          "6|evn1|answer|status|in_progress|answered|∅\n"
	                          "7|canon|set|rating|∅|5|∅\n"
	                          "7|canon|set|closed|∅|2026-01-08|∅\n"
	                          "7|canon|close|status|answered|closed|∅");
	free(rows);
	/* a re-assignment that changes nothing but the status writes only that */
	char b[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Giao lại", "dien", NULL, b);
	struct assign_args same = { .lead = "SXD", .person = "An", .within = "3" };
	FX_OK(fx, wf_assign(fx->rv, b, 0, &same));
	FX_OK(fx, wf_assign(fx->rv, b, 0, &same));
	char *last = fx_rows(fx_db(fx), "SELECT version, action, field FROM history WHERE version = 3 AND "
	                                "petition_id = (SELECT id FROM petitions WHERE code = ?1)", b);
	assert_string_equal(last, "3|assign|status");
	free(last);
}

/* A write that fails half-way leaves nothing: the history rows already
 * written and the petition update roll back together. */
static void test_failed_write_rolls_back_everything(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Nguyên tử", "dat-dai", NULL, code);
	assert_int_equal(fx_exec(fx, "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.history "
	                             "WHEN NEW.action IN ('assign', 'create') BEGIN SELECT RAISE(ABORT, 'boom'); END"),
	                 SQLITE_OK);
	uint64_t before = fx_hash(fx);
	struct assign_args a = { .lead = "SXD", .person = "An", .within = "3" };
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EIO, NULL, "database error while writing history: boom");
	fx_idle(fx);
	char other[RV_CODE_MAX];
	struct intake_args in = { .enterprise = FX_TAX_CANON, .title = "Không được ghi" };
	FX_FAIL(fx, wf_add(fx->rv, &in, other), RV_EIO, NULL, "database error while writing history: boom");
	assert_string_equal(other, "");
	fx_idle(fx);
	assert_true(fx_hash(fx) == before);
	assert_int_equal(fx_exec(fx, "DROP TRIGGER temp.boom"), SQLITE_OK);
	/* the session is still usable, and the failed intake used no number */
	FX_OK(fx, wf_assign(fx->rv, code, 1, &a));
	fx_add(fx, FX_TAX_CANON, "Được ghi", NULL, NULL, other);
	assert_string_equal(other, "KN-2026-00002");
}

/* ---- version conflicts ------------------------------------------------ */

static void test_stale_version_refused_for_every_write(void **state)
{
	struct fx *fx = *state;
	for (int a = 0; a < WF_COUNT; a++) {
		static const enum status from[WF_COUNT] = {
			[WF_CLASSIFY] = ST_RECEIVED, [WF_ASSIGN] = ST_CLASSIFIED, [WF_START] = ST_ASSIGNED,
			[WF_ANSWER] = ST_IN_PROGRESS, [WF_CLOSE] = ST_ANSWERED,  [WF_REJECT] = ST_RECEIVED,
			[WF_WITHDRAW] = ST_CLASSIFIED, [WF_REOPEN] = ST_CLOSED,  [WF_EXTEND] = ST_IN_PROGRESS,
		};
		char code[RV_CODE_MAX];
		fx_add(fx, FX_TAX_CANON, "Xung đột", "dat-dai", NULL, code);
		fx_drive(fx, code, from[a]);
		int64_t v = fx_version(fx, code);
		uint64_t before = fx_hash(fx);
		struct rv *rv = fx->rv;
		struct assign_args as = { .lead = "EVN", .person = "Bình", .within = "5" };
		enum rv_code rc = RV_OK;
		for (int64_t stale = v - 1; stale <= v + 1; stale += 2) {
			if (stale < 1)
				continue;
			switch ((enum wf_action)a) {
			case WF_CLASSIFY: rc = wf_classify(rv, code, stale, "dien"); break;
			case WF_ASSIGN: rc = wf_assign(rv, code, stale, &as); break;
			case WF_START: rc = wf_start(rv, code, stale); break;
			case WF_ANSWER: rc = wf_answer(rv, code, stale, "Đã trả lời", "resolved"); break;
			case WF_CLOSE: rc = wf_close(rv, code, stale, "3", NULL); break;
			case WF_REJECT: rc = wf_reject(rv, code, stale, "Lý do", NULL); break;
			case WF_WITHDRAW: rc = wf_withdraw(rv, code, stale, NULL); break;
			case WF_REOPEN: rc = wf_reopen(rv, code, stale, "Lý do"); break;
			case WF_EXTEND: rc = wf_extend(rv, code, stale, "2026-06-30", "Lý do"); break;
			case WF_COUNT: break;
			}
			FX_FAIL(fx, rc, RV_ECONFLICT, "version", NULL);
			assert_true(fx_hash(fx) == before);
			fx_idle(fx);
		}
	}
}

/* The conflict is reported before the transition is judged: the writer
 * learns that someone else moved the petition on. */
static void test_conflict_lists_changes_and_who(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Hai người cùng sửa", NULL, NULL, code);
	fx_as(fx, "lan");
	FX_OK(fx, wf_classify(fx->rv, code, 1, "dat-dai"));
	struct assign_args a = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3" };
	FX_OK(fx, wf_assign(fx->rv, code, 2, &a));
	fx_as(fx, "hung");
	FX_OK(fx, wf_reject(fx->rv, code, 3, "Ngoài thẩm quyền", "UBND xã"));
	fx_as(fx, NULL);
	uint64_t before = fx_hash(fx);
	assert_int_equal(wf_classify(fx->rv, code, 1, "dien"), RV_ECONFLICT);
	assert_string_equal(rv_field(fx->rv), "version");
	assert_string_equal(rv_message(fx->rv),
	                    "KN-2026-00001 changed since version 1 (now 4), nothing was written: "
	                    "2026-01-08T02:30:00Z lan classify received → classified (category); "
	                    "2026-01-08T02:30:00Z lan assign classified → assigned (lead_agency, responsible_person, "
	                    "assigned, deadline, original_deadline); "
	                    "2026-01-08T02:30:00Z hung reject assigned → rejected (reject_reason, refer_to, decided_by)");
	/* only what happened after the stale version is listed */
	assert_int_equal(wf_start(fx->rv, code, 3), RV_ECONFLICT);
	FX_MSG_HAS(fx, "changed since version 3 (now 4)");
	FX_MSG_HAS(fx, "hung reject");
	assert_null(strstr(rv_message(fx->rv), "lan"));
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
	/* the current version, or none, goes through to the transition check */
	FX_FAIL(fx, wf_classify(fx->rv, code, 4, "dien"), RV_EINPUT, "status", NULL);
	FX_FAIL(fx, wf_classify(fx->rv, code, 0, "dien"), RV_EINPUT, "status", NULL);
}

static void test_conflict_with_newer_expectation(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Phiên bản lạ", NULL, NULL, code);
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, wf_classify(fx->rv, code, 7, "dien"), RV_ECONFLICT, "version", NULL);
	assert_true(fx_hash(fx) == before);
	FX_OK(fx, wf_classify(fx->rv, code, 1, "dien"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_refusals_write_nothing, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_add_records_and_history, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_tracking_codes_per_received_year, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_request_id_is_idempotent, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_every_write_leaves_history, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_failed_write_rolls_back_everything, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_stale_version_refused_for_every_write, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_conflict_lists_changes_and_who, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_conflict_with_newer_expectation, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
