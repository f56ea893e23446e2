/* test_input.c — unit tests for src/input.c: every value a person types,
 * hostile first (invalid UTF-8, control characters, NUL bytes, 10 MB
 * values), each refusal checked for its code, field and exact message (the
 * value visibly quoted), then the everyday Vietnamese cases. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "input.h"

#define BIG ((size_t)10 * 1024 * 1024)

/* Cleans raw as a text field and asserts the result. */
static void text_ok(struct fx *fx, const char *raw, enum text_kind kind, size_t max, const char *want,
                    const char *file, int line)
{
	char *out = (char *)"sentinel";
	fx_ok_at(fx, input_text(fx->rv, "title", raw, kind, max, false, &out), file, line);
	if (want) {
		_assert_true(out != NULL, "out", file, line);
		_assert_string_equal(out, want, file, line);
	} else {
		_assert_true(out == NULL, "out == NULL", file, line);
	}
	free(out);
}
#define TEXT_OK(fx, raw, kind, want) text_ok(fx, raw, kind, SIZE_MAX, want, __FILE__, __LINE__)

static void text_bad(struct fx *fx, const char *raw, size_t len, enum text_kind kind, const char *msg,
                     const char *file, int line)
{
	char *out = (char *)"sentinel";
	fx_fail_at(fx, input_text_len(fx->rv, "title", raw, len, kind, LIMIT_TITLE, true, &out), RV_EINPUT, "title",
	           msg, file, line);
	_assert_true(out == NULL, "out == NULL", file, line);
}
#define TEXT_BAD(fx, lit, kind, msg) text_bad(fx, lit, sizeof(lit) - 1, kind, msg, __FILE__, __LINE__)

/* ---- text --------------------------------------------------------------- */

static void test_text_missing_and_empty(void **state)
{
	struct fx *fx = *state;
	char *out = (char *)"sentinel";
	FX_OK(fx, input_text(fx->rv, "contact", NULL, TEXT_LINE, 10, false, &out));
	assert_null(out);
	FX_FAIL(fx, input_text(fx->rv, "contact", NULL, TEXT_LINE, 10, true, &out), RV_EINPUT, "contact",
	        "contact: is required");
	FX_FAIL(fx, input_text(fx->rv, "contact", "", TEXT_LINE, 10, true, &out), RV_EINPUT, "contact",
	        "contact: must not be empty");
	FX_FAIL(fx, input_text(fx->rv, "contact", " \xc2\xa0\xe3\x80\x80 ", TEXT_LINE, 10, true, &out), RV_EINPUT,
	        "contact", "contact: must not be empty");
	assert_null(out);
	TEXT_OK(fx, "", TEXT_LINE, NULL);           /* optional and empty: no value */
	TEXT_OK(fx, "   ", TEXT_LINE, NULL);
	TEXT_OK(fx, "\n\n \n", TEXT_BODY, NULL);
}

static void test_text_invalid_utf8(void **state)
{
	struct fx *fx = *state;
	TEXT_BAD(fx, "\xff", TEXT_LINE, "title: \"<FF>\" is not valid UTF-8 (byte 1)");
	TEXT_BAD(fx, "Vi\xe1\xbb", TEXT_LINE, "title: \"Vi<E1><BB>\" is not valid UTF-8 (byte 3)"); /* cut short */
	TEXT_BAD(fx, "a\xc0\xaf", TEXT_LINE, "title: \"a<C0><AF>\" is not valid UTF-8 (byte 2)");    /* overlong '/' */
	TEXT_BAD(fx, "\xed\xa0\x80", TEXT_BODY, "title: \"<ED><A0><80>\" is not valid UTF-8 (byte 1)"); /* surrogate */
	TEXT_BAD(fx, "Hà Nội\xf4\x90\x80\x80", TEXT_LINE,
	         "title: \"Hà Nội<F4><90><80><80>\" is not valid UTF-8 (byte 10)"); /* above U+10FFFF */
}

static void test_text_control_characters(void **state)
{
	struct fx *fx = *state;
	TEXT_BAD(fx, "Đất\x1b]0;owned\x07", TEXT_LINE, "title: \"Đất^[]0;owned^G\" contains a control character (byte 7)");
	TEXT_BAD(fx, "Đất\x1b[2J", TEXT_BODY, "title: \"Đất^[[2J\" contains a control character (byte 7)");
	TEXT_BAD(fx, "a\xc2\x85" "b", TEXT_LINE, "title: \"a<U+0085>b\" contains a control character (byte 2)"); /* C1 */
	TEXT_BAD(fx, "a\xc2\x9b" "31m", TEXT_BODY, "title: \"a<U+009B>31m\" contains a control character (byte 2)");
	TEXT_BAD(fx, "a\x7f", TEXT_BODY, "title: \"a^?\" contains a control character (byte 2)");
	TEXT_BAD(fx, "dòng 1\ndòng 2", TEXT_LINE, "title: \"dòng 1^Jdòng 2\" contains a control character (byte 8)");
	TEXT_BAD(fx, "cột\tcột", TEXT_LINE, "title: \"cột^Icột\" contains a control character (byte 6)");
	/* NUL inside a body read from standard input: the quote stops at it */
	TEXT_BAD(fx, "Kính gửi\0Ban Quản lý", TEXT_BODY, "title: \"Kính gửi\" contains a control character (byte 12)");
	TEXT_BAD(fx, "\0", TEXT_BODY, "title: \"\" contains a control character (byte 1)");
	/* a body keeps newlines and tabs; CR LF becomes LF */
	TEXT_OK(fx, "Kính gửi:\r\n\tBan Quản lý\r\n", TEXT_BODY, "Kính gửi:\n\tBan Quản lý");
	/* format characters are accepted (shown escaped on output) */
	TEXT_OK(fx, "a\xe2\x80\xae" "b", TEXT_LINE, "a\xe2\x80\xae" "b");
}

static void test_text_too_long(void **state)
{
	struct fx *fx = *state;
	char *big = malloc(BIG + 1);
	assert_non_null(big);
	memset(big, 'a', BIG);
	big[BIG] = '\0';
	char *out = (char *)"sentinel";
	clock_t t0 = clock();
	FX_FAIL(fx, input_text(fx->rv, "title", big, TEXT_LINE, LIMIT_TITLE, true, &out), RV_EINPUT, "title",
	        "title: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is too long (10485760 bytes; at most 1000)");
	FX_FAIL(fx, input_text(fx->rv, "body", big, TEXT_BODY, LIMIT_TEXT, false, &out), RV_EINPUT, "body",
	        "body: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is too long (10485760 bytes; at most 65536)");
	assert_null(out);
	/* 10 MB of Vietnamese with an escape sequence at the very end */
	for (size_t i = 0; i + 3 <= BIG; i += 3)
		memcpy(big + i, "\xe1\xba\xa5", 3); /* ấ */
	memcpy(big + BIG - 4, "\x1b[0m", 4);
	assert_int_equal(input_text(fx->rv, "result", big, TEXT_BODY, LIMIT_TEXT, true, &out), RV_EINPUT);
	FX_MSG_HAS(fx, "result: \"ấấấ");
	FX_MSG_HAS(fx, "…\" is too long (10485760 bytes; at most 65536)");
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0); /* refused without crawling */
	free(big);
	/* the limit counts bytes after NFC: 400 × NFD "ò" (1200 bytes) is 800 */
	char nfd[1300] = "";
	for (int i = 0; i < 400; i++)
		strcat(nfd, "o\xcc\x80");
	char *nfc = NULL;
	FX_OK(fx, input_text(fx->rv, "title", nfd, TEXT_LINE, LIMIT_TITLE, true, &nfc));
	assert_int_equal(strlen(nfc), 800);
	free(nfc);
	char edge[LIMIT_TITLE + 2];
	memset(edge, 'x', LIMIT_TITLE);
	edge[LIMIT_TITLE] = '\0';
	FX_OK(fx, input_text(fx->rv, "title", edge, TEXT_LINE, LIMIT_TITLE, true, &nfc));
	free(nfc);
	strcat(edge, "y");
	FX_FAIL(fx, input_text(fx->rv, "title", edge, TEXT_LINE, LIMIT_TITLE, true, &nfc), RV_EINPUT, "title",
	        "title: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is too long (1001 bytes; at most 1000)");
}

static void test_text_nfc_and_trim(void **state)
{
	struct fx *fx = *state;
	TEXT_OK(fx, "Ho\xcc\x80" "a La\xcc\xa3" "c", TEXT_LINE, "Hòa Lạc");      /* NFD → NFC */
	TEXT_OK(fx, "Hoà", TEXT_LINE, "Hoà");                                    /* old tone placement kept */
	TEXT_OK(fx, "Hoa\xcc\x80", TEXT_LINE, "Hoà");
	TEXT_OK(fx, " \xc2\xa0 Sở Xây dựng \xe3\x80\x80", TEXT_LINE, "Sở Xây dựng"); /* NBSP, ideographic space */
	TEXT_OK(fx, "  thụt đầu dòng\n\n  ", TEXT_BODY, "  thụt đầu dòng");
	TEXT_OK(fx, "Ð", TEXT_LINE, "Ð"); /* U+00D0 is kept as typed; only search folds it */
	char *out = NULL;
	FX_OK(fx, input_text(fx->rv, "title", "Ho\xcc\x80" "a", TEXT_LINE, 4, true, &out));
	assert_string_equal(out, "H\xc3\xb2" "a");
	free(out);
}

/* ---- dates, numbers, closed sets ------------------------------------------- */

static void test_dates(void **state)
{
	struct fx *fx = *state;
	rv_date d = 12345;
	static const char *const bad[] = { "31/02/2026", "29/02/2026", "2026-1-8", "8-1-2026", "08/01/26",
		                           "08/01/2026 x", "hôm nay", "", "2026-01-08T00:00", "32/01/2026",
		                           "01/13/2026", "31/12/1899", "01/01/2201" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char msg[120];
		snprintf(msg, sizeof msg, "due: \"%s\" is not a date (DD/MM/YYYY or YYYY-MM-DD)", bad[i]);
		FX_FAIL(fx, input_date(fx->rv, "due", bad[i], &d), RV_EINPUT, "due", msg);
	}
	FX_FAIL(fx, input_date(fx->rv, "due", NULL, &d), RV_EINPUT, "due",
	        "due: \"\" is not a date (DD/MM/YYYY or YYYY-MM-DD)");
	FX_FAIL(fx, input_date(fx->rv, "due", "08/01\x1b/2026", &d), RV_EINPUT, "due",
	        "due: \"08/01^[/2026\" is not a date (DD/MM/YYYY or YYYY-MM-DD)");
	assert_int_equal(d, 12345);
	FX_OK(fx, input_date(fx->rv, "due", " 8/1/2026 ", &d));
	assert_int_equal(d, date_from_ymd(2026, 1, 8));
	FX_OK(fx, input_date(fx->rv, "due", "2026-01-08", &d));
	assert_int_equal(d, date_from_ymd(2026, 1, 8));
	FX_OK(fx, input_date(fx->rv, "due", "29/02/2028", &d));
	assert_int_equal(d, date_from_ymd(2028, 2, 29));
}

static void test_ints(void **state)
{
	struct fx *fx = *state;
	long v = 77;
	static const char *const bad[] = { "", " 3", "3 ", "+3", "3.0", "0x10", "3a", "٣", "99999999999999999999",
		                           "-", "--3", "6", "-6" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char msg[120];
		snprintf(msg, sizeof msg, "rating: \"%s\" is not a whole number from -5 to 5", bad[i]);
		FX_FAIL(fx, input_int(fx->rv, "rating", bad[i], -5, 5, &v), RV_EINPUT, "rating", msg);
	}
	FX_FAIL(fx, input_int(fx->rv, "rating", NULL, 1, 5, &v), RV_EINPUT, "rating",
	        "rating: \"\" is not a whole number from 1 to 5");
	assert_int_equal(v, 77);
	FX_OK(fx, input_int(fx->rv, "rating", "5", -5, 5, &v));
	assert_int_equal(v, 5);
	FX_OK(fx, input_int(fx->rv, "rating", "-5", -5, 5, &v));
	assert_int_equal(v, -5);
	FX_OK(fx, input_int(fx->rv, "rating", "007", 1, 10, &v));
	assert_int_equal(v, 7);
}

static void test_enums(void **state)
{
	struct fx *fx = *state;
	int v = 99;
	FX_FAIL(fx, input_enum(fx->rv, &channel_set, "channel", "Written", &v), RV_EINPUT, "channel",
	        "channel: \"Written\" is not a valid channel (one of: conference, written, phone, online, direct)");
	FX_FAIL(fx, input_enum(fx->rv, &status_set, "status", "in progress", &v), RV_EINPUT, "status",
	        "status: \"in progress\" is not a valid status (one of: received, classified, assigned, in_progress, "
	        "answered, closed, rejected, withdrawn)");
	FX_FAIL(fx, input_enum(fx->rv, &role_set, "role", NULL, &v), RV_EINPUT, "role",
	        "role: \"\" is not a valid role (one of: admin, staff, official, agency, enterprise)");
	FX_OK(fx, input_enum(fx->rv, &channel_set, "channel", "written", &v));
	assert_int_equal(v, CH_WRITTEN);
	FX_OK(fx, input_enum(fx->rv, &outcome_set, "outcome", "partly_resolved", &v));
	assert_int_equal(v, OC_PARTLY_RESOLVED);
}

/* ---- codes ----------------------------------------------------------------- */

typedef enum rv_code (*code_fn)(struct rv *, const char *, const char *, char **);

static void code_ok(struct fx *fx, code_fn fn, const char *raw, const char *want, const char *file, int line)
{
	char *out = NULL;
	fx_ok_at(fx, fn(fx->rv, "code", raw, &out), file, line);
	_assert_string_equal(out, want, file, line);
	free(out);
}

static void code_bad(struct fx *fx, code_fn fn, const char *raw, const char *why, const char *file, int line)
{
	char *out = (char *)"sentinel", msg[200];
	snprintf(msg, sizeof msg, "code: \"%s\" %s", raw ? raw : "", why);
	fx_fail_at(fx, fn(fx->rv, "code", raw, &out), RV_EINPUT, "code", msg, file, line);
	_assert_true(out == NULL, "out == NULL", file, line);
}

#define CODE_OK(fn, raw, want) code_ok(fx, fn, raw, want, __FILE__, __LINE__)
#define CODE_BAD(fn, raw, why) code_bad(fx, fn, raw, why, __FILE__, __LINE__)

static void test_codes(void **state)
{
	struct fx *fx = *state;
	const char *ag = "is not an agency code (1-16 letters, digits, . _ -)";
	CODE_BAD(input_agency_code, NULL, ag);
	CODE_BAD(input_agency_code, "", ag);
	CODE_BAD(input_agency_code, "S X D", ag);
	CODE_BAD(input_agency_code, "SỞ", ag);
	CODE_BAD(input_agency_code, "ABCDEFGHIJKLMNOPQ", ag); /* 17 */
	CODE_BAD(input_agency_code, "SXD;", ag);
	CODE_OK(input_agency_code, "sxd", "SXD");
	CODE_OK(input_agency_code, "evn.hn_2-a", "EVN.HN_2-A");
	CODE_OK(input_agency_code, "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOP"); /* 16 */

	const char *cat = "is not a category code (1-32 letters, digits, -)";
	CODE_BAD(input_category_code, NULL, cat);
	CODE_BAD(input_category_code, "dat_dai", cat);
	CODE_BAD(input_category_code, "đất-đai", cat);
	CODE_BAD(input_category_code, "abcdefghijklmnopqrstuvwxyz0123456", cat); /* 33 */
	CODE_OK(input_category_code, "DAT-DAI", "dat-dai");
	CODE_OK(input_category_code, "abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345");

	const char *tax = "is not a tax code (10 digits, or 10 digits-NNN for a branch)";
	CODE_BAD(input_tax_code, NULL, tax);
	CODE_BAD(input_tax_code, "010123456", tax);
	CODE_BAD(input_tax_code, "01012345678", tax);
	CODE_BAD(input_tax_code, "0101234567-01", tax);
	CODE_BAD(input_tax_code, "0101234567001", tax);
	CODE_BAD(input_tax_code, "0101234567-0a1", tax);
	CODE_BAD(input_tax_code, "01012345a7", tax);
	CODE_BAD(input_tax_code, "0101234567 ", tax);
	CODE_BAD(input_tax_code, "0101234567_001", tax);
	CODE_OK(input_tax_code, "0101234567", "0101234567");
	CODE_OK(input_tax_code, "0101234567-001", "0101234567-001");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_missing_and_empty, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text_invalid_utf8, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text_control_characters, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text_too_long, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text_nfc_and_trim, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_dates, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ints, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_enums, fx_setup_empty, fx_teardown),
		cmocka_unit_test_setup_teardown(test_codes, fx_setup_empty, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
