/* i18n.c — choosing the interface language (see i18n.h). */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static bool vietnamese;

/* The first non-empty of LC_ALL, LC_MESSAGES, LANG, as POSIX orders them. */
static const char *locale_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

/* The installed catalogue, or the one built next to the binary when
 * running from the build tree, or $ROVIEC_LOCALEDIR. */
static const char *catalogue_dir(void)
{
	const char *env = getenv("ROVIEC_LOCALEDIR");
	if (env && *env)
		return env;
	if (access(ROVIEC_LOCALEDIR "/vi/LC_MESSAGES/roviec.mo", R_OK) == 0)
		return ROVIEC_LOCALEDIR;
	if (access(ROVIEC_BUILD_LOCALEDIR "/vi/LC_MESSAGES/roviec.mo", R_OK) == 0)
		return ROVIEC_BUILD_LOCALEDIR;
	return ROVIEC_LOCALEDIR;
}

/* setlocale(LC_ALL, "") for the categories roviec (with libc, SQLite and
 * curses under it) can depend on: characters, numbers (printf, strtod),
 * time, collation and messages.  The other seven (monetary, paper, name,
 * address, telephone, measurement, identification) are never consulted and
 * stay "C": loading them cost every command some thirty system calls when
 * the locale lives in files (C.UTF-8 does).  False when one fails, as
 * setlocale(LC_ALL, "") would be. */
static bool use_env_locale(void)
{
	static const int used[] = { LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MESSAGES };
	bool ok = true;
	for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
		if (!setlocale(used[i], ""))
			ok = false;
	return ok;
}

bool i18n_init(const char *lang)
{
	if (!use_env_locale() || !strstr(setlocale(LC_CTYPE, NULL), "UTF-8")) {
		/* C.UTF-8 where it differs from "C" in what roviec uses:
		 * characters (multibyte text, widths) and messages (gettext
		 * honours LANGUAGE only outside "C").  Its numbers and times are
		 * those of "C", its collation is code-point order, which "C"
		 * gives UTF-8 too; so the rest stays "C", unloaded. */
		setlocale(LC_ALL, "C");
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "C.utf8");
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			setlocale(LC_MESSAGES, "C.utf8");
	}
	if (lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0)
		return false;
	const char *env = locale_env();
	vietnamese = lang ? strcmp(lang, "vi") == 0 : env[0] == 'v' && env[1] == 'i';
	/* gettext ignores LANGUAGE only in the plain "C" locale, which the
	 * fallback above avoids; this makes the choice independent of which
	 * locales the server has installed. */
	setenv("LANGUAGE", vietnamese ? "vi" : "en", 1);
	bindtextdomain("roviec", catalogue_dir());
	bind_textdomain_codeset("roviec", "UTF-8");
	textdomain("roviec");
	return true;
}

bool i18n_env_language(void)
{
	const char *env = locale_env();
	return *env && strcmp(env, "C") != 0 && strcmp(env, "POSIX") != 0 && strncmp(env, "C.", 2) != 0;
}

bool i18n_vietnamese(void)
{
	return vietnamese;
}
