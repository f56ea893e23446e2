/* ui.h — what every file of the terminal interface shares.
 *
 * Translation macros and a rectangle.  Every string a person sees is
 * written `_("…")` (translated at run time) or `N_("…")` (marked for
 * extraction in a static table, translated when drawn with _()). */
#ifndef ROVIEC_UI_UI_H
#define ROVIEC_UI_UI_H

#include <libintl.h>

#ifndef _
#define _(s) gettext(s)
#endif
#ifndef N_
#define N_(s) (s)
#endif

#define UI_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A screen area in terminal cells; h or w may be 0 (nothing drawn). */
struct rect {
	int y, x, h, w;
};

/* Design size of the interface and the smallest size it still works in. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12

#endif
