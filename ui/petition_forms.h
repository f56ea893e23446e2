/* petition_forms.h — every workflow action as a small form.
 *
 * The petition screen hands over a reference to the petition it shows;
 * the forms call workflow.h with the version that was displayed, show the
 * core's messages next to the field they name, and on a version conflict
 * open a dialog with what changed (rv_message()) instead of overwriting. */
#ifndef ROVIEC_UI_PETITION_FORMS_H
#define ROVIEC_UI_PETITION_FORMS_H

#include <stdint.h>

#include "petition.h"
#include "view.h"

/* What the forms need from the screen that shows the petition.  ctx stays
 * valid while a form is open (the screen is below it on the stack). */
struct petition_ref {
	const struct petition *p;                /* as displayed */
	void (*reload)(void *ctx, struct ui *ui);  /* load it again */
	int64_t (*version)(void *ctx);             /* version after the last reload */
	void *ctx;
};

/* The menu of the actions allowed from the petition's status. */
void petition_actions_menu(struct ui *ui, const struct petition_ref *ref);

/* Closing with a satisfaction rating (the enterprise's one action). */
void petition_rate(struct ui *ui, const struct petition_ref *ref);

#endif
