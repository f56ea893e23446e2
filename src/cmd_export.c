/* cmd_export.c — roviec export --format csv|xlsx|json|open311|html
 * --output FILE [the filters of petition list] [--from DATE] [--to DATE]. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "export.h"
#include "i18n.h"
#include "petition_cmds.h"
#include "query.h"
#include "report.h"

/* The list filters (not its output options), plus the export's own. */
static const char *const skipped[] = { "limit", "json", "csv", "count" };
static const struct arg_spec own[] = {
	{ "format", true, false }, { "output", true, false }, { "from", true, false }, { "to", true, false },
};

static size_t make_spec(struct arg_spec *spec)
{
	size_t n = 0;
	for (size_t i = 0; i < PETITION_LIST_NSPEC; i++) {
		bool skip = false;
		for (size_t k = 0; k < sizeof skipped / sizeof skipped[0]; k++)
			skip = skip || strcmp(petition_list_spec[i].name, skipped[k]) == 0;
		if (!skip)
			spec[n++] = petition_list_spec[i];
	}
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		spec[n++] = own[i];
	return n;
}

/* True when any list filter (or a sort) was given. */
static bool filtered(const struct args *a, const struct arg_spec *spec, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bool mine = false;
		for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
			mine = mine || strcmp(spec[i].name, own[k].name) == 0;
		if (!mine && a->value[i])
			return true;
	}
	return false;
}

static int run(struct cli *c, int argc, char **argv)
{
	struct arg_spec spec[PETITION_LIST_NSPEC + 4];
	size_t nspec = make_spec(spec);
	struct args a;
	if (!args_parse(&a, spec, nspec, argc, argv, 1))
		return cli_usage(&cmd_export, "%s", a.error);
	if (a.npos)
		return cli_usage(&cmd_export, _("export takes no positional arguments"));
	if (!args_has(&a, "format") || !args_has(&a, "output"))
		return cli_usage(&cmd_export, _("export needs --format FORMAT and --output FILE"));
	struct export_options o = { .path = args_get(&a, "output"), .conference = args_get(&a, "conference") };
	struct pq_filter f;
	long limit;
	if (export_parse_format(c->rv, args_get(&a, "format"), &o.format) ||
	    !petition_read_filter(c, &a, &f, &limit) ||
	    report_range(c->rv, args_get(&a, "from"), args_get(&a, "to"), true, &o.from, &o.to))
		return cli_fail(c);
	if (!args_has(&a, "from") && !args_has(&a, "to"))
		o.from = o.to = RV_DATE_NONE;
	if (!args_has(&a, "sort")) {
		f.sort = PQ_CODE;
		f.descending = false;
	}
	o.filter = filtered(&a, spec, nspec) ? &f : NULL;
	int64_t n = 0;
	if (export_run(c->rv, &o, &n))
		return cli_fail(c);
	fprintf(stderr, n == 1 ? _("Exported %lld petition to %s.\n") : _("Exported %lld petitions to %s.\n"),
	        (long long)n, o.path);
	return 0;
}

const struct cmd_entry cmd_export = {
	"export",
	N_("roviec export --format csv|xlsx|json|open311|html --output FILE\n"
	   "              [--status S[,S...]] [--overdue] [--due-within N] [--agency CODE] [--category CODE]\n"
	   "              [--enterprise TAXCODE] [--zone NAME] [--search TEXT] [--conference ID] [--sort [-]FIELD]\n"
	   "              [--from DATE] [--to DATE]\n"
	   "  csv      UTF-8 with BOM and CRLF, for Excel\n"
	   "  xlsx     a workbook: Summary, Agencies, Categories, Period (--from/--to, default the last six\n"
	   "           months) and the petitions\n"
	   "  json     everything, re-importable with roviec import (history, extensions, reference data,\n"
	   "           conferences; users for an administrator)\n"
	   "  open311  GeoReport v2 service requests\n"
	   "  html     a printable A4 report of --conference ID, or of the period --from/--to"),
	N_("export petitions and reports: CSV, XLSX, JSON, Open311, HTML"),
	0, run,
};
