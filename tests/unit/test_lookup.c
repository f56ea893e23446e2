/* test_lookup.c — unit tests for src/pin.c and src/lookup.c: PINs are
 * issued at intake and stored only as Argon2id hashes; the lookup shows
 * one petition for the right code and PIN, answers an unknown code exactly
 * like a wrong PIN, locks a code after 5 failures for 15 minutes (moved
 * with ROVIEC_NOW), and writes nothing but its counters.  Today is Thu
 * 08/01/2026, now 2026-01-08T02:30:00Z. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "lookup.h"
#include "pin.h"
#include "workflow.h"

#define NOW "2026-01-08T02:30:00Z"

/* Adds a petition from Canon through intake with a PIN. */
static void add_with_pin(struct fx *fx, const char *title, char code[static RV_CODE_MAX], char pin[static PIN_BUF])
{
	struct intake_args a = { .enterprise = FX_TAX_CANON, .title = title, .category = "dien", .pin = pin };
	FX_OK(fx, wf_add(fx->rv, &a, code));
	assert_int_equal(strlen(pin), PIN_DIGITS);
}

static enum lookup_outcome look(struct fx *fx, const char *code, const char *pin, struct lookup_view *v,
                                int *minutes)
{
	enum lookup_outcome o;
	FX_OK(fx, lookup_run(fx->rv, code, pin, &o, v, minutes));
	fx_idle(fx);
	return o;
}

/* A PIN other than pin (the next value, wrapping). */
static void wrong_pin(const char *pin, char out[static PIN_BUF])
{
	snprintf(out, PIN_BUF, "%s", pin);
	out[PIN_DIGITS - 1] = (char)('0' + (out[PIN_DIGITS - 1] - '0' + 1) % 10);
}

static void test_pin_and_hash(void **state)
{
	(void)state;
	char pin[PIN_BUF], hash[PIN_HASH_BUF], other[PIN_BUF];
	assert_true(pin_new(pin, hash));
	assert_int_equal(strlen(pin), PIN_DIGITS);
	assert_int_equal(strspn(pin, "0123456789"), PIN_DIGITS);
	assert_true(strncmp(hash, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0);
	assert_null(strstr(hash, pin));
	assert_true(pin_verify(hash, pin));
	wrong_pin(pin, other);
	assert_false(pin_verify(hash, other));
	assert_false(pin_verify(hash, ""));
	/* no hash: verified against the dummy, which has the same cost */
	assert_false(pin_verify(NULL, pin));
	assert_int_equal(crypto_pwhash_str_needs_rehash(pin_dummy_hash(), PIN_OPSLIMIT, PIN_MEMLIMIT), 0);
	assert_int_equal(crypto_pwhash_str_needs_rehash(hash, PIN_OPSLIMIT, PIN_MEMLIMIT), 0);
	/* two PINs are salted differently even when equal */
	char pin2[PIN_BUF], hash2[PIN_HASH_BUF];
	assert_true(pin_new(pin2, hash2));
	assert_string_not_equal(hash, hash2);
}

static void test_intake_stores_only_the_hash(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], pin[PIN_BUF];
	struct intake_args a = { .enterprise = FX_TAX_CANON, .title = "Cấp điện", .request_id = "r-1", .pin = pin };
	FX_OK(fx, wf_add(fx->rv, &a, code));
	assert_int_equal(strlen(pin), PIN_DIGITS);
	char *hash = fx_text(fx, "SELECT hash FROM petition_pins WHERE petition_id = "
	                         "(SELECT id FROM petitions WHERE code = ?1)", code);
	assert_non_null(hash);
	assert_true(pin_verify(hash, pin));
	/* the PIN is nowhere in the database, in any column */
	char *dump = fx_rows(fx_db(fx), "SELECT * FROM petitions JOIN petition_pins pp ON pp.petition_id = petitions.id "
	                                "JOIN history h ON h.petition_id = petitions.id", NULL);
	assert_null(strstr(dump, pin));
	free(dump);
	/* a retry issues no second PIN and keeps the first hash */
	char again[RV_CODE_MAX], pin2[PIN_BUF] = "x";
	a.pin = pin2;
	FX_OK(fx, wf_add(fx->rv, &a, again));
	assert_string_equal(again, code);
	assert_string_equal(pin2, "");
	char *hash2 = fx_text(fx, "SELECT hash FROM petition_pins WHERE petition_id = "
	                          "(SELECT id FROM petitions WHERE code = ?1)", code);
	assert_string_equal(hash, hash2);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM petition_pins", NULL), 1);
	free(hash);
	free(hash2);
	/* a refused intake issues nothing */
	struct intake_args bad = { .enterprise = FX_TAX_CANON, .title = "", .pin = pin2 };
	strcpy(pin2, "x");
	assert_int_equal(wf_add(fx->rv, &bad, again), RV_EINPUT);
	assert_string_equal(pin2, "");
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM petition_pins", NULL), 1);
}

static void test_right_pin_shows_the_petition(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], pin[PIN_BUF], lower[RV_CODE_MAX];
	add_with_pin(fx, "Mất điện kéo dài", code, pin);
	fx_drive(fx, code, ST_ASSIGNED);
	uint64_t before = fx_hash(fx);
	struct lookup_view v;
	int minutes;
	/* the code as typed: lower case and surrounding blanks are fine */
	snprintf(lower, sizeof lower, "%s", code);
	for (char *s = lower; *s; s++)
		*s = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	char typed[64];
	snprintf(typed, sizeof typed, "  %s ", lower);
	assert_int_equal(look(fx, typed, pin, &v, &minutes), LOOKUP_SHOWN);
	assert_string_equal(v.code, code);
	assert_int_equal(v.status, ST_ASSIGNED);
	assert_string_equal(v.lead_code, "SXD");
	assert_non_null(v.lead_name);
	assert_int_not_equal(v.deadline, RV_DATE_NONE);
	char d[11];
	assert_string_equal(date_vn(v.deadline, d), "12/01/2026"); /* Thu + 3 working days (Sat 10/01 is worked) */
	assert_null(v.result);
	assert_int_equal(v.outcome, -1);
	lookup_view_free(&v);
	lookup_view_free(&v); /* twice is harmless */
	/* a right PIN writes nothing at all */
	assert_true(fx_hash(fx) == before);
	/* answered: the result and outcome are shown */
	fx_drive(fx, code, ST_ANSWERED);
	assert_int_equal(look(fx, code, pin, &v, &minutes), LOOKUP_SHOWN);
	assert_string_equal(v.result, "Đã xử lý");
	assert_int_equal(v.outcome, OC_RESOLVED);
	lookup_view_free(&v);
}

static void test_unknown_code_is_a_wrong_pin(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], pin[PIN_BUF], other[PIN_BUF], nopin[RV_CODE_MAX];
	add_with_pin(fx, "Cấp nước", code, pin);
	fx_add(fx, FX_TAX_CANON, "Không có PIN", NULL, NULL, nopin); /* e.g. imported */
	wrong_pin(pin, other);
	uint64_t before = fx_hash(fx);
	struct lookup_view v;
	int minutes = -1;
	assert_int_equal(look(fx, code, other, &v, &minutes), LOOKUP_NO_MATCH);
	assert_int_equal(minutes, 0);
	assert_null(v.title);
	assert_int_equal(look(fx, "KN-2026-09999", other, &v, &minutes), LOOKUP_NO_MATCH);
	assert_null(v.title);
	assert_int_equal(look(fx, nopin, other, &v, &minutes), LOOKUP_NO_MATCH);
	assert_int_equal(look(fx, "no such thing at all", "1", &v, &minutes), LOOKUP_NO_MATCH);
	/* each counted the same way, per code as typed (upper-cased) */
	char *rows = fx_rows(fx_db(fx), "SELECT code, failures, last_at, locked_until FROM lookup_failures ORDER BY code",
	                     NULL);
	char want[512];
	snprintf(want, sizeof want, "%s|1|" NOW "|∅\n%s|1|" NOW "|∅\nKN-2026-09999|1|" NOW "|∅\nNO SUCH THING AT ALL|1|" NOW "|∅",
	         code, nopin);
	assert_string_equal(rows, want);
	free(rows);
	/* and the counters are the only change */
	assert_int_equal(fx_exec(fx, "DELETE FROM lookup_failures"), SQLITE_OK);
	assert_true(fx_hash(fx) == before);
}

static void test_five_failures_lock_for_fifteen_minutes(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], pin[PIN_BUF], other[PIN_BUF];
	add_with_pin(fx, "Hạ tầng", code, pin);
	wrong_pin(pin, other);
	struct lookup_view v;
	int minutes;
	for (int i = 0; i < LOOKUP_MAX_FAILURES; i++)
		assert_int_equal(look(fx, code, other, &v, &minutes), LOOKUP_NO_MATCH);
	/* locked: even the right PIN, and an unknown code locks the same way */
	assert_int_equal(look(fx, code, pin, &v, &minutes), LOOKUP_LOCKED);
	assert_int_equal(minutes, 15);
	assert_null(v.title);
	for (int i = 0; i < LOOKUP_MAX_FAILURES; i++)
		assert_int_equal(look(fx, "KN-2026-07777", other, &v, &minutes), LOOKUP_NO_MATCH);
	assert_int_equal(look(fx, "kn-2026-07777", other, &v, &minutes), LOOKUP_LOCKED);
	assert_int_equal(fx_int(fx, "SELECT failures FROM lookup_failures WHERE code = ?1", code), 5);
	/* 14 minutes later: still locked, one minute left */
	setenv("ROVIEC_NOW", "2026-01-08T02:44:00Z", 1);
	assert_int_equal(look(fx, code, pin, &v, &minutes), LOOKUP_LOCKED);
	assert_int_equal(minutes, 1);
	/* after 15 minutes the right PIN works again and clears the count */
	setenv("ROVIEC_NOW", "2026-01-08T02:45:00Z", 1);
	assert_int_equal(look(fx, code, pin, &v, &minutes), LOOKUP_SHOWN);
	lookup_view_free(&v);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM lookup_failures WHERE code = ?1", code), 0);
	/* after a lock runs out a wrong PIN starts a fresh count */
	assert_int_equal(look(fx, "KN-2026-07777", other, &v, &minutes), LOOKUP_NO_MATCH);
	assert_int_equal(fx_int(fx, "SELECT failures FROM lookup_failures WHERE code = 'KN-2026-07777'", NULL), 1);
	/* counters idle for a day are dropped */
	setenv("ROVIEC_NOW", "2026-01-09T03:00:00Z", 1);
	assert_int_equal(look(fx, "KN-2026-00042", other, &v, &minutes), LOOKUP_NO_MATCH);
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM lookup_failures", NULL), 1);
	setenv("ROVIEC_NOW", NOW, 1);
}

static void test_hostile_input_is_refused_uncounted(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	enum lookup_outcome o;
	struct lookup_view v;
	int minutes;
	FX_FAIL(fx, lookup_run(fx->rv, "KN\x1b]52;c;AAAA\a", "1", &o, &v, &minutes), RV_EINPUT, "code", NULL);
	FX_FAIL(fx, lookup_run(fx->rv, "KN-2026-00001", "12\x9b", &o, &v, &minutes), RV_EINPUT, "pin", NULL);
	FX_FAIL(fx, lookup_run(fx->rv, "", "1", &o, &v, &minutes), RV_EINPUT, "code", NULL);
	FX_FAIL(fx, lookup_run(fx->rv, "KN-2026-00001", NULL, &o, &v, &minutes), RV_EINPUT, "pin", NULL);
	char big[200];
	memset(big, 'A', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	FX_FAIL(fx, lookup_run(fx->rv, big, "1", &o, &v, &minutes), RV_EINPUT, "code", NULL);
	FX_FAIL(fx, lookup_run(fx->rv, "KN-2026-00001", big, &o, &v, &minutes), RV_EINPUT, "pin", NULL);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

static void test_reissue(void **state)
{
	struct fx *fx = *state;
	char code[RV_CODE_MAX], pin[PIN_BUF], other[PIN_BUF], fresh[PIN_BUF], canon[RV_CODE_MAX];
	add_with_pin(fx, "Mất PIN", code, pin);
	wrong_pin(pin, other);
	struct lookup_view v;
	int minutes;
	for (int i = 0; i < LOOKUP_MAX_FAILURES; i++)
		look(fx, code, other, &v, &minutes);
	int64_t version = fx_version(fx, code);
	/* not for enterprises or agencies, and not for a code one cannot see */
	fx_as(fx, "canon");
	FX_FAIL(fx, pin_reissue(fx->rv, code, fresh, canon), RV_EPERM, "role", NULL);
	fx_as(fx, "lan");
	FX_FAIL(fx, pin_reissue(fx->rv, "KN-2026-09999", fresh, canon), RV_ENOTFOUND, NULL, NULL);
	assert_string_equal(fresh, "");
	char lower[RV_CODE_MAX];
	snprintf(lower, sizeof lower, "kn%s", code + 2);
	FX_OK(fx, pin_reissue(fx->rv, lower, fresh, canon));
	fx_idle(fx);
	assert_string_equal(canon, code);
	assert_int_equal(strlen(fresh), PIN_DIGITS);
	/* the lock is lifted, the old PIN is dead, the new one works */
	assert_int_equal(fx_int(fx, "SELECT count(*) FROM lookup_failures", NULL), 0);
	if (strcmp(fresh, pin) != 0)
		assert_int_equal(look(fx, code, pin, &v, &minutes), LOOKUP_NO_MATCH);
	assert_int_equal(look(fx, code, fresh, &v, &minutes), LOOKUP_SHOWN);
	lookup_view_free(&v);
	/* history says who did it; the petition itself is unchanged */
	char *h = fx_rows(fx_db(fx), "SELECT version, actor, action, field, old, new FROM history WHERE petition_id = "
	                             "(SELECT id FROM petitions WHERE code = ?1) ORDER BY id DESC LIMIT 1", code);
	char want[64];
	snprintf(want, sizeof want, "%lld|lan|pin|∅|∅|∅", (long long)version);
	assert_string_equal(h, want);
	free(h);
	assert_int_equal(fx_version(fx, code), version);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pin_and_hash),
		cmocka_unit_test_setup_teardown(test_intake_stores_only_the_hash, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_right_pin_shows_the_petition, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_code_is_a_wrong_pin, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_five_failures_lock_for_fifteen_minutes, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_hostile_input_is_refused_uncounted, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_reissue, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
