/* u8.h — grapheme clusters and display widths, for layout and editing.
 *
 * The interface moves the cursor, deletes and wraps by grapheme cluster
 * (a letter with all its combining marks is one unit), never by byte or
 * code point.  Widths are those the drawing layer produces: a character the
 * text module shows as a visible escape (text_visible(): "^[", "<U+202E>",
 * "<FF>" for an invalid byte) counts the width of that escape.  Clusters
 * never span a newline.  Offsets are byte offsets into UTF-8 text; `len`
 * is the length of the text (which need not be NUL-terminated). */
#ifndef ROVIEC_UI_U8_H
#define ROVIEC_UI_U8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest visible escape plus its NUL ("<U+10FFFF>"). */
#define U8_ESCAPE_MAX 16

/* Decodes the code point at off into *cp and returns its length in bytes;
 * an invalid byte gives *cp = -1 and length 1.  off must be < len. */
size_t u8_decode(const char *s, size_t len, size_t off, int32_t *cp);

/* When the code point at off is not drawn as itself, writes what is drawn
 * instead (a visible escape such as "^[", or U+25CC then the mark for a
 * combining mark with no letter to sit on) NUL-terminated to out and
 * returns its length in bytes; returns 0 when the character is drawn as
 * itself.  *cp_len gets the code point's length in bytes.  *bare carries
 * the context from one call to the next: true at the start of a text and
 * after an escape (a mark found then has no letter); start with true.
 * off must be < len. */
size_t u8_escape(const char *s, size_t len, size_t off, size_t *cp_len, bool *bare,
                 char out[U8_ESCAPE_MAX]);

/* Display width of the UTF-8 string s[0, n) that contains no escapes. */
int u8_plain_width(const char *s, size_t n);

/* End of the cluster that starts at off (len when off >= len). */
size_t u8_next(const char *s, size_t len, size_t off);

/* Start of the cluster that ends at off (0 when off == 0).  Cost is
 * proportional to the distance from the previous newline. */
size_t u8_prev(const char *s, size_t len, size_t off);

/* Display width of s[start, end) as drawn; start must be a cluster
 * boundary. */
int u8_width(const char *s, size_t start, size_t end);

/* True when the cluster at off is a single space or tab (a wrap point). */
bool u8_is_blank(const char *s, size_t len, size_t off);

#endif
