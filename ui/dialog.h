/* dialog.h — modal dialogs: a message with buttons, and a menu.
 *
 * A dialog is a modal view centred over the screen.  Its strings are
 * copied (already translated by the caller; data in them is drawn through
 * the visible-escape layer like everything else).  When the person chooses,
 * the dialog closes and done(ctx, choice) runs: choice is the button or
 * item index, or -1 for Esc.  done returns RD_* flags; it may open another
 * view.  ctx must stay valid until done has run. */
#ifndef ROVIEC_UI_DIALOG_H
#define ROVIEC_UI_DIALOG_H

#include "view.h"

typedef int (*dialog_done_fn)(void *ctx, int choice);

/* A message with nbuttons buttons (Left/Right/Tab move, Enter chooses);
 * `focus` is the button chosen by Enter at first.  done may be NULL.
 * Long text scrolls with Up/Down.  Returns false when out of memory. */
bool dialog_ask(struct ui *ui, const char *title, const char *text,
                const char *const *buttons, int nbuttons, int focus,
                dialog_done_fn done, void *ctx);

/* A message with a single OK button. */
bool dialog_message(struct ui *ui, const char *title, const char *text);

/* A vertical menu of nitems items; `selected` is highlighted first.
 * Typing a letter jumps to the next item starting with it. */
bool dialog_menu(struct ui *ui, const char *title, const char *const *items,
                 int nitems, int selected, dialog_done_fn done, void *ctx);

#endif
