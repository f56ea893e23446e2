/* i18n.h — interface language.
 *
 * roviec speaks Vietnamese when the locale (LC_ALL, LC_MESSAGES or LANG) is
 * Vietnamese or --lang vi is given, English otherwise.  Servers often lack
 * the vi_VN locale, so the choice is made from the variables themselves
 * and gettext is pointed at the catalogue through LANGUAGE; character
 * handling only needs a UTF-8 LC_CTYPE (C.UTF-8 is enough). */
#ifndef ROVIEC_I18N_H
#define ROVIEC_I18N_H

#include <stdbool.h>
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets the locale from the environment and chooses the language: lang is
 * "vi", "en" or NULL (decide from the environment).  Returns false when
 * lang is something else. */
bool i18n_init(const char *lang);

/* True when the locale variables name a language (anything but empty,
 * C, POSIX or C.*): the configuration's language yields to it. */
bool i18n_env_language(void);

/* True when the interface speaks Vietnamese. */
bool i18n_vietnamese(void);

#endif
