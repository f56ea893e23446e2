/* tui.h — the full-screen terminal interface (ncursesw).
 *
 * The only entry point the command line knows: `roviec` with no command,
 * or `roviec tui`, calls tui_main() on an open session.  Everything below
 * it lives in ui/ and reaches data only through the core API (src/), never
 * through SQL of its own. */
#ifndef ROVIEC_TUI_H
#define ROVIEC_TUI_H

#include <stdbool.h>

struct rv;

struct tui_options {
	bool no_color; /* --no-color, or NO_COLOR set in the environment */
	int due_soon;  /* working days that count as "due soon"; < 0: PLIST_DUE_SOON_DAYS */
};

/* Runs the interface until the user quits.  Restores the terminal on every
 * exit path (normal quit, error, SIGINT, SIGTERM, SIGSEGV).  Returns a
 * process exit status (0 on normal quit). */
int tui_main(struct rv *rv, const struct tui_options *opt);

#endif
