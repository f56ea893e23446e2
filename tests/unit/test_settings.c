/* test_settings.c — settings.h: the configuration file format, each key's
 * values, the one-line errors (file, line, key), and the order in which
 * the files are read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "settings.h"

static char err[1024];

static bool parse(struct settings *s, const char *text)
{
	settings_init(s);
	err[0] = '\0';
	return settings_parse(s, "/etc/roviec/config", text, strlen(text), err, sizeof err);
}

/* Parses text that must fail, and checks the message. */
static void refused(const char *text, const char *message)
{
	struct settings s;
	assert_false(parse(&s, text));
	assert_string_equal(err, message);
}

static void test_empty_and_comments(void **state)
{
	(void)state;
	struct settings s;
	assert_true(parse(&s, ""));
	assert_true(parse(&s, "\n\n# a comment\n   # indented\n\t\n"));
	assert_string_equal(s.database, "");
	assert_string_equal(s.language, "");
	assert_int_equal(s.due_soon, -1);
	assert_int_equal(s.color, -1);
	assert_int_equal(s.date_style, -1);
}

static void test_every_key(void **state)
{
	(void)state;
	struct settings s;
	assert_true(parse(&s, "database = /srv/roviec/roviec.db\n"
	                      "  language=vi  \n"
	                      "due_soon =\t5\r\n"
	                      "color = off\n"
	                      "date_format = iso"));
	assert_string_equal(s.database, "/srv/roviec/roviec.db");
	assert_string_equal(s.language, "vi");
	assert_int_equal(s.due_soon, 5);
	assert_int_equal(s.color, 0);
	assert_int_equal(s.date_style, DATE_STYLE_ISO);
	assert_true(parse(&s, "color = on\ndate_format = dd/mm/yyyy\ndue_soon = 0\nlanguage = en\n"));
	assert_int_equal(s.color, 1);
	assert_int_equal(s.date_style, DATE_STYLE_DMY);
	assert_int_equal(s.due_soon, 0);
	assert_string_equal(s.language, "en");
	/* the last of a key wins; a # inside a value belongs to it */
	assert_true(parse(&s, "due_soon = 2\ndue_soon = 60\ndatabase = /srv/a#b.db\n"));
	assert_int_equal(s.due_soon, 60);
	assert_string_equal(s.database, "/srv/a#b.db");
}

static void test_home_in_database(void **state)
{
	(void)state;
	struct settings s;
	setenv("HOME", "/home/lan", 1);
	assert_true(parse(&s, "database = ~/kn/roviec.db\n"));
	assert_string_equal(s.database, "/home/lan/kn/roviec.db");
}

static void test_errors_name_file_line_key(void **state)
{
	(void)state;
	refused("# ok\ncolour = on\n",
	        "/etc/roviec/config:2: colour: unknown key (known: database, language, due_soon, color, date_format)");
	refused("\n\n\nlanguage vi\n", "/etc/roviec/config:4: \"language vi\" has no \"=\" (expected: key = value)");
	refused("language = fr\n", "/etc/roviec/config:1: language: \"fr\" is not a language (vi or en)");
	refused("language =\n", "/etc/roviec/config:1: language: \"\" is not a language (vi or en)");
	refused("due_soon = 61\n", "/etc/roviec/config:1: due_soon: \"61\" is not a number of working days from 0 to 60");
	refused("due_soon = -1\n", "/etc/roviec/config:1: due_soon: \"-1\" is not a number of working days from 0 to 60");
	refused("due_soon = 3 days\n",
	        "/etc/roviec/config:1: due_soon: \"3 days\" is not a number of working days from 0 to 60");
	refused("due_soon = 99999999999999999999\n",
	        "/etc/roviec/config:1: due_soon: \"99999999999999999999\" is not a number of working days from 0 to 60");
	refused("color = yes\n", "/etc/roviec/config:1: color: \"yes\" is not on or off");
	refused("date_format = mm/dd/yyyy\n",
	        "/etc/roviec/config:1: date_format: \"mm/dd/yyyy\" is not a date format (dd/mm/yyyy or iso)");
	refused("database = roviec.db\n", "/etc/roviec/config:1: database: \"roviec.db\" is not an absolute path");
	refused("= on\n", "/etc/roviec/config:1: the key is empty (expected: key = value)");
}

static void test_bytes_that_are_not_text(void **state)
{
	(void)state;
	struct settings s;
	refused("color = on\nlanguage = v\xffi\n", "/etc/roviec/config:2: language: the line is not valid UTF-8");
	refused("\xc3\x28 = 1\n", "/etc/roviec/config:1: the line is not valid UTF-8");
	settings_init(&s);
	assert_false(settings_parse(&s, "f", "color = o\0n\n", 12, err, sizeof err));
	assert_string_equal(err, "f:1: color: the line holds a NUL byte");
	/* control characters are shown, never written raw */
	refused("language = vi\x1b[31m\n", "/etc/roviec/config:1: language: \"vi^[[31m\" is not a language (vi or en)");
	char *long_line = malloc(SETTINGS_LINE_MAX + 20);
	assert_non_null(long_line);
	snprintf(long_line, SETTINGS_LINE_MAX + 20, "database = /%0*d\n", SETTINGS_LINE_MAX, 0);
	assert_false(parse(&s, long_line));
	assert_string_equal(err, "/etc/roviec/config:1: database: the line is longer than 4096 bytes");
	free(long_line);
}

/* ---- files: missing is fine, the user's file over the system's ---- */

static char dir[64];

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_files(void **state)
{
	(void)state;
	struct settings s;
	char path[128], xdg[128];
	snprintf(dir, sizeof dir, "/tmp/roviec-settings.XXXXXX");
	assert_non_null(mkdtemp(dir));

	settings_init(&s);
	snprintf(path, sizeof path, "%s/none", dir);
	assert_true(settings_read(&s, path, err, sizeof err));
	assert_int_equal(s.due_soon, -1);

	/* ROVIEC_CONFIG alone, when set */
	snprintf(path, sizeof path, "%s/only", dir);
	write_file(path, "due_soon = 7\n");
	setenv("ROVIEC_CONFIG", path, 1);
	assert_true(settings_load(&s, err, sizeof err));
	assert_int_equal(s.due_soon, 7);

	/* else the user's file, under XDG_CONFIG_HOME */
	unsetenv("ROVIEC_CONFIG");
	snprintf(xdg, sizeof xdg, "%s/roviec", dir);
	assert_int_equal(mkdir(xdg, 0700), 0);
	snprintf(path, sizeof path, "%s/roviec/config", dir);
	write_file(path, "# mine\ncolor = off\nbogus\n");
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_false(settings_load(&s, err, sizeof err));
	char want[256];
	snprintf(want, sizeof want, "%s:3: \"bogus\" has no \"=\" (expected: key = value)", path);
	assert_string_equal(err, want);
	write_file(path, "color = off\n");
	assert_true(settings_load(&s, err, sizeof err));
	assert_int_equal(s.color, 0);

	/* the user's file over the system's, key by key */
	char sys[128];
	snprintf(sys, sizeof sys, "%s/system", dir);
	write_file(sys, "color = on\ndue_soon = 9\n");
	assert_true(settings_load_files(&s, sys, path, err, sizeof err));
	assert_int_equal(s.color, 0);
	assert_int_equal(s.due_soon, 9);
	/* an error in the system file is reported, naming it */
	write_file(sys, "due_soon = soon\n");
	assert_false(settings_load_files(&s, sys, path, err, sizeof err));
	snprintf(want, sizeof want, "%s:1: due_soon: \"soon\" is not a number of working days from 0 to 60", sys);
	assert_string_equal(err, want);
	unlink(sys);

	/* a file that exists but cannot be read is an error (not as root) */
	if (geteuid() != 0) {
		assert_int_equal(chmod(path, 0), 0);
		assert_false(settings_load(&s, err, sizeof err));
		snprintf(want, sizeof want, "%s: cannot read: Permission denied", path);
		assert_string_equal(err, want);
	}
	unlink(path);
	rmdir(xdg);
	snprintf(path, sizeof path, "%s/only", dir);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_comments),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_home_in_database),
		cmocka_unit_test(test_errors_name_file_line_key),
		cmocka_unit_test(test_bytes_that_are_not_text),
		cmocka_unit_test(test_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
