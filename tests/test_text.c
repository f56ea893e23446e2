/* test_text.c — unit tests for src/text.c.
 *
 * Per function: degenerate and hostile input first (empty, NULL, invalid
 * UTF-8, controls, combining marks with no base, 10 MB strings), then the
 * everyday Vietnamese cases.  Every test asserts exact output.  Source
 * literals are UTF-8 (NFC) unless written with \u escapes to spell NFD. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define BIG ((size_t)10 * 1024 * 1024)

/* ---- helpers ---------------------------------------------------------- */

/* Asserts that text_clean(in, len, kind, max) succeeds with output want. */
static void check_clean(const char *in, size_t len, enum text_kind kind, size_t max,
                        const char *want, const char *file, int line)
{
	char *out = (char *)"sentinel";
	size_t off = 12345;
	enum text_status st = text_clean(in, len, kind, max, &out, &off);
	_assert_int_equal((LargestIntegralType)st, TEXT_OK, file, line);
	_assert_true(out != NULL, "out", file, line);
	_assert_string_equal(out, want, file, line);
	free(out);
}

/* Asserts that text_clean fails with status want_st at byte want_off. */
static void check_clean_fail(const char *in, size_t len, enum text_kind kind, size_t max,
                             enum text_status want_st, size_t want_off, const char *file,
                             int line)
{
	char *out = (char *)"sentinel";
	size_t off = 12345;
	enum text_status st = text_clean(in, len, kind, max, &out, &off);
	_assert_int_equal((LargestIntegralType)st, (LargestIntegralType)want_st, file, line);
	_assert_true(out == NULL, "out == NULL", file, line);
	_assert_int_equal(off, want_off, file, line);
}

#define CLEAN(lit, kind, want) \
	check_clean(lit, sizeof(lit) - 1, kind, SIZE_MAX, want, __FILE__, __LINE__)
#define CLEAN_MAX(lit, kind, max, want) \
	check_clean(lit, sizeof(lit) - 1, kind, max, want, __FILE__, __LINE__)
#define CLEAN_FAIL(lit, kind, st, off) \
	check_clean_fail(lit, sizeof(lit) - 1, kind, SIZE_MAX, st, off, __FILE__, __LINE__)

/* Asserts that fn(in) returns exactly want, and frees it. */
static void check_str(char *got, const char *want, const char *file, int line)
{
	_assert_true(got != NULL, "result", file, line);
	_assert_string_equal(got, want, file, line);
	free(got);
}

#define FOLD(in, want) check_str(text_fold(in), want, __FILE__, __LINE__)
#define VIS(in, keep, want) check_str(text_visible(in, keep), want, __FILE__, __LINE__)
#define FIT(in, w, right, want) check_str(text_fit(in, w, right), want, __FILE__, __LINE__)
#define QUOTE(in, want) check_str(text_quote(in), want, __FILE__, __LINE__)

/* memcmp order of two keys, shorter first on a common prefix. */
static int key_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);
	if (r != 0)
		return r < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/* Sign of the comparison of the sort keys of a and b. */
static int coll(const char *a, const char *b)
{
	size_t alen, blen;
	unsigned char *ka = text_sort_key(a, &alen);
	unsigned char *kb = text_sort_key(b, &blen);
	assert_non_null(ka);
	assert_non_null(kb);
	int r = key_cmp(ka, alen, kb, blen);
	free(ka);
	free(kb);
	return r;
}

/* Asserts that the strings are in strictly increasing collation order. */
static void check_ascending(const char *const *v, size_t n, const char *file, int line)
{
	for (size_t i = 0; i + 1 < n; i++) {
		int r = coll(v[i], v[i + 1]);
		if (r >= 0)
			print_error("not ascending: \"%s\" !< \"%s\"\n", v[i], v[i + 1]);
		_assert_true(r < 0, "ascending", file, line);
	}
}

#define ASCENDING(...)                                                                   \
	do {                                                                             \
		const char *const v_[] = { __VA_ARGS__ };                                \
		check_ascending(v_, sizeof v_ / sizeof v_[0], __FILE__, __LINE__);       \
	} while (0)

/* The key of s with its length, asserting it holds no NUL byte. */
static unsigned char *key_of(const char *s, size_t *len)
{
	unsigned char *k = text_sort_key(s, len);
	assert_non_null(k);
	assert_int_equal(strlen((const char *)k), *len);
	return k;
}

/* A malloc'd string of `copies` copies of piece, NUL-terminated. */
static char *repeat(const char *piece, size_t copies)
{
	size_t n = strlen(piece);
	char *s = malloc(n * copies + 1);
	assert_non_null(s);
	for (size_t i = 0; i < copies; i++)
		memcpy(s + i * n, piece, n);
	s[n * copies] = '\0';
	return s;
}

/* ---- text_clean: hostile and degenerate ------------------------------- */

static void test_clean_empty(void **state)
{
	(void)state;
	CLEAN("", TEXT_LINE, "");
	CLEAN("", TEXT_BODY, "");
	char *out = NULL;
	assert_int_equal(text_clean(NULL, 0, TEXT_LINE, 10, &out, NULL), TEXT_OK);
	assert_string_equal(out, "");
	free(out);
	CLEAN("   ", TEXT_LINE, "");
	CLEAN("\n\r\n \t", TEXT_BODY, "");
}

static void test_clean_null_with_length(void **state)
{
	(void)state;
	char *out = (char *)"sentinel";
	size_t off = 99;
	assert_int_equal(text_clean(NULL, 3, TEXT_LINE, 10, &out, &off), TEXT_BAD_UTF8);
	assert_null(out);
	assert_int_equal(off, 0);
}

static void test_clean_lone_continuation(void **state)
{
	(void)state;
	CLEAN_FAIL("ab\x80" "c", TEXT_LINE, TEXT_BAD_UTF8, 2);
	CLEAN_FAIL("\xbf", TEXT_BODY, TEXT_BAD_UTF8, 0);
	/* trailing stray continuation after a valid character */
	CLEAN_FAIL("\xe1\xba\xa1\x80", TEXT_LINE, TEXT_BAD_UTF8, 3);
}

static void test_clean_truncated(void **state)
{
	(void)state;
	CLEAN_FAIL("xy\xe1\xba", TEXT_LINE, TEXT_BAD_UTF8, 2);  /* ạ cut short at the end */
	CLEAN_FAIL("a\xe1\xba" "b", TEXT_LINE, TEXT_BAD_UTF8, 1); /* ... and in the middle */
	CLEAN_FAIL("Hà \xc3", TEXT_BODY, TEXT_BAD_UTF8, 4);
	CLEAN_FAIL("\xf0\x9f\x98", TEXT_LINE, TEXT_BAD_UTF8, 0);
}

static void test_clean_overlong_surrogate_range(void **state)
{
	(void)state;
	CLEAN_FAIL("\xc0\x80", TEXT_LINE, TEXT_BAD_UTF8, 0);        /* overlong NUL */
	CLEAN_FAIL("ok\xe0\x80\xaf", TEXT_LINE, TEXT_BAD_UTF8, 2);  /* overlong '/' */
	CLEAN_FAIL("a\xed\xa0\x80", TEXT_LINE, TEXT_BAD_UTF8, 1);   /* U+D800 */
	CLEAN_FAIL("\xed\xbf\xbf", TEXT_BODY, TEXT_BAD_UTF8, 0);    /* U+DFFF */
	CLEAN_FAIL("\xf4\x90\x80\x80", TEXT_LINE, TEXT_BAD_UTF8, 0); /* U+110000 */
	CLEAN_FAIL("\xf5\x80\x80\x80", TEXT_LINE, TEXT_BAD_UTF8, 0);
	CLEAN_FAIL("\xff", TEXT_LINE, TEXT_BAD_UTF8, 0);
	/* the highest valid code point is fine */
	CLEAN("\xf4\x8f\xbf\xbf", TEXT_LINE, "\xf4\x8f\xbf\xbf");
}

static void test_clean_nul_refused(void **state)
{
	(void)state;
	static const char in[] = "ab\0cd";
	check_clean_fail(in, 5, TEXT_LINE, SIZE_MAX, TEXT_CONTROL, 2, __FILE__, __LINE__);
	check_clean_fail(in, 5, TEXT_BODY, SIZE_MAX, TEXT_CONTROL, 2, __FILE__, __LINE__);
	check_clean_fail(in, 3, TEXT_LINE, SIZE_MAX, TEXT_CONTROL, 2, __FILE__, __LINE__);
}

static void test_clean_controls_line(void **state)
{
	(void)state;
	CLEAN_FAIL("a\tb", TEXT_LINE, TEXT_CONTROL, 1);
	CLEAN_FAIL("a\nb", TEXT_LINE, TEXT_CONTROL, 1);
	CLEAN_FAIL("ab\rc", TEXT_LINE, TEXT_CONTROL, 2);
	CLEAN_FAIL("abc\n", TEXT_LINE, TEXT_CONTROL, 3); /* not trimmed: refused */
	CLEAN_FAIL("x\x1b[31m", TEXT_LINE, TEXT_CONTROL, 1);
	CLEAN_FAIL("ab\x7f", TEXT_LINE, TEXT_CONTROL, 2);
	CLEAN_FAIL("Hà\xc2\x85", TEXT_LINE, TEXT_CONTROL, 3);   /* NEL, C1 */
	CLEAN_FAIL("\xc2\x9b" "31m", TEXT_LINE, TEXT_CONTROL, 0); /* CSI, C1 */
	CLEAN_FAIL("  \x01 a", TEXT_LINE, TEXT_CONTROL, 2);
	/* the first offending byte wins, whatever its kind */
	CLEAN_FAIL("a\x01\xff", TEXT_LINE, TEXT_CONTROL, 1);
	CLEAN_FAIL("a\xff\x01", TEXT_LINE, TEXT_BAD_UTF8, 1);
}

static void test_clean_controls_body(void **state)
{
	(void)state;
	CLEAN("a\tb\nc", TEXT_BODY, "a\tb\nc");
	CLEAN_FAIL("a\x1b", TEXT_BODY, TEXT_CONTROL, 1);
	CLEAN_FAIL("page\x0cnext", TEXT_BODY, TEXT_CONTROL, 4);
	CLEAN_FAIL("a\x0b", TEXT_BODY, TEXT_CONTROL, 1);
	CLEAN_FAIL("\x7f", TEXT_BODY, TEXT_CONTROL, 0);
	CLEAN_FAIL("ok\n\xc2\x80", TEXT_BODY, TEXT_CONTROL, 3);
}

static void test_clean_format_chars_accepted(void **state)
{
	(void)state;
	/* bidi and zero-width characters are not controls: shown escaped later */
	CLEAN("a\u202Eb\u200Bc", TEXT_LINE, "a\u202Eb\u200Bc");
}

static void test_clean_err_offset_and_out_optional(void **state)
{
	(void)state;
	char *out = (char *)"sentinel";
	assert_int_equal(text_clean("a\x01", 2, TEXT_LINE, 10, &out, NULL), TEXT_CONTROL);
	assert_null(out);
	size_t off = 7;
	assert_int_equal(text_clean(" ok ", 4, TEXT_LINE, 10, NULL, &off), TEXT_OK);
	assert_int_equal(text_clean("a\xff", 2, TEXT_LINE, 10, NULL, &off), TEXT_BAD_UTF8);
	assert_int_equal(off, 1);
	assert_int_equal(text_clean("abc", 3, TEXT_LINE, 2, NULL, NULL), TEXT_TOO_LONG);
}

static void test_clean_combining_marks_only(void **state)
{
	(void)state;
	CLEAN("\u0301\u0301", TEXT_LINE, "\u0301\u0301");
	CLEAN("\u0301a", TEXT_LINE, "\u0301a");
	/* marks are canonically reordered even with no base */
	CLEAN("\u0301\u0323", TEXT_LINE, "\u0323\u0301");
}

static void test_clean_huge_too_long_fails_fast(void **state)
{
	(void)state;
	char *s = repeat("a", BIG);
	s[BIG - 1] = (char)0xFF;
	/* refused on length before the scan could reach the bad last byte */
	check_clean_fail(s, BIG, TEXT_LINE, (size_t)64 * 1024, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
	check_clean_fail(s, BIG, TEXT_BODY, (size_t)64 * 1024, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
	/* without the shortcut's margin, errors come before length */
	check_clean_fail(s, BIG, TEXT_LINE, BIG / 2, TEXT_BAD_UTF8, BIG - 1, __FILE__, __LINE__);
	free(s);
}

static void test_clean_huge_ok(void **state)
{
	(void)state;
	char *s = repeat("Đất đai Hoà Bình, ngày 31/12/2025. ", BIG / 40);
	size_t n = strlen(s);
	char *out = NULL;
	assert_int_equal(text_clean(s, n, TEXT_BODY, SIZE_MAX, &out, NULL), TEXT_OK);
	n--; /* the trailing space is trimmed */
	assert_int_equal(strlen(out), n);
	assert_memory_equal(out, s, n);
	free(out);
	free(s);

	s = repeat(" ", BIG);
	s[BIG - 1] = 'x';
	check_clean(s, BIG, TEXT_LINE, 1, "x", __FILE__, __LINE__);
	free(s);
}

static void test_clean_huge_nfd(void **state)
{
	(void)state;
	/* 3 bytes of NFD become 2 of NFC: fits a limit below the raw length */
	char *s = repeat("a\u0301", BIG / 3);
	size_t n = strlen(s);
	char *want = repeat("á", BIG / 3);
	check_clean(s, n, TEXT_LINE, strlen(want), want, __FILE__, __LINE__);
	check_clean_fail(s, n, TEXT_LINE, strlen(want) - 1, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
	free(want);
	free(s);
}

/* ---- text_clean: normal ----------------------------------------------- */

static void test_clean_too_long_exact(void **state)
{
	(void)state;
	CLEAN_MAX("abcde", TEXT_LINE, 5, "abcde");
	check_clean_fail("abcdef", 6, TEXT_LINE, 5, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
	CLEAN_MAX("  abc  ", TEXT_LINE, 3, "abc"); /* trimming counts */
	CLEAN_MAX("a\u0301", TEXT_LINE, 2, "á");   /* after NFC: 2 bytes, not 3 */
	check_clean_fail("a\u0301", 3, TEXT_LINE, 1, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
	CLEAN_MAX("a\r\nb", TEXT_BODY, 3, "a\nb"); /* after CR LF → LF */
	check_clean_fail("Đất", 5, TEXT_LINE, 4, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
}

static void test_clean_max_zero(void **state)
{
	(void)state;
	CLEAN_MAX("", TEXT_LINE, 0, "");
	CLEAN_MAX(" \u3000 ", TEXT_LINE, 0, "");
	check_clean_fail("a", 1, TEXT_LINE, 0, TEXT_TOO_LONG, 0, __FILE__, __LINE__);
}

static void test_clean_nfc(void **state)
{
	(void)state;
	CLEAN("Hoa\u0300 Bi\u0300nh", TEXT_LINE, "Hoà Bình");
	CLEAN("e\u0302\u0301", TEXT_LINE, "ế");
	CLEAN("e\u0323\u0302", TEXT_LINE, "ệ");
	CLEAN("e\u0302\u0323", TEXT_LINE, "ệ"); /* marks in either order */
	CLEAN("u\u031B\u0303", TEXT_LINE, "ữ");
	CLEAN("D\u0323", TEXT_LINE, "Ḍ");
	/* old and new tone placement stay distinct strings */
	CLEAN("Hòa", TEXT_LINE, "Hòa");
	CLEAN("Hoà", TEXT_LINE, "Hoà");
	/* canonical singletons */
	CLEAN("\u212B", TEXT_LINE, "Å");
	CLEAN("\u212A", TEXT_LINE, "K");
}

static void test_clean_trim_line(void **state)
{
	(void)state;
	CLEAN("  \u00A0Công ty\u3000 ", TEXT_LINE, "Công ty");
	CLEAN("a  b", TEXT_LINE, "a  b");
	CLEAN("\u2003x\u2009", TEXT_LINE, "x");
	/* zero-width space is not white space */
	CLEAN("\u200Bx", TEXT_LINE, "\u200Bx");
}

static void test_clean_trim_body(void **state)
{
	(void)state;
	CLEAN("  line1\r\nline2\r\n\r\n  ", TEXT_BODY, "  line1\nline2");
	CLEAN("a\rb", TEXT_BODY, "a\nb");
	CLEAN("a\r\r\nb", TEXT_BODY, "a\n\nb");
	CLEAN("\r\nx", TEXT_BODY, "\nx");
	CLEAN("abc \t\n \n", TEXT_BODY, "abc");
	CLEAN("\tindented", TEXT_BODY, "\tindented");
}

static void test_valid_utf8(void **state)
{
	(void)state;
	assert_true(text_valid_utf8(NULL, 0));
	assert_true(text_valid_utf8("", 0));
	assert_true(text_valid_utf8("Đất đai", strlen("Đất đai")));
	assert_true(text_valid_utf8("a\0b", 3));
	assert_false(text_valid_utf8("\xc0\x80", 2));
	assert_false(text_valid_utf8("\xed\xa0\x80", 3));
	assert_false(text_valid_utf8("\xf4\x90\x80\x80", 4));
	assert_false(text_valid_utf8("\xe1\xba", 2));
	assert_false(text_valid_utf8("\x80", 1));
	/* only len bytes are looked at */
	assert_true(text_valid_utf8("ab\xff", 2));
}

static void test_status_str(void **state)
{
	(void)state;
	assert_string_equal(text_status_str(TEXT_OK), "is valid");
	assert_string_equal(text_status_str(TEXT_BAD_UTF8), "is not valid UTF-8");
	assert_string_equal(text_status_str(TEXT_CONTROL), "contains a control character");
	assert_string_equal(text_status_str(TEXT_TOO_LONG), "is too long");
	assert_string_equal(text_status_str(TEXT_NOMEM), "could not be checked (out of memory)");
	assert_string_equal(text_status_str((enum text_status)42), "has an unknown problem");
}

/* ---- text_fold -------------------------------------------------------- */

static void test_fold_degenerate(void **state)
{
	(void)state;
	FOLD(NULL, "");
	FOLD("", "");
	FOLD("\xff\xfe", "");
	FOLD("a\xff" "b", "ab");
	FOLD("xy\xe1\xba", "xy");
	FOLD("\xc0\x80" "A\xed\xa0\x80", "a");
	FOLD("\xf4\x90\x80\x80Z", "z");
}

static void test_fold_combining_only(void **state)
{
	(void)state;
	FOLD("\u0301\u0301", "");
	FOLD("\u0301A", "a");
	FOLD("\u0323\u0302e", "e");
}

static void test_fold_d_variants(void **state)
{
	(void)state;
	FOLD("Đất Đai", "dat dai");
	FOLD("ĐẤT ĐAI", "dat dai");
	FOLD("\u0110a\u0302\u0301t \u0111ai", "dat dai"); /* NFD */
	FOLD("Ðất đai", "dat dai");                        /* U+00D0 look-alike */
	FOLD("ð", "d");
	FOLD("đĐðÐ", "dddd");
}

static void test_fold_vietnamese_vowels(void **state)
{
	(void)state;
	FOLD("àáảãạăằắẳẵặâầấẩẫậ", "aaaaaaaaaaaaaaaaa");
	FOLD("èéẻẽẹêềếểễệ", "eeeeeeeeeee");
	FOLD("ìíỉĩị", "iiiii");
	FOLD("òóỏõọôồốổỗộơờớởỡợ", "ooooooooooooooooo");
	FOLD("ùúủũụưừứửữự", "uuuuuuuuuuu");
	FOLD("ỳýỷỹỵ", "yyyyy");
	FOLD("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "aaaaaaaaaaaaaaaaa");
	FOLD("ƯỪỨỬỮỰ ƠỜỚỞỠỢ", "uuuuuu oooooo");
	FOLD("Ăn uống ở Nhà hàng Ưu Đãi", "an uong o nha hang uu dai");
}

static void test_fold_nfc_nfd_agree(void **state)
{
	(void)state;
	FOLD("Hoà Bình", "hoa binh");
	FOLD("Hòa Bình", "hoa binh");
	FOLD("Hoa\u0300 Bi\u0300nh", "hoa binh");
	FOLD("Nguye\u0302\u0303n", "nguyen");
}

static void test_fold_keeps_others(void **state)
{
	(void)state;
	FOLD("Số 12/3, Q.1 — 中文 ½", "so 12/3, q.1 — 中文 ½");
	FOLD("a\tb", "a\tb");
	FOLD("Straße", "strasse");
	FOLD("İstanbul", "istanbul");
	FOLD("ΣΊΣΥΦΟΣ", "σισυφοσ");
}

static void test_fold_drops_ignorables(void **state)
{
	(void)state;
	FOLD("đất\u00ADđai\u200B", "datdai");
	FOLD("\u202Eabc\u202C", "abc");
	FOLD("\uFEFFHà", "ha");
}

/* ---- text_sort_key ---------------------------------------------------- */

static void test_key_degenerate(void **state)
{
	(void)state;
	size_t len = 99;
	unsigned char *k = key_of(NULL, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(k, "\x01\x01\x01", 4);
	free(k);
	k = key_of("", &len);
	assert_int_equal(len, 3);
	free(k);
	k = key_of("\xff\xc0\x80\xed\xa0\x80", &len); /* only invalid bytes */
	assert_int_equal(len, 3);
	free(k);
	k = text_sort_key("abc", NULL); /* len is optional */
	assert_non_null(k);
	free(k);
	assert_int_equal(coll("a\xff" "b", "ab"), 0);
	assert_int_equal(coll("", "\u0301"), -1);
	assert_int_equal(coll("\u0301", " "), -1);
}

static void test_key_exact_bytes(void **state)
{
	(void)state;
	size_t len;
	unsigned char *k = key_of("Bà 1", &len);
	static const unsigned char want[] = {
		0x13, 0x10, 0x02, 0x05,             /* b a space 1 */
		0x01, 0x03,                         /* one word, huyền */
		0x01, 0x03, 0x02, 0x02, 0x02,       /* B upper, rest lower */
		0x01, 0x80, 0x80, 0xC2, 0x80, 0x80, 0xE1, 0x80, 0x86, 0x80, /* B a U+0300 */
		0x80, 0x80, 0xA0, 0x80, 0x80, 0xB1, /* space 1 */
	};
	assert_int_equal(len, sizeof want);
	assert_memory_equal(k, want, sizeof want);
	free(k);
}

static void test_key_never_nul(void **state)
{
	(void)state;
	const char *cases[] = {
		"\x01", "\x7f", "\xc2\x80", "\u00FF", "\u0100", "\u4000", "\uE000",
		"\U0010FFFF", "\U00010000", "@", "\u0300", "a\u0300\u0300\u0300", "\t\n",
		"Đ\u0306", "0", "9", "ð", "ꙮ", "ǅ",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		free(key_of(cases[i], &len));
	}
}

static void test_key_huge(void **state)
{
	(void)state;
	char *s = repeat("Ngô Đình Hoà ", BIG / 16);
	size_t len;
	unsigned char *k = key_of(s, &len);
	assert_true(len > strlen(s));
	free(k);
	free(s);
	s = repeat("\u0301", BIG / 2); /* only marks */
	k = key_of(s, &len);
	assert_int_equal(len, 3 + 3 * (BIG / 2));
	free(k);
	free(s);
}

static void test_key_list_order(void **state)
{
	(void)state;
	const char *in[] = {
		"Đức", "Dung", "Anh", "Ánh", "Ăn", "Âu", "Bình", "Hòa", "Hoa",
		"Hỏa", "Ơn", "Ôn", "On", "Ưng", "Uyên", "Yến", "Công ty TNHH Đông Á",
		"Công ty Cổ phần An Phát",
	};
	const char *want[] = {
		"Anh", "Ánh", "Ăn", "Âu", "Bình", "Công ty Cổ phần An Phát",
		"Công ty TNHH Đông Á", "Dung", "Đức", "Hoa", "Hòa", "Hỏa", "On", "Ôn",
		"Ơn", "Uyên", "Ưng", "Yến",
	};
	enum { N = sizeof in / sizeof in[0] };
	assert_int_equal(N, sizeof want / sizeof want[0]);
	/* selection sort by key: no qsort comparator needing globals */
	for (size_t i = 0; i < N; i++)
		for (size_t j = i + 1; j < N; j++)
			if (coll(in[j], in[i]) < 0) {
				const char *t = in[i];
				in[i] = in[j];
				in[j] = t;
			}
	for (size_t i = 0; i < N; i++)
		assert_string_equal(in[i], want[i]);
}

static void test_key_tones(void **state)
{
	(void)state;
	ASCENDING("a", "à", "ả", "ã", "á", "ạ");
	ASCENDING("ê", "ề", "ể", "ễ", "ế", "ệ");
	ASCENDING("ma", "mà", "mả", "mã", "má", "mạ");
	/* NFD input ranks the same */
	ASCENDING("a", "a\u0300", "a\u0309", "a\u0303", "a\u0301", "a\u0323");
}

static void test_key_alphabet(void **state)
{
	(void)state;
	ASCENDING("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j",
	          "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư",
	          "v", "w", "x", "y", "z");
	ASCENDING("A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư", "Y");
}

static void test_key_letters_before_tones(void **state)
{
	(void)state;
	ASCENDING("á", "ă");       /* a with sắc before ă ngang */
	ASCENDING("ạ", "ằ");
	ASCENDING("ác", "ăa");
	ASCENDING("bà", "bac");
	ASCENDING("Ba", "Bà", "Ba Đình"); /* tones only break level-1 ties */
	ASCENDING("ở", "ơ\u0301");
}

static void test_key_case_last(void **state)
{
	(void)state;
	ASCENDING("a", "A", "à", "À", "b");
	ASCENDING("hoa", "hOa", "Hoa", "HOA", "hòa");
	ASCENDING("A", "b");
	ASCENDING("đ", "Đ", "e");
}

static void test_key_space_punct_digits(void **state)
{
	(void)state;
	ASCENDING("An Bình", "An-Bình", "An0", "Anh");
	ASCENDING(" ", "!", "-", "~", "0", "9", "a");
	ASCENDING("A1", "Aa");
	ASCENDING("10", "2"); /* digit by digit, not numeric */
	ASCENDING("a\tb", "a b" /* same level 1, code point tie-break */, "a-b");
}

static void test_key_other_scripts_after(void **state)
{
	(void)state;
	ASCENDING("z", "ω", "Ω", "中", "中文");
	ASCENDING("ø", "中"); /* no decomposition: other, by code point */
	ASCENDING("Z", "\uE000");
}

static void test_key_old_new_tone_adjacent(void **state)
{
	(void)state;
	size_t l1, l2;
	unsigned char *a = key_of("Hòa", &l1);
	unsigned char *b = key_of("Hoà", &l2);
	/* levels 1–3 agree: the keys differ only after the third separator */
	unsigned char *sep = a;
	for (int i = 0; i < 3; i++)
		sep = (unsigned char *)memchr(sep, 0x01, l1 - (size_t)(sep - a)) + 1;
	size_t head = (size_t)(sep - a);
	assert_memory_equal(a, b, head);
	free(a);
	free(b);
	ASCENDING("Hoa", "Hoà", "Hòa", "Hoả", "Hỏa", "Hoã", "Hõa", "Hoá", "Hóa", "Hoạ", "Họa");
	ASCENDING("Thuỷ", "Thủy", "Thụy");
}

static void test_key_nfc_nfd_same(void **state)
{
	(void)state;
	size_t l1, l2;
	unsigned char *a = key_of("Nguyễn Thị Ánh Tuyết", &l1);
	unsigned char *b = key_of("Nguye\u0302\u0303n Thi\u0323 A\u0301nh Tuye\u0302\u0301t", &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(a, b, l1);
	free(a);
	free(b);
	assert_int_equal(coll("ệ", "e\u0302\u0323"), 0);
	assert_int_equal(coll("ệ", "e\u0323\u0302"), 0);
}

static void test_key_eth_and_foreign_accents(void **state)
{
	(void)state;
	ASCENDING("Dung", "đức", "Ðức", "Đức", "Em");
	ASCENDING("Muller", "Müller", "Mullet");
	ASCENDING("ca", "ça", "cb");
	/* a vowel mark on the wrong letter is a foreign accent */
	ASCENDING("i", "î", "j");
}

/* ---- text_width ------------------------------------------------------- */

static void test_width_degenerate(void **state)
{
	(void)state;
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("\xff"), 4);
	assert_int_equal(text_width("\xc0\x80"), 8);
	assert_int_equal(text_width("\xed\xa0\x80"), 12);
	assert_int_equal(text_width("\u0301"), 1);       /* drawn on ◌ */
	assert_int_equal(text_width("\u0301\u0323"), 1);
	assert_int_equal(text_width("\x1b\u0301"), 3);   /* ^[ then ◌́ */
}

static void test_width_basic(void **state)
{
	(void)state;
	assert_int_equal(text_width("Hoà Bình"), 8);
	assert_int_equal(text_width("Hoa\u0300 Bi\u0300nh"), 8);
	assert_int_equal(text_width("Nguye\u0302\u0303n"), 6);
	assert_int_equal(text_width("中文"), 4);
	assert_int_equal(text_width("…"), 1);
	assert_int_equal(text_width("😀"), 2);
	assert_int_equal(text_width("\x1b"), 2);
	assert_int_equal(text_width("\t\n"), 4);
	assert_int_equal(text_width("\u202E"), 8);
	assert_int_equal(text_width("\U000E0041"), 9);
	assert_int_equal(text_width("\xc2\x9b"), 8);
}

static void test_width_huge(void **state)
{
	(void)state;
	char *s = repeat("a", BIG);
	assert_int_equal(text_width(s), (int)BIG);
	free(s);
	s = repeat("\xff", BIG);
	assert_int_equal(text_width(s), (int)(4 * BIG));
	free(s);
}

/* ---- text_visible ----------------------------------------------------- */

static void test_visible_degenerate(void **state)
{
	(void)state;
	VIS(NULL, false, "");
	VIS("", true, "");
	VIS("\x80", false, "<80>");
	VIS("\xe1\xba", false, "<E1><BA>");
	VIS("\xc0\x80", false, "<C0><80>");
	VIS("\xed\xa0\x80", false, "<ED><A0><80>");
	VIS("\xf4\x90\x80\x80", false, "<F4><90><80><80>");
	VIS("ok\xff", false, "ok<FF>");
	VIS("\xe1\xba" "a", false, "<E1><BA>a");
}

static void test_visible_c0_and_del(void **state)
{
	(void)state;
	VIS("\x1b[2J", false, "^[[2J");
	VIS("a\rb", false, "a^Mb");
	VIS("\x01\x1f\x7f", false, "^A^_^?");
	VIS("a\nb\tc", false, "a^Jb^Ic");
	VIS("a\rb", true, "a^Mb");
}

static void test_visible_keep_newlines(void **state)
{
	(void)state;
	VIS("a\nb\tc\r", true, "a\nb\tc^M");
	VIS("\x1b\n", true, "^[\n");
}

static void test_visible_c1(void **state)
{
	(void)state;
	VIS("\xc2\x9b" "31m", false, "<U+009B>31m");
	VIS("\xc2\x80\xc2\x85\xc2\x9f", true, "<U+0080><U+0085><U+009F>");
}

static void test_visible_format_chars(void **state)
{
	(void)state;
	VIS("\u200E\u200F", false, "<U+200E><U+200F>");
	VIS("\u202A\u202B\u202C\u202D\u202E", false,
	    "<U+202A><U+202B><U+202C><U+202D><U+202E>");
	VIS("\u2066\u2067\u2068\u2069", false, "<U+2066><U+2067><U+2068><U+2069>");
	VIS("a\u200Bb\u200Cc\u200Dd\u2060e", false, "a<U+200B>b<U+200C>c<U+200D>d<U+2060>e");
	VIS("\uFEFFx\u00ADy\u061C", false, "<U+FEFF>x<U+00AD>y<U+061C>");
	VIS("\u2028\u2029", true, "<U+2028><U+2029>");
	VIS("\U000E0041", false, "<U+E0041>");
	VIS("\u202Egnp.exe", false, "<U+202E>gnp.exe");
}

static void test_visible_orphan_marks(void **state)
{
	(void)state;
	VIS("\u0301a", false, "◌\u0301a");
	VIS("\u0301\u0302", false, "◌\u0301\u0302");
	VIS("a\u0301", false, "a\u0301");
	VIS("\n\u0301", true, "\n◌\u0301");
	VIS("\n\u0301", false, "^J◌\u0301");
	VIS("\x1b\u0301", false, "^[◌\u0301");
	VIS("\xff\u0301", false, "<FF>◌\u0301");
	VIS(" \u0301", false, " \u0301"); /* a space is a base */
}

static void test_visible_plain_unchanged(void **state)
{
	(void)state;
	VIS("Công ty TNHH Đông Á — 中文 😀", false, "Công ty TNHH Đông Á — 中文 😀");
	VIS("Nguye\u0302\u0303n", false, "Nguye\u0302\u0303n");
}

static void test_visible_no_terminal_bytes(void **state)
{
	(void)state;
	/* every C0 but NUL, DEL, every C1, every invalid lead byte */
	char in[32 + 2 + 64 + 128 + 1];
	size_t k = 0;
	for (int c = 1; c < 0x20; c++)
		in[k++] = (char)c;
	in[k++] = 0x7F;
	in[k++] = 'x';
	for (int c = 0x80; c <= 0x9F; c++) {
		in[k++] = (char)0xC2;
		in[k++] = (char)c;
	}
	for (int c = 0x80; c <= 0xFF; c++)
		in[k++] = (char)c;
	in[k] = '\0';
	for (int keep = 0; keep < 2; keep++) {
		char *v = text_visible(in, keep);
		assert_non_null(v);
		assert_true(text_valid_utf8(v, strlen(v)));
		for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
			bool allowed_ctl = keep && (*p == '\n' || *p == '\t');
			assert_true(*p >= 0x20 || allowed_ctl);
			assert_true(*p != 0x7F);
			assert_false(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F);
		}
		free(v);
	}
}

/* ---- text_fit --------------------------------------------------------- */

static void test_fit_degenerate(void **state)
{
	(void)state;
	FIT("abc", 0, false, "");
	FIT("abc", -5, true, "");
	FIT(NULL, 3, false, "   ");
	FIT("", 2, true, "  ");
	FIT("\xff", 3, false, "…  ");
	FIT("\xff", 4, false, "<FF>");
	FIT("\u0301", 3, false, "◌\u0301  ");
	FIT("\u0301", 1, false, "◌\u0301");
}

static void test_fit_pad(void **state)
{
	(void)state;
	FIT("abc", 5, false, "abc  ");
	FIT("abc", 5, true, "  abc");
	FIT("abc", 3, false, "abc");
	FIT("Hoà", 4, true, " Hoà");
	FIT("Hoa\u0300", 4, false, "Hoa\u0300 ");
}

static void test_fit_truncate(void **state)
{
	(void)state;
	FIT("Nguyễn Văn An", 8, false, "Nguyễn …");
	FIT("Nguyễn Văn An", 7, false, "Nguyễn…");
	FIT("Nguyễn Văn An", 7, true, "Nguyễn…");
	FIT("ab", 1, false, "…");
	FIT("a", 1, false, "a");
	FIT("abcdef", 2, true, "a…");
}

static void test_fit_wide(void **state)
{
	(void)state;
	FIT("中文字", 4, false, "中… ");
	FIT("中文字", 4, true, " 中…");
	FIT("中文字", 6, false, "中文字");
	FIT("中文字", 5, false, "中文…");
	FIT("中", 1, false, "…");
	FIT("中文", 3, false, "中…");
	FIT("中文", 2, false, "… ");
	FIT("😀x", 2, false, "… ");
}

static void test_fit_never_splits_marks(void **state)
{
	(void)state;
	FIT("Hoa\u0300 Bi\u0300nh", 4, false, "Hoa\u0300…");
	FIT("Hoa\u0300 Bi\u0300nh", 3, false, "Ho…");
	FIT("a\u0301\u0323b", 2, false, "a\u0301\u0323b");
	FIT("a\u0301\u0323bc", 2, false, "a\u0301\u0323…");
	FIT("e\u0302\u0301e\u0302\u0301e\u0302\u0301", 2, false, "e\u0302\u0301…");
}

static void test_fit_controls(void **state)
{
	(void)state;
	FIT("\x1b[31mred", 5, false, "^[[3…");
	FIT("\x1b[31mred", 2, false, "… ");  /* an escape is never cut */
	FIT("\x1b[31mred", 3, false, "^[…");
	FIT("a\nb", 4, false, "a^Jb");
	FIT("\u202Eabc", 9, false, "<U+202E>…");
	FIT("\u202Eabc", 11, true, "<U+202E>abc");
}

static void test_fit_exact_width(void **state)
{
	(void)state;
	const char *cases[] = {
		"", "a", "Hoà Bình", "Hoa\u0300 Bi\u0300nh", "中文字 mix", "\x1b[1m\x7f",
		"\u0301\u0301x", "\xff\xfe\xfd", "😀😀😀", "\u202Eabc\u200Bd",
		"Công ty TNHH Thương mại Đông Á", "\xe1\xba",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (int w = 1; w <= 24; w++)
			for (int right = 0; right < 2; right++) {
				char *f = text_fit(cases[i], w, right);
				assert_non_null(f);
				assert_int_equal(text_width(f), w);
				free(f);
			}
}

static void test_fit_huge(void **state)
{
	(void)state;
	char *s = repeat("a", BIG);
	FIT(s, 10, false, "aaaaaaaaa…");
	free(s);
	s = repeat("\u0301", BIG / 2); /* one cluster: ◌ and millions of marks */
	char *f = text_fit(s, 3, false);
	assert_non_null(f);
	assert_int_equal(strlen(f), 3 + BIG + 2);
	assert_memory_equal(f, "◌\u0301", 5);
	assert_string_equal(f + 3 + BIG, "  ");
	free(f);
	free(s);
	s = repeat("\u0301", BIG / 2);
	s[0] = 'a'; /* "a", a stray byte 0x81, then ◌ and millions of marks */
	FIT(s, 5, false, "a…   ");
	assert_int_equal(text_width(s), 6);
	free(s);
}

/* ---- text_quote ------------------------------------------------------- */

static void test_quote_degenerate(void **state)
{
	(void)state;
	QUOTE(NULL, "\"\"");
	QUOTE("", "\"\"");
	QUOTE("\xff\xfe", "\"<FF><FE>\"");
	QUOTE("\u0301", "\"◌\u0301\"");
}

static void test_quote_short(void **state)
{
	(void)state;
	QUOTE("Hoà", "\"Hoà\"");
	QUOTE("a\x1b[0m", "\"a^[[0m\"");
	QUOTE("line1\nline2", "\"line1^Jline2\"");
}

static void test_quote_long(void **state)
{
	(void)state;
	char *s = repeat("x", 40);
	char *got = text_quote(s);
	assert_non_null(got);
	assert_int_equal(strlen(got), 42);
	assert_true(got[0] == '"' && got[41] == '"');
	assert_memory_equal(got + 1, s, 40);
	free(got);
	free(s);
	s = repeat("x", 41);
	got = text_quote(s);
	assert_non_null(got);
	assert_int_equal(strlen(got), 1 + 39 + 3 + 1);
	assert_memory_equal(got + 1, s, 39);
	assert_string_equal(got + 40, "…\"");
	free(got);
	free(s);
	QUOTE("Công ty TNHH Thương mại và Dịch vụ Hoàng Long Việt Nam",
	      "\"Công ty TNHH Thương mại và Dịch vụ Hoàn…\"");
	QUOTE("中中中中中中中中中中中中中中中中中中中中中",
	      "\"中中中中中中中中中中中中中中中中中中中…\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_empty),
		cmocka_unit_test(test_clean_null_with_length),
		cmocka_unit_test(test_clean_lone_continuation),
		cmocka_unit_test(test_clean_truncated),
		cmocka_unit_test(test_clean_overlong_surrogate_range),
		cmocka_unit_test(test_clean_nul_refused),
		cmocka_unit_test(test_clean_controls_line),
		cmocka_unit_test(test_clean_controls_body),
		cmocka_unit_test(test_clean_format_chars_accepted),
		cmocka_unit_test(test_clean_err_offset_and_out_optional),
		cmocka_unit_test(test_clean_combining_marks_only),
		cmocka_unit_test(test_clean_huge_too_long_fails_fast),
		cmocka_unit_test(test_clean_huge_ok),
		cmocka_unit_test(test_clean_huge_nfd),
		cmocka_unit_test(test_clean_too_long_exact),
		cmocka_unit_test(test_clean_max_zero),
		cmocka_unit_test(test_clean_nfc),
		cmocka_unit_test(test_clean_trim_line),
		cmocka_unit_test(test_clean_trim_body),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_status_str),
		cmocka_unit_test(test_fold_degenerate),
		cmocka_unit_test(test_fold_combining_only),
		cmocka_unit_test(test_fold_d_variants),
		cmocka_unit_test(test_fold_vietnamese_vowels),
		cmocka_unit_test(test_fold_nfc_nfd_agree),
		cmocka_unit_test(test_fold_keeps_others),
		cmocka_unit_test(test_fold_drops_ignorables),
		cmocka_unit_test(test_key_degenerate),
		cmocka_unit_test(test_key_exact_bytes),
		cmocka_unit_test(test_key_never_nul),
		cmocka_unit_test(test_key_huge),
		cmocka_unit_test(test_key_list_order),
		cmocka_unit_test(test_key_tones),
		cmocka_unit_test(test_key_alphabet),
		cmocka_unit_test(test_key_letters_before_tones),
		cmocka_unit_test(test_key_case_last),
		cmocka_unit_test(test_key_space_punct_digits),
		cmocka_unit_test(test_key_other_scripts_after),
		cmocka_unit_test(test_key_old_new_tone_adjacent),
		cmocka_unit_test(test_key_nfc_nfd_same),
		cmocka_unit_test(test_key_eth_and_foreign_accents),
		cmocka_unit_test(test_width_degenerate),
		cmocka_unit_test(test_width_basic),
		cmocka_unit_test(test_width_huge),
		cmocka_unit_test(test_visible_degenerate),
		cmocka_unit_test(test_visible_c0_and_del),
		cmocka_unit_test(test_visible_keep_newlines),
		cmocka_unit_test(test_visible_c1),
		cmocka_unit_test(test_visible_format_chars),
		cmocka_unit_test(test_visible_orphan_marks),
		cmocka_unit_test(test_visible_plain_unchanged),
		cmocka_unit_test(test_visible_no_terminal_bytes),
		cmocka_unit_test(test_fit_degenerate),
		cmocka_unit_test(test_fit_pad),
		cmocka_unit_test(test_fit_truncate),
		cmocka_unit_test(test_fit_wide),
		cmocka_unit_test(test_fit_never_splits_marks),
		cmocka_unit_test(test_fit_controls),
		cmocka_unit_test(test_fit_exact_width),
		cmocka_unit_test(test_fit_huge),
		cmocka_unit_test(test_quote_degenerate),
		cmocka_unit_test(test_quote_short),
		cmocka_unit_test(test_quote_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
