/* draw.h — the only way text reaches the terminal.
 *
 * Every string is passed through the core's text module before it is
 * drawn: characters that text_visible() turns into escapes (ESC → "^[",
 * C1 controls and bidi overrides → "<U+202E>", invalid bytes → "<FF>") are
 * drawn as those escapes in a distinct attribute (reverse video), so stored
 * data can never move the cursor, change colours or reorder the line.
 * Widths are display widths (a letter with its tone mark is one column, a
 * CJK character two); truncation goes through text_fit() and ends in "…"
 * on a grapheme boundary.  Nothing is ever drawn outside the clip rectangle
 * (the whole screen unless draw_clip() narrowed it), so any screen size is
 * safe.
 *
 * Styles are a closed set: one table gives each its colour pair and its
 * monochrome attributes (used with NO_COLOR or a terminal without colour). */
#ifndef ROVIEC_UI_DRAW_H
#define ROVIEC_UI_DRAW_H

#include <stdbool.h>

#include "ui.h"

/* X(name, foreground, background, attributes in colour, attributes in
 * monochrome); -1 is the terminal's default colour.  The colour and
 * attribute tokens are curses names, expanded only in draw.c. */
#define UI_STYLES(X) \
	X(NORMAL,       -1,           -1,          A_NORMAL,  A_NORMAL) \
	X(TITLE,        COLOR_WHITE,  COLOR_BLUE,  A_BOLD,    A_REVERSE) \
	X(HEADER,       COLOR_CYAN,   -1,          A_BOLD,    A_BOLD | A_UNDERLINE) \
	X(SELECTED,     COLOR_BLACK,  COLOR_CYAN,  A_NORMAL,  A_REVERSE) \
	X(LABEL,        -1,           -1,          A_BOLD,    A_BOLD) \
	X(DIM,          -1,           -1,          A_DIM,     A_DIM) \
	X(INFO,         COLOR_GREEN,  -1,          A_NORMAL,  A_NORMAL) \
	X(ERROR,        COLOR_RED,    -1,          A_BOLD,    A_BOLD) \
	X(LEGEND_KEY,   COLOR_BLACK,  COLOR_WHITE, A_NORMAL,  A_REVERSE) \
	X(LEGEND,       -1,           -1,          A_NORMAL,  A_NORMAL) \
	X(OVERDUE,      COLOR_RED,    -1,          A_BOLD,    A_BOLD) \
	X(DUE_SOON,     COLOR_YELLOW, -1,          A_BOLD,    A_UNDERLINE) \
	X(DONE,         COLOR_GREEN,  -1,          A_NORMAL,  A_NORMAL) \
	X(FIELD,        -1,           -1,          A_UNDERLINE, A_UNDERLINE) \
	X(FIELD_FOCUS,  COLOR_BLACK,  COLOR_YELLOW, A_NORMAL, A_REVERSE) \
	X(DIALOG,       -1,           -1,          A_NORMAL,  A_NORMAL) \
	X(DIALOG_TITLE, COLOR_WHITE,  COLOR_BLUE,  A_BOLD,    A_BOLD) \
	X(BUTTON,       -1,           -1,          A_BOLD,    A_NORMAL) \
	X(BUTTON_FOCUS, COLOR_BLACK,  COLOR_CYAN,  A_BOLD,    A_REVERSE) \
	X(MATCH,        COLOR_BLACK,  COLOR_YELLOW, A_NORMAL, A_UNDERLINE) \
	X(BAR_OVERDUE,  COLOR_RED,    -1,          A_NORMAL,  A_NORMAL) \
	X(BAR_SOON,     COLOR_YELLOW, -1,          A_NORMAL,  A_NORMAL)

enum style {
#define UI_STYLE_ENUM(name, fg, bg, color_attr, mono_attr) ST_##name,
	UI_STYLES(UI_STYLE_ENUM)
#undef UI_STYLE_ENUM
	ST_COUNT_
};

/* Sets up colour pairs (colors) or monochrome attributes; called by
 * term_start(). */
void draw_init(bool colors);

/* Restricts all drawing to r intersected with the screen; NULL lifts the
 * restriction. */
void draw_clip(const struct rect *r);

/* Draws s in exactly `width` columns at (y, x): truncated with "…" when
 * longer, padded with spaces when shorter (on the left when align_right).
 * Returns the columns drawn (width, less what the clip cut off). */
int draw_text(int y, int x, int width, const char *s, enum style st,
              bool align_right);

/* Draws s at (y, x) in at most max_width columns, without padding.
 * Returns the columns used, so calls can be chained along a line. */
int draw_str(int y, int x, int max_width, const char *s, enum style st);

/* Display width of s as drawn (escapes included). */
int draw_width(const char *s);

/* Wraps s (newlines start new lines; long lines break after a space, or
 * between characters when a word is longer than the width) into r->w
 * columns, skips the first `skip` wrapped lines and draws at most r->h.
 * Returns the total number of wrapped lines (pass r->h == 0 to count). */
int draw_wrap(const struct rect *r, int skip, const char *s, enum style st);

/* Fills r with spaces in style st. */
void draw_fill(const struct rect *r, enum style st);

/* A frame around r, drawn on its outermost cells. */
void draw_box(const struct rect *r, enum style st);

/* n copies of the one-cell string `cell` (e.g. "█") from (y, x). */
void draw_repeat(int y, int x, int n, const char *cell, enum style st);

#endif
