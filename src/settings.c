/* settings.c — see settings.h. */
#include "settings.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "text.h"

struct ctx {
	const char *path;
	int line;
	char *err;
	size_t err_size;
};

/* "FILE:LINE: KEY: message" with every part shown visibly. */
__attribute__((format(printf, 3, 4)))
static bool fail(struct ctx *c, const char *key, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *vpath = text_visible(c->path, false), *vkey = text_visible(key, false);
	if (c->line > 0)
		snprintf(c->err, c->err_size, "%s:%d: %s%s%s", vpath ? vpath : "?", c->line, vkey ? vkey : "?",
		         *key ? ": " : "", msg);
	else
		snprintf(c->err, c->err_size, "%s: %s", vpath ? vpath : "?", msg);
	free(vpath);
	free(vkey);
	return false;
}

/* The value quoted and visible, for messages. */
static const char *shown(const char *value, char *buf, size_t size)
{
	char *v = text_visible(value, false);
	snprintf(buf, size, "\"%s\"", v ? v : "?");
	free(v);
	return buf;
}

static bool set_database(struct ctx *c, struct settings *s, const char *key, const char *v)
{
	char q[SETTINGS_LINE_MAX + 16];
	const char *home = getenv("HOME");
	int n;
	if (strncmp(v, "~/", 2) == 0 && home && *home == '/')
		n = snprintf(s->database, sizeof s->database, "%s/%s", home, v + 2);
	else if (v[0] == '/')
		n = snprintf(s->database, sizeof s->database, "%s", v);
	else
		return fail(c, key, _("%s is not an absolute path"), shown(v, q, sizeof q));
	if (n < 0 || (size_t)n >= sizeof s->database)
		return fail(c, key, _("%s is too long"), shown(v, q, sizeof q));
	return true;
}

static bool set_language(struct ctx *c, struct settings *s, const char *key, const char *v)
{
	char q[SETTINGS_LINE_MAX + 16];
	if (strcmp(v, "vi") != 0 && strcmp(v, "en") != 0)
		return fail(c, key, _("%s is not a language (vi or en)"), shown(v, q, sizeof q));
	snprintf(s->language, sizeof s->language, "%s", v);
	return true;
}

static bool set_due_soon(struct ctx *c, struct settings *s, const char *key, const char *v)
{
	char q[SETTINGS_LINE_MAX + 16];
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (v[0] < '0' || v[0] > '9' || *end || errno || n > SETTINGS_DUE_SOON_MAX)
		return fail(c, key, _("%s is not a number of working days from 0 to %d"), shown(v, q, sizeof q),
		            SETTINGS_DUE_SOON_MAX);
	s->due_soon = (int)n;
	return true;
}

static bool set_color(struct ctx *c, struct settings *s, const char *key, const char *v)
{
	char q[SETTINGS_LINE_MAX + 16];
	if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)
		return fail(c, key, _("%s is not on or off"), shown(v, q, sizeof q));
	s->color = strcmp(v, "on") == 0;
	return true;
}

static bool set_date_format(struct ctx *c, struct settings *s, const char *key, const char *v)
{
	char q[SETTINGS_LINE_MAX + 16];
	if (strcmp(v, "dd/mm/yyyy") != 0 && strcmp(v, "iso") != 0)
		return fail(c, key, _("%s is not a date format (dd/mm/yyyy or iso)"), shown(v, q, sizeof q));
	s->date_style = strcmp(v, "iso") == 0 ? DATE_STYLE_ISO : DATE_STYLE_DMY;
	return true;
}

/* The keys: the one closed set of this module. */
static const struct {
	const char *key;
	bool (*set)(struct ctx *c, struct settings *s, const char *key, const char *value);
} keys[] = {
	{ "database", set_database },
	{ "language", set_language },
	{ "due_soon", set_due_soon },
	{ "color", set_color },
	{ "date_format", set_date_format },
};
#define NKEYS (sizeof keys / sizeof keys[0])

void settings_init(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->due_soon = s->color = s->date_style = -1;
}

static char *trim(char *b, char *e)
{
	while (b < e && (*b == ' ' || *b == '\t'))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = '\0';
	return b;
}

/* One line (NUL-terminated, no newline, valid UTF-8). */
static bool parse_line(struct ctx *c, struct settings *s, char *line)
{
	char *b = line;
	while (*b == ' ' || *b == '\t')
		b++;
	if (*b == '\0' || *b == '#')
		return true;
	char *eq = strchr(b, '=');
	if (!eq) {
		char q[SETTINGS_LINE_MAX + 16];
		return fail(c, "", _("%s has no \"=\" (expected: key = value)"), shown(trim(b, b + strlen(b)), q, sizeof q));
	}
	char *key = trim(b, eq);
	char *value = trim(eq + 1, eq + 1 + strlen(eq + 1));
	if (!*key)
		return fail(c, "", "%s", _("the key is empty (expected: key = value)"));
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].key, key) == 0)
			return keys[i].set(c, s, key, value);
	char known[128] = "";
	for (size_t i = 0; i < NKEYS; i++)
		snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "", keys[i].key);
	return fail(c, key, _("unknown key (known: %s)"), known);
}

/* The key of a line, as far as it can be told, for messages about the
 * line as a whole (bytes that are not UTF-8). */
static void line_key(const char *line, size_t len, char *out, size_t size)
{
	size_t b = 0, e;
	while (b < len && (line[b] == ' ' || line[b] == '\t'))
		b++;
	e = b;
	while (e < len && line[e] != '=' && line[e] != ' ' && line[e] != '\t')
		e++;
	if (e == len || !text_valid_utf8(line + b, e - b))
		e = b;
	snprintf(out, size, "%.*s", (int)(e - b < 64 ? e - b : 64), line + b);
}

bool settings_parse(struct settings *s, const char *path, const char *text, size_t len, char *err,
                    size_t err_size)
{
	struct ctx c = { path, 0, err, err_size };
	char line[SETTINGS_LINE_MAX + 1];
	size_t pos = 0;
	while (pos < len) {
		c.line++;
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = (nl ? (size_t)(nl - text) : len) - pos;
		const char *l = text + pos;
		pos += n + (nl != NULL);
		if (n > 0 && l[n - 1] == '\r')
			n--;
		char key[65];
		line_key(l, n, key, sizeof key);
		if (n > SETTINGS_LINE_MAX)
			return fail(&c, key, _("the line is longer than %d bytes"), SETTINGS_LINE_MAX);
		if (memchr(l, '\0', n))
			return fail(&c, key, "%s", _("the line holds a NUL byte"));
		if (!text_valid_utf8(l, n))
			return fail(&c, key, "%s", _("the line is not valid UTF-8"));
		memcpy(line, l, n);
		line[n] = '\0';
		if (!parse_line(&c, s, line))
			return false;
	}
	return true;
}

bool settings_read(struct settings *s, const char *path, char *err, size_t err_size)
{
	struct ctx c = { path, 0, err, err_size };
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT || errno == ENOTDIR ? true : fail(&c, "", _("cannot read: %s"), strerror(errno));
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	bool ok = buf != NULL;
	while (ok) {
		if (len == cap) {
			char *nb = cap < (1u << 20) ? realloc(buf, cap * 2) : NULL;
			if (!nb) {
				ok = fail(&c, "", "%s", _("the file is too large"));
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0) {
			if (ferror(f))
				ok = fail(&c, "", _("cannot read: %s"), strerror(errno));
			break;
		}
	}
	fclose(f);
	if (!buf)
		return fail(&c, "", "%s", _("out of memory"));
	ok = ok && settings_parse(s, path, buf, len, err, err_size);
	free(buf);
	return ok;
}

bool settings_load(struct settings *s, char *err, size_t err_size)
{
	settings_init(s);
	const char *only = getenv("ROVIEC_CONFIG");
	if (only && *only)
		return settings_read(s, only, err, err_size);
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char path[4096];
	if (xdg && *xdg == '/')
		snprintf(path, sizeof path, "%s/roviec/config", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/roviec/config", home);
	else
		path[0] = '\0';
	return settings_load_files(s, ROVIEC_SYSCONFDIR "/roviec/config", path[0] ? path : NULL, err, err_size);
}

bool settings_load_files(struct settings *s, const char *system, const char *user, char *err, size_t err_size)
{
	settings_init(s);
	return settings_read(s, system, err, err_size) && (!user || settings_read(s, user, err, err_size));
}
