/* draw.c — visible-escape text drawing with clipping.
 *
 * A string is first turned into its visible form: a byte string plus the
 * list of byte ranges that are escapes (built character by character with
 * u8_escape(), which asks the text module).  Fitting is then done on the
 * visible form with text_fit(); the escape ranges are drawn in reverse
 * video.  Characters reach curses as wide characters (addnwstr), so
 * combining marks join their letter in one cell. */
#include "draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "u8.h"

static attr_t style_attr[ST_COUNT_];
static struct rect clip_rect;
static bool clip_set;

void draw_init(bool colors)
{
	static const struct {
		short fg, bg;
		attr_t color_attr, mono_attr;
	} table[] = {
#define UI_STYLE_ROW(name, fg, bg, color_attr, mono_attr) \
		{ fg, bg, color_attr, mono_attr },
		UI_STYLES(UI_STYLE_ROW)
#undef UI_STYLE_ROW
	};

	for (int i = 0; i < ST_COUNT_; i++) {
		if (!colors) {
			style_attr[i] = table[i].mono_attr;
			continue;
		}
		style_attr[i] = table[i].color_attr;
		if (table[i].fg != -1 || table[i].bg != -1) {
			init_pair((short)(i + 1), table[i].fg, table[i].bg);
			style_attr[i] |= (attr_t)COLOR_PAIR(i + 1);
		}
	}
}

void draw_clip(const struct rect *r)
{
	clip_set = r != NULL;
	if (r)
		clip_rect = *r;
}

/* The clip rectangle intersected with the screen. */
static struct rect current_clip(void)
{
	struct rect c = { 0, 0, LINES, COLS };

	if (clip_set) {
		int y2 = clip_rect.y + clip_rect.h, x2 = clip_rect.x + clip_rect.w;
		if (clip_rect.y > c.y)
			c.y = clip_rect.y;
		if (clip_rect.x > c.x)
			c.x = clip_rect.x;
		c.h = (y2 < LINES ? y2 : LINES) - c.y;
		c.w = (x2 < COLS ? x2 : COLS) - c.x;
	}
	if (c.h < 0)
		c.h = 0;
	if (c.w < 0)
		c.w = 0;
	return c;
}

/* Columns available at (y, x) on the way to `width`; 0 when (y, x) is
 * outside the clip. */
static int clip_width(int y, int x, int width)
{
	struct rect c = current_clip();

	if (y < c.y || y >= c.y + c.h || x < c.x || x >= c.x + c.w || width <= 0)
		return 0;
	return width < c.x + c.w - x ? width : c.x + c.w - x;
}

/* ---- the visible form ---- */

struct esc_range {
	size_t start, end;
};

struct visible {
	char *s;
	size_t len, cap;
	struct esc_range *esc;
	size_t nesc, esc_cap;
	bool oom;
};

static void vis_put(struct visible *v, const char *p, size_t n)
{
	if (v->oom)
		return;
	if (v->len + n + 1 > v->cap) {
		size_t cap = (v->len + n + 1) * 2;
		char *s = realloc(v->s, cap);
		if (!s) {
			v->oom = true;
			return;
		}
		v->s = s;
		v->cap = cap;
	}
	memcpy(v->s + v->len, p, n);
	v->len += n;
	v->s[v->len] = '\0';
}

static void vis_mark(struct visible *v, size_t start)
{
	if (v->oom)
		return;
	if (v->nesc == v->esc_cap) {
		size_t cap = v->esc_cap ? v->esc_cap * 2 : 8;
		struct esc_range *e = realloc(v->esc, cap * sizeof *e);
		if (!e) {
			v->oom = true;
			return;
		}
		v->esc = e;
		v->esc_cap = cap;
	}
	v->esc[v->nesc].start = start;
	v->esc[v->nesc].end = v->len;
	v->nesc++;
}

/* Builds the visible form of s[0, len); false when out of memory. */
static bool vis_build(struct visible *v, const char *s, size_t len)
{
	bool bare = true;
	size_t run = 0;  /* start of the characters drawn as themselves */

	memset(v, 0, sizeof *v);
	vis_put(v, "", 0);
	for (size_t off = 0; off < len && !v->oom;) {
		char esc[U8_ESCAPE_MAX];
		size_t n, elen = u8_escape(s, len, off, &n, &bare, esc);
		if (elen) {
			vis_put(v, s + run, off - run);
			size_t start = v->len;
			vis_put(v, esc, elen);
			vis_mark(v, start);
			run = off + n;
		}
		off += n;
	}
	vis_put(v, s + run, len - run);
	return !v->oom;
}

static void vis_free(struct visible *v)
{
	free(v->s);
	free(v->esc);
	memset(v, 0, sizeof *v);
}

/* Sends s[0, n) (UTF-8 without escapes) to curses at the cursor. */
static void put_run(const char *s, size_t n, attr_t attr)
{
	wchar_t buf[256];
	size_t k = 0;

	if (n == 0)
		return;
	attrset(attr);
	for (size_t off = 0; off < n;) {
		int32_t cp;
		off += u8_decode(s, n, off, &cp);
		buf[k++] = cp < 0 ? L'?' : (wchar_t)cp;
		if (k == UI_ARRAY_LEN(buf)) {
			addnwstr(buf, (int)k);
			k = 0;
		}
	}
	if (k)
		addnwstr(buf, (int)k);
}

/* Draws the visible bytes v->s[from, to) at the cursor, escapes in
 * reverse video.  Escape ranges cut by `to` are drawn partially. */
static void put_visible(const struct visible *v, size_t from, size_t to, attr_t attr)
{
	attr_t esc_attr = (attr ^ A_REVERSE) | A_BOLD;
	size_t at = from;

	for (size_t i = 0; i < v->nesc && at < to; i++) {
		const struct esc_range *e = &v->esc[i];
		if (e->end <= at)
			continue;
		if (e->start >= to)
			break;
		if (e->start > at)
			put_run(v->s + at, e->start - at, attr);
		size_t s0 = e->start > at ? e->start : at;
		size_t s1 = e->end < to ? e->end : to;
		put_run(v->s + s0, s1 - s0, esc_attr);
		at = s1;
	}
	if (at < to)
		put_run(v->s + at, to - at, attr);
}

static void put_spaces(int n, attr_t attr)
{
	attrset(attr);
	for (int i = 0; i < n; i++)
		addch(' ');
}

/* Common part of draw_text() and draw_str(): pad decides whether the
 * remaining columns are filled. */
static int draw_line(int y, int x, int width, const char *s, enum style st,
                     bool align_right, bool pad)
{
	struct visible v;
	attr_t attr = style_attr[st];
	int avail = clip_width(y, x, width);
	int used;

	if (avail <= 0)
		return 0;
	if (!s)
		s = "";
	if (!vis_build(&v, s, strlen(s))) {
		vis_free(&v);
		return 0;
	}
	int w = u8_width(v.s, 0, v.len);
	move(y, x);
	if (w <= avail) {
		int gap = pad ? avail - w : 0;
		if (align_right)
			put_spaces(gap, attr);
		put_visible(&v, 0, v.len, attr);
		if (!align_right)
			put_spaces(gap, attr);
		used = w + gap;
	} else {
		char *fit = text_fit(v.s, avail, false);
		size_t k = 0;
		if (fit) {
			/* the part of fit that is a prefix of v.s keeps its escapes;
			 * the rest is "…" and padding */
			while (fit[k] && k < v.len && fit[k] == v.s[k])
				k++;
			while (k > 0 && ((unsigned char)fit[k] & 0xc0) == 0x80)
				k--;
			put_visible(&v, 0, k, attr);
			put_run(fit + k, strlen(fit + k), attr);
			free(fit);
		}
		used = avail;
	}
	vis_free(&v);
	attrset(A_NORMAL);
	return used;
}

int draw_text(int y, int x, int width, const char *s, enum style st, bool align_right)
{
	return draw_line(y, x, width, s, st, align_right, true);
}

int draw_str(int y, int x, int max_width, const char *s, enum style st)
{
	return draw_line(y, x, max_width, s, st, false, false);
}

int draw_width(const char *s)
{
	return s ? u8_width(s, 0, strlen(s)) : 0;
}

/* End of the wrapped line of v that starts at `from`, and where the next
 * one starts (*next), for `width` columns. */
static size_t wrap_break(const struct visible *v, size_t from, int width, size_t *next)
{
	size_t at = from, last_blank = 0;
	bool have_blank = false;
	int w = 0;

	while (at < v->len) {
		size_t end = u8_next(v->s, v->len, at);
		int cw = u8_width(v->s, at, end);
		if (w + cw > width && at > from) {
			if (u8_is_blank(v->s, v->len, at)) {
				*next = end;
				return at;
			}
			if (have_blank) {
				*next = last_blank + 1;
				return last_blank;
			}
			*next = at;
			return at;
		}
		if (u8_is_blank(v->s, v->len, at) && at > from) {
			have_blank = true;
			last_blank = at;
		}
		w += cw;
		at = end;
	}
	*next = v->len;
	return v->len;
}

/* Wraps one paragraph (no newline); returns the next line number. */
static int wrap_paragraph(const struct rect *r, int skip, int line,
                          const char *p, size_t n, attr_t attr)
{
	struct visible v;
	size_t at = 0;

	if (!vis_build(&v, p, n)) {
		vis_free(&v);
		return line + 1;
	}
	do {
		size_t next, end = wrap_break(&v, at, r->w, &next);
		int row = line - skip;
		if (row >= 0 && row < r->h && clip_width(r->y + row, r->x, r->w) > 0) {
			move(r->y + row, r->x);
			/* a cluster wider than the line (r->w == 1, CJK) is clipped */
			if (u8_width(v.s, at, end) <= clip_width(r->y + row, r->x, r->w))
				put_visible(&v, at, end, attr);
		}
		line++;
		at = next;
	} while (at < v.len);
	vis_free(&v);
	return line;
}

int draw_wrap(const struct rect *r, int skip, const char *s, enum style st)
{
	int line = 0;
	attr_t attr = style_attr[st];

	if (r->w <= 0 || !s)
		return 0;
	for (const char *p = s;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		line = wrap_paragraph(r, skip, line, p, n, attr);
		if (!nl)
			break;
		p = nl + 1;
	}
	attrset(A_NORMAL);
	return line;
}

void draw_fill(const struct rect *r, enum style st)
{
	for (int i = 0; i < r->h; i++) {
		int avail = clip_width(r->y + i, r->x, r->w);
		if (avail > 0) {
			move(r->y + i, r->x);
			put_spaces(avail, style_attr[st]);
		}
	}
	attrset(A_NORMAL);
}

void draw_repeat(int y, int x, int n, const char *cell, enum style st)
{
	int avail = clip_width(y, x, n);

	if (avail <= 0)
		return;
	move(y, x);
	for (int i = 0; i < avail; i++)
		put_run(cell, strlen(cell), style_attr[st]);
	attrset(A_NORMAL);
}

void draw_box(const struct rect *r, enum style st)
{
	attr_t attr = style_attr[st];

	if (r->h < 2 || r->w < 2)
		return;
	/* Unicode line drawing: the interface requires a UTF-8 locale anyway,
	 * and it reads the same in every terminal and in screen captures */
	for (int i = 0; i < r->h; i++) {
		int y = r->y + i;
		bool top = i == 0, bottom = i == r->h - 1;
		for (int j = 0; j < r->w; j++) {
			bool left = j == 0, right = j == r->w - 1;
			const char *c;
			if (!top && !bottom && !left && !right)
				continue;
			if (clip_width(y, r->x + j, 1) <= 0)
				continue;
			if (top)
				c = left ? "┌" : right ? "┐" : "─";
			else if (bottom)
				c = left ? "└" : right ? "┘" : "─";
			else
				c = "│";
			move(y, r->x + j);
			put_run(c, strlen(c), attr);
		}
	}
	attrset(A_NORMAL);
}
