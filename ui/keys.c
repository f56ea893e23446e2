/* keys.c — the key table: the only place raw key codes meet actions.
 *
 * Order matters twice: the first matching row wins, and the first key of
 * an action is the one the bottom legend shows. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#define CTRL(c) ((c) & 0x1f)
#define PASTE_BEGIN_CODE (KEY_MAX + 1)
#define PASTE_END_CODE   (KEY_MAX + 2)

enum { ANY = KM_NAV | KM_TEXT };

struct key_binding {
	bool fkey;        /* code is a curses KEY_* value */
	int code;
	unsigned modes;   /* KM_NAV, KM_TEXT or both */
	enum action act;
	const char *name; /* shown in the legend and the help overlay */
};

static const struct key_binding key_table[] = {
	/* Moving */
	{ false, 'k',            KM_NAV,  ACT_UP,          "k" },
	{ true,  KEY_UP,         ANY,     ACT_UP,          "Up" },
	{ false, 'j',            KM_NAV,  ACT_DOWN,        "j" },
	{ true,  KEY_DOWN,       ANY,     ACT_DOWN,        "Down" },
	{ true,  KEY_LEFT,       ANY,     ACT_LEFT,        "Left" },
	{ false, 'h',            KM_NAV,  ACT_LEFT,        "h" },
	{ true,  KEY_RIGHT,      ANY,     ACT_RIGHT,       "Right" },
	{ false, 'l',            KM_NAV,  ACT_RIGHT,       "l" },
	{ true,  KEY_PPAGE,      ANY,     ACT_PAGE_UP,     "PgUp" },
	{ true,  KEY_NPAGE,      ANY,     ACT_PAGE_DOWN,   "PgDn" },
	{ false, ' ',            KM_NAV,  ACT_PAGE_DOWN,   "Space" },
	{ false, CTRL('u'),      KM_NAV,  ACT_HALF_UP,     "^U" },
	{ false, CTRL('d'),      KM_NAV,  ACT_HALF_DOWN,   "^D" },
	{ false, 'g',            KM_NAV,  ACT_HOME,        "g" },
	{ true,  KEY_HOME,       KM_NAV,  ACT_HOME,        "Home" },
	{ false, 'G',            KM_NAV,  ACT_END,         "G" },
	{ true,  KEY_END,        KM_NAV,  ACT_END,         "End" },
	{ true,  KEY_HOME,       KM_TEXT, ACT_LINE_START,  "Home" },
	{ false, CTRL('a'),      KM_TEXT, ACT_LINE_START,  "^A" },
	{ true,  KEY_END,        KM_TEXT, ACT_LINE_END,    "End" },
	{ false, CTRL('e'),      KM_TEXT, ACT_LINE_END,    "^E" },
	/* Opening and leaving */
	{ false, '\n',           ANY,     ACT_ENTER,       "Enter" },
	{ false, '\r',           ANY,     ACT_ENTER,       "Enter" },
	{ true,  KEY_ENTER,      ANY,     ACT_ENTER,       "Enter" },
	{ false, 'q',            KM_NAV,  ACT_BACK,        "q" },
	{ false, 27,             ANY,     ACT_BACK,        "Esc" },
	{ true,  KEY_BACKSPACE,  KM_NAV,  ACT_BACK,        "Bksp" },
	{ false, 'Q',            KM_NAV,  ACT_QUIT,        "Q" },
	{ false, '?',            KM_NAV,  ACT_HELP,        "?" },
	{ true,  KEY_F(1),       ANY,     ACT_HELP,        "F1" },
	/* Searching */
	{ false, '/',            KM_NAV,  ACT_SEARCH,      "/" },
	{ false, 'n',            KM_NAV,  ACT_SEARCH_NEXT, "n" },
	{ false, 'N',            KM_NAV,  ACT_SEARCH_PREV, "N" },
	{ false, CTRL('l'),      ANY,     ACT_REDRAW,      "^L" },
	/* Forms */
	{ false, '\t',           ANY,     ACT_NEXT_FIELD,  "Tab" },
	{ true,  KEY_BTAB,       ANY,     ACT_PREV_FIELD,  "S-Tab" },
	{ true,  KEY_F(2),       ANY,     ACT_SUBMIT,      "F2" },
	{ false, CTRL('s'),      ANY,     ACT_SUBMIT,      "^S" },
	/* Text editing */
	{ true,  KEY_BACKSPACE,  KM_TEXT, ACT_BACKSPACE,   "Bksp" },
	{ false, 127,            KM_TEXT, ACT_BACKSPACE,   "Bksp" },
	{ false, CTRL('h'),      KM_TEXT, ACT_BACKSPACE,   "^H" },
	{ true,  KEY_DC,         KM_TEXT, ACT_DELETE,      "Del" },
	{ false, CTRL('d'),      KM_TEXT, ACT_DELETE,      "^D" },
	{ false, CTRL('u'),      KM_TEXT, ACT_KILL_LINE,   "^U" },
	{ false, CTRL('k'),      KM_TEXT, ACT_KILL_END,    "^K" },
	{ false, CTRL('w'),      KM_TEXT, ACT_KILL_WORD,   "^W" },
	/* Screen commands */
	{ false, 's',            KM_NAV,  ACT_SORT,        "s" },
	{ false, 'f',            KM_NAV,  ACT_FILTER,      "f" },
	{ false, 'c',            KM_NAV,  ACT_CLEAR,       "c" },
	{ false, 'i',            KM_NAV,  ACT_NEW,         "i" },
	{ false, '+',            KM_NAV,  ACT_NEW,         "+" },
	{ false, 'a',            KM_NAV,  ACT_ACTIONS,     "a" },
	{ false, 'b',            KM_NAV,  ACT_BOARD,       "b" },
	{ false, 'C',            KM_NAV,  ACT_CONFERENCES, "C" },
	{ false, 'r',            KM_NAV,  ACT_RATE,        "r" },
	{ false, 'R',            KM_NAV,  ACT_RELOAD,      "R" },
	{ true,  KEY_F(5),       ANY,     ACT_RELOAD,      "F5" },
	/* Terminal events */
	{ true,  KEY_MOUSE,      ANY,     ACT_MOUSE,       "" },
	{ true,  KEY_RESIZE,     ANY,     ACT_RESIZE,      "" },
	{ true,  PASTE_BEGIN_CODE, ANY,   ACT_PASTE_BEGIN, "" },
	{ true,  PASTE_END_CODE, ANY,     ACT_PASTE_END,   "" },
};

static const char *const action_labels[] = {
#define UI_ACTION_LABEL(name, label) label,
	UI_ACTIONS(UI_ACTION_LABEL)
#undef UI_ACTION_LABEL
};

static const char *const action_names[] = {
#define UI_ACTION_NAME(name, label) #name,
	UI_ACTIONS(UI_ACTION_NAME)
#undef UI_ACTION_NAME
};

const char *action_name(enum action act)
{
	return (unsigned)act < UI_ARRAY_LEN(action_names) ? action_names[act] : "?";
}

enum action keys_lookup(bool fkey, int code, enum key_mode mode)
{
	for (size_t i = 0; i < UI_ARRAY_LEN(key_table); i++) {
		const struct key_binding *b = &key_table[i];
		if (b->fkey == fkey && b->code == code && (b->modes & mode))
			return b->act;
	}
	if (fkey || code < 0x20 || code == 0x7f || (code >= 0x80 && code < 0xa0))
		return ACT_NONE;
	return mode == KM_TEXT ? ACT_INSERT : ACT_CHAR;
}

const char *action_label(enum action act)
{
	if ((unsigned)act >= UI_ARRAY_LEN(action_labels) || !action_labels[act])
		return "";
	return _(action_labels[act]);
}

char *keys_names(enum action act, enum key_mode mode, bool first_only,
                 char *buf, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < UI_ARRAY_LEN(key_table); i++) {
		const struct key_binding *b = &key_table[i];
		if (b->act != act || !(b->modes & mode) || !b->name[0])
			continue;
		/* the same name twice (Enter is three codes) is shown once */
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = key_table[j].act == act && (key_table[j].modes & mode) &&
			       strcmp(key_table[j].name, b->name) == 0;
		if (seen)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", b->name);
		if (n < 0 || (size_t)n >= size - used) {
			buf[used] = '\0';  /* no half names */
			break;
		}
		used += (size_t)n;
		if (first_only)
			break;
	}
	return buf;
}

int keys_paste_begin_code(void)
{
	return PASTE_BEGIN_CODE;
}

int keys_paste_end_code(void)
{
	return PASTE_END_CODE;
}
