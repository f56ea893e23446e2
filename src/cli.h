/* cli.h — the command line: one dispatcher, one file per command.
 *
 * Each src/cmd_*.c exports one `const struct cmd_entry`; cli.c lists them
 * in one table, parses the global options (--db, --as, --lang), opens the
 * session the command needs, runs it and turns its result into the exit
 * status (0 ok, 1 internal, 2 usage/input, 3 not found, 4 conflict,
 * 5 not permitted, 6 verification failed).  Errors are one line on
 * stderr naming the field and the value.  Commands parse their own
 * options with args.h. */
#ifndef ROVIEC_CLI_H
#define ROVIEC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "rv.h"

struct tui_options;
typedef int (*tui_entry)(struct rv *rv, const struct tui_options *opt);

struct cli {
	struct rv *rv;       /* the open session (NULL for commands with CMD_NO_DB) */
	FILE *out;
	const char *db_path; /* --db, or NULL */
	const char *as_user; /* --as, or NULL */
	bool no_color;
	int due_soon;        /* the configuration's due_soon, or -1 */
	tui_entry tui;       /* the terminal UI, provided by main() */
};

enum cmd_flags {
	CMD_NO_DB = 1,        /* runs without opening a database */
	CMD_CREATE_DB = 2,    /* creates the database when missing */
	CMD_ALLOW_UNKNOWN = 4, /* runs even when the OS login is not a registered user */
	CMD_HIDDEN = 8         /* left out of the command list (roviec complete) */
};

struct cmd_entry {
	const char *name;
	const char *usage;   /* synopsis lines, printed by --help */
	const char *summary; /* one line for the command list */
	unsigned flags;
	/* argv[0] is the command name.  Returns an exit status; on failure the
	 * message has been printed (cli_error). */
	int (*run)(struct cli *c, int argc, char **argv);
};

/* The whole program: returns the exit status. */
int cli_main(int argc, char **argv, tui_entry tui);

/* Prints the session's error as one line on stderr; returns its code. */
int cli_fail(struct cli *c);
/* Prints a usage error for cmd ("roviec petition assign: …") and
 * returns 2. */
int cli_usage(const struct cmd_entry *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

extern const struct cmd_entry cmd_init, cmd_demo, cmd_zone, cmd_agency, cmd_enterprise, cmd_category,
	cmd_user, cmd_holiday, cmd_petition, cmd_tui, cmd_conference, cmd_report, cmd_export, cmd_import,
	cmd_remind, cmd_verify, cmd_backup, cmd_restore, cmd_lookup, cmd_complete;



struct args;
struct arg_spec;
struct rows;

/* One subcommand of a command ("petition assign"): its word, its options
 * and its handler, which gets the parsed arguments (the words after the
 * subcommand are a->pos).  A command with subcommands lists them all in
 * one table of these (CLI_SUB builds a row from a spec array). */
struct cmd_sub {
	const char *name;
	const struct arg_spec *spec;
	size_t nspec;
	int (*run)(struct cli *c, const struct args *a);
};
#define CLI_SUB(name, spec, fn) { name, spec, sizeof spec / sizeof spec[0], fn }

/* Runs the subcommand named by argv[1] from subs[0..nsubs) with the
 * options after it parsed by its spec.  An unknown subcommand or a bad
 * option is a usage error of cmd (exit 2, nothing run).  Returns the exit
 * status. */
int cli_dispatch_sub(struct cli *c, const struct cmd_entry *cmd, const struct cmd_sub *subs,
                     size_t nsubs, int argc, char **argv);
/* Finishes a list command: on rc == RV_OK prints rows as the format chosen
 * by --json/--csv in a (table otherwise) and frees them; else reports the
 * error.  Returns the exit status. */
int cli_print_rows(struct cli *c, const struct args *a, enum rv_code rc, struct rows *rows);
/* Reports the session error when rc != RV_OK; returns rc as exit status. */
int cli_done(struct cli *c, enum rv_code rc);
#endif
