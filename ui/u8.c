/* u8.c — grapheme and width helpers over utf8proc and the text module.
 *
 * Whether a character needs a visible escape is asked of the text module
 * (text_visible() on that one character), so the interface and the core can
 * never disagree about what is dangerous; answers are cached per code point
 * because drawing asks for every character of every frame. */
#include "u8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

struct escape_cache_entry {
	int32_t cp;          /* 0: empty slot (NUL never reaches here) */
	unsigned char len;   /* 0: drawn as itself */
	char esc[U8_ESCAPE_MAX];
};

#define UI_CACHE_SLOTS 512

static struct escape_cache_entry escape_cache[UI_CACHE_SLOTS];

size_t u8_decode(const char *s, size_t len, size_t off, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
	                                      (utf8proc_ssize_t)(len - off), &c);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (size_t)n;
}

/* Asks the text module how the character s[0, n) is drawn after `ctx`
 * (a letter, or nothing): stores what replaces it in out and returns its
 * length, or 0 when it is drawn unchanged. */
static size_t ask_text_module(const char *ctx, const char *s, size_t n,
                              char out[U8_ESCAPE_MAX])
{
	char in[16];
	size_t clen = strlen(ctx);
	char *vis;
	size_t vlen = 0;

	memcpy(in, ctx, clen);
	memcpy(in + clen, s, n);
	in[clen + n] = '\0';
	vis = text_visible(in, false);
	if (vis == NULL || strncmp(vis, ctx, clen) != 0) {
		/* out of memory: never let the raw character through */
		free(vis);
		memcpy(out, "?", 2);
		return 1;
	}
	if (strcmp(vis, in) != 0) {
		vlen = strlen(vis + clen);
		if (vlen >= U8_ESCAPE_MAX)
			vlen = U8_ESCAPE_MAX - 1;
		memcpy(out, vis + clen, vlen);
		out[vlen] = '\0';
	}
	free(vis);
	return vlen;
}

static bool is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

size_t u8_escape(const char *s, size_t len, size_t off, size_t *cp_len, bool *bare,
                 char out[U8_ESCAPE_MAX])
{
	int32_t cp;
	unsigned char b = (unsigned char)s[off];
	size_t elen;

	*cp_len = u8_decode(s, len, off, &cp);
	if (b >= 0x20 && b < 0x7f) {
		*bare = false;
		return 0;
	}
	if (cp < 0) {
		*bare = true;
		return ask_text_module("", s + off, 1, out);
	}
	if (*bare && is_mark(cp)) {
		/* a mark with no letter: the text module decides how it looks */
		*bare = false;
		return ask_text_module("", s + off, *cp_len, out);
	}
	struct escape_cache_entry *e = &escape_cache[(uint32_t)cp % UI_CACHE_SLOTS];
	if (e->cp != cp) {
		e->cp = cp;
		e->len = (unsigned char)ask_text_module("a", s + off, *cp_len, e->esc);
	}
	elen = e->len;
	if (elen)
		memcpy(out, e->esc, elen + 1);
	*bare = elen != 0;
	return elen;
}

int u8_plain_width(const char *s, size_t n)
{
	int w = 0;

	for (size_t off = 0; off < n;) {
		int32_t cp;
		off += u8_decode(s, n, off, &cp);
		int cw = cp < 0 ? 1 : utf8proc_charwidth(cp);
		w += cw > 0 ? cw : 0;
	}
	return w;
}

size_t u8_next(const char *s, size_t len, size_t off)
{
	int32_t prev, cp;
	utf8proc_int32_t state = 0;

	if (off >= len)
		return len;
	off += u8_decode(s, len, off, &prev);
	if (prev == '\n' || prev < 0)
		return off;
	while (off < len) {
		size_t n = u8_decode(s, len, off, &cp);
		if (cp < 0 || cp == '\n' ||
		    utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		off += n;
	}
	return off;
}

size_t u8_prev(const char *s, size_t len, size_t off)
{
	size_t start, at;

	if (off == 0)
		return 0;
	if (off > len)
		off = len;
	start = off - 1;
	while (start > 0 && s[start - 1] != '\n')
		start--;
	if (s[off - 1] == '\n')
		return off - 1;
	for (at = start;;) {
		size_t next = u8_next(s, len, at);
		if (next >= off)
			return at;
		at = next;
	}
}

int u8_width(const char *s, size_t start, size_t end)
{
	int w = 0;
	bool bare = true;

	while (start < end) {
		char esc[U8_ESCAPE_MAX];
		size_t n;
		size_t elen = u8_escape(s, end, start, &n, &bare, esc);
		w += elen ? u8_plain_width(esc, elen) : u8_plain_width(s + start, n);
		start += n;
	}
	return w;
}

bool u8_is_blank(const char *s, size_t len, size_t off)
{
	return off < len && s[off] == ' ' && u8_next(s, len, off) == off + 1;
}
