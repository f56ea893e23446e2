/* help.h — the `?` overlay: every key of the screen below it.
 *
 * Opened by the engine with the view whose keys it lists as the argument:
 * ui_push(ui, &view_help_ops, view).  Lists that view's key table (all
 * keys bound to each action, from keys.c) and the keys every screen has. */
#ifndef ROVIEC_UI_HELP_H
#define ROVIEC_UI_HELP_H

#include "view.h"

extern const struct view_ops view_help_ops;

#endif
