/* fuzz_args.c — libFuzzer harness: the option parser.  The input is split
 * at NUL bytes into argv; the spec is petition assign's shape (values, a
 * flag, a repeatable option).  A parse either fails with a message or
 * yields values that are exactly argv elements (or the text after '='). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct arg_spec spec[] = {
	{ "lead", true, false },   { "coordinate", true, true }, { "person", true, false },
	{ "within", true, false }, { "json", false, false },     { "expect-version", true, false },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char *argv[256];
	int argc = 0;
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = (char *)"roviec";
	for (size_t i = 0; i <= size && argc < 255; i++) {
		argv[argc++] = buf + i;
		i += strlen(buf + i);
	}
	argv[argc] = NULL;
	struct args a;
	if (args_parse(&a, spec, sizeof spec / sizeof spec[0], argc, argv, 1)) {
		if (a.npos > ARGS_MAX_POS || a.nrepeated > ARGS_MAX_REPEAT)
			abort();
		for (size_t k = 0; k < sizeof spec / sizeof spec[0]; k++) {
			const char *v = a.value[k];
			if (v && *v && !(v >= buf && v <= buf + size))
				abort(); /* a value that is not part of the input */
		}
		(void)args_get(&a, "lead");
		(void)args_has(&a, "json");
	} else if (!a.error[0]) {
		abort(); /* a refusal always says why */
	}
	free(buf);
	return 0;
}
