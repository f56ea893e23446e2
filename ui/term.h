/* term.h — owning the terminal: start, input, frames, restore.
 *
 * The only file besides draw.c and keys.c that calls curses.  It puts the
 * terminal into full-screen mode, decodes input into actions (keys.h),
 * and guarantees the terminal is given back on every exit path: term_stop()
 * on normal return, an atexit() hook for exit() from anywhere, and an
 * async-signal-safe handler for SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
 * SIGBUS, SIGFPE, SIGILL and SIGABRT that writes the precomputed "leave
 * full-screen mode" sequence with write(2), restores the saved termios
 * settings and re-raises the signal with its default action. */
#ifndef ROVIEC_UI_TERM_H
#define ROVIEC_UI_TERM_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

/* Enters full-screen mode on the controlling terminal (stdin/stdout).
 * Colours are used unless no_color is true, NO_COLOR is set to a non-empty
 * value, or the terminal has none.  Returns false, with a message in err,
 * when stdin or stdout is not a terminal or curses cannot start; the
 * terminal is then untouched. */
bool term_start(bool no_color, char *err, size_t err_size);

/* Leaves full-screen mode.  Harmless when not started; idempotent. */
void term_stop(void);

/* True when term_start() chose to use colours. */
bool term_has_colors(void);

/* Current size of the screen in cells. */
void term_size(int *rows, int *cols);

/* Waits up to timeout_ms (-1: forever, 0: just poll) for one input event
 * and decodes it for `mode`.  Returns false when nothing arrived.  Mouse
 * events outside the button-1 press and the wheel come back as ACT_NONE. */
bool term_read(struct ui_event *ev, enum key_mode mode, int timeout_ms);

/* A frame: term_frame_begin() clears the off-screen copy, drawing happens
 * through draw.h, term_frame_end() puts the cursor at (y, x) — hidden when
 * y < 0 — and sends only the differences to the terminal. */
void term_frame_begin(void);
void term_frame_end(int cursor_y, int cursor_x);

/* Forces the next frame to repaint every cell (Ctrl-L). */
void term_invalidate(void);

#endif
