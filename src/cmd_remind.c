/* cmd_remind.c — roviec remind [--within N]: per agency, overdue and
 * due-soon petitions and late ones owing a progress update, as plain text
 * ready to mail.  Exit 0 whatever it finds (cron-able). */
#include <stdio.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "input.h"
#include "remind.h"

static const struct arg_spec spec[] = { { "within", true, false } };

static int run(struct cli *c, int argc, char **argv)
{
	struct args a;
	if (!args_parse(&a, spec, 1, argc, argv, 1))
		return cli_usage(&cmd_remind, "%s", a.error);
	if (a.npos)
		return cli_usage(&cmd_remind, _("remind takes no arguments"));
	long within = c->due_soon >= 0 ? c->due_soon : 3; /* the configuration's due_soon */
	if (args_has(&a, "within") && input_int(c->rv, "within", args_get(&a, "within"), 0, 365, &within))
		return cli_fail(c);
	struct remind *r = NULL;
	if (remind_load(c->rv, (int)within, &r))
		return cli_fail(c);
	int w = remind_print(c->out, r);
	remind_free(&r);
	return w == 0 ? 0 : RV_EIO;
}

const struct cmd_entry cmd_remind = {
	"remind",
	N_("roviec remind [--within N]   per lead agency: overdue petitions, those due within N working days\n"
	   "                             (default 3), and late ones owing their 7-day progress update;\n"
	   "                             plain text ready to mail, exit 0 (for cron)"),
	N_("reminders per agency, ready to mail"),
	0, run,
};
