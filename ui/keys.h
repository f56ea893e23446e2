/* keys.h — every user action, and the one table that binds keys to them.
 *
 * The interface never tests raw key codes outside keys.c: the terminal
 * layer turns each key into a `struct ui_event` carrying an action from
 * the closed set below, and views dispatch on actions only (htop's
 * `keys['/'] = actionIncSearch`, done as one table).  The same table
 * produces the key names shown in the bottom legend and the `?` help
 * overlay, so documentation cannot drift from behaviour.
 *
 * Two input modes: in KM_NAV letters are commands (j, k, q, /, ?…); in
 * KM_TEXT (a text field has the focus) printable characters are text
 * (ACT_INSERT) and only control and function keys are commands. */
#ifndef ROVIEC_UI_KEYS_H
#define ROVIEC_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "ui.h"

/* X(name, default help label): the label is a msgid, translated when shown. */
#define UI_ACTIONS(X) \
	X(NONE,        NULL) \
	X(UP,          N_("Move up")) \
	X(DOWN,        N_("Move down")) \
	X(LEFT,        N_("Move left")) \
	X(RIGHT,       N_("Move right")) \
	X(PAGE_UP,     N_("Page up")) \
	X(PAGE_DOWN,   N_("Page down")) \
	X(HALF_UP,     N_("Half a page up")) \
	X(HALF_DOWN,   N_("Half a page down")) \
	X(HOME,        N_("Go to the top")) \
	X(END,         N_("Go to the bottom")) \
	X(LINE_START,  N_("Start of the line")) \
	X(LINE_END,    N_("End of the line")) \
	X(ENTER,       N_("Open")) \
	X(BACK,        N_("Go back")) \
	X(QUIT,        N_("Quit")) \
	X(HELP,        N_("Help: every key of this screen")) \
	X(SEARCH,      N_("Search")) \
	X(SEARCH_NEXT, N_("Next match")) \
	X(SEARCH_PREV, N_("Previous match")) \
	X(REDRAW,      N_("Redraw the screen")) \
	X(NEXT_FIELD,  N_("Next field")) \
	X(PREV_FIELD,  N_("Previous field")) \
	X(SUBMIT,      N_("Save")) \
	X(BACKSPACE,   N_("Delete the character before the cursor")) \
	X(DELETE,      N_("Delete the character under the cursor")) \
	X(KILL_LINE,   N_("Delete to the start of the line")) \
	X(KILL_END,    N_("Delete to the end of the line")) \
	X(KILL_WORD,   N_("Delete the word before the cursor")) \
	X(SORT,        N_("Sort by a column")) \
	X(FILTER,      N_("Filter")) \
	X(CLEAR,       N_("Clear filters and search")) \
	X(NEW,         N_("New petition")) \
	X(ACTIONS,     N_("Workflow actions")) \
	X(BOARD,       N_("Officials' board")) \
	X(CONFERENCES, N_("Dialogue conferences")) \
	X(RATE,        N_("Rate the answer")) \
	X(RELOAD,      N_("Reload")) \
	X(INSERT,      NULL) /* a character typed into a text field */ \
	X(CHAR,        NULL) /* an unbound printable key in KM_NAV */ \
	X(MOUSE,       NULL) \
	X(PASTE_BEGIN, NULL) \
	X(PASTE_END,   NULL) \
	X(RESIZE,      NULL)

enum action {
#define UI_ACTION_ENUM(name, label) ACT_##name,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	ACT_COUNT_
};

enum key_mode {
	KM_NAV = 1,
	KM_TEXT = 2,
};

enum mouse_kind {
	MOUSE_NONE = 0,
	MOUSE_CLICK,       /* button 1 pressed */
	MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN,
};

/* One decoded input event. */
struct ui_event {
	enum action act;
	wchar_t ch;             /* ACT_INSERT, ACT_CHAR: the character */
	int y, x;               /* ACT_MOUSE: the cell */
	enum mouse_kind mouse;  /* ACT_MOUSE: what happened */
	bool repeat_click;      /* ACT_MOUSE: second click on the same cell */
};

/* The action bound to a key.  `fkey` is true for curses KEY_* codes
 * (get_wch returned KEY_CODE_YES), false for characters.  Unbound keys
 * give ACT_INSERT (KM_TEXT, printable), ACT_CHAR (KM_NAV, printable) or
 * ACT_NONE. */
enum action keys_lookup(bool fkey, int code, enum key_mode mode);

/* The action's name in the source ("PAGE_DOWN"), for logs. */
const char *action_name(enum action act);

/* The translated help label of an action ("" for internal actions). */
const char *action_label(enum action act);

/* Writes into buf the names of the keys bound to act in `mode`, joined
 * with ", " (all keys) or only the first (first_only), e.g. "j, Down".
 * Returns buf ("" when no key is bound).  buf is always terminated. */
char *keys_names(enum action act, enum key_mode mode, bool first_only,
                 char *buf, size_t size);

/* Custom key codes given to define_key() for bracketed paste. */
int keys_paste_begin_code(void);
int keys_paste_end_code(void);

#endif
