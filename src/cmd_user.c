/* cmd_user.c — roviec user add LOGIN --role ROLE [--agency CODE]
 * [--enterprise TAXCODE] | user list. */
#include <string.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "users.h"

static const struct arg_spec spec[] = {
	{ "role", true, false }, { "agency", true, false }, { "enterprise", true, false },
	{ "json", false, false }, { "csv", false, false },
};

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 5, argc, argv, 2))
		return cli_usage(&cmd_user, "%s", a.error);
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 && a.npos == 1) {
		if (!args_has(&a, "role"))
			return cli_usage(&cmd_user, _("--role is required"));
		return cli_done(c, user_add(c->rv, a.pos[0], args_get(&a, "role"), args_get(&a, "agency"),
		                            args_get(&a, "enterprise")));
	}
	if (strcmp(sub, "list") == 0 && a.npos == 0) {
		struct rows *r = NULL;
		enum rv_code rc = user_list(c->rv, &r);
		return cli_print_rows(c, &a, rc, r);
	}
	return cli_usage(&cmd_user, _("expected: user add LOGIN --role ROLE | user list"));
}

const struct cmd_entry cmd_user = {
	"user",
	N_("roviec user add LOGIN --role admin|staff|official|agency|enterprise [--agency CODE] [--enterprise TAXCODE]\n"
	   "roviec user list [--json|--csv]"),
	N_("users (OS logins) and their roles"),
	0, run,
};
