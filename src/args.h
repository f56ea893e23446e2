/* args.h — option parsing for one command.
 *
 * Options are long only ("--due 31/12/2026" or "--due=31/12/2026"), may
 * come before, between or after positional arguments, and "--" ends them.
 * A spec lists every option a command takes; anything else is a usage
 * error naming the option. */
#ifndef ROVIEC_ARGS_H
#define ROVIEC_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#define ARGS_MAX_POS 64
#define ARGS_MAX_REPEAT 64

struct arg_spec {
	const char *name;   /* without "--" */
	bool takes_value;
	bool repeatable;
};

struct args {
	const struct arg_spec *spec;
	size_t nspec;
	const char *value[32];          /* by spec index: the value, or "" for a flag; NULL if absent */
	const char *repeated[ARGS_MAX_REPEAT];
	size_t nrepeated;               /* values of the (single) repeatable option */
	const char *pos[ARGS_MAX_POS];
	size_t npos;
	char error[160];
};

/* Parses argv[first..argc).  Returns false with a.error set on a usage
 * error. */
bool args_parse(struct args *a, const struct arg_spec *spec, size_t nspec, int argc, char **argv, int first);

/* The value of option name, or NULL when absent. */
const char *args_get(const struct args *a, const char *name);
bool args_has(const struct args *a, const char *name);

#endif
