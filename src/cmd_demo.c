/* cmd_demo.c — roviec demo [--petitions N] [--seed S]: realistic sample
 * data.  On a new database the caller becomes its administrator. */
#include <stdio.h>
#include <time.h>

#include "args.h"
#include "cli.h"
#include "demo.h"
#include "i18n.h"
#include "input.h"

static const struct arg_spec spec[] = { { "petitions", true, false }, { "seed", true, false } };

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 2, argc, argv, 1) || a.npos)
		return cli_usage(&cmd_demo, "%s", a.npos ? _("demo takes no arguments") : a.error);
	long n = 300, seed = 2026;
	if (args_has(&a, "petitions") && input_int(c->rv, "petitions", args_get(&a, "petitions"), 0, 10000000, &n))
		return cli_fail(c);
	if (args_has(&a, "seed") && input_int(c->rv, "seed", args_get(&a, "seed"), 0, 2147483647L, &seed))
		return cli_fail(c);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (demo_generate(c->rv, n, (unsigned)seed, n >= 100000 ? stderr : NULL) != RV_OK)
		return cli_fail(c);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(c->out, n == 1 ? _("Added %ld demo petition in %.1f s.\n") : _("Added %ld demo petitions in %.1f s.\n"),
	        n, secs);
	return 0;
}

const struct cmd_entry cmd_demo = {
	"demo",
	N_("roviec demo [--petitions N] [--seed S]   realistic Vietnamese sample data (default 300 petitions)"),
	N_("fill the database with realistic sample data"),
	CMD_CREATE_DB | CMD_ALLOW_UNKNOWN, run,
};
