/* cmd_holiday.c — roviec holiday add DATE --name TEXT [--work] |
 * holiday list [--year Y]: the working-day calendar. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "input.h"
#include "refdata.h"

static const struct arg_spec spec[] = {
	{ "name", true, false }, { "work", false, false }, { "year", true, false },
	{ "json", false, false }, { "csv", false, false },
};

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 5, argc, argv, 2))
		return cli_usage(&cmd_holiday, "%s", a.error);
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "add") == 0 && a.npos == 1) {
		if (!args_has(&a, "name"))
			return cli_usage(&cmd_holiday, _("--name is required"));
		return cli_done(c, holiday_add(c->rv, a.pos[0], args_get(&a, "name"), args_has(&a, "work")));
	}
	if (strcmp(sub, "list") == 0 && a.npos == 0) {
		long year = 0;
		if (args_has(&a, "year") && input_int(c->rv, "year", args_get(&a, "year"), RV_YEAR_MIN, RV_YEAR_MAX, &year))
			return cli_fail(c);
		struct rows *r = NULL;
		enum rv_code rc = holiday_list(c->rv, (int)year, &r);
		return cli_print_rows(c, &a, rc, r);
	}
	return cli_usage(&cmd_holiday, _("expected: holiday add DATE --name TEXT [--work] | holiday list [--year Y]"));
}

const struct cmd_entry cmd_holiday = {
	"holiday",
	N_("roviec holiday add DATE --name TEXT [--work]   (--work: a make-up working Saturday)\n"
	   "roviec holiday list [--year Y] [--json|--csv]"),
	N_("holidays and make-up working days"),
	0, run,
};
