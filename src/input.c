/* input.c — see input.h. */
#include "input.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static enum rv_code bad(struct rv *rv, const char *field, const char *raw, const char *why)
{
	char *q = text_quote(raw ? raw : "");
	rv_fail(rv, RV_EINPUT, field, "%s: %s %s", field, q ? q : "\"?\"", why);
	free(q);
	return RV_EINPUT;
}

/* bad() with the reason formatted (through vsnprintf: gcc 12 with
 * -fsanitize=undefined takes snprintf(buf, n, _("…"), …) for a possibly
 * null format and fails the build). */
static enum rv_code badf(struct rv *rv, const char *field, const char *raw, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static enum rv_code badf(struct rv *rv, const char *field, const char *raw, const char *fmt, ...)
{
	char why[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return bad(rv, field, raw, why);
}

enum rv_code input_text_len(struct rv *rv, const char *field, const char *raw, size_t len,
                            enum text_kind kind, size_t max, bool required, char **out)
{
	*out = NULL;
	if (!raw)
		return required ? rv_fail(rv, RV_EINPUT, field, _("%s: is required"), field) : RV_OK;
	size_t off = 0;
	enum text_status st = text_clean(raw, len, kind, max, out, &off);
	if (st == TEXT_TOO_LONG)
		return badf(rv, field, raw, _("is too long (%zu bytes; at most %zu)"), len, max);
	if (st == TEXT_NOMEM)
		return rv_fail(rv, RV_EIO, field, _("out of memory"));
	if (st != TEXT_OK) {
		/* Quote only the valid prefix's neighbourhood: the raw value may
		 * not even be UTF-8, and text_quote shows bad bytes visibly. */
		return badf(rv, field, raw, _("%s (byte %zu)"), _(text_status_str(st)), off + 1);
	}
	if (**out == '\0' && required) {
		free(*out);
		*out = NULL;
		return rv_fail(rv, RV_EINPUT, field, _("%s: must not be empty"), field);
	}
	if (**out == '\0') {
		free(*out);
		*out = NULL;
	}
	return RV_OK;
}

enum rv_code input_text(struct rv *rv, const char *field, const char *raw, enum text_kind kind,
                        size_t max, bool required, char **out)
{
	return input_text_len(rv, field, raw, raw ? strlen(raw) : 0, kind, max, required, out);
}

enum rv_code input_date(struct rv *rv, const char *field, const char *raw, rv_date *out)
{
	if (!raw || !date_parse(raw, out))
		return bad(rv, field, raw, _("is not a date (DD/MM/YYYY or YYYY-MM-DD)"));
	return RV_OK;
}

enum rv_code input_int(struct rv *rv, const char *field, const char *raw, long lo, long hi, long *out)
{
	char *end = NULL;
	errno = 0;
	/* Digits with an optional '-': strtol alone would also take leading
	 * blanks and '+' (" 3") while refusing trailing ones ("3 "). */
	bool digits = raw && (isdigit((unsigned char)raw[0]) || (raw[0] == '-' && isdigit((unsigned char)raw[1])));
	long v = digits ? strtol(raw, &end, 10) : 0;
	if (!digits || *end || errno || v < lo || v > hi)
		return badf(rv, field, raw, _("is not a whole number from %ld to %ld"), lo, hi);
	*out = v;
	return RV_OK;
}

enum rv_code input_enum(struct rv *rv, const struct enum_set *set, const char *field, const char *raw,
                        int *out)
{
	*out = enum_parse(set, raw);
	if (*out >= 0)
		return RV_OK;
	char list[256];
	return badf(rv, field, raw, _("is not a valid %s (one of: %s)"), set->what, enum_list(set, list, sizeof list));
}

/* Copies raw into a new string, mapping each byte through conv and
 * checking it against ok; NULL when a byte is refused or len is out of
 * 1..max. */
static char *code_copy(const char *raw, size_t max, int (*conv)(int), const char *extra)
{
	size_t len = raw ? strlen(raw) : 0;
	if (len == 0 || len > max)
		return NULL;
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i <= len; i++) {
		unsigned char c = (unsigned char)raw[i];
		if (i < len && !isalnum(c) && !strchr(extra, c)) {
			free(out);
			return NULL;
		}
		out[i] = (char)conv(c);
	}
	return out;
}

enum rv_code input_agency_code(struct rv *rv, const char *field, const char *raw, char **out)
{
	*out = code_copy(raw, 16, toupper, "._-");
	return *out ? RV_OK : bad(rv, field, raw, _("is not an agency code (1-16 letters, digits, . _ -)"));
}

enum rv_code input_category_code(struct rv *rv, const char *field, const char *raw, char **out)
{
	*out = code_copy(raw, 32, tolower, "-");
	return *out ? RV_OK : bad(rv, field, raw, _("is not a category code (1-32 letters, digits, -)"));
}

enum rv_code input_tax_code(struct rv *rv, const char *field, const char *raw, char **out)
{
	size_t len = raw ? strlen(raw) : 0;
	bool ok = len == 10 || (len == 14 && raw[10] == '-');
	for (size_t i = 0; ok && i < len; i++)
		ok = i == 10 ? raw[i] == '-' : isdigit((unsigned char)raw[i]);
	*out = ok ? strdup(raw) : NULL;
	return *out ? RV_OK : bad(rv, field, raw, _("is not a tax code (10 digits, or 10 digits-NNN for a branch)"));
}
