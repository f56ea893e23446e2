/* cmd_restore.c — roviec restore FILE: puts a backup back in place of the
 * database after verifying it (backup.h).  Administrators only. */
#include <stdio.h>

#include "args.h"
#include "backup.h"
#include "cli.h"
#include "i18n.h"
#include "users.h"

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, NULL, 0, argc, argv, 1))
		return cli_usage(&cmd_restore, "%s", a.error);
	if (a.npos != 1)
		return cli_usage(&cmd_restore, _("restore takes one file"));
	struct backup_info info;
	if (users_require(c->rv, PERM_ADMIN) || backup_restore(c->rv, a.pos[0], &info))
		return cli_fail(c);
	fprintf(c->out, info.history == 1 ? _("Restored %s: verified (%lld history row chained) and put in place.\n")
	                                  : _("Restored %s: verified (%lld history rows chained) and put in place.\n"),
	        a.pos[0],
	        (long long)info.history);
	return 0;
}

const struct cmd_entry cmd_restore = {
	"restore",
	N_("roviec restore FILE   replaces the database with a backup, after checking the backup's integrity,\n"
	   "                      foreign keys and history chain; a file that fails is refused (exit 6) and\n"
	   "                      the database is left untouched.  Administrators only"),
	N_("put a verified backup back in place"),
	0, run,
};
