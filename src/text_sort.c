/* text_sort.c — text_sort_key(): Vietnamese collation keys (see text.h).
 * The only table in the text module, the Vietnamese alphabet order, is
 * here; everything else comes from utf8proc. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "text_internal.h"

/* ---- text_sort_key ---------------------------------------------------- */

/* Level-1 classes, in key order. */
enum elem_class {
	EL_NONE,   /* combining marks at the very start: no base, no weight */
	EL_SPACE,  /* any white space */
	EL_PUNCT,  /* punctuation, symbols, controls, format characters */
	EL_DIGIT,  /* ASCII 0-9 */
	EL_LETTER, /* a letter of the Vietnamese/Latin alphabet */
	EL_OTHER,  /* everything else */
};

/* Key bytes; every one is above KEY_SEP, and KEY_SEP is above NUL. */
enum {
	KEY_SEP = 0x01,
	W_SPACE = 0x02,
	W_PUNCT = 0x03,  /* followed by a 3-byte code point */
	W_DIGIT = 0x04,  /* + digit, up to 0x0D */
	W_LETTER = 0x10, /* + alphabet rank, up to 0x30 */
	W_OTHER = 0x40,  /* followed by a 3-byte code point */
	W_LOW = 0x02,    /* level 2 and 3 weights start here */
};

/* One collation element: a base character and its combining marks. */
struct elem {
	size_t next;          /* index just after the element */
	enum elem_class cls;
	int32_t value;        /* digit, alphabet rank, or code point */
	int tone;             /* letters: 0 ngang, 1 huyền … 5 nặng */
	bool upper;
};

/* Rank in a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z
 * of an ASCII letter (either case), or of đ/Đ/ð/Ð; -1 for anything else. */
static int letter_rank(int32_t cp)
{
	static const unsigned char rank[26] = {
		0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16,
		17, 18, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32,
	};
	if (cp >= 'a' && cp <= 'z')
		return rank[cp - 'a'];
	if (cp >= 'A' && cp <= 'Z')
		return rank[cp - 'A'];
	if (cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x00F0)
		return 6;
	return -1;
}

/* The rank of the letter `rank` carrying vowel mark `mark` (ă â ê ô ơ ư),
 * or -1 when the pair is not a Vietnamese letter. */
static int vowel_rank(int rank, int32_t mark)
{
	switch (mark) {
	case 0x0306: /* breve */
		return rank == 0 ? 1 : -1;
	case 0x0302: /* circumflex */
		return rank == 0 ? 2 : rank == 7 ? 8 : rank == 18 ? 19 : -1;
	case 0x031B: /* horn */
		return rank == 18 ? 20 : rank == 26 ? 27 : -1;
	}
	return -1;
}

/* The tone (1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng) a mark gives, else 0. */
static int tone_of(int32_t mark)
{
	static const int32_t marks[] = { 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };
	for (int t = 0; t < 5; t++)
		if (mark == marks[t])
			return t + 1;
	return 0;
}

/* The level-1 class of a base character other than a Latin letter. */
static enum elem_class base_class(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return EL_DIGIT;
	if ((cp >= '\t' && cp <= '\r') || cp == 0x85)
		return EL_SPACE;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return EL_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return EL_PUNCT;
	default:
		return EL_OTHER;
	}
}

/* Reads the element starting at cp[i] (i < n) of a canonically decomposed
 * string into *e.  Only the first vowel mark and the first tone mark of a
 * letter count; other marks are left to level 4. */
static void parse_elem(const int32_t *cp, size_t n, size_t i, struct elem *e)
{
	int32_t base = cp[i];
	size_t j = i + 1;
	while (j < n && text_is_mark(cp[j]))
		j++;
	*e = (struct elem){ .next = j, .value = base };
	if (text_is_mark(base)) {
		e->cls = EL_NONE;
		return;
	}
	int rank = letter_rank(base);
	if (rank < 0) {
		e->cls = base_class(base);
		if (e->cls == EL_DIGIT) {
			e->value = base - '0';
		} else if (e->cls == EL_OTHER) {
			e->value = utf8proc_tolower(base);
			e->upper = e->value != base;
		}
		return;
	}
	e->cls = EL_LETTER;
	e->upper = (base >= 'A' && base <= 'Z') || base == 0x0110 || base == 0x00D0;
	bool modified = false;
	for (size_t k = i + 1; k < j; k++) {
		int r = modified ? -1 : vowel_rank(rank, cp[k]);
		if (r >= 0) {
			rank = r;
			modified = true;
		} else if (e->tone == 0) {
			e->tone = tone_of(cp[k]);
		}
	}
	e->value = rank;
}

/* Writes code point cp as three bytes 0x80–0xFF, order-preserving. */
static unsigned char *put_cp(unsigned char *k, int32_t cp)
{
	uint32_t u = (uint32_t)cp;
	*k++ = (unsigned char)(0x80 | ((u >> 14) & 0x7F));
	*k++ = (unsigned char)(0x80 | ((u >> 7) & 0x7F));
	*k++ = (unsigned char)(0x80 | (u & 0x7F));
	return k;
}

/* Writes the level-1 weight of e (0 to 4 bytes). */
static unsigned char *put_primary(unsigned char *k, const struct elem *e)
{
	if (e->cls == EL_SPACE) {
		*k++ = W_SPACE;
	} else if (e->cls == EL_DIGIT) {
		*k++ = (unsigned char)(W_DIGIT + e->value);
	} else if (e->cls == EL_LETTER) {
		*k++ = (unsigned char)(W_LETTER + e->value);
	} else if (e->cls != EL_NONE) {
		*k++ = e->cls == EL_PUNCT ? W_PUNCT : W_OTHER;
		k = put_cp(k, e->value);
	}
	return k;
}

/* Writes levels 1 to 3 of the n code points at cp, each level followed by
 * KEY_SEP.  Levels 2 and 3 have as many weights as there are words and
 * elements, which level 1 determines, so equal level 1 means aligned
 * levels 2 and 3. */
static unsigned char *put_levels(unsigned char *k, const int32_t *cp, size_t n)
{
	struct elem e;
	for (size_t i = 0; i < n; i = e.next) {
		parse_elem(cp, n, i, &e);
		k = put_primary(k, &e);
	}
	*k++ = KEY_SEP;
	int word_tone = -1; /* -1: not inside a word */
	for (size_t i = 0; i < n; i = e.next) {
		parse_elem(cp, n, i, &e);
		if (e.cls == EL_LETTER) {
			if (word_tone <= 0)
				word_tone = e.tone;
		} else if (e.cls != EL_NONE && word_tone >= 0) {
			*k++ = (unsigned char)(W_LOW + word_tone);
			word_tone = -1;
		}
	}
	if (word_tone >= 0)
		*k++ = (unsigned char)(W_LOW + word_tone);
	*k++ = KEY_SEP;
	for (size_t i = 0; i < n; i = e.next) {
		parse_elem(cp, n, i, &e);
		if (e.cls != EL_NONE)
			*k++ = (unsigned char)(W_LOW + e.upper);
	}
	*k++ = KEY_SEP;
	return k;
}

/* Canonical decomposition (NFD) of the valid UTF-8 s[0..n) as a malloc'd
 * array of code points; *count gets its length.  NULL when out of memory. */
static int32_t *nfd_points(const unsigned char *s, size_t n, size_t *count)
{
	const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
	if (n > (size_t)PTRDIFF_MAX / sizeof(int32_t))
		return NULL;
	utf8proc_ssize_t need = utf8proc_decompose(s, (utf8proc_ssize_t)n, NULL, 0, opt);
	if (need < 0 || (size_t)need >= SIZE_MAX / sizeof(int32_t) / 16)
		return NULL;
	int32_t *cp = malloc(((size_t)need + 1) * sizeof *cp);
	if (!cp)
		return NULL;
	utf8proc_ssize_t got = utf8proc_decompose(s, (utf8proc_ssize_t)n, cp, need, opt);
	if (got != need) {
		free(cp);
		return NULL;
	}
	*count = (size_t)need;
	return cp;
}

unsigned char *text_sort_key(const char *s, size_t *len)
{
	if (!s)
		s = "";
	unsigned char *owned;
	size_t n, count = 0;
	const unsigned char *v = text_valid_bytes(s, strlen(s), &owned, &n);
	int32_t *cp = v ? nfd_points(v, n, &count) : NULL;
	free(owned);
	if (!cp)
		return NULL;
	/* Per code point: level 1 ≤ 4 bytes, level 2 ≤ 1, level 3 ≤ 1,
	 * level 4 3; nfd_points() keeps count small enough not to overflow. */
	unsigned char *key = malloc(9 * count + 4);
	if (!key) {
		free(cp);
		return NULL;
	}
	unsigned char *k = put_levels(key, cp, count);
	for (size_t i = 0; i < count; i++)
		k = put_cp(k, cp[i]);
	*k = '\0';
	free(cp);
	if (len)
		*len = (size_t)(k - key);
	return key;
}
