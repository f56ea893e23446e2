/* fuzz_text.c — libFuzzer harness: input cleaning (UTF-8 validation, NFC,
 * control characters, trimming, length limits), search folding and the
 * visible forms used for output.  Invariants: clean text is valid UTF-8
 * without control characters (a body keeps newline and tab); folding is
 * idempotent; text_visible and text_fit never emit ESC, C1 or bidi
 * controls raw. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True when s holds a character that could drive a terminal (a tab
 * cannot: it is kept, like a newline where lines are kept). */
static bool dangerous(const char *s, bool allow_newline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\t' && !(allow_newline && *p == '\n')) || *p == 0x7f)
			return true;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) /* C1 */
			return true;
		if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xae || p[2] == 0xab || p[2] == 0xaa || p[2] == 0xad ||
		                                     p[2] == 0xac || p[2] == 0x8b || p[2] == 0x8f || p[2] == 0x8e))
			return true;
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9) /* isolates */
			return true;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	for (int kind = 0; kind < 2; kind++) {
		char *out = NULL;
		size_t off = 0;
		enum text_status st = text_clean(in, size, kind ? TEXT_BODY : TEXT_LINE, 4096, &out, &off);
		if (st == TEXT_OK) {
			size_t n = strlen(out);
			if (!text_valid_utf8(out, n) || n > 4096)
				abort();
			for (size_t i = 0; i < n; i++)
				if (((unsigned char)out[i] < 0x20 && !(kind && (out[i] == '\n' || out[i] == '\t'))) ||
				    out[i] == 0x7f)
					abort();
			char *f1 = text_fold(out), *f2 = f1 ? text_fold(f1) : NULL;
			if (f1 && f2 && strcmp(f1, f2) != 0)
				abort();
			free(f1);
			free(f2);
		} else if (off > size) {
			abort();
		}
		free(out);
		(void)text_status_str(st);
	}
	/* The output side takes whatever the database holds: any bytes up to
	 * the first NUL. */
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	char *v = text_visible(s, false), *vn = text_visible(s, true);
	char *fit = text_fit(s, size ? data[0] % 80 : 10, size && (data[0] & 1));
	char *q = text_quote(s);
	if ((v && dangerous(v, false)) || (vn && dangerous(vn, true)) || (fit && dangerous(fit, false)) ||
	    (q && dangerous(q, false)))
		abort();
	(void)text_width(s);
	size_t klen = 0;
	free(text_sort_key(s, &klen));
	free(v);
	free(vn);
	free(fit);
	free(q);
	free(s);
	return 0;
}
