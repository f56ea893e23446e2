/* cmd_category.c — roviec category add CODE --vi TEXT --en TEXT [--within N]
 * | category list. */
#include <string.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "refdata.h"

static const struct arg_spec spec[] = {
	{ "vi", true, false }, { "en", true, false }, { "within", true, false },
	{ "json", false, false }, { "csv", false, false },
};

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 5, argc, argv, 2))
		return cli_usage(&cmd_category, "%s", a.error);
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 && a.npos == 1) {
		if (!args_has(&a, "vi") || !args_has(&a, "en"))
			return cli_usage(&cmd_category, _("--vi and --en are required"));
		return cli_done(c, category_add(c->rv, a.pos[0], args_get(&a, "vi"), args_get(&a, "en"),
		                                args_get(&a, "within")));
	}
	if (strcmp(sub, "list") == 0 && a.npos == 0) {
		struct rows *r = NULL;
		enum rv_code rc = category_list(c->rv, &r);
		return cli_print_rows(c, &a, rc, r);
	}
	return cli_usage(&cmd_category, _("expected: category add CODE --vi TEXT --en TEXT | category list"));
}

const struct cmd_entry cmd_category = {
	"category",
	N_("roviec category add CODE --vi TEXT --en TEXT [--within N]\nroviec category list [--json|--csv]"),
	N_("petition categories and their default time limits"),
	0, run,
};
