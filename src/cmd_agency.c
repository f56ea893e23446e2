/* cmd_agency.c — roviec agency add NAME [--code CODE] [--kind KIND] |
 * agency list: the agencies petitions are assigned to. */
#include <string.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "refdata.h"

static const struct arg_spec spec[] = {
	{ "code", true, false }, { "kind", true, false }, { "json", false, false }, { "csv", false, false },
};

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 4, argc, argv, 2))
		return cli_usage(&cmd_agency, "%s", a.error);
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 && a.npos == 1)
		return cli_done(c, agency_add(c->rv, a.pos[0], args_get(&a, "code"), args_get(&a, "kind")));
	if (strcmp(sub, "list") == 0 && a.npos == 0) {
		struct rows *r = NULL;
		enum rv_code rc = agency_list(c->rv, &r);
		return cli_print_rows(c, &a, rc, r);
	}
	return cli_usage(&cmd_agency, _("expected: agency add NAME [--code CODE] [--kind KIND] | agency list"));
}

const struct cmd_entry cmd_agency = {
	"agency",
	N_("roviec agency add NAME [--code CODE] [--kind board|department|ministry|commune|utility|police|tax|other]\n"
	   "roviec agency list [--json|--csv]"),
	N_("agencies (lead and coordinating)"),
	0, run,
};
