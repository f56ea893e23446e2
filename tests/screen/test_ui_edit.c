/* test_ui_edit.c — the text field: clusters, Vietnamese input, NFC commit.
 * Degenerate and hostile cases first. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "edit.h"
#include "u8.h"
#include "view.h"

static int act(struct edit *e, enum action a)
{
	struct ui_event ev = { .act = a };
	return edit_request(e, &ev, false);
}

static void type(struct edit *e, const char *s)
{
	size_t n = strlen(s);
	for (size_t off = 0; off < n;) {
		int32_t cp;
		off += u8_decode(s, n, off, &cp);
		struct ui_event ev = { .act = ACT_INSERT, .ch = (wchar_t)cp };
		edit_request(e, &ev, false);
	}
}

static void test_empty_field(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, false, 0);
	assert_string_equal(edit_text(&e), "");
	act(&e, ACT_BACKSPACE);
	act(&e, ACT_DELETE);
	act(&e, ACT_LEFT);
	act(&e, ACT_RIGHT);
	act(&e, ACT_KILL_LINE);
	act(&e, ACT_KILL_WORD);
	act(&e, ACT_KILL_END);
	assert_string_equal(edit_text(&e), "");
	assert_int_equal(e.cur, 0);
	char *out = NULL;
	assert_int_equal(edit_commit(&e, &out, NULL), TEXT_OK);
	assert_string_equal(out, "");
	free(out);
	edit_free(&e);
	edit_free(&e); /* twice is harmless */
}

static void test_controls_refused(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, false, 0);
	type(&e, "a\x1b[31m\x7f\xc2\x9b\xe2\x80\xae" "b");
	/* ESC, DEL, C1 CSI and the bidi override are dropped; "[31m" is text */
	assert_string_equal(edit_text(&e), "a[31mb");
	edit_free(&e);
}

static void test_backspace_whole_cluster(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, false, 0);
	type(&e, "Hoa\xcc\x80");  /* "Hoà" decomposed: a + U+0300 */
	assert_int_equal(e.cur, 5);
	act(&e, ACT_BACKSPACE);
	assert_string_equal(edit_text(&e), "Ho");
	/* ế decomposed: e + U+0302 + U+0301, one letter */
	type(&e, "e\xcc\x82\xcc\x81");
	act(&e, ACT_LEFT);
	assert_int_equal(e.cur, 2);
	act(&e, ACT_RIGHT);
	assert_int_equal(e.cur, 7);
	act(&e, ACT_BACKSPACE);
	assert_string_equal(edit_text(&e), "Ho");
	edit_free(&e);
}

static void test_cursor_never_inside_a_letter(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, false, 0);
	/* stored text starting with a stray mark, cursor at 0, a letter typed:
	 * the mark joins it and the cursor must go past the mark */
	edit_set(&e, "\xcc\x81x");
	e.cur = 0;
	type(&e, "a");
	assert_string_equal(edit_text(&e), "a\xcc\x81x");
	assert_int_equal(e.cur, 3);
	act(&e, ACT_LEFT);
	assert_int_equal(e.cur, 0);
	act(&e, ACT_DELETE);
	assert_string_equal(edit_text(&e), "x");
	edit_free(&e);
}

static void test_commit_is_nfc(void **state)
{
	struct edit e;
	char *out = NULL;
	(void)state;
	edit_init(&e, false, 100);
	type(&e, "  Ho\xcc\x80" "a ");  /* old placement, decomposed: Hòa */
	assert_int_equal(edit_commit(&e, &out, NULL), TEXT_OK);
	assert_string_equal(out, "H\xc3\xb2" "a");  /* NFC, trimmed */
	free(out);
	edit_free(&e);
}

static void test_limit(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, false, 4);
	type(&e, "abcdé");
	assert_string_equal(edit_text(&e), "abcd");
	assert_true(e.full);
	edit_free(&e);
}

static void test_one_line_enter_and_paste(void **state)
{
	struct edit e;
	struct ui_event enter = { .act = ACT_ENTER };
	(void)state;
	edit_init(&e, false, 0);
	assert_int_equal(edit_request(&e, &enter, false), RD_IGNORED);
	type(&e, "a");
	assert_int_equal(edit_request(&e, &enter, true), RD_ALL);
	edit_insert(&e, "b\r\nc\td", 6);
	assert_string_equal(edit_text(&e), "a b  c    d");
	edit_free(&e);
}

static void test_kill_keys(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, true, 0);
	edit_set(&e, "dòng một\nđất đai  rộng");
	act(&e, ACT_KILL_WORD);
	assert_string_equal(edit_text(&e), "dòng một\nđất đai  ");
	act(&e, ACT_KILL_WORD);
	assert_string_equal(edit_text(&e), "dòng một\nđất ");
	act(&e, ACT_LINE_START);
	act(&e, ACT_KILL_END);
	assert_string_equal(edit_text(&e), "dòng một\n");
	act(&e, ACT_BACKSPACE);
	act(&e, ACT_LEFT);
	act(&e, ACT_KILL_LINE);
	assert_string_equal(edit_text(&e), "t");
	edit_free(&e);
}

static void test_multiline_up_down(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, true, 0);
	type(&e, "Đất đai");
	struct ui_event enter = { .act = ACT_ENTER };
	assert_int_equal(edit_request(&e, &enter, false), RD_ALL);
	type(&e, "ab");
	assert_string_equal(edit_text(&e), "Đất đai\nab");
	e.width = 40;
	act(&e, ACT_UP);
	/* column 2 of the first line: after "Đấ" (2 + 3 bytes) */
	assert_int_equal(e.cur, 5);
	act(&e, ACT_DOWN);
	assert_int_equal(e.cur, strlen("Đất đai\nab"));
	assert_int_equal(act(&e, ACT_DOWN), RD_IGNORED);
	edit_free(&e);
}

static void test_wrapped_rows(void **state)
{
	struct edit e;
	(void)state;
	edit_init(&e, true, 0);
	edit_set(&e, "một hai ba bốn năm sáu");
	e.width = 8;  /* rows: "một hai " "ba bốn " "năm sáu" */
	e.cur = 0;
	act(&e, ACT_DOWN);
	assert_int_equal(e.cur, strlen("một hai "));
	act(&e, ACT_DOWN);
	assert_int_equal(e.cur, strlen("một hai ba bốn "));
	edit_free(&e);
}

static void test_long_paste_is_fast(void **state)
{
	struct edit e;
	char *big = malloc(200001);
	(void)state;
	assert_non_null(big);
	for (size_t i = 0; i < 200000; i += 10)
		memcpy(big + i, "đất đai ", 10); /* 10 bytes */
	big[200000] = '\0';
	edit_init(&e, true, 0);
	clock_t t0 = clock();
	assert_true(edit_insert(&e, big, 200000));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal(e.len, 200000);
	assert_true(secs < 1.0);
	free(big);
	edit_free(&e);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_field),
		cmocka_unit_test(test_controls_refused),
		cmocka_unit_test(test_backspace_whole_cluster),
		cmocka_unit_test(test_cursor_never_inside_a_letter),
		cmocka_unit_test(test_commit_is_nfc),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_one_line_enter_and_paste),
		cmocka_unit_test(test_kill_keys),
		cmocka_unit_test(test_multiline_up_down),
		cmocka_unit_test(test_wrapped_rows),
		cmocka_unit_test(test_long_paste_is_fast),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
