/* cmd_report.c — roviec report summary|agencies|categories|period|
 * conference ID [--from DATE] [--to DATE] [--json | --csv]. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "conference.h"
#include "conference_cmds.h"
#include "i18n.h"
#include "report.h"

static const struct arg_spec spec[] = {
	{ "from", true, false }, { "to", true, false }, { "json", false, false }, { "csv", false, false },
};

static enum rv_code build(struct cli *c, const struct args *a, const char *kind, struct report **r)
{
	rv_date from, to;
	bool period = strcmp(kind, "period") == 0;
	enum rv_code rc = report_range(c->rv, args_get(a, "from"), args_get(a, "to"), period, &from, &to);
	if (rc)
		return rc;
	if (strcmp(kind, "summary") == 0)
		return report_summary(c->rv, from, to, r);
	if (strcmp(kind, "agencies") == 0)
		return report_agencies(c->rv, from, to, r);
	if (strcmp(kind, "categories") == 0)
		return report_categories(c->rv, from, to, r);
	return report_period(c->rv, from, to, r);
}

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, sizeof spec / sizeof spec[0], argc, argv, 2))
		return cli_usage(&cmd_report, "%s", a.error);
	const char *kind = argc > 1 ? argv[1] : "";
	static const char *const kinds[] = { "summary", "agencies", "categories", "period", "conference" };
	size_t k = 0;
	while (k < 5 && strcmp(kind, kinds[k]) != 0)
		k++;
	if (k == 5)
		return cli_usage(&cmd_report, _("unknown report \"%s\" (summary, agencies, categories, period, conference ID)"), kind);
	bool conf = k == 4;
	if (a.npos != (conf ? 1u : 0u))
		return cli_usage(&cmd_report, conf ? _("report conference takes one conference number")
		                                   : _("report %s takes no other arguments"), kind);
	if (args_has(&a, "json") && args_has(&a, "csv"))
		return cli_usage(&cmd_report, _("give --json or --csv, not both"));
	if (conf && args_has(&a, "json"))
		return conference_print_json(c, a.pos[0]);
	struct report *r = NULL;
	enum rv_code rc = conf ? report_conference_paged(c->rv, a.pos[0], conference_page(), &r) : build(c, &a, kind, &r);
	if (rc)
		return cli_fail(c);
	enum out_format fmt = args_has(&a, "json") ? OUT_JSON : args_has(&a, "csv") ? OUT_CSV : OUT_TABLE;
	int w = report_print(c->out, r, fmt);
	report_free(&r);
	if (w && rv_status(c->rv))
		return cli_fail(c);
	return w == 0 ? 0 : RV_EIO;
}

const struct cmd_entry cmd_report = {
	"report",
	N_("roviec report summary|agencies|categories|period|conference ID [--from DATE] [--to DATE] [--json | --csv]\n"
	   "  summary     counts by status, category, park and channel; received, answered, overdue;\n"
	   "              median working days to answer\n"
	   "  agencies    per lead agency: assigned, answered, on time, overdue, average working days late,\n"
	   "              extensions, average satisfaction, ranked (all time: the officials' board)\n"
	   "  categories  per category: received, answered, on time, open, overdue, median days, satisfaction\n"
	   "  period      the twice-yearly report to superiors: six months (default: ending today) with\n"
	   "              the month-by-month trend, categories and agencies\n"
	   "  conference  a conference's progress and follow-up table\n"
	   "Without --from/--to a report covers all time (period: the last six months)."),
	N_("reports: summary, agencies, categories, period, conference"),
	0, run,
};
