/* lookup_main.c — roviec-lookup: the enterprise SSH account's forced
 * command (docs/deploy.md).
 *
 * Installed setgid to the roviec group so that it can open a database the
 * enterprise login itself cannot read.  It therefore trusts nothing the
 * caller controls: it ignores its arguments, clears the environment (no
 * ROVIEC_DB, ROVIEC_NOW, ROVIEC_TODAY, ROVIEC_LOCALEDIR, LANGUAGE, TZ, …),
 * keeping only a plain language choice, and runs exactly
 * `roviec --db ROVIEC_LOOKUP_DB lookup`, with the database path fixed when
 * it was built (meson option lookup_db). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#ifndef ROVIEC_LOOKUP_DB
#error "ROVIEC_LOOKUP_DB (the database path) must be defined by the build"
#endif

/* Sanitizer builds: LeakSanitizer cannot inspect a setgid process (it is
 * not dumpable) and aborts, and the environment that could switch it off
 * is cleared below; leaks are checked where lookup runs unprivileged
 * (tests/cli/lookup.sh, tests/unit/test_lookup.c). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROVIEC_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(ROVIEC_ASAN)
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
#endif

/* A locale name such as vi_VN.UTF-8 or C.UTF-8: short, nothing odd. */
static bool plain_locale(const char *v)
{
	size_t n = v ? strlen(v) : 0;
	return n > 0 && n < 40 && strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@-") == n;
}

int main(void)
{
	static const char *const keep[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	char saved[3][40] = { "", "", "" };
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(keep[i]);
		if (plain_locale(v))
			strcpy(saved[i], v);
	}
	if (clearenv() != 0)
		return 1;
	for (int i = 0; i < 3; i++)
		if (saved[i][0] && setenv(keep[i], saved[i], 1) != 0)
			return 1;
	umask(007);
	char *argv[] = { (char *)"roviec", (char *)"--db", (char *)ROVIEC_LOOKUP_DB, (char *)"lookup", NULL };
	return cli_main(4, argv, NULL);
}
