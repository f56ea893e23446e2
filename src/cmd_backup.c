/* cmd_backup.c — roviec backup FILE: a consistent copy of the database
 * taken while others keep writing (backup.h).  Staff, officials and
 * administrators. */
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
		return cli_usage(&cmd_backup, "%s", a.error);
	if (a.npos != 1)
		return cli_usage(&cmd_backup, _("backup takes one file"));
	struct backup_info info;
	if (users_require(c->rv, PERM_AUDIT) || backup_write(c->rv, a.pos[0], &info))
		return cli_fail(c);
	fprintf(c->out, info.pages == 1 ? _("Backed up %lld page (%.1f MB) to %s.\n")
	                                : _("Backed up %lld pages (%.1f MB) to %s.\n"),
	        (long long)info.pages, (double)info.bytes / 1e6,
	        a.pos[0]);
	return 0;
}

const struct cmd_entry cmd_backup = {
	"backup",
	N_("roviec backup FILE   a consistent copy of the database, taken while others keep writing\n"
	   "                     (SQLite's online backup); FILE is replaced atomically and gets mode 0660"),
	N_("copy the database while it is in use"),
	0, run,
};
