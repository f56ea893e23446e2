/* cmd_zone.c — roviec zone add NAME | zone list: the parks. */
#include <string.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "refdata.h"

static const struct arg_spec spec[] = { { "json", false, false }, { "csv", false, false } };

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 2, argc, argv, 2))
		return cli_usage(&cmd_zone, "%s", a.error);
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 && a.npos == 1)
		return cli_done(c, zone_add(c->rv, a.pos[0]));
	if (strcmp(sub, "list") == 0 && a.npos == 0) {
		struct rows *r = NULL;
		enum rv_code rc = zone_list(c->rv, &r);
		return cli_print_rows(c, &a, rc, r);
	}
	return cli_usage(&cmd_zone, _("expected: zone add NAME | zone list"));
}

const struct cmd_entry cmd_zone = {
	"zone",
	N_("roviec zone add NAME\nroviec zone list [--json|--csv]"),
	N_("parks (industrial parks, the hi-tech park)"),
	0, run,
};
