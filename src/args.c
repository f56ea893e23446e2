/* args.c — see args.h. */
#include "args.h"

#include <stdio.h>
#include <string.h>

static int find(const struct args *a, const char *name, size_t len)
{
	for (size_t i = 0; i < a->nspec; i++)
		if (strlen(a->spec[i].name) == len && strncmp(a->spec[i].name, name, len) == 0)
			return (int)i;
	return -1;
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
				snprintf(a->error, sizeof a->error, "too many arguments");
				return false;
			}
			a->pos[a->npos++] = arg;
			continue;
		}
		const char *name = arg + 2, *eq = strchr(name, '=');
		int k = find(a, name, eq ? (size_t)(eq - name) : strlen(name));
		if (k < 0) {
			snprintf(a->error, sizeof a->error, "unknown option --%.*s", eq ? (int)(eq - name) : 60, name);
			return false;
		}
		const char *value = "";
		if (spec[k].takes_value) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else {
				snprintf(a->error, sizeof a->error, "option --%s needs a value", spec[k].name);
				return false;
			}
		} else if (eq) {
			snprintf(a->error, sizeof a->error, "option --%s takes no value", spec[k].name);
			return false;
		}
		if (spec[k].repeatable) {
			if (a->nrepeated == ARGS_MAX_REPEAT) {
				snprintf(a->error, sizeof a->error, "too many --%s", spec[k].name);
				return false;
			}
			a->repeated[a->nrepeated++] = value;
		} else if (a->value[k]) {
			snprintf(a->error, sizeof a->error, "option --%s given twice", spec[k].name);
			return false;
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
