/* edit.h — a text field for Vietnamese: one line, or many (petition body).
 *
 * The buffer holds UTF-8 exactly as typed, so input arriving decomposed
 * (a base letter, then combining marks) is kept as it came and drawn as one
 * character; edit_commit() normalises to NFC through the text module.  The
 * cursor is a byte offset that is always on a grapheme-cluster boundary:
 * Left/Right, Backspace and Delete move over or remove a whole letter with
 * its marks.  Characters the text module would draw as escapes (controls,
 * bidi overrides) are refused when typed; pasted (ACT_INSERT while
 * `pasting`) they are kept and drawn visibly, for edit_commit() to judge
 * — a paste is text, never keys.  A tab becomes spaces.
 *
 * Keys (KM_TEXT): Left/Right, Home/^A, End/^E, Up/Down (multi-line), Bksp,
 * Del/^D, ^U (delete to the start of the line), ^K (to the end), ^W (word
 * before the cursor).  Enter inserts a newline in a multi-line field; in a
 * one-line field it is left to the caller, except during a paste, where it
 * becomes a space (as does a pasted newline).  The multi-line field wraps at word boundaries. */
#ifndef ROVIEC_UI_EDIT_H
#define ROVIEC_UI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "keys.h"
#include "text.h"

struct edit {
	char *buf;         /* NUL-terminated, never NULL after edit_init() */
	size_t len, cap;
	size_t cur;        /* byte offset of the cursor, on a cluster boundary */
	size_t max_bytes;  /* input beyond this is refused (0: no limit) */
	bool multiline;
	bool full;         /* the last insertion hit max_bytes */
	int scroll;        /* first visible column (one line) or row (multi-line) */
	int goal_col;      /* column kept by Up/Down, -1 when unset */
	int width;         /* columns at the last edit_draw() (for Up/Down) */
	bool oom;
	unsigned long changes;  /* bumped by every change of the content */
	bool paste_cut;    /* the current paste reached max_bytes: drop the rest */
};

/* Prepares an empty field.  edit_free() releases the buffer; the struct
 * may be initialised again afterwards. */
void edit_init(struct edit *e, bool multiline, size_t max_bytes);
void edit_free(struct edit *e);

/* Replaces the content (NULL: empty); the cursor goes to the end.
 * Characters that would be escaped are kept (stored data is shown as it
 * is).  Returns false when out of memory. */
bool edit_set(struct edit *e, const char *s);

/* The raw content (not yet normalised). */
const char *edit_text(const struct edit *e);

/* The content validated and normalised to NFC by text_clean() (TEXT_BODY
 * for multi-line fields, TEXT_LINE otherwise, limit max_bytes).  On
 * TEXT_OK *out is a malloc'd string the caller frees. */
enum text_status edit_commit(const struct edit *e, char **out, size_t *err_offset);

/* Inserts UTF-8 text at the cursor as if typed (used by paste and tests).
 * Returns false when something was refused. */
bool edit_insert(struct edit *e, const char *s, size_t n);

/* Handles an editing event.  Returns RD_ALL when handled, RD_IGNORED when
 * the event is not an editing one (Tab, Esc, F2, Enter in a one-line
 * field outside a paste, Up/Down in a one-line field…). */
int edit_request(struct edit *e, const struct ui_event *ev, bool pasting);

/* Draws the field in r (one row for a one-line field) in style st, keeps
 * the cursor visible by scrolling, and stores the cursor cell in
 * (*cy, *cx) (may be NULL). */
void edit_draw(struct edit *e, const struct rect *r, enum style st, int *cy, int *cx);

#endif
