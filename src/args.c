/* args.c — see args.h. */
#include "args.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

static int find(const struct args *a, const char *name, size_t len)
{
	for (size_t i = 0; i < a->nspec; i++)
		if (strlen(a->spec[i].name) == len && strncmp(a->spec[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

/* Records the error (through vsnprintf: see input.c's badf on gcc 12 and
 * translated formats); returns false for the caller to return. */
static bool fail(struct args *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(struct args *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->error, sizeof a->error, fmt, ap);
	va_end(ap);
	return false;
}

bool args_parse(struct args *a, const struct arg_spec *spec, size_t nspec, int argc, char **argv, int first)
{
	memset(a, 0, sizeof *a);
	a->spec = spec;
	a->nspec = nspec < 32 ? nspec : 32;
	bool options_done = false;
	for (int i = first; i < argc; i++) {
		const char *arg = argv[i];
		if (options_done || strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
			if (!options_done && strcmp(arg, "--") == 0) {
				options_done = true;
				continue;
			}
			if (a->npos == ARGS_MAX_POS) {
				return fail(a, _("too many arguments"));
			}
			a->pos[a->npos++] = arg;
			continue;
		}
		const char *name = arg + 2, *eq = strchr(name, '=');
		int k = find(a, name, eq ? (size_t)(eq - name) : strlen(name));
		if (k < 0) {
			return fail(a, _("unknown option --%.*s"), eq ? (int)(eq - name) : 60, name);
		}
		const char *value = "";
		if (spec[k].takes_value) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else {
				return fail(a, _("option --%s needs a value"), spec[k].name);
			}
		} else if (eq) {
			return fail(a, _("option --%s takes no value"), spec[k].name);
		}
		if (spec[k].repeatable) {
			if (a->nrepeated == ARGS_MAX_REPEAT) {
				return fail(a, _("too many --%s"), spec[k].name);
			}
			a->repeated[a->nrepeated++] = value;
		} else if (a->value[k]) {
			return fail(a, _("option --%s given twice"), spec[k].name);
		}
		a->value[k] = value;
	}
	return true;
}

const char *args_get(const struct args *a, const char *name)
{
	int k = find(a, name, strlen(name));
	return k >= 0 ? a->value[k] : NULL;
}

bool args_has(const struct args *a, const char *name)
{
	return args_get(a, name) != NULL;
}
