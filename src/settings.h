/* settings.h — the configuration files.
 *
 * Read in order, later files overriding earlier ones: the system file
 * (SYSCONFDIR/roviec/config, /etc/roviec/config on Debian) and the user's
 * ($XDG_CONFIG_HOME/roviec/config, default ~/.config/roviec/config); or,
 * when ROVIEC_CONFIG is set and not empty, that file alone.  A missing file
 * is no error.  The command line (cli.c) then gives precedence to its
 * options and to the environment over what the files say.
 *
 * Format: one `key = value` per line; blanks around key and value are
 * dropped; empty lines and lines whose first non-blank is '#' are comments
 * (a '#' inside a value is part of it).  Keys (one table, settings.c):
 *   database     absolute path (a leading ~/ is the home directory)
 *   language     vi | en
 *   due_soon     0..60 working days
 *   color        on | off
 *   date_format  dd/mm/yyyy | iso
 * Anything else — unknown key, bad value, no '=', text that is not UTF-8,
 * a NUL byte, a line over SETTINGS_LINE_MAX bytes — is an error, reported as
 * one line "FILE:LINE: KEY: what is wrong" (the key "" when the line has
 * none), control characters shown visibly. */
#ifndef ROVIEC_SETTINGS_H
#define ROVIEC_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_LINE_MAX 4096
#define SETTINGS_DUE_SOON_MAX 60

enum date_style { DATE_STYLE_DMY, DATE_STYLE_ISO };

struct settings {
	char database[SETTINGS_LINE_MAX]; /* "" when not set */
	char language[3];                 /* "", "vi" or "en" */
	int due_soon;                     /* -1 when not set */
	int color;                        /* -1 when not set, 0 off, 1 on */
	int date_style;                   /* -1 when not set, else enum date_style */
};

/* Everything unset. */
void settings_init(struct settings *s);

/* Applies the text of one file (len bytes; path only names it in errors)
 * over s.  On error returns false with the message in err, and s may hold
 * the keys read before the bad line. */
bool settings_parse(struct settings *s, const char *path, const char *text, size_t len, char *err,
                    size_t err_size);

/* Reads one file over s; a file that does not exist leaves s as it is. */
bool settings_read(struct settings *s, const char *path, char *err, size_t err_size);

/* The files of the header comment, in order, over a fresh s. */
bool settings_load(struct settings *s, char *err, size_t err_size);
/* The same with the system and user files named (user may be NULL). */
bool settings_load_files(struct settings *s, const char *system, const char *user, char *err, size_t err_size);

#endif
