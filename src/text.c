/* text.c — see text.h.
 *
 * Four parts, in this order: small helpers (decoding one code point, a
 * growable byte buffer); text_clean(), which trims, scans and normalises in
 * linear time; text_fold(), which works on the canonical decomposition
 * (text_sort_key() lives in text_sort.c); and the visible form (text_visible(),
 * text_width(), text_fit(), text_quote()), all built on one iterator,
 * vis_next(), so that what is measured is exactly what is drawn.
 * All Unicode data (normalisation, case, categories, widths, grapheme
 * breaks) comes from utf8proc; the only table here is the Vietnamese
 * alphabet order. */
#include "text.h"
#include "i18n.h"
#include "text_internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- helpers ---------------------------------------------------------- */

/* Decodes the code point starting at s[0] (n >= 1 bytes available).
 * Returns its length and stores it in *cp; for an invalid or truncated
 * sequence returns 1 and stores -1, so that callers step over exactly one
 * bad byte. */
static size_t decode(const unsigned char *s, size_t n, int32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	utf8proc_ssize_t r = utf8proc_iterate(s, n > 4 ? 4 : (utf8proc_ssize_t)n, cp);
	if (r < 1) {
		*cp = -1;
		return 1;
	}
	return (size_t)r;
}

/* True for combining marks (Unicode categories Mn, Mc, Me). */
bool text_is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* A growable byte buffer.  After an allocation failure `oom` is set and
 * every further operation is a no-op; buf_take() then returns NULL. */
struct buf {
	char *p;
	size_t len, cap;
	bool oom;
};

/* Makes room for `extra` more bytes plus a terminating NUL. */
static bool buf_reserve(struct buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (extra >= SIZE_MAX - b->len) {
		b->oom = true;
		return false;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

/* Appends n bytes from src. */
static void buf_put(struct buf *b, const void *src, size_t n)
{
	if (n && buf_reserve(b, n)) {
		memcpy(b->p + b->len, src, n);
		b->len += n;
	}
}

/* Appends `count` copies of byte c. */
static void buf_fill(struct buf *b, char c, size_t count)
{
	if (count && buf_reserve(b, count)) {
		memset(b->p + b->len, c, count);
		b->len += count;
	}
}

/* Hands over the NUL-terminated contents (an empty string if nothing was
 * added), or NULL after an allocation failure.  Leaves b empty. */
static char *buf_take(struct buf *b)
{
	char *p = NULL;
	if (buf_reserve(b, 0)) {
		b->p[b->len] = '\0';
		p = b->p;
	} else {
		free(b->p);
	}
	*b = (struct buf){ 0 };
	return p;
}

/* The bytes of s (n of them) without its invalid UTF-8 bytes: s itself when
 * it is all valid, else a malloc'd copy stored in *owned as well.  *out_n
 * gets the length.  NULL when out of memory. */
const unsigned char *text_valid_bytes(const char *s, size_t n, unsigned char **owned,
                                        size_t *out_n)
{
	const unsigned char *u = (const unsigned char *)s;
	*owned = NULL;
	*out_n = n;
	if (text_valid_utf8(s, n))
		return u;
	unsigned char *c = malloc(n + 1);
	if (!c)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t step = decode(u + i, n - i, &cp);
		if (cp >= 0) {
			memcpy(c + k, u + i, step);
			k += step;
		}
		i += step;
	}
	c[k] = '\0';
	*owned = c;
	*out_n = k;
	return c;
}

bool text_valid_utf8(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += decode(u + i, len - i, &cp);
		if (cp < 0)
			return false;
	}
	return true;
}

const char *text_status_str(enum text_status st)
{
	switch (st) {
	case TEXT_OK:
		return N_("is valid");
	case TEXT_BAD_UTF8:
		return N_("is not valid UTF-8");
	case TEXT_CONTROL:
		return N_("contains a control character");
	case TEXT_TOO_LONG:
		return N_("is too long");
	case TEXT_NOMEM:
		return N_("could not be checked (out of memory)");
	}
	return N_("has an unknown problem");
}

/* ---- text_clean ------------------------------------------------------- */

/* NFC composition never shrinks text below 2/7 of its bytes (worst case:
 * U+1FBE U+0308 U+0301, 7 bytes, composes to U+0390, 2 bytes; checked
 * against every code point of Unicode 15), and CR LF → LF halves at most,
 * so a trimmed span longer than this many times max_bytes cannot fit. */
#define NFC_SHRINK_BOUND 4

/* White space that text_clean trims: ASCII space and the Unicode space
 * separators (Zs); for TEXT_BODY also \t, \n and \r. */
static bool is_trim_space(int32_t cp, enum text_kind kind)
{
	if (cp == ' ')
		return true;
	if (cp < 0x80)
		return kind == TEXT_BODY && (cp == '\t' || cp == '\n' || cp == '\r');
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* True when cp may not appear in text of this kind. */
static bool is_refused(int32_t cp, enum text_kind kind)
{
	if (cp < 0x20)
		return !(kind == TEXT_BODY && (cp == '\n' || cp == '\t' || cp == '\r'));
	return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/* Offset of the first byte of s[0..len) after leading trimmable space. */
static size_t skip_leading(const unsigned char *s, size_t len, enum text_kind kind)
{
	size_t i = 0;
	while (i < len) {
		int32_t cp;
		size_t step = decode(s + i, len - i, &cp);
		if (cp < 0 || !is_trim_space(cp, kind))
			break;
		i += step;
	}
	return i;
}

/* End of s[start..end) once trailing trimmable space is removed.  Steps
 * back one code point at a time and stops at anything that does not decode
 * cleanly up to the current end (the scan reports it later). */
static size_t skip_trailing(const unsigned char *s, size_t start, size_t end, enum text_kind kind)
{
	while (end > start) {
		size_t p = end - 1;
		while (p > start && end - p < 4 && (s[p] & 0xC0) == 0x80)
			p--;
		int32_t cp;
		if (decode(s + p, end - p, &cp) != end - p || cp < 0 || !is_trim_space(cp, kind))
			break;
		end = p;
	}
	return end;
}

/* What scan_span() learnt about a span it accepted. */
struct span_info {
	bool has_cr;  /* contains \r (TEXT_BODY only): newlines need folding */
	bool plain;   /* no code point >= U+0300, so the span is already NFC */
};

/* Checks s[a..b) for invalid UTF-8 and refused controls.  Returns TEXT_OK
 * and fills *info, or the status with *bad set to the offending byte. */
static enum text_status scan_span(const unsigned char *s, size_t a, size_t b,
                                  enum text_kind kind, struct span_info *info, size_t *bad)
{
	info->has_cr = false;
	info->plain = true;
	for (size_t i = a; i < b;) {
		int32_t cp;
		size_t step = decode(s + i, b - i, &cp);
		if (cp < 0 || is_refused(cp, kind)) {
			*bad = i;
			return cp < 0 ? TEXT_BAD_UTF8 : TEXT_CONTROL;
		}
		if (cp == '\r')
			info->has_cr = true;
		else if (cp >= 0x300)
			info->plain = false;
		i += step;
	}
	return TEXT_OK;
}

/* Copies s[0..n) into a malloc'd buffer with CR LF and lone CR replaced by
 * LF; *out_n gets the new length.  NULL when out of memory. */
static unsigned char *fold_cr(const unsigned char *s, size_t n, size_t *out_n)
{
	unsigned char *d = malloc(n + 1);
	if (!d)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\r') {
			d[k++] = s[i];
			continue;
		}
		d[k++] = '\n';
		if (i + 1 < n && s[i + 1] == '\n')
			i++;
	}
	d[k] = '\0';
	*out_n = k;
	return d;
}

/* NFC of the valid s[0..n) into *out (malloc'd, NUL-terminated), unless it
 * is longer than max bytes.  `plain` says s is already NFC (no code point
 * at or above U+0300), which skips utf8proc entirely. */
static enum text_status nfc_limited(const unsigned char *s, size_t n, bool plain, size_t max,
                                    char **out)
{
	if (plain) {
		if (n > max)
			return TEXT_TOO_LONG;
		char *c = malloc(n + 1);
		if (!c)
			return TEXT_NOMEM;
		memcpy(c, s, n);
		c[n] = '\0';
		*out = c;
		return TEXT_OK;
	}
	if (n > (size_t)PTRDIFF_MAX / sizeof(int32_t))
		return TEXT_NOMEM;
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t r = utf8proc_map(s, (utf8proc_ssize_t)n, &d,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0)
		return r == UTF8PROC_ERROR_INVALIDUTF8 ? TEXT_BAD_UTF8 : TEXT_NOMEM;
	if ((size_t)r > max) {
		free(d);
		return TEXT_TOO_LONG;
	}
	*out = (char *)d;
	return TEXT_OK;
}

enum text_status text_clean(const char *in, size_t len, enum text_kind kind,
                            size_t max_bytes, char **out, size_t *err_offset)
{
	size_t ignored = 0;
	size_t *bad = err_offset ? err_offset : &ignored;
	*bad = 0;
	if (out)
		*out = NULL;
	if (!in && len)
		return TEXT_BAD_UTF8;
	if (kind != TEXT_BODY)
		kind = TEXT_LINE;
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	size_t a = kind == TEXT_LINE ? skip_leading(s, len, kind) : 0;
	size_t b = skip_trailing(s, a, len, kind);
	if ((b - a) / NFC_SHRINK_BOUND > max_bytes)
		return TEXT_TOO_LONG;
	struct span_info info;
	enum text_status st = scan_span(s, a, b, kind, &info, bad);
	if (st != TEXT_OK)
		return st;
	const unsigned char *span = s + a;
	size_t n = b - a;
	unsigned char *folded = NULL;
	if (info.has_cr) {
		folded = fold_cr(span, n, &n);
		if (!folded)
			return TEXT_NOMEM;
		span = folded;
	}
	char *res = NULL;
	st = nfc_limited(span, n, info.plain, max_bytes, &res);
	free(folded);
	if (out)
		*out = res;
	else
		free(res);
	return st;
}

/* ---- text_fold -------------------------------------------------------- */

/* utf8proc custom mapping: đ Đ ð Ð → d (they have no decomposition, so
 * stripping marks leaves them alone). */
static utf8proc_int32_t map_d(utf8proc_int32_t cp, void *data)
{
	(void)data;
	if (cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x00F0)
		return 'd';
	return cp;
}

char *text_fold(const char *s)
{
	if (!s)
		s = "";
	unsigned char *owned;
	size_t n;
	const unsigned char *v = text_valid_bytes(s, strlen(s), &owned, &n);
	if (!v)
		return NULL;
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t r = utf8proc_map_custom(v, (utf8proc_ssize_t)n, &d,
	                                         UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                                             UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
	                                             UTF8PROC_IGNORE,
	                                         map_d, NULL);
	free(owned);
	return r < 0 ? NULL : (char *)d;
}

/* ---- the visible form ------------------------------------------------- */

/* One thing drawn by text_visible(): a character as it is, or an escape. */
struct vis_unit {
	char bytes[16]; /* what to draw, not NUL-terminated */
	size_t len;
	int width;      /* columns */
	int32_t cp;     /* code point for grapheme rules; -1 for an escape or a kept \n/\t */
};

/* True for code points drawn as "<U+XXXX>": C1 controls, format characters
 * (Cf) and the line/paragraph separators. */
static bool needs_hex(int32_t cp)
{
	if (cp >= 0x80 && cp <= 0x9F)
		return true;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* Fills *u with an escape drawn as the given text (ASCII). */
static void set_escape(struct vis_unit *u, const char *text)
{
	u->len = strlen(text);
	memcpy(u->bytes, text, u->len);
	u->width = (int)u->len;
	u->cp = -1;
}

/* Fills *u with the escape "<" prefix HEX ">": v in upper-case hex, at
 * least min_digits digits (v < 2^24). */
static void set_hex_escape(struct vis_unit *u, const char *prefix, uint32_t v, int min_digits)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[16];
	size_t k = 0;
	esc[k++] = '<';
	while (*prefix)
		esc[k++] = *prefix++;
	int digits = min_digits;
	while (digits < 6 && (v >> (4 * digits)) != 0)
		digits++;
	for (int d = digits - 1; d >= 0; d--)
		esc[k++] = hex[(v >> (4 * d)) & 0xF];
	esc[k++] = '>';
	esc[k] = '\0';
	set_escape(u, esc);
}

/* Reads the next unit of s[0..n) (n >= 1) into *u and returns the number
 * of bytes consumed.  *bare is true while nothing before the current
 * position could carry a combining mark (start, kept \n/\t, escape); a
 * mark found then is drawn on U+25CC.  Updates *bare. */
static size_t vis_next(const unsigned char *s, size_t n, bool keep_nl, bool *bare,
                       struct vis_unit *u)
{
	int32_t cp;
	size_t step = decode(s, n, &cp);
	char esc[3];
	bool was_bare = *bare;
	*bare = true;
	if (cp < 0) {
		set_hex_escape(u, "", s[0], 2);
	} else if (keep_nl && (cp == '\n' || cp == '\t')) {
		set_escape(u, cp == '\n' ? "\n" : "\t");
		u->width = 0; /* unknown: text_width() never keeps them */
	} else if (cp < 0x20 || cp == 0x7F) {
		esc[0] = '^';
		esc[1] = (char)(cp == 0x7F ? '?' : cp + 0x40);
		esc[2] = '\0';
		set_escape(u, esc);
	} else if (needs_hex(cp)) {
		set_hex_escape(u, "U+", (uint32_t)cp, 4);
	} else {
		bool orphan = was_bare && text_is_mark(cp);
		u->len = 0;
		if (orphan) {
			memcpy(u->bytes, "\xE2\x97\x8C", 3); /* U+25CC ◌ */
			u->len = 3;
		}
		memcpy(u->bytes + u->len, s, step);
		u->len += step;
		u->width = utf8proc_charwidth(cp) + (orphan ? 1 : 0);
		u->cp = cp;
		*bare = false;
	}
	return step;
}

char *text_visible(const char *s, bool keep_newlines)
{
	if (!s)
		s = "";
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);
	struct buf b = { 0 };
	bool bare = true;
	for (size_t i = 0; i < n;) {
		struct vis_unit v;
		i += vis_next(u + i, n - i, keep_newlines, &bare, &v);
		buf_put(&b, v.bytes, v.len);
	}
	return buf_take(&b);
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);
	long long w = 0;
	bool bare = true;
	for (size_t i = 0; i < n && w < INT_MAX;) {
		struct vis_unit v;
		i += vis_next(u + i, n - i, false, &bare, &v);
		w += v.width;
	}
	return w > INT_MAX ? INT_MAX : (int)w;
}

/* Progress of fit_visible(): clusters are committed whole. */
struct fit_state {
	struct buf out;
	long long used;     /* columns of the committed clusters */
	long long pending;  /* columns of the cluster being read */
	size_t cut_len;     /* bytes of the longest committed prefix ... */
	long long cut_used; /* ... that leaves a column for "…", and its width */
	bool overflow;      /* s does not fit */
};

/* Commits the cluster being read (it ends at byte `end` of the output) if
 * it fits in width columns; otherwise marks overflow.  width >= 1. */
static void fit_commit(struct fit_state *f, size_t end, int width)
{
	if (f->used + f->pending > width) {
		f->overflow = true;
		return;
	}
	f->used += f->pending;
	f->pending = 0;
	if (f->used <= width - 1) {
		f->cut_len = end;
		f->cut_used = f->used;
	}
}

/* The visible form of s cut between grapheme clusters to at most `width`
 * (>= 1) columns, ending in "…" when it had to be cut; *used gets its
 * width.  Stops reading s as soon as it knows the result.  NULL when out
 * of memory. */
static char *fit_visible(const char *s, int width, int *used)
{
	const unsigned char *u = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)u);
	struct fit_state f = { 0 };
	bool bare = true, open = false;
	int32_t prev = -1, gstate = 0;
	for (size_t i = 0; i < n && !f.overflow;) {
		struct vis_unit v;
		i += vis_next(u + i, n - i, false, &bare, &v);
		bool brk = !open || v.cp < 0 || prev < 0 ||
		           utf8proc_grapheme_break_stateful(prev, v.cp, &gstate);
		if (brk && open) {
			fit_commit(&f, f.out.len, width);
			gstate = 0;
		}
		buf_put(&f.out, v.bytes, v.len);
		f.pending += v.width;
		if (f.used + f.pending > width)
			f.overflow = true; /* the cluster can only grow */
		open = true;
		prev = v.cp;
	}
	if (open && !f.overflow)
		fit_commit(&f, f.out.len, width);
	if (f.overflow) {
		f.out.len = f.out.oom ? 0 : f.cut_len;
		buf_put(&f.out, "\xE2\x80\xA6", 3); /* U+2026 … */
		f.used = f.cut_used + 1;
	}
	*used = (int)f.used;
	return buf_take(&f.out);
}

char *text_fit(const char *s, int width, bool align_right)
{
	if (width <= 0)
		return calloc(1, 1);
	int used;
	char *body = fit_visible(s, width, &used);
	if (!body)
		return NULL;
	size_t pad = (size_t)(width - used);
	struct buf b = { 0 };
	if (align_right)
		buf_fill(&b, ' ', pad);
	buf_put(&b, body, strlen(body));
	if (!align_right)
		buf_fill(&b, ' ', pad);
	free(body);
	return buf_take(&b);
}

char *text_quote(const char *s)
{
	int used;
	char *body = fit_visible(s, 40, &used);
	if (!body)
		return NULL;
	struct buf b = { 0 };
	buf_put(&b, "\"", 1);
	buf_put(&b, body, strlen(body));
	buf_put(&b, "\"", 1);
	free(body);
	return buf_take(&b);
}
