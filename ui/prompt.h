/* prompt.h — a one-line text prompt on the status line (the `/` search).
 *
 * A modal view holding a line editor.  on_change runs after every edit
 * with the current text (incremental search); on_done runs once, with the
 * text on Enter or NULL on Esc, just before the prompt closes.  Both
 * return RD_* flags.  ctx is passed through and must outlive the prompt. */
#ifndef ROVIEC_UI_PROMPT_H
#define ROVIEC_UI_PROMPT_H

#include "view.h"

typedef int (*prompt_change_fn)(void *ctx, const char *text);
typedef int (*prompt_done_fn)(void *ctx, const char *text);

/* Opens the prompt; label is drawn before the field (e.g. "/").  initial
 * may be NULL.  Returns false when out of memory. */
bool prompt_open(struct ui *ui, const char *label, const char *initial,
                 prompt_change_fn on_change, prompt_done_fn on_done, void *ctx);

#endif
