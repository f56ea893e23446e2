/* test_workflow.c — unit tests for src/workflow.c: the transition table,
 * the "five clears" of an assignment, deadlines on the real 2026 calendar,
 * and what answer, close, reject, reopen and extend record.
 *
 * History rows, version conflicts, idempotent intake and tracking codes are
 * in test_workflow_history.c.  Today is Thu 08/01/2026 unless a test
 * reopens the database on another day; Sat 10/01/2026 is a make-up working
 * day and Tết runs 14–22/02/2026. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference.h"
#include "fixture.h"
#include "workflow.h"

#define B(st) (1u << (st))
#define OPEN4 (B(ST_RECEIVED) | B(ST_CLASSIFIED) | B(ST_ASSIGNED) | B(ST_IN_PROGRESS))

/* The table the issue specifies, written out independently of workflow.c. */
static const unsigned expect_from[WF_COUNT] = {
	[WF_CLASSIFY] = B(ST_RECEIVED) | B(ST_CLASSIFIED),
	[WF_ASSIGN] = OPEN4,
	[WF_START] = B(ST_ASSIGNED),
	[WF_ANSWER] = B(ST_ASSIGNED) | B(ST_IN_PROGRESS),
	[WF_CLOSE] = B(ST_ANSWERED),
	[WF_REJECT] = OPEN4,
	[WF_WITHDRAW] = OPEN4,
	[WF_REOPEN] = B(ST_ANSWERED) | B(ST_CLOSED),
	[WF_EXTEND] = B(ST_ASSIGNED) | B(ST_IN_PROGRESS),
};
static const enum status expect_to[WF_COUNT] = {
	[WF_CLASSIFY] = ST_CLASSIFIED, [WF_ASSIGN] = ST_ASSIGNED,  [WF_START] = ST_IN_PROGRESS,
	[WF_ANSWER] = ST_ANSWERED,     [WF_CLOSE] = ST_CLOSED,     [WF_REJECT] = ST_REJECTED,
	[WF_WITHDRAW] = ST_WITHDRAWN,  [WF_REOPEN] = ST_IN_PROGRESS, [WF_EXTEND] = ST_COUNT, /* unchanged */
};
static const char *const names[WF_COUNT] = { "classify", "assign", "start", "answer", "close",
	                                     "reject", "withdraw", "reopen", "extend" };
static const char *const allowed_now[ST_COUNT] = {
	[ST_RECEIVED] = "classify, assign, reject, withdraw",
	[ST_CLASSIFIED] = "classify, assign, reject, withdraw",
	[ST_ASSIGNED] = "assign, start, answer, reject, withdraw, extend",
	[ST_IN_PROGRESS] = "assign, answer, reject, withdraw, extend",
	[ST_ANSWERED] = "close, reopen",
	[ST_CLOSED] = "reopen",
	[ST_REJECTED] = "nothing (final status)",
	[ST_WITHDRAWN] = "nothing (final status)",
};

/* Runs action a on code with valid arguments for it. */
static enum rv_code run_action(struct fx *fx, enum wf_action a, const char *code, int64_t expect)
{
	struct rv *rv = fx->rv;
	struct assign_args as = { .lead = "EVN", .person = "Trần Thị Bình", .due = "2026-03-02" };
	switch (a) {
	case WF_CLASSIFY: return wf_classify(rv, code, expect, "moi-truong");
	case WF_ASSIGN: return wf_assign(rv, code, expect, &as);
	case WF_START: return wf_start(rv, code, expect);
	case WF_ANSWER: return wf_answer(rv, code, expect, "Đã trả lời bằng văn bản", "explained");
	case WF_CLOSE: return wf_close(rv, code, expect, "5", "Rất hài lòng");
	case WF_REJECT: return wf_reject(rv, code, expect, "Không thuộc thẩm quyền", "UBND xã Hòa Lạc");
	case WF_WITHDRAW: return wf_withdraw(rv, code, expect, "Doanh nghiệp rút");
	case WF_REOPEN: return wf_reopen(rv, code, expect, "Chưa thỏa đáng");
	case WF_EXTEND: return wf_extend(rv, code, expect, "2026-12-31", "Cần thêm thời gian");
	case WF_COUNT: break;
	}
	return RV_EIO;
}

/* ---- the table -------------------------------------------------------- */

static void test_allowed_degenerate(void **state)
{
	(void)state;
	assert_false(wf_allowed(WF_COUNT, ST_RECEIVED));
	assert_false(wf_allowed(WF_CLASSIFY, ST_COUNT));
	assert_false(wf_allowed(WF_CLASSIFY, (enum status)-1));
	assert_string_equal(wf_action_name(WF_COUNT), "?");
	for (int a = 0; a < WF_COUNT; a++) {
		assert_string_equal(wf_action_name((enum wf_action)a), names[a]);
		for (int s = 0; s < ST_COUNT; s++)
			assert_int_equal(wf_allowed((enum wf_action)a, (enum status)s), (expect_from[a] >> s) & 1);
	}
}

/* Every action from every status: allowed exactly per the table; a refusal
 * names the status and what is allowed, and writes nothing. */
static void test_every_action_from_every_status(void **state)
{
	struct fx *fx = *state;
	for (int s = 0; s < ST_COUNT; s++) {
		for (int a = 0; a < WF_COUNT; a++) {
			char code[RV_CODE_MAX];
			fx_add(fx, FX_TAX_CANON, "Xin cấp phép xây dựng nhà xưởng", "dat-dai", NULL, code);
			fx_drive(fx, code, (enum status)s);
			assert_int_equal(fx_status(fx, code), s);
			int64_t v = fx_version(fx, code);
			uint64_t before = fx_hash(fx);
			enum rv_code rc = run_action(fx, (enum wf_action)a, code, v);
			if (expect_from[a] & B(s)) {
				FX_OK(fx, rc);
				enum status to = expect_to[a] == ST_COUNT ? (enum status)s : expect_to[a];
				assert_int_equal(fx_status(fx, code), to);
				assert_int_equal(fx_version(fx, code), v + 1);
			} else {
				char msg[300];
				snprintf(msg, sizeof msg, "%s is %s: cannot %s it; allowed now: %s", code,
				         enum_db(&status_set, s), names[a], allowed_now[s]);
				FX_FAIL(fx, rc, RV_EINPUT, "status", msg);
				assert_true(fx_hash(fx) == before);
				assert_int_equal(fx_version(fx, code), v);
			}
			fx_idle(fx);
		}
	}
}

static void test_unknown_petition(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, wf_start(fx->rv, "KN-2026-99999", 0), RV_ENOTFOUND, "code", "no petition KN-2026-99999");
	FX_FAIL(fx, wf_start(fx->rv, NULL, 0), RV_ENOTFOUND, "code", "no petition ");
	FX_FAIL(fx, wf_withdraw(fx->rv, "", 0, NULL), RV_ENOTFOUND, "code", "no petition ");
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

/* petition_load_state: what workflow.c and conference.c read before a change. */
static void test_load_state(void **state)
{
	struct fx *fx = *state;
	struct petition_state ps;
	char code[RV_CODE_MAX];
	int64_t conf = 0;

	FX_FAIL(fx, petition_load_state(fx->rv, "KN-2026-99999", &ps), RV_ENOTFOUND, "code",
	        "no petition KN-2026-99999");
	fx_add(fx, FX_TAX_CANON, "Cấp điện", "dien", NULL, code);
	fx_drive(fx, code, ST_ASSIGNED);
	memset(&ps, 0, sizeof ps);
	FX_OK(fx, petition_load_state(fx->rv, "kn-2026-00001", &ps));
	assert_string_equal(ps.code, code);
	assert_int_equal(ps.status, ST_ASSIGNED);
	assert_int_equal(ps.version, fx_int(fx, "SELECT version FROM petitions WHERE code = ?1", code));
	assert_true(ps.category_id > 0);
	assert_true(ps.enterprise_id > 0);
	assert_true(ps.deadline != RV_DATE_NONE);
	assert_true(ps.original_deadline == ps.deadline);
	assert_int_equal(ps.conference_id, 0);
	assert_false(ps.answered_in_session);

	struct conference_args ca = { .title = "Đối thoại quý IV", .date = "2026-01-08" };
	FX_OK(fx, conf_add(fx->rv, &ca, &conf));
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)conf);
	FX_OK(fx, conf_link(fx->rv, id, code, 0, false));
	FX_OK(fx, petition_load_state(fx->rv, code, &ps));
	assert_int_equal(ps.conference_id, conf);

	/* another enterprise does not see it: not found, as for petition_load */
	fx_as(fx, "datviet");
	FX_FAIL(fx, petition_load_state(fx->rv, code, &ps), RV_ENOTFOUND, "code", "no petition KN-2026-00001");
}

static void test_code_is_case_insensitive(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Cấp điện", NULL, NULL, code);
	FX_OK(fx, wf_classify(fx->rv, "kn-2026-00001", 0, "DIEN"));
	assert_int_equal(fx_status(fx, code), ST_CLASSIFIED);
	char *cat = fx_text(fx, "SELECT c.code FROM petitions p JOIN categories c ON c.id = p.category_id", NULL);
	assert_string_equal(cat, "dien");
	free(cat);
	FX_FAIL(fx, wf_classify(fx->rv, code, 0, "no-such"), RV_ENOTFOUND, "category",
	        "category: no category with code \"no-such\" (see: roviec category list)");
}

/* ---- the five clears -------------------------------------------------- */

static void test_assign_needs_category(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Chưa phân loại", NULL, NULL, code);
	struct assign_args a = { .lead = "SXD", .person = "Nguyễn Văn An", .within = "3" };
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "category",
	        "KN-2026-00001 has no category: classify it first (the task must be clear before it is assigned)");
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

static void test_assign_needs_lead_and_person(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Đủ phân loại", "dat-dai", NULL, code);
	uint64_t before = fx_hash(fx);
	struct assign_args a = { .lead = NULL, .person = "Nguyễn Văn An" };
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "lead", "lead: a lead agency is required (--lead CODE)");
	a.lead = "NOPE";
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_ENOTFOUND, "lead",
	        "lead: no agency with code \"NOPE\" (see: roviec agency list)");
	a.lead = "SXD";
	a.person = NULL;
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "person", "person: is required");
	a.person = " \t ";
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "person", NULL);
	a.person = "An\x1b[2J";
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "person",
	        "person: \"An^[[2J\" contains a control character (byte 3)");
	a.person = "Nguyễn Văn An";
	const char *self[] = { "sxd" };
	a.coordinating = self;
	a.n_coordinating = 1;
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "coordinate", "coordinate: sxd is already the lead agency");
	const char *unknown[] = { "STC", "XX" };
	a.coordinating = unknown;
	a.n_coordinating = 2;
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_ENOTFOUND, "coordinate", NULL);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

static void test_assign_deadline_refusals(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Hạn xử lý", "dat-dai", NULL, code);
	uint64_t before = fx_hash(fx);
	struct assign_args a = { .lead = "SXD", .person = "An", .within = "3", .due = "2026-02-02" };
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "due", "due: give either --within or --due, not both");
	a.within = NULL;
	a.due = "2026-01-07";
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "due", "due: 07/01/2026 is not after today (08/01/2026)");
	a.due = "08/01/2026";
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "due", "due: 08/01/2026 is not after today (08/01/2026)");
	a.due = "31/02/2026";
	FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "due",
	        "due: \"31/02/2026\" is not a date (DD/MM/YYYY or YYYY-MM-DD)");
	a.due = NULL;
	static const char *const bad_within[] = { "0", "366", "-1", "3x", "", " 3", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad_within / sizeof bad_within[0]; i++) {
		a.within = bad_within[i];
		char msg[200];
		snprintf(msg, sizeof msg, "within: \"%s\" is not a whole number from 1 to 365", bad_within[i]);
		FX_FAIL(fx, wf_assign(fx->rv, code, 0, &a), RV_EINPUT, "within", msg);
	}
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

/* Assigns a fresh petition with due/within and returns its deadline. */
static char *assigned_deadline(struct fx *fx, const char *category, const char *within, const char *due)
{
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_ANH, "Hạn", category, NULL, code);
	struct assign_args a = { .lead = "SXD", .person = "An", .within = within, .due = due };
	FX_OK(fx, wf_assign(fx->rv, code, 0, &a));
	return fx_text(fx, "SELECT deadline FROM petitions WHERE code = ?1", code);
}

#define DEADLINE_IS(fx, cat, within, due, want) do { \
		char *got_ = assigned_deadline(fx, cat, within, due); \
		assert_non_null(got_); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

static void test_due_rolls_off_rest_days(void **state)
{
	struct fx *fx = *state;
	DEADLINE_IS(fx, "dat-dai", NULL, "2026-01-17", "2026-01-19");  /* Saturday → Monday */
	DEADLINE_IS(fx, "dat-dai", NULL, "18/01/2026", "2026-01-19");  /* Sunday → Monday */
	DEADLINE_IS(fx, "dat-dai", NULL, "2026-01-10", "2026-01-10");  /* make-up Saturday is worked */
	DEADLINE_IS(fx, "dat-dai", NULL, "2026-02-17", "2026-02-23");  /* Tết → first day after */
	DEADLINE_IS(fx, "dat-dai", NULL, "2026-01-09", "2026-01-09");  /* an ordinary Friday stays */
}

static void test_deadline_on_real_calendar(void **state)
{
	struct fx *fx = *state;
	/* DOMAIN.md: Thu 08/01/2026 + 3 working days → Mon 12/01 (Sat 10/01 worked). */
	DEADLINE_IS(fx, "dat-dai", "3", NULL, "2026-01-12");
	/* the category's default: đất đai 20 working days, thủ tục hành chính 15 */
	DEADLINE_IS(fx, "dat-dai", NULL, NULL, "2026-02-04");
	DEADLINE_IS(fx, "tthc", NULL, NULL, "2026-01-28");
	rv_date d;
	FX_OK(fx, wf_preview_deadline(fx->rv, "dat-dai", NULL, NULL, &d));
	char buf[11];
	assert_string_equal(date_iso(d, buf), "2026-02-04");
	FX_OK(fx, wf_preview_deadline(fx->rv, "tthc", "3", NULL, &d));
	assert_string_equal(date_iso(d, buf), "2026-01-12");
	FX_OK(fx, wf_preview_deadline(fx->rv, NULL, NULL, "2026-01-18", &d));
	assert_string_equal(date_iso(d, buf), "2026-01-19");
	FX_FAIL(fx, wf_preview_deadline(fx->rv, NULL, "3", "2026-01-18", &d), RV_EINPUT, "due", NULL);
	/* Wed 11/02/2026 + 10 working days → Wed 04/03/2026, Tết skipped. */
	fx_reopen(fx, "2026-02-11");
	DEADLINE_IS(fx, "dat-dai", "10", NULL, "2026-03-04");
	char *assigned = fx_text(fx, "SELECT assigned FROM petitions ORDER BY id DESC", NULL);
	assert_string_equal(assigned, "2026-02-11");
	free(assigned);
}

static void test_assign_records_the_five_clears(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Giao xử lý", "dat-dai", NULL, code);
	const char *coord[] = { "stc", "EVN", "STC" };
	struct assign_args a = { .lead = "sxd", .person = "  Nguyễn Văn An ", .within = "3",
	                         .coordinating = coord, .n_coordinating = 3 };
	FX_OK(fx, wf_assign(fx->rv, code, 0, &a));
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	assert_int_equal(p->status, ST_ASSIGNED);
	assert_string_equal(p->lead.code, "SXD");
	assert_string_equal(p->responsible_person, "Nguyễn Văn An");
	assert_int_equal(p->n_coordinating, 2);
	/* coordinating agencies in Vietnamese order of their names: EVN Hà Nội, Sở Tài chính */
	assert_string_equal(p->coordinating[0].code, "EVN");
	assert_string_equal(p->coordinating[1].code, "STC");
	char buf[11];
	assert_string_equal(date_iso(p->deadline, buf), "2026-01-12");
	assert_string_equal(date_iso(p->original_deadline, buf), "2026-01-12");
	assert_string_equal(date_iso(p->assigned, buf), "2026-01-08");
	petition_free(&p);
	/* Re-assigning keeps the original deadline and replaces the agencies. */
	a.coordinating = NULL;
	a.n_coordinating = 0;
	a.lead = "EVN";
	a.within = "5";
	FX_OK(fx, wf_assign(fx->rv, code, 0, &a));
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	assert_string_equal(p->lead.code, "EVN");
	assert_int_equal(p->n_coordinating, 0);
	assert_string_equal(date_iso(p->deadline, buf), "2026-01-14");
	assert_string_equal(date_iso(p->original_deadline, buf), "2026-01-12");
	petition_free(&p);
}

/* ---- answer ----------------------------------------------------------- */

static void test_answer_needs_result_and_outcome(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Trả lời", "dat-dai", NULL, code);
	fx_drive(fx, code, ST_IN_PROGRESS);
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, wf_answer(fx->rv, code, 0, NULL, "resolved"), RV_EINPUT, "result", "result: is required");
	FX_FAIL(fx, wf_answer(fx->rv, code, 0, "\n \n", "resolved"), RV_EINPUT, "result", "result: must not be empty");
	FX_FAIL(fx, wf_answer(fx->rv, code, 0, "Đã xử lý", NULL), RV_EINPUT, "outcome",
	        "outcome: \"\" is not a valid outcome (one of: resolved, partly_resolved, explained, declined)");
	FX_FAIL(fx, wf_answer(fx->rv, code, 0, "Đã xử lý", "Resolved"), RV_EINPUT, "outcome", NULL);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

static void test_answer_late_days(void **state)
{
	struct fx *fx = *state;
	char late[RV_CODE_MAX], ontime[RV_CODE_MAX], early[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Trễ hạn", "dat-dai", NULL, late);
	fx_add(fx, FX_TAX_CANON, "Đúng hạn", "dat-dai", NULL, ontime);
	fx_add(fx, FX_TAX_CANON, "Sớm", "dat-dai", NULL, early);
	fx_drive(fx, late, ST_ASSIGNED);   /* deadline Mon 12/01/2026 */
	fx_drive(fx, ontime, ST_ASSIGNED);
	fx_drive(fx, early, ST_ASSIGNED);
	FX_OK(fx, wf_answer(fx->rv, early, 0, "Đã giải quyết", "partly_resolved"));
	fx_reopen(fx, "2026-01-12");
	FX_OK(fx, wf_answer(fx->rv, ontime, 0, "Đã giải quyết", "resolved"));
	fx_reopen(fx, "2026-01-15");
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, late, 0, &p));
	assert_true(p->overdue);
	assert_int_equal(p->days_overdue, 3);
	assert_int_equal(p->late_days, -1);
	petition_free(&p);
	FX_OK(fx, wf_answer(fx->rv, late, 0, "  Đã cấp phép\r\nxem công văn ", "declined"));
	FX_OK(fx, petition_load(fx->rv, late, 0, &p));
	char buf[11];
	assert_int_equal(p->status, ST_ANSWERED);
	assert_string_equal(p->result, "  Đã cấp phép\nxem công văn");
	assert_int_equal(p->outcome, OC_DECLINED);
	assert_string_equal(date_iso(p->answered, buf), "2026-01-15");
	assert_int_equal(p->late_days, 3);
	assert_false(p->overdue);
	assert_int_equal(p->days_overdue, 0);
	petition_free(&p);
	assert_int_equal(fx_int(fx, "SELECT late_days FROM petitions WHERE code = ?1", ontime), 0);
	assert_int_equal(fx_int(fx, "SELECT late_days FROM petitions WHERE code = ?1", early), 0);
}

/* ---- close ------------------------------------------------------------ */

static void test_close_rating(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Đánh giá", "dat-dai", NULL, code);
	fx_drive(fx, code, ST_ANSWERED);
	uint64_t before = fx_hash(fx);
	static const char *const bad[] = { "0", "6", "-1", "4.5", "", "năm" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char msg[120];
		snprintf(msg, sizeof msg, "rating: \"%s\" is not a whole number from 1 to 5", bad[i]);
		FX_FAIL(fx, wf_close(fx->rv, code, 0, bad[i], NULL), RV_EINPUT, "rating", msg);
	}
	FX_FAIL(fx, wf_close(fx->rv, code, 0, "5", "ok\x07"), RV_EINPUT, "feedback", NULL);
	/* an agency liaison may not record satisfaction */
	fx_as(fx, "sxd1");
	FX_FAIL(fx, wf_close(fx->rv, code, 0, "5", NULL), RV_EPERM, "role",
	        "sxd1 (role agency) may not record satisfaction; allowed roles: admin, staff, official, enterprise");
	/* another enterprise does not even see it */
	fx_as(fx, "datviet");
	FX_FAIL(fx, wf_close(fx->rv, code, 0, "5", NULL), RV_ENOTFOUND, "code", "no petition KN-2026-00001");
	/* its own enterprise must rate */
	fx_as(fx, "canon");
	FX_FAIL(fx, wf_close(fx->rv, code, 0, NULL, "được"), RV_EINPUT, "rating",
	        "rating: an enterprise closes a petition by rating the answer (1-5)");
	assert_true(fx_hash(fx) == before);
	FX_OK(fx, wf_close(fx->rv, code, 0, "1", "Không hài lòng"));
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	char buf[11];
	assert_int_equal(p->status, ST_CLOSED);
	assert_int_equal(p->rating, 1);
	assert_string_equal(p->feedback, "Không hài lòng");
	assert_string_equal(date_iso(p->closed, buf), "2026-01-08");
	petition_free(&p);
}

static void test_close_by_staff_without_rating(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Không cần đánh giá", "dat-dai", NULL, code);
	fx_drive(fx, code, ST_ANSWERED);
	fx_as(fx, "lan");
	FX_OK(fx, wf_close(fx->rv, code, 0, NULL, NULL));
	assert_int_equal(fx_int(fx, "SELECT rating IS NULL AND feedback IS NULL FROM petitions", NULL), 1);
}

/* ---- reject ----------------------------------------------------------- */

static void test_reject(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], other[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Ngoài thẩm quyền", NULL, NULL, code);
	fx_add(fx, FX_TAX_CANON, "Cũng ngoài", NULL, NULL, other);
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, wf_reject(fx->rv, code, 0, NULL, NULL), RV_EINPUT, "reason", "reason: is required");
	FX_FAIL(fx, wf_reject(fx->rv, code, 0, " \n\t", NULL), RV_EINPUT, "reason", "reason: must not be empty");
	FX_FAIL(fx, wf_reject(fx->rv, code, 0, "Lý do", "UBND\nxã"), RV_EINPUT, "refer-to",
	        "refer-to: \"UBND^Jxã\" contains a control character (byte 5)");
	assert_true(fx_hash(fx) == before);
	fx_as(fx, "hung");
	FX_OK(fx, wf_reject(fx->rv, code, 0, "Thuộc thẩm quyền của xã", "UBND xã Hòa Lạc"));
	FX_OK(fx, wf_reject(fx->rv, other, 0, "Trùng kiến nghị KN-2026-00001", NULL));
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	assert_int_equal(p->status, ST_REJECTED);
	assert_string_equal(p->reject_reason, "Thuộc thẩm quyền của xã");
	assert_string_equal(p->refer_to, "UBND xã Hòa Lạc");
	assert_string_equal(p->decided_by, "hung");
	petition_free(&p);
	FX_OK(fx, petition_load(fx->rv, other, 0, &p));
	assert_null(p->refer_to);
	assert_string_equal(p->decided_by, "hung");
	petition_free(&p);
	char *note = fx_text(fx, "SELECT note FROM history WHERE action = 'reject' ORDER BY id", NULL);
	assert_string_equal(note, "Thuộc thẩm quyền của xã");
	free(note);
}

/* ---- reopen ----------------------------------------------------------- */

static void test_reopen_clears_answer_history_keeps_it(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Mở lại", "dat-dai", NULL, code);
	fx_drive(fx, code, ST_IN_PROGRESS);
	fx_reopen(fx, "2026-01-14");
	FX_OK(fx, wf_answer(fx->rv, code, 0, "Trả lời lần 1", "explained"));
	fx_as(fx, "canon");
	FX_OK(fx, wf_close(fx->rv, code, 0, "1", "Chưa giải quyết"));
	fx_as(fx, NULL);
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, wf_reopen(fx->rv, code, 0, NULL), RV_EINPUT, "reason", "reason: is required");
	assert_true(fx_hash(fx) == before);
	FX_OK(fx, wf_reopen(fx->rv, code, 0, "Doanh nghiệp chưa hài lòng"));
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	assert_int_equal(p->status, ST_IN_PROGRESS);
	assert_null(p->result);
	assert_int_equal(p->outcome, -1);
	assert_int_equal(p->answered, RV_DATE_NONE);
	assert_int_equal(p->late_days, -1);
	assert_int_equal(p->closed, RV_DATE_NONE);
	/* the rating and feedback judged the superseded answer */
	assert_int_equal(p->rating, 0);
	assert_null(p->feedback);
	/* the deadline is still there, and overdue again */
	assert_true(p->overdue);
	assert_int_equal(p->days_overdue, 2);
	int64_t v = p->version;
	petition_free(&p);
	char *rows = fx_rows(fx_db(fx),
	                     "SELECT action, field, old, new, note FROM history WHERE version = "
	                     "(SELECT version FROM petitions WHERE code = ?1) ORDER BY id", code);
	assert_string_equal(rows, "set|result|Trả lời lần 1|∅|∅\n"
	                          "set|outcome|explained|∅|∅\n"
	                          "set|answered|2026-01-14|∅|∅\n"
	                          "set|late_days|2|∅|∅\n"
	                          "set|rating|1|∅|∅\n"
	                          "set|feedback|Chưa giải quyết|∅|∅\n"
	                          "set|closed|2026-01-14|∅|∅\n"
	                          "reopen|status|closed|in_progress|Doanh nghiệp chưa hài lòng");
	free(rows);
	assert_int_equal(v, 6); /* add 1, assign 2, start 3, answer 4, close 5, reopen 6 */
}

/* ---- extend ----------------------------------------------------------- */

static void test_extend(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Gia hạn", "dat-dai", NULL, code);
	fx_drive(fx, code, ST_ASSIGNED); /* deadline 12/01/2026 */
	uint64_t before = fx_hash(fx);
	fx_as(fx, "lan");
	FX_FAIL(fx, wf_extend(fx->rv, code, 0, "2026-01-20", "Chờ ý kiến"), RV_EPERM, "role",
	        "lan (role staff) may not approve deadline extensions; allowed roles: admin, official");
	fx_as(fx, "hung");
	FX_FAIL(fx, wf_extend(fx->rv, code, 0, "2026-01-12", "Chờ ý kiến"), RV_EINPUT, "due",
	        "due: 2026-01-12 is not after the current deadline 12/01/2026");
	/* Sunday 11/01 rolls forward to Monday 12/01: still not later */
	FX_FAIL(fx, wf_extend(fx->rv, code, 0, "2026-01-11", "Chờ ý kiến"), RV_EINPUT, "due",
	        "due: 2026-01-11 is not after the current deadline 12/01/2026");
	FX_FAIL(fx, wf_extend(fx->rv, code, 0, "09/01/2026", "Chờ ý kiến"), RV_EINPUT, "due",
	        "due: 09/01/2026 is not after the current deadline 12/01/2026");
	FX_FAIL(fx, wf_extend(fx->rv, code, 0, "2026-13-01", "Chờ ý kiến"), RV_EINPUT, "due", NULL);
	FX_FAIL(fx, wf_extend(fx->rv, code, 0, "2026-01-20", NULL), RV_EINPUT, "reason", "reason: is required");
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
	/* NFD reason: stored as NFC everywhere, history included */
	FX_OK(fx, wf_extend(fx->rv, code, 0, "20/01/2026", "Cho\xcc\x9b\xcc\x80 y\xcc\x81 kie\xcc\x82\xcc\x81n  "));
	FX_OK(fx, wf_extend(fx->rv, code, 0, "2026-01-24", "Lần hai")); /* Saturday → Monday 26/01 */
	struct petition *p = NULL;
	FX_OK(fx, petition_load(fx->rv, code, 0, &p));
	char a[11], b[11];
	assert_int_equal(p->status, ST_ASSIGNED);
	assert_string_equal(date_iso(p->deadline, a), "2026-01-26");
	assert_string_equal(date_iso(p->original_deadline, a), "2026-01-12");
	assert_int_equal(p->n_extensions, 2);
	assert_string_equal(date_iso(p->extensions[0].old_deadline, a), "2026-01-12");
	assert_string_equal(date_iso(p->extensions[0].new_deadline, b), "2026-01-20");
	assert_string_equal(p->extensions[0].reason, "Chờ ý kiến");
	assert_string_equal(p->extensions[0].actor, "hung");
	assert_string_equal(p->extensions[0].at, "2026-01-08T02:30:00Z");
	assert_string_equal(date_iso(p->extensions[1].old_deadline, a), "2026-01-20");
	assert_string_equal(date_iso(p->extensions[1].new_deadline, b), "2026-01-26");
	petition_free(&p);
	char *rows = fx_rows(fx_db(fx), "SELECT version, actor, action, field, old, new, note FROM history "
	                                "WHERE action <> 'set' OR field = 'deadline' ORDER BY id DESC LIMIT 3", NULL);
	/* one history row per extension: the deadline change and its reason */
	assert_string_equal(rows, "4|hung|extend|deadline|2026-01-20|2026-01-26|Lần hai\n"
	                          "3|hung|extend|deadline|2026-01-12|2026-01-20|Chờ ý kiến\n"
	                          "2|root|assign|status|received|assigned|∅");
	free(rows);
	/* open_deadlines follows the latest deadline */
	char *od = fx_rows(fx_db(fx), "SELECT a.code, o.deadline, o.n FROM open_deadlines o "
	                              "JOIN agencies a ON a.id = o.agency_id", NULL);
	assert_string_equal(od, "SXD|2026-01-26|1");
	free(od);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allowed_degenerate),
		cmocka_unit_test_setup_teardown(test_unknown_petition, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_every_action_from_every_status, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_load_state, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_code_is_case_insensitive, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_assign_needs_category, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_assign_needs_lead_and_person, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_assign_deadline_refusals, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_due_rolls_off_rest_days, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_deadline_on_real_calendar, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_assign_records_the_five_clears, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_answer_needs_result_and_outcome, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_answer_late_days, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_close_rating, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_close_by_staff_without_rating, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_reject, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_reopen_clears_answer_history_keeps_it, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_extend, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
