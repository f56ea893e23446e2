/* text.h — Vietnamese-safe text handling for roviec.
 *
 * Every string that enters roviec passes text_clean(): it must be valid
 * UTF-8, it is normalised to NFC, and control characters are refused
 * (single-line fields refuse all of C0, DEL and C1; bodies allow only
 * newline and tab, CR LF becomes LF).  Everything shown to a person passes
 * text_visible() or text_fit(), so that stored control characters and
 * bidi/format characters are drawn visibly and never interpreted by a
 * terminal.  Searching uses text_fold() (lower case, no tone or vowel
 * marks, đ/Đ/ð/Ð → d); sorting uses text_sort_key(), a byte string whose
 * memcmp order is Vietnamese alphabetical order.
 *
 * "Strict" UTF-8 here means what utf8proc_iterate() accepts: no overlong
 * forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no
 * truncated sequences.  Wherever a function below meets an invalid byte
 * outside text_clean() it treats that one byte on its own (drops it, or
 * shows it as "<XX>") and carries on with the next byte.
 *
 * All returned strings are malloc'd and owned by the caller (free()).
 * Functions returning char * return NULL only when out of memory.  A NULL
 * `s` is treated as the empty string.  Built on utf8proc.  No curses, no
 * SQLite, no global state: every function is safe to call from any thread. */
#ifndef ROVIEC_TEXT_H
#define ROVIEC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum text_kind {
	TEXT_LINE, /* single line: no control characters at all */
	TEXT_BODY, /* multi-line: only \n and \t allowed; \r\n and lone \r become \n */
};

enum text_status {
	TEXT_OK = 0,
	TEXT_BAD_UTF8,  /* not valid UTF-8 (incl. overlong forms, surrogates) */
	TEXT_CONTROL,   /* a control character not allowed for this kind */
	TEXT_TOO_LONG,  /* more than max_bytes bytes after normalisation */
	TEXT_NOMEM,
};

/* Validates and normalises `in` (len bytes; may contain NULs, which are
 * refused as control characters) to NFC.  On TEXT_OK, *out receives a
 * malloc'd NUL-terminated string.  On any other status *out is NULL and
 * *err_offset (if not NULL) receives the byte offset in `in` of the first
 * offending byte (0 for TEXT_TOO_LONG and TEXT_NOMEM).
 *
 * Trimming: TEXT_LINE loses leading and trailing white space (ASCII space
 * and the Unicode space separators such as U+00A0 and U+3000).  TEXT_BODY
 * keeps leading white space and everything inside, and loses only the
 * white space at its very end (trailing newlines, blank lines, and spaces
 * or tabs after the last visible character).
 *
 * Control characters refused: U+0000–U+001F, U+007F and U+0080–U+009F,
 * except \n, \t and \r in TEXT_BODY.  Format characters (bidi controls,
 * zero-width characters) are accepted: they are shown escaped on output.
 *
 * max_bytes counts the cleaned result without its terminating NUL; pass
 * SIZE_MAX for no limit (0 accepts only a text that cleans to "").  A text
 * far longer than max_bytes (more than 4 × max_bytes after trimming, which
 * NFC can never bring back under the limit) is refused as TEXT_TOO_LONG
 * without being examined, so huge input fails fast; otherwise encoding and
 * control errors are reported before length.  `out` may be NULL to check
 * only.  `in` may be NULL only when len is 0.  Runs in time linear in len. */
enum text_status text_clean(const char *in, size_t len, enum text_kind kind,
                            size_t max_bytes, char **out, size_t *err_offset);

/* A short English phrase for a status, to follow a field name
 * ("is not valid UTF-8", "contains a control character", ...).  Never NULL;
 * the string is static, and a msgid: show it through _(). */
const char *text_status_str(enum text_status st);

/* True when the len bytes at s are valid UTF-8 (strict, as above).  NUL
 * bytes count as valid UTF-8: use text_clean() to refuse controls.  s may
 * be NULL when len is 0. */
bool text_valid_utf8(const char *s, size_t len);

/* Search folding: NFC-agnostic (accepts NFC or NFD input), lower case
 * (Unicode case folding, so "ß" → "ss"), every combining mark removed,
 * đ Đ ð Ð → d.  "Đất Đai" → "dat dai".  Default-ignorable characters
 * (soft hyphen, zero-width space/joiners, bidi marks, variation selectors)
 * are removed too, so they cannot split a word.  Other characters (digits,
 * punctuation, spaces, CJK, controls) are kept as case folding gives them.
 * Invalid UTF-8 bytes are dropped.  Returns malloc'd string. */
char *text_fold(const char *s);

/* Vietnamese collation key: memcmp order of keys is the order
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
 * (f j w z in their Latin places), letters before tones
 * (ngang < huyền < hỏi < ngã < sắc < nặng), case last (lower first).
 *
 * Layout: four levels separated by the byte 0x01, lower than any other
 * key byte, so a string sorts before its own extensions.
 *   1. one weight per character: white space, then other punctuation,
 *      symbols and controls by code point, then digits 0–9, then the
 *      letters above, then everything else (other scripts, other digits,
 *      private use) by lower-cased code point.  Vowel marks (ă â ê ô ơ ư)
 *      belong to the letter; tone marks and foreign accents are ignored
 *      here.  ð/Ð weigh as đ/Đ.
 *   2. one tone weight per word (a word is a run of letters), so the old
 *      and new tone placements "Hòa" and "Hoà" tie here.
 *   3. one case weight per character (lower < upper).
 *   4. the canonical decomposition's code points, a final tie-break, so
 *      keys are equal only for canonically equivalent strings (NFC and NFD
 *      input give the same key) and "Hòa"/"Hoà" are adjacent.
 * Invalid UTF-8 bytes are ignored.  The key never contains a NUL byte and
 * is NUL-terminated, so strcmp() on keys works too; *len (if not NULL)
 * gets its length without the NUL.  Returns malloc'd key bytes. */
unsigned char *text_sort_key(const char *s, size_t *len);

/* Display width in terminal columns of s as text_visible(s, false) draws
 * it: characters by utf8proc_charwidth() (precomposed letters 1, combining
 * marks 0, wide CJK and emoji 2), each escape by its length ("^[" is 2,
 * "<U+202E>" is 8, "<FF>" is 4), a combining mark with nothing to combine
 * with 1 (it is drawn on "◌").  Saturates at INT_MAX. */
int text_width(const char *s);

/* s with every control or format character replaced by a visible escape,
 * so that the result contains no byte a terminal would interpret:
 *   - C0 and DEL in caret notation ("\x1b" → "^[", "\r" → "^M",
 *     DEL → "^?"), except that "\n" and "\t" are kept when keep_newlines
 *     is true (TEXT_BODY-style display);
 *   - C1 controls (U+0080–U+009F), format characters (Unicode category
 *     Cf: bidi controls U+200E/F, U+202A–202E, U+2066–2069, zero-width
 *     U+200B–200D, U+2060, U+FEFF, soft hyphen U+00AD, ...) and the line
 *     and paragraph separators U+2028/U+2029 as "<U+XXXX>" (upper-case hex,
 *     at least four digits);
 *   - each invalid UTF-8 byte as "<XX>" (upper-case hex);
 *   - a combining mark with nothing to combine with (at the start, after a
 *     kept "\n" or "\t", or after an escape) is drawn on a dotted circle
 *     U+25CC "◌" so that it cannot merge into a neighbouring screen cell.
 * Returns malloc'd string. */
char *text_visible(const char *s, bool keep_newlines);

/* Fits s (visible form, as text_visible(s, false)) into exactly `width`
 * columns: truncated between grapheme clusters (never splitting a base
 * letter from its combining marks, nor an escape) ending in "…" (U+2026,
 * one column) when too long, padded with spaces when shorter (on the
 * right, or on the left when align_right).  When a wide character does
 * not fit before the "…", a space makes up the column.  width <= 0 gives
 * "".  Returns malloc'd string. */
char *text_fit(const char *s, int width, bool align_right);

/* For error messages: the visible form of s, cut to at most 40 columns
 * with "…" (not padded), in double quotes.  Returns malloc'd string. */
char *text_quote(const char *s);

#endif
