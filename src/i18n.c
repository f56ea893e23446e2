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

bool i18n_init(const char *lang)
{
	if (!setlocale(LC_ALL, "") || !strstr(setlocale(LC_CTYPE, NULL), "UTF-8")) {
		/* C.UTF-8 for the two categories roviec depends on: characters
		 * (multibyte text, widths) and messages (gettext).  The others
		 * stay "C", which C.UTF-8 equals for them (roviec never collates
		 * nor formats by locale); loading all twelve cost every command
		 * two dozen file look-ups. */
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
