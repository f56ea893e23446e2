/* tui.c — tui_main(): the interface's entry point.
 *
 * Creates the engine on the open session, opens the first screen and runs
 * until the person quits.  The terminal is restored by the engine on every
 * path out (see term.h). */
#include "tui.h"

#include <stdio.h>

#include "plist.h"
#include "screens.h"
#include "view.h"

int tui_main(struct rv *rv, const struct tui_options *opt)
{
	struct ui *ui = ui_new(rv, opt);
	int rc;

	if (!ui) {
		fprintf(stderr, "roviec: %s\n", _("out of memory"));
		return 1;
	}
	if (opt && opt->due_soon >= 0)
		plist_set_due_soon_days(opt->due_soon);
	if (!screens_open_first(ui)) {
		ui_free(&ui);
		return 1;
	}
	rc = ui_run(ui);
	ui_free(&ui);
	return rc;
}
