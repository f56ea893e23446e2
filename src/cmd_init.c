/* cmd_init.c — roviec init: create or upgrade the database.  Whoever runs
 * init on a new database becomes its administrator. */
#include <stdio.h>

#include "cli.h"
#include "i18n.h"

static int run(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(&cmd_init, _("init takes no arguments"));
	if (rv_created(c->rv)) {
		fprintf(c->out, _("Created a new database; %s is its administrator.\n"), rv_os_login(c->rv));
	} else {
		fprintf(c->out, "%s", _("The database is up to date.\n"));
	}
	return 0;
}

const struct cmd_entry cmd_init = {
	"init",
	N_("roviec init   create the database (or upgrade an older one)"),
	N_("create or upgrade the database"),
	CMD_CREATE_DB | CMD_ALLOW_UNKNOWN, run,
};
