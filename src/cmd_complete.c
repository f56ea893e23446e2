/* cmd_complete.c — roviec complete KIND [PREFIX]: the values bash
 * completion offers, one a line (see completion/roviec.bash).
 *
 * Hidden from the command list.  Quiet: a database that is missing,
 * unreadable or does not know the login prints nothing (exit status
 * non-zero), and a database is never created. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "complete.h"
#include "enums.h"
#include "i18n.h"
#include "rows.h"

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, NULL, 0, argc, argv, 1))
		return cli_usage(&cmd_complete, "%s", a.error);
	char kinds[256];
	if (a.npos < 1 || a.npos > 2 || !complete_known(a.pos[0]))
		return cli_usage(&cmd_complete, _("expected: complete KIND [PREFIX], KIND one of %s"),
		                 complete_kinds(kinds, sizeof kinds));
	const char *prefix = a.npos == 2 ? a.pos[1] : "";
	const struct enum_set *set = complete_closed(a.pos[0]);
	if (set) {
		for (int i = 0; i < set->count; i++)
			if (strncmp(set->db[i], prefix, strlen(prefix)) == 0)
				fprintf(c->out, "%s\n", set->db[i]);
		return 0;
	}
	struct rv_open_options o = { .path = c->db_path, .as_user = c->as_user };
	c->rv = rv_open(&o);
	if (!c->rv)
		return RV_EIO;
	if (rv_status(c->rv) != RV_OK)
		return (int)rv_status(c->rv);
	struct rows *r = NULL;
	enum rv_code rc = complete_list(c->rv, a.pos[0], prefix, &r);
	for (size_t i = 0; rc == RV_OK && i < r->n; i++)
		fprintf(c->out, "%s\n", rows_get(r, i, 0));
	rows_free(&r);
	return (int)rc;
}

const struct cmd_entry cmd_complete = {
	"complete",
	N_("roviec complete KIND [PREFIX]   values for shell completion, one a line (KIND: agencies,\n"
	   "                                categories, zones, enterprises, petitions, conferences,\n"
	   "                                statuses, outcomes, channels, kinds, roles)"),
	N_("values for shell completion"),
	CMD_NO_DB | CMD_HIDDEN, run,
};
