/* screens.c — which screen comes first, and the title bar's right side. */
#include "screens.h"

#include <stdio.h>

#include "enums.h"
#include "rv.h"

bool screens_open_first(struct ui *ui)
{
	struct rv *rv = ui_rv(ui);
	char right[160], today[11];
	bool ok;

	snprintf(right, sizeof right, "%s · %s (%s)", date_display(rv_today(rv), today), rv_actor(rv),
	         enum_label(&role_set, (int)rv_role(rv)));
	ui_set_title_right(ui, right);
	if (rv_role(rv) == ROLE_ENTERPRISE)
		ok = screen_enterprise(ui);
	else
		ok = screen_list(ui, NULL);
	if (!ok)
		fprintf(stderr, "roviec: %s\n", _("cannot open the first screen"));
	return ok;
}
