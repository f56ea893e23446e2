/* cmd_import.c — roviec import FILE [--dry-run] [--skip-bad]: petitions from
 * an Excel-saved CSV file or a roviec JSON export. */
#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "import.h"
#include "text.h"

static const struct arg_spec spec[] = { { "dry-run", false, false }, { "skip-bad", false, false } };

static void print_errors(const char *path, const struct import_result *r)
{
	for (size_t i = 0; i < r->n_errors; i++) {
		char *vis = text_visible(r->errors[i].message, false);
		if (r->errors[i].line > 0)
			fprintf(stderr, "%s:%ld: %s\n", path, r->errors[i].line, vis ? vis : "");
		else
			fprintf(stderr, "%s: %s\n", path, vis ? vis : "");
		free(vis);
	}
	if ((size_t)r->bad > r->n_errors)
		fprintf(stderr, _("%s: … and %lld more bad rows\n"), path, (long long)(r->bad - (int64_t)r->n_errors));
}

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 2, argc, argv, 1))
		return cli_usage(&cmd_import, "%s", a.error);
	if (a.npos != 1)
		return cli_usage(&cmd_import, _("import takes one file (.csv or .json)"));
	struct import_options o = { a.pos[0], args_has(&a, "dry-run"), args_has(&a, "skip-bad") };
	struct import_result r;
	enum rv_code rc = import_run(c->rv, &o, &r);
	print_errors(o.path, &r);
	if (rc) {
		import_result_free(&r);
		return cli_fail(c);
	}
	double rate = r.seconds > 0 ? (double)r.rows / r.seconds : 0;
	fprintf(c->out, o.dry_run ? _("Dry run: %lld rows read, %lld would be added, %lld already present, %lld bad; nothing written.\n")
	                          : _("%lld rows read: %lld added, %lld already present, %lld bad.\n"),
	        (long long)r.rows, (long long)r.added, (long long)r.skipped, (long long)r.bad);
	fprintf(stderr, _("Imported in %.2f s (%.0f rows/s).\n"), r.seconds, rate);
	import_result_free(&r);
	return 0;
}

const struct cmd_entry cmd_import = {
	"import",
	N_("roviec import FILE [--dry-run] [--skip-bad]\n"
	   "  FILE.csv   petitions from a spreadsheet saved by Excel (UTF-8, with or without BOM; ',' or ';');\n"
	   "             Vietnamese or English column names, names of categories and agencies with or without\n"
	   "             accents, dates DD/MM/YYYY\n"
	   "  FILE.json  a roviec JSON export (roviec export --format json), restored exactly (administrators)\n"
	   "Every bad row is listed with its line and the reason; then nothing is imported unless --skip-bad.\n"
	   "Importing the same file again adds nothing.  --dry-run checks everything and writes nothing."),
	N_("import petitions from CSV (Excel) or a roviec JSON export"),
	0, run,
};
