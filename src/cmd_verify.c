/* cmd_verify.c — roviec verify [--checkpoint] [--against CHECKPOINT]
 * [--json]: SQLite's integrity and foreign-key checks, the history hash
 * chain and the append-only triggers (verify.h).  Exit 0 when everything
 * checks out, 6 naming the first problem otherwise.  Staff, officials and
 * administrators: it reads every petition's history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "rv_internal.h"
#include "users.h"
#include "verify.h"

static const struct arg_spec spec[] = {
	{ "checkpoint", false, false },
	{ "against", true, false },
	{ "json", false, false },
};

/* The checkpoint named by arg: a file holding one, or the text itself. */
static enum rv_code read_checkpoint(struct rv *rv, const char *arg, struct verify_checkpoint *cp)
{
	FILE *f = strchr(arg, '=') || arg[0] == '{' ? NULL : fopen(arg, "r");
	if (!f)
		return verify_parse_checkpoint(rv, arg, cp);
	char buf[512];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return verify_parse_checkpoint(rv, buf, cp);
}

static void print_json(FILE *out, const struct verify_checkpoint *cp)
{
	char hex[2 * HISTORY_HASH_LEN + 1];
	history_hex(cp->hash, hex);
	json_t *o = json_pack("{s:b, s:I, s:I, s:s}", "ok", 1, "rows", (json_int_t)cp->rows, "head_id",
	                      (json_int_t)cp->id, "sha256", hex);
	json_dumpf(o, out, JSON_COMPACT);
	fputc('\n', out);
	json_decref(o);
}

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, sizeof spec / sizeof spec[0], argc, argv, 1))
		return cli_usage(&cmd_verify, "%s", a.error);
	if (a.npos)
		return cli_usage(&cmd_verify, _("verify takes no arguments"));
	struct rv *rv = c->rv;
	if (users_require(rv, PERM_AUDIT))
		return cli_fail(c);
	struct verify_checkpoint against, head;
	const char *arg = args_get(&a, "against");
	if (arg && read_checkpoint(rv, arg, &against))
		return cli_fail(c);
	if (verify_db(rv, rv->db, arg ? &against : NULL, &head))
		return cli_fail(c);
	if (args_has(&a, "json")) {
		print_json(c->out, &head);
	} else if (args_has(&a, "checkpoint")) {
		char line[160];
		verify_format_checkpoint(&head, line, sizeof line);
		fprintf(c->out, "%s\n", line);
	} else {
		fprintf(c->out, head.rows == 1 ? _("Verified: the file is intact and %lld history row chains up to row %lld.\n")
		                               : _("Verified: the file is intact and %lld history rows chain up to row %lld.\n"),
		        (long long)head.rows, (long long)head.id);
		if (arg)
			fprintf(c->out, "%s", _("The history still holds the checkpoint unchanged.\n"));
	}
	return 0;
}

const struct cmd_entry cmd_verify = {
	"verify",
	N_("roviec verify [--checkpoint] [--against CHECKPOINT] [--json]\n"
	   "  checks the file (SQLite integrity and foreign keys), walks the history hash chain and checks\n"
	   "  that history is still append-only; names the first row that does not match, exit 6\n"
	   "  --checkpoint   prints the row count and head hash, one line to keep outside the database\n"
	   "  --against CP   also proves the history still reaches that checkpoint (CP is the line, or a\n"
	   "                 file holding it): a truncated or rewritten tail is detected\n"
	   "  --json         {\"ok\", \"rows\", \"head_id\", \"sha256\"} (the checkpoint as JSON)"),
	N_("check the database and its history chain"),
	0, run,
};
