/* cmd_tui.c — roviec tui (also: roviec with no command): the full-screen
 * interface, provided by ui/ through cli.tui. */
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "tui.h"

static int run(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(&cmd_tui, _("tui takes no arguments"));
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s", _("roviec: the interface needs a terminal; see roviec --help for commands\n"));
		return RV_EINPUT;
	}
	struct tui_options o = { .no_color = c->no_color, .due_soon = c->due_soon };
	return c->tui(c->rv, &o);
}

const struct cmd_entry cmd_tui = {
	"tui",
	N_("roviec [tui]   the full-screen interface (press ? inside for keys)"),
	N_("the full-screen interface (the default)"),
	0, run,
};
