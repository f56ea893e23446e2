/* cli.c — the dispatcher: global options, the command table, opening the
 * session a command needs, and exit statuses.  See cli.h. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "args.h"
#include "i18n.h"
#include "output.h"
#include "rows.h"
#include "settings.h"
#include "text.h"
#include "users.h"

static const struct cmd_entry *const commands[] = {
	&cmd_init, &cmd_demo, &cmd_petition, &cmd_zone, &cmd_agency, &cmd_enterprise,
	&cmd_category, &cmd_user, &cmd_holiday, &cmd_conference, &cmd_report, &cmd_export, &cmd_import,
	&cmd_remind, &cmd_verify, &cmd_backup, &cmd_restore, &cmd_lookup, &cmd_tui, &cmd_complete,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

int cli_fail(struct cli *c)
{
	char *vis = text_visible(rv_message(c->rv), false);
	fprintf(stderr, "roviec: %s\n", vis ? vis : rv_message(c->rv));
	free(vis);
	return (int)rv_status(c->rv);
}

int cli_usage(const struct cmd_entry *cmd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *vis = text_visible(msg, false);
	fprintf(stderr, _("roviec %s: %s (see: roviec %s --help)\n"), cmd->name, vis ? vis : msg, cmd->name);
	free(vis);
	return RV_EINPUT;
}

int cli_dispatch_sub(struct cli *c, const struct cmd_entry *cmd, const struct cmd_sub *subs,
                     size_t nsubs, int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "";

	for (size_t i = 0; i < nsubs; i++) {
		if (strcmp(subs[i].name, name) != 0)
			continue;
		struct args a;
		if (!args_parse(&a, subs[i].spec, subs[i].nspec, argc, argv, 2))
			return cli_usage(cmd, "%s %s: %s", cmd->name, name, a.error);
		return subs[i].run(c, &a);
	}
	return cli_usage(cmd, _("unknown %s subcommand \"%s\""), cmd->name, name);
}

static void print_help(FILE *out)
{
	fprintf(out, _("roviec %s: enterprises' petitions from intake to a clear result\n\n"), ROVIEC_VERSION);
	fprintf(out, "%s", _("Usage: roviec [--db FILE] [--as USER] [--lang vi|en] [--no-color] [COMMAND ...]\n\n"
	                     "With no command, opens the terminal interface.\n\nCommands:\n"));
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!(commands[i]->flags & CMD_HIDDEN))
			fprintf(out, "  %-12s %s\n", commands[i]->name, _(commands[i]->summary));
	fprintf(out, "%s", _("\nroviec COMMAND --help shows a command's options.\n"
	                     "Environment: ROVIEC_DB (database), ROVIEC_TODAY=YYYY-MM-DD (pin today), NO_COLOR, LANG.\n"
	                     "Exit status: 0 ok, 1 internal error, 2 bad usage or input, 3 not found, 4 conflict, "
	                     "5 not permitted, 6 verification failed.\n"));
	fprintf(out, "%s", _("Configuration: /etc/roviec/config, then ~/.config/roviec/config (or $ROVIEC_CONFIG); "
	                     "see man roviec.\n"));
}

static const struct cmd_entry *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

/* Parses the global options before the command; returns the index of the
 * command word (argc when none), or -1 after printing a usage error. */
static int global_options(struct cli *c, int argc, char **argv, const char **lang)
{
	int i = 1;
	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		const char *a = argv[i];
		const char **slot = strcmp(a, "--db") == 0 ? &c->db_path
		                    : strcmp(a, "--as") == 0 ? &c->as_user
		                    : strcmp(a, "--lang") == 0 ? lang : NULL;
		if (slot) {
			if (i + 1 >= argc) {
				fprintf(stderr, _("roviec: option %s needs a value\n"), a);
				return -1;
			}
			if (*slot) {
				fprintf(stderr, _("roviec: option %s given twice\n"), a);
				return -1;
			}
			*slot = argv[++i];
		} else if (strcmp(a, "--no-color") == 0) {
			c->no_color = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "--version") == 0) {
			return i; /* handled by the caller as pseudo-commands */
		} else {
			char *vis = text_visible(a, false);
			fprintf(stderr, _("roviec: unknown option %s (see: roviec --help)\n"), vis ? vis : "?");
			free(vis);
			return -1;
		}
	}
	return i;
}

static int run_command(struct cli *c, const struct cmd_entry *cmd, int argc, char **argv)
{
	/* --help right after the command or a subcommand word; never as the
	 * value of an option (--title --help is a title) nor after "--". */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 && (i == 1 || argv[i - 1][0] != '-')) {
			fprintf(c->out, "%s\n", _(cmd->usage));
			return 0;
		}
	if (!(cmd->flags & CMD_NO_DB)) {
		struct rv_open_options o = {
			.path = c->db_path,
			.as_user = c->as_user,
			/* The default database is created on first use; a named one
			 * (--db, ROVIEC_DB) only by init and demo, so a typo in a
			 * path does not silently start an empty database. */
			.create = (cmd->flags & CMD_CREATE_DB) != 0 || (!c->db_path && !*(getenv("ROVIEC_DB") ? getenv("ROVIEC_DB") : "")),
			.allow_unknown = (cmd->flags & CMD_ALLOW_UNKNOWN) != 0,
			.one_shot = cmd != &cmd_tui,
		};
		c->rv = rv_open(&o);
		if (!c->rv) {
			fprintf(stderr, "%s", _("roviec: out of memory\n"));
			return RV_EIO;
		}
		if (rv_status(c->rv) != RV_OK)
			return cli_fail(c);
	}
	int status = cmd->run(c, argc, argv);
	if (fflush(c->out) != 0 && status == 0) {
		fprintf(stderr, "%s", _("roviec: cannot write the output\n"));
		status = RV_EIO;
	}
	return status;
}

int cli_main(int argc, char **argv, tui_entry tui)
{
	struct cli c = { .out = stdout, .tui = tui };
	const char *lang = NULL;
	/* The environment's language first, so that errors in the global
	 * options are in it; --lang then chooses again. */
	i18n_init(NULL);
	int first = global_options(&c, argc, argv, &lang);
	if (first < 0)
		return RV_EINPUT;
	if (lang && !i18n_init(lang)) {
		char *vis = text_visible(lang, false);
		fprintf(stderr, _("roviec: --lang: \"%s\" is not a language (vi or en)\n"), vis ? vis : "?");
		free(vis);
		return RV_EINPUT;
	}
	/* Precedence: command line > environment > user file > system file. */
	struct settings set;
	char err[1024];
	if (!settings_load(&set, err, sizeof err)) {
		fprintf(stderr, "roviec: %s\n", err);
		return RV_EINPUT;
	}
	if (!lang && set.language[0] && !i18n_env_language())
		i18n_init(set.language);
	const char *env_db = getenv("ROVIEC_DB");
	if (!c.db_path && !(env_db && *env_db) && set.database[0])
		c.db_path = set.database;
	const char *e = getenv("NO_COLOR");
	if ((e && *e) || set.color == 0)
		c.no_color = true;
	c.due_soon = set.due_soon;
	date_display_iso(set.date_style == DATE_STYLE_ISO);
	if (first < argc && strcmp(argv[first], "--version") == 0) {
		printf("roviec %s\n", ROVIEC_VERSION);
		return 0;
	}
	if (first < argc && (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "help") == 0)) {
		const struct cmd_entry *cmd = first + 1 < argc ? find_command(argv[first + 1]) : NULL;
		if (cmd) {
			printf("%s\n", _(cmd->usage));
		} else if (first + 1 < argc) { /* help for a command that does not exist */
			char *vis = text_visible(argv[first + 1], false);
			fprintf(stderr, _("roviec: unknown command \"%s\" (see: roviec --help)\n"), vis ? vis : "?");
			free(vis);
			return RV_EINPUT;
		} else {
			print_help(stdout);
		}
		return 0;
	}
	const struct cmd_entry *cmd = first < argc ? find_command(argv[first]) : &cmd_tui;
	if (!cmd) {
		char *vis = text_visible(argv[first], false);
		fprintf(stderr, _("roviec: unknown command \"%s\" (see: roviec --help)\n"), vis ? vis : "?");
		free(vis);
		return RV_EINPUT;
	}
	int status = first < argc ? run_command(&c, cmd, argc - first, argv + first)
	                          : run_command(&c, cmd, 1, (char *[]){ (char *)"tui", NULL });
	rv_close(&c.rv);
	return status;
}

int cli_print_rows(struct cli *c, const struct args *a, enum rv_code rc, struct rows *rows)
{
	if (rc != RV_OK) {
		rows_free(&rows);
		return cli_fail(c);
	}
	enum out_format fmt = args_has(a, "json") ? OUT_JSON : args_has(a, "csv") ? OUT_CSV : OUT_TABLE;
	int w = out_rows(c->out, rows, fmt);
	rows_free(&rows);
	return w == 0 ? 0 : RV_EIO;
}

int cli_done(struct cli *c, enum rv_code rc)
{
	return rc == RV_OK ? 0 : cli_fail(c);
}
