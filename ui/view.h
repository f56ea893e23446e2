/* view.h — the view engine: a stack of screens, one dispatcher, redraw.
 *
 * Each screen is one file exporting a `const struct view_ops` (tig's model):
 * the engine owns the terminal, the stack, the title bar, the status line,
 * the key legend, resizing, the `?` help overlay and the `/` search prompt;
 * a screen only draws its area and answers requests.  Handlers never draw:
 * they change their state and return what must be redrawn (RD_*), or
 * RD_IGNORED to let the engine apply its global meaning of the action
 * (q/Esc go back, Q quits, ? shows help, / searches, ^L redraws).
 *
 * Screen layout, any size from 40×12 up (below that a single line asks for
 * a bigger terminal):
 *   row 0          title bar: screen title, and ui_set_title_right() text
 *   rows 1..h-3    the top full-screen view
 *   row h-2        status line: the last message, else the view's status
 *   row h-1        key legend of the top view (clickable)
 * Modal views (dialogs, help, the search prompt) are drawn over all of it. */
#ifndef ROVIEC_UI_VIEW_H
#define ROVIEC_UI_VIEW_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "keys.h"
#include "ui.h"

struct rv;
struct tui_options;
struct ui;
struct view;

/* What a handler asks to redraw.  Values combine with |. */
enum redraw {
	RD_NONE = 0,
	RD_STATUS = 1 << 0,  /* only the status line and legend */
	RD_ALL = 1 << 1,     /* the whole screen */
};
/* Returned by a request handler that does not handle the action. */
#define RD_IGNORED (-1)

enum search_dir {
	SEARCH_TYPING,  /* the query changed in the prompt (incremental) */
	SEARCH_DONE,    /* the prompt closed: this is the query now (apply it
	                   at once, even if typing was being debounced) */
	SEARCH_NEXT,    /* n */
	SEARCH_PREV,    /* N */
};

/* One row of a screen's key help: shown in the `?` overlay and, when
 * `legend` is set, on the bottom line.  Terminated by { ACT_NONE }. */
struct key_help {
	enum action act;
	const char *label;  /* short msgid for the legend and help, NULL: action_label() */
	const char *help;   /* longer msgid for the overlay, NULL: label */
	bool legend;
};

struct view_ops {
	const char *name;             /* msgid of the title, e.g. N_("Petitions") */
	const struct key_help *keys;  /* this screen's keys (required) */
	bool modal;                   /* drawn over the screen below it */

	/* Sets up v->data from arg.  Returns false (after ui_error()) to
	 * refuse; close is then not called. */
	bool (*open)(struct view *v, void *arg);
	/* Frees v->data.  Optional. */
	void (*close)(struct view *v);
	/* Draws into v->area (the clip is already set to it). */
	void (*draw)(struct view *v);
	/* Handles one event: returns RD_* flags or RD_IGNORED. */
	int (*request)(struct view *v, const struct ui_event *ev);

	/* Optional: v->area changed (terminal resize). */
	void (*resize)(struct view *v);
	/* Optional: KM_TEXT while a text field has the focus (default KM_NAV). */
	enum key_mode (*mode)(struct view *v);
	/* Optional: a title computed from the state (default: name). */
	const char *(*title)(struct view *v);
	/* Optional: text for the status line when there is no message. */
	void (*status)(struct view *v, char *buf, size_t size);
	/* Optional: enables `/`, n and N.  Returns RD_* flags. */
	int (*search)(struct view *v, const char *query, enum search_dir dir);
	/* Optional: the views above this one closed (data may have changed).
	 * Returns RD_* flags. */
	int (*resume)(struct view *v);
	/* Optional: deferred work (e.g. counting rows), called when no key has
	 * come for a moment.  Returns RD_* flags after doing some, RD_IGNORED
	 * when there is nothing left to do. */
	int (*idle)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct ui *ui;
	void *data;        /* the screen's own state; the screen frees it in close */
	struct rect area;  /* body rows for a full view, the whole screen for a modal */
	bool closing;      /* set by ui_pop(); removed after the current event */
};

/* Creates the engine for an open session (rv may be NULL in tests).
 * Returns NULL when out of memory.  ui_free accepts NULL, closes every
 * view and sets *ui to NULL; it does not touch the terminal. */
struct ui *ui_new(struct rv *rv, const struct tui_options *opt);
void ui_free(struct ui **ui);

/* Starts the terminal, runs until the stack is empty or ui_quit(), stops
 * the terminal.  Returns 0, or 1 after printing why the terminal could not
 * be started. */
int ui_run(struct ui *ui);

/* Opens a view on top of the stack.  Returns the view, or NULL when out of
 * memory or open refused (a message is then set). */
struct view *ui_push(struct ui *ui, const struct view_ops *ops, void *arg);
/* Marks v to be closed once the current event is handled. */
void ui_pop(struct view *v);
/* Ends ui_run() after the current event. */
void ui_quit(struct ui *ui);

/* Messages on the status line, cleared by the next key.  fmt is a
 * translated printf format. */
void ui_info(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Text at the right of the title bar (e.g. the date and the user). */
void ui_set_title_right(struct ui *ui, const char *text);

/* Puts the terminal cursor at (y, x) in the frame being drawn. */
void ui_cursor(struct ui *ui, int y, int x);

struct rv *ui_rv(const struct ui *ui);
const struct tui_options *ui_options(const struct ui *ui);
/* True between the two halves of a bracketed paste. */
bool ui_pasting(const struct ui *ui);
/* The top view, NULL when the stack is empty. */
struct view *ui_top(const struct ui *ui);
/* The view under v, NULL at the bottom. */
struct view *ui_below(const struct ui *ui, const struct view *v);

/* Handles one event exactly as a key press would (tests drive this). */
int ui_dispatch(struct ui *ui, const struct ui_event *ev);
/* Draws a full frame.  Needs a started terminal. */
void ui_render(struct ui *ui);

/* The keys every screen has (help, back, quit, redraw), for the overlay. */
const struct key_help *ui_global_keys(void);

#endif
