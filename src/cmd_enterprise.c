/* cmd_enterprise.c — roviec enterprise add NAME --tax-code CODE [--zone NAME]
 * [--contact TEXT] | enterprise list [--zone NAME]. */
#include <string.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "refdata.h"

static const struct arg_spec spec[] = {
	{ "tax-code", true, false }, { "zone", true, false }, { "contact", true, false },
	{ "json", false, false }, { "csv", false, false },
};

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 5, argc, argv, 2))
		return cli_usage(&cmd_enterprise, "%s", a.error);
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 && a.npos == 1) {
		if (!args_has(&a, "tax-code"))
			return cli_usage(&cmd_enterprise, _("--tax-code is required"));
		return cli_done(c, enterprise_add(c->rv, a.pos[0], args_get(&a, "tax-code"), args_get(&a, "zone"),
		                                  args_get(&a, "contact")));
	}
	if (strcmp(sub, "list") == 0 && a.npos == 0) {
		struct rows *r = NULL;
		enum rv_code rc = enterprise_list(c->rv, args_get(&a, "zone"), &r);
		return cli_print_rows(c, &a, rc, r);
	}
	return cli_usage(&cmd_enterprise, _("expected: enterprise add NAME --tax-code CODE | enterprise list"));
}

const struct cmd_entry cmd_enterprise = {
	"enterprise",
	N_("roviec enterprise add NAME --tax-code CODE [--zone NAME] [--contact TEXT]\n"
	   "roviec enterprise list [--zone NAME] [--json|--csv]"),
	N_("enterprises, by tax code"),
	0, run,
};
