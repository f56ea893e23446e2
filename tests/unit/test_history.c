/* test_history.c — unit tests for src/history.c and src/verify.c: the
 * canonical encoding (pinned by vectors computed independently, with
 * Python's hashlib, from the encoding docs/trust.md describes), the chain
 * every writer extends, and what verify reports when the file is edited
 * behind roviec's back.  Today is Thu 08/01/2026. */
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
#include "history.h"
#include "verify.h"
#include "workflow.h"

static void hash_of(const unsigned char prev[HISTORY_HASH_LEN], int64_t id, const struct history_row *r,
                    unsigned char out[HISTORY_HASH_LEN])
{
	struct history_cell cells[HISTORY_COLS];
	history_row_cells(id, r, cells);
	history_hash_cells(prev, cells, out);
}

static void assert_hex(const unsigned char h[HISTORY_HASH_LEN], const char *want)
{
	char hex[2 * HISTORY_HASH_LEN + 1];
	history_hex(h, hex);
	assert_string_equal(hex, want);
}

/* ---- encoding ----------------------------------------------------------- */

static void test_known_vectors(void **state)
{
	(void)state;
	const unsigned char zero[HISTORY_HASH_LEN] = { 0 };
	const struct history_row r1 = { 2, 3, "2026-01-08T02:30:00Z", "root", "lan", "set", "title", NULL,
		                        "Tiếng Việt", "" };
	unsigned char h1[HISTORY_HASH_LEN], h2[HISTORY_HASH_LEN];
	hash_of(zero, 1, &r1, h1);
	assert_hex(h1, "95573a2a9e25e7df6890bc8f68ea493d386e2376ddc2ad6ab95db99a11e78a64");
	/* negative and extreme integers, "" vs NULL, a decomposed accent */
	const struct history_row r2 = { -1, INT64_MAX, "a", "b", "c", "d", NULL, "", "e\xcc\x81", NULL };
	hash_of(h1, 2, &r2, h2);
	assert_hex(h2, "24e7b8c0e553d7d6f8b2e3324571701a55f5a02b63c38b9ad36c740a1e4449b9");
}

static void test_encoding_separates_values(void **state)
{
	(void)state;
	const unsigned char zero[HISTORY_HASH_LEN] = { 0 };
	struct history_row base = { 1, 1, "t", "o", "a", "set", "ab", "c", NULL, NULL };
	unsigned char h0[HISTORY_HASH_LEN], h[HISTORY_HASH_LEN];
	hash_of(zero, 1, &base, h0);
	struct history_row r = base;
	r.field = "a"; /* "ab","c" vs "a","bc": the same bytes run together */
	r.old = "bc";
	hash_of(zero, 1, &r, h);
	assert_memory_not_equal(h, h0, HISTORY_HASH_LEN);
	r = base;
	r.note = ""; /* "" is not NULL */
	hash_of(zero, 1, &r, h);
	assert_memory_not_equal(h, h0, HISTORY_HASH_LEN);
	r = base;
	r.new_ = r.note = NULL; /* NULLs in other places */
	r.old = NULL;
	r.new_ = "c";
	hash_of(zero, 1, &r, h);
	assert_memory_not_equal(h, h0, HISTORY_HASH_LEN);
	hash_of(zero, 2, &base, h); /* the id counts */
	assert_memory_not_equal(h, h0, HISTORY_HASH_LEN);
	unsigned char other[HISTORY_HASH_LEN] = { 1 };
	hash_of(other, 1, &base, h); /* and so does the previous hash */
	assert_memory_not_equal(h, h0, HISTORY_HASH_LEN);
	/* NFC and NFD spellings of "Việt" are different bytes, hence hashes */
	r = base;
	r.new_ = "Vi\xe1\xbb\x87t";
	hash_of(zero, 1, &r, h0);
	r.new_ = "Vie\xcc\xa3\xcc\x82t";
	hash_of(zero, 1, &r, h);
	assert_memory_not_equal(h, h0, HISTORY_HASH_LEN);
	hash_of(zero, 1, &base, h0); /* and it is a function */
	hash_of(zero, 1, &base, h);
	assert_memory_equal(h, h0, HISTORY_HASH_LEN);
}

/* ---- the chain ---------------------------------------------------------- */

/* Every writer in the core extends the same chain; verify agrees with it. */
static void test_chain_over_writers(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	char a[RV_CODE_MAX], b[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Xin cấp điện", "dat-dai", NULL, a);
	fx_add(fx, FX_TAX_DATVIET, "Hạ tầng \xe2\x80\xae giao thông", NULL, NULL, b); /* odd but valid UTF-8 */
	fx_drive(fx, a, ST_CLOSED);
	int64_t conf = 0;
	const struct conference_args ca = { .title = "Đối thoại quý I", .date = "2026-01-08" };
	FX_OK(fx, conf_add(rv, &ca, &conf));
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)conf);
	FX_OK(fx, conf_link(rv, id, b, 0, false));
	fx_idle(fx); /* conf_link left its lookup statement on a row once */
	int64_t rows = fx_int(fx, "SELECT count(*) FROM history", NULL);
	assert_true(rows >= 8);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM history WHERE length(hash) = 32", NULL), rows);
	assert_int_equal(fx_int(fx, "SELECT max(id) - min(id) + 1 FROM history", NULL), rows);
	struct verify_checkpoint head;
	FX_OK(fx, verify_db(rv, fx_db(fx), NULL, &head));
	assert_int_equal(head.rows, rows);
	assert_int_equal(head.id, rows);
	unsigned char *stored = (unsigned char *)fx_text(fx, "SELECT hex(hash) FROM history ORDER BY id DESC LIMIT 1", NULL);
	char hex[2 * HISTORY_HASH_LEN + 1];
	history_hex(head.hash, hex);
	for (char *p = hex; *p; p++)
		*p = (char)(*p >= 'a' ? *p - 32 : *p);
	assert_string_equal((char *)stored, hex);
	free(stored);
	/* the head a writer reads is the one verify reached */
	struct history_chain c;
	FX_OK(fx, history_head(rv, &c));
	assert_int_equal(c.last_id, head.id);
	assert_memory_equal(c.head, head.hash, HISTORY_HASH_LEN);
	/* and a checkpoint taken now is met */
	struct verify_checkpoint again;
	FX_OK(fx, verify_db(rv, fx_db(fx), &head, &again));
}

/* Edits made with plain SQL, triggers dropped: each is named. */
static void test_verify_names_tampering(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	char a[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Xin cấp điện", "dat-dai", NULL, a);
	fx_drive(fx, a, ST_ANSWERED);
	int64_t n = fx_int(fx, "SELECT count(*) FROM history", NULL);
	struct verify_checkpoint cp, head;
	FX_OK(fx, verify_db(rv, fx_db(fx), NULL, &cp));
	assert_int_equal(cp.rows, n);

	char *was = fx_text(fx, "SELECT new FROM history WHERE id = 3", NULL);
	assert_non_null(was);
	assert_int_equal(fx_exec(fx, "DROP TRIGGER history_no_update"), SQLITE_OK);
	assert_int_equal(fx_exec(fx, "UPDATE history SET new = 'Khác' WHERE id = 3"), SQLITE_OK);
	char want[300];
	snprintf(want, sizeof want, "history row 3 (%s): its content does not match its hash", a);
	assert_int_equal(verify_db(rv, fx_db(fx), NULL, &head), RV_EVERIFY);
	FX_MSG_HAS(fx, want);
	/* the value put back: the chain holds again, the missing trigger is named */
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(fx_db(fx), "UPDATE history SET new = ?1 WHERE id = 3", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, was, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(was);
	FX_FAIL(fx, verify_db(rv, fx_db(fx), NULL, &head), RV_EVERIFY, "triggers",
	        "triggers: history_no_update is missing, so history is no longer append-only");
	assert_int_equal(fx_exec(fx, "UPDATE history SET hash = NULL WHERE id = 2"), SQLITE_OK);
	assert_int_equal(verify_db(rv, fx_db(fx), NULL, &head), RV_EVERIFY);
	snprintf(want, sizeof want, "history row 2 (%s): it has no hash", a);
	FX_MSG_HAS(fx, want);
}

static void test_verify_tail_and_triggers(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	char a[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Xin cấp điện", "dat-dai", NULL, a);
	fx_drive(fx, a, ST_CLOSED);
	struct verify_checkpoint cp, head;
	FX_OK(fx, verify_db(rv, fx_db(fx), NULL, &cp));
	assert_int_equal(fx_exec(fx, "DROP TRIGGER history_no_delete"), SQLITE_OK);
	FX_FAIL(fx, verify_db(rv, fx_db(fx), NULL, &head), RV_EVERIFY, "triggers",
	        "triggers: history_no_delete is missing, so history is no longer append-only");
	char sql[120];
	snprintf(sql, sizeof sql, "DELETE FROM history WHERE id > %lld", (long long)cp.id - 2);
	assert_int_equal(fx_exec(fx, sql), SQLITE_OK);
	/* the shortened chain is still a chain; only the checkpoint knows */
	char want[300];
	snprintf(want, sizeof want, "history ends at row %lld (%lld rows) but the checkpoint has %lld rows up to row %lld: "
	         "its tail was removed", (long long)cp.id - 2, (long long)cp.rows - 2, (long long)cp.rows, (long long)cp.id);
	FX_FAIL(fx, verify_db(rv, fx_db(fx), &cp, &head), RV_EVERIFY, "history", want);
	/* a deleted row in the middle */
	assert_int_equal(fx_exec(fx, "DELETE FROM history WHERE id = 4"), SQLITE_OK);
	snprintf(want, sizeof want, "history row 5 (%s): row 4 before it is missing (deleted), or this row was changed", a);
	FX_FAIL(fx, verify_db(rv, fx_db(fx), NULL, &head), RV_EVERIFY, "history", want);
}

static void test_checkpoint_text(void **state)
{
	struct fx *fx = *state;
	struct verify_checkpoint cp = { .rows = 17, .id = 19 }, back;
	for (int k = 0; k < HISTORY_HASH_LEN; k++)
		cp.hash[k] = (unsigned char)(k * 7 + 1);
	char line[200];
	verify_format_checkpoint(&cp, line, sizeof line);
	assert_string_equal(line, "roviec-checkpoint rows=17 id=19 sha256=01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3da");
	FX_OK(fx, verify_parse_checkpoint(fx->rv, line, &back));
	assert_memory_equal(&back, &cp, sizeof cp);
	const char *json = "{\"ok\": true, \"rows\": 17, \"head_id\": 19, \"sha256\": "
	                   "\"01080F161D242B323940474E555C636A71787F868D949BA2A9B0B7BEC5CCD3DA\"}\n";
	FX_OK(fx, verify_parse_checkpoint(fx->rv, json, &back));
	assert_memory_equal(&back, &cp, sizeof cp);
	FX_FAIL(fx, verify_parse_checkpoint(fx->rv, "roviec-checkpoint rows=17 id=19 sha256=0108", &back), RV_EINPUT,
	        "against", "against: \"roviec-checkpoint rows=17 id=19 sha256=0\" is not a checkpoint "
	                   "(roviec-checkpoint rows=N id=ID sha256=HEX)");
	FX_FAIL(fx, verify_parse_checkpoint(fx->rv, "\x1b[31m", &back), RV_EINPUT, "against",
	        "against: \"^[[31m\" is not a checkpoint (roviec-checkpoint rows=N id=ID sha256=HEX)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_vectors),
		cmocka_unit_test(test_encoding_separates_values),
		cmocka_unit_test_setup_teardown(test_chain_over_writers, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_verify_names_tampering, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_verify_tail_and_triggers, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_checkpoint_text, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
