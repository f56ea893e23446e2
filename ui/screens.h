/* screens.h — the screens of roviec, one file each, and how they open
 * each other.
 *
 * Each screen file exports one const struct view_ops and the function
 * below that opens it with the arguments it needs; a screen never reaches
 * into another's state.  All return false (with a message set) when the
 * screen could not open. */
#ifndef ROVIEC_UI_SCREENS_H
#define ROVIEC_UI_SCREENS_H

#include <stdbool.h>

#include "view.h"

/* Opens the first screen for the session's user: the enterprise's own
 * petitions for the enterprise role, else the petition list.  Prints why
 * and returns false when it cannot. */
bool screens_open_first(struct ui *ui);

/* A drill-down into the petition list. */
struct list_args {
	const char *agency;     /* lead agency code, or NULL */
	unsigned status_mask;   /* 0: any */
	bool overdue;
	int due_within;         /* -1: off */
};

bool screen_list(struct ui *ui, const struct list_args *args);    /* view_list.c */
bool screen_petition(struct ui *ui, const char *code);             /* view_petition.c */
bool screen_intake(struct ui *ui);                                 /* view_intake.c */
bool screen_board(struct ui *ui);                                  /* view_board.c */
bool screen_enterprise(struct ui *ui);                             /* view_enterprise.c */
bool screen_conferences(struct ui *ui);                            /* view_conferences.c */
/* id: the conference number */
bool screen_conference(struct ui *ui, const char *id);             /* view_conference.c */

#endif
