/* edit.c — the text field: buffer operations, cluster-wise motion, layout.
 *
 * Layout of a multi-line field: each line (up to a newline) is broken
 * into rows of at most `width` columns after the last blank that fits, or
 * between clusters inside a word longer than a row.  A cursor on a row
 * boundary belongs to the start of the next row, except at a newline or
 * the end of the text. */
#include "edit.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "u8.h"
#include "view.h"

#define TAB_SPACES 4

void edit_init(struct edit *e, bool multiline, size_t max_bytes)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	e->max_bytes = max_bytes;
	e->goal_col = -1;
	e->width = 80;
	e->cap = 64;
	e->buf = calloc(e->cap, 1);
	if (!e->buf) {
		e->cap = 0;
		e->oom = true;
		e->buf = (char *)"";
	}
}

void edit_free(struct edit *e)
{
	if (e->cap)
		free(e->buf);
	e->buf = NULL;
	e->cap = e->len = e->cur = 0;
}

const char *edit_text(const struct edit *e)
{
	return e->buf ? e->buf : "";
}

static bool reserve(struct edit *e, size_t extra)
{
	if (e->len + extra + 1 <= e->cap)
		return true;
	size_t cap = e->cap ? e->cap : 64;
	while (cap < e->len + extra + 1)
		cap *= 2;
	char *b = e->cap ? realloc(e->buf, cap) : malloc(cap);
	if (!b) {
		e->oom = true;
		return false;
	}
	if (!e->cap)
		b[0] = '\0';
	e->buf = b;
	e->cap = cap;
	return true;
}

bool edit_set(struct edit *e, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	e->len = e->cur = 0;
	if (!reserve(e, n))
		return false;
	if (n)
		memcpy(e->buf, s, n);
	e->len = e->cur = n;
	e->buf[n] = '\0';
	e->changes++;
	e->scroll = 0;
	e->goal_col = -1;
	return true;
}

enum text_status edit_commit(const struct edit *e, char **out, size_t *err_offset)
{
	size_t max = e->max_bytes ? e->max_bytes : (size_t)-1;
	return text_clean(edit_text(e), e->len, e->multiline ? TEXT_BODY : TEXT_LINE,
	                  max, out, err_offset);
}

/* Removes buf[from, to) and puts the cursor at from. */
static void delete_range(struct edit *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->changes++;
	e->cur = from;
}

/* Inserts raw bytes at the cursor; false when over the limit or OOM. */
static bool insert_raw(struct edit *e, const char *s, size_t n)
{
	if (e->max_bytes && e->len + n > e->max_bytes) {
		e->full = true;
		return false;
	}
	if (!reserve(e, n))
		return false;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, s, n);
	e->len += n;
	e->changes++;
	e->cur += n;
	return true;
}

/* After an insertion the text after the cursor may have joined the
 * inserted character's cluster (a base letter typed before stray marks):
 * move the cursor past them so it stays on a boundary. */
static void snap_cursor(struct edit *e)
{
	int32_t before, after;
	utf8proc_int32_t state = 0;
	size_t p;

	if (e->cur == 0 || e->cur >= e->len)
		return;
	p = e->cur - 1;
	while (p > 0 && ((unsigned char)e->buf[p] & 0xc0) == 0x80)
		p--;
	u8_decode(e->buf, e->len, p, &before);
	while (e->cur < e->len) {
		size_t n = u8_decode(e->buf, e->len, e->cur, &after);
		if (before < 0 || after < 0 || after == '\n' ||
		    utf8proc_grapheme_break_stateful(before, after, &state))
			return;
		before = after;
		e->cur += n;
	}
}

/* Inserts one character as typed; refuses what would be drawn escaped,
 * unless `literal` (a paste: kept, drawn visibly, judged on commit). */
static bool insert_char(struct edit *e, int32_t cp, bool literal)
{
	utf8proc_uint8_t enc[8];
	char esc[U8_ESCAPE_MAX];
	size_t n, cpn;

	if (cp == '\t') {
		bool ok = true;
		for (int i = 0; i < TAB_SPACES && ok; i++)
			ok = insert_raw(e, " ", 1);
		return ok;
	}
	if (cp == '\n') {
		if (!e->multiline)
			return insert_raw(e, " ", 1);
		return insert_raw(e, "\n", 1);
	}
	if (cp < 0 || !utf8proc_codepoint_valid(cp))
		return false;
	n = (size_t)utf8proc_encode_char(cp, enc);
	bool bare = false;  /* typed marks may join the letter before them */
	if (!literal && u8_escape((const char *)enc, n, 0, &cpn, &bare, esc))
		return false;
	if (!insert_raw(e, (const char *)enc, n))
		return false;
	snap_cursor(e);
	return true;
}

bool edit_insert(struct edit *e, const char *s, size_t n)
{
	bool ok = true;

	for (size_t off = 0; off < n;) {
		int32_t cp;
		off += u8_decode(s, n, off, &cp);
		if (cp == '\r')
			cp = '\n';
		if (!insert_char(e, cp, false))
			ok = false;
		if (e->full)
			break;
	}
	return ok;
}

static size_t line_start(const struct edit *e, size_t at)
{
	while (at > 0 && e->buf[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(const struct edit *e, size_t at)
{
	while (at < e->len && e->buf[at] != '\n')
		at++;
	return at;
}

/* Deletes the word before the cursor (blanks first, then non-blanks). */
static void kill_word(struct edit *e)
{
	size_t from = e->cur, ls = line_start(e, e->cur);

	while (from > ls) {
		size_t p = u8_prev(e->buf, e->len, from);
		if (!u8_is_blank(e->buf, e->len, p))
			break;
		from = p;
	}
	while (from > ls) {
		size_t p = u8_prev(e->buf, e->len, from);
		if (u8_is_blank(e->buf, e->len, p))
			break;
		from = p;
	}
	delete_range(e, from, e->cur);
}

/* ---- layout of a multi-line field ---- */

struct row {
	size_t start, end;  /* bytes of the row, end excluding the newline */
};

/* End of the row starting at `from` within the line ending at `le`. */
static size_t row_end(const struct edit *e, size_t from, size_t le, int width)
{
	size_t at = from, after_blank = 0;
	int w = 0;

	while (at < le) {
		size_t next = u8_next(e->buf, le, at);
		int cw = u8_width(e->buf, at, next);
		if (w + cw > width && at > from)
			return after_blank > from ? after_blank : at;
		w += cw;
		if (u8_is_blank(e->buf, le, at))
			after_blank = next;
		at = next;
	}
	return le;
}

/* Lays the text out in rows of `width`; returns the number of rows and
 * stores up to max of them in rows[] (rows may be NULL to count). */
static size_t layout(const struct edit *e, int width, struct row *rows, size_t max)
{
	size_t n = 0, at = 0;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t le = line_end(e, at);
		size_t from = at;
		do {
			size_t end = row_end(e, from, le, width);
			if (rows && n < max)
				rows[n] = (struct row){ from, end };
			n++;
			from = end;
		} while (from < le);
		if (le >= e->len)
			break;
		at = le + 1;
	}
	return n;
}

/* The row holding the cursor and the cursor's column in it. */
static size_t cursor_row(const struct edit *e, const struct row *rows, size_t n,
                         int *col)
{
	size_t r = 0;

	for (size_t i = 0; i < n; i++) {
		bool last_of_line = i + 1 == n || rows[i + 1].start != rows[i].end;
		if (e->cur >= rows[i].start &&
		    (e->cur < rows[i].end || (e->cur == rows[i].end && last_of_line))) {
			r = i;
			break;
		}
	}
	*col = u8_width(e->buf, rows[r].start, e->cur);
	return r;
}

/* Byte offset in row r closest to column col without passing it. */
static size_t offset_at_col(const struct edit *e, const struct row *row, int col)
{
	size_t at = row->start;
	int w = 0;

	while (at < row->end) {
		size_t next = u8_next(e->buf, row->end, at);
		int cw = u8_width(e->buf, at, next);
		if (w + cw > col)
			break;
		w += cw;
		at = next;
	}
	return at;
}

/* Up (dir -1) or Down (dir +1) one row; false at the first/last row. */
static bool move_vertical(struct edit *e, int dir, int width)
{
	size_t n = layout(e, width, NULL, 0);
	struct row *rows = malloc(n * sizeof *rows);
	int col;
	bool moved = false;

	if (!rows)
		return false;
	layout(e, width, rows, n);
	size_t r = cursor_row(e, rows, n, &col);
	if (e->goal_col < 0)
		e->goal_col = col;
	if ((dir < 0 && r > 0) || (dir > 0 && r + 1 < n)) {
		e->cur = offset_at_col(e, &rows[(size_t)((long)r + dir)], e->goal_col);
		moved = true;
	}
	free(rows);
	return moved;
}

int edit_request(struct edit *e, const struct ui_event *ev, bool pasting)
{
	e->full = false;
	if (ev->act != ACT_UP && ev->act != ACT_DOWN)
		e->goal_col = -1;
	if (!pasting)
		e->paste_cut = false;
	switch (ev->act) {
	case ACT_INSERT:
		/* a paste over the limit stops there, not with smaller
		 * characters picked from further on */
		if (e->paste_cut)
			return RD_ALL;
		if (!insert_char(e, (int32_t)ev->ch, pasting) && pasting && e->full)
			e->paste_cut = true;
		return RD_ALL;
	case ACT_ENTER:
		if (!e->multiline && !pasting)
			return RD_IGNORED;
		insert_char(e, '\n', false);
		return RD_ALL;
	case ACT_NEXT_FIELD:
		if (!pasting)
			return RD_IGNORED;
		insert_char(e, '\t', false);
		return RD_ALL;
	case ACT_LEFT:
		e->cur = u8_prev(e->buf, e->len, e->cur);
		return RD_ALL;
	case ACT_RIGHT:
		e->cur = u8_next(e->buf, e->len, e->cur);
		return RD_ALL;
	case ACT_LINE_START:
		e->cur = line_start(e, e->cur);
		return RD_ALL;
	case ACT_LINE_END:
		e->cur = line_end(e, e->cur);
		return RD_ALL;
	case ACT_BACKSPACE:
		delete_range(e, u8_prev(e->buf, e->len, e->cur), e->cur);
		return RD_ALL;
	case ACT_DELETE:
		delete_range(e, e->cur, u8_next(e->buf, e->len, e->cur));
		return RD_ALL;
	case ACT_KILL_LINE:
		delete_range(e, line_start(e, e->cur), e->cur);
		return RD_ALL;
	case ACT_KILL_END:
		delete_range(e, e->cur, line_end(e, e->cur));
		return RD_ALL;
	case ACT_KILL_WORD:
		kill_word(e);
		return RD_ALL;
	case ACT_UP:
	case ACT_DOWN:
		if (!e->multiline)
			return RD_IGNORED;
		return move_vertical(e, ev->act == ACT_UP ? -1 : 1, e->width) ? RD_ALL : RD_IGNORED;
	default:
		return RD_IGNORED;
	}
}

/* ---- drawing ---- */

/* Draws buf[start, end) in `width` columns at (y, x). */
static void draw_slice(const struct edit *e, int y, int x, int width,
                       size_t start, size_t end, enum style st)
{
	char *tmp = malloc(end - start + 1);

	if (!tmp)
		return;
	memcpy(tmp, e->buf + start, end - start);
	tmp[end - start] = '\0';
	draw_text(y, x, width, tmp, st, false);
	free(tmp);
}

static void draw_one_line(struct edit *e, const struct rect *r, enum style st,
                          int *cy, int *cx)
{
	int ccol = u8_width(e->buf, 0, e->cur);
	size_t at = 0;
	int skipped = 0;

	if (ccol - e->scroll >= r->w)
		e->scroll = ccol - r->w + 1;
	if (ccol < e->scroll)
		e->scroll = ccol > r->w / 2 ? ccol - r->w / 2 : 0;
	/* the first cluster that starts at or after the scroll column */
	while (at < e->len && skipped < e->scroll) {
		size_t next = u8_next(e->buf, e->len, at);
		skipped += u8_width(e->buf, at, next);
		at = next;
	}
	int lead = skipped - e->scroll;
	if (lead > 0)
		draw_text(r->y, r->x, lead, "", st, false);
	draw_slice(e, r->y, r->x + lead, r->w - lead, at, e->len, st);
	if (cy)
		*cy = r->y;
	if (cx)
		*cx = r->x + ccol - e->scroll;
}

static void draw_multi_line(struct edit *e, const struct rect *r, enum style st,
                            int *cy, int *cx)
{
	size_t n = layout(e, r->w, NULL, 0);
	struct row *rows = malloc(n * sizeof *rows);
	int col;

	if (!rows)
		return;
	layout(e, r->w, rows, n);
	size_t cr = cursor_row(e, rows, n, &col);
	if (col >= r->w) {  /* a full last row: the cursor opens the next */
		cr++;
		col = 0;
	}
	if ((int)cr < e->scroll)
		e->scroll = (int)cr;
	if ((int)cr >= e->scroll + r->h)
		e->scroll = (int)cr - r->h + 1;
	for (int i = 0; i < r->h; i++) {
		size_t ri = (size_t)(e->scroll + i);
		if (ri < n)
			draw_slice(e, r->y + i, r->x, r->w, rows[ri].start, rows[ri].end, st);
		else
			draw_text(r->y + i, r->x, r->w, "", st, false);
	}
	if (cy)
		*cy = r->y + (int)cr - e->scroll;
	if (cx)
		*cx = r->x + col;
	free(rows);
}

void edit_draw(struct edit *e, const struct rect *r, enum style st, int *cy, int *cx)
{
	if (r->w <= 0 || r->h <= 0)
		return;
	e->width = r->w;
	if (e->multiline)
		draw_multi_line(e, r, st, cy, cx);
	else
		draw_one_line(e, r, st, cy, cx);
}
