/* remind.h — reminders (đôn đốc) per lead agency: what is overdue, what is
 * due soon, and which late petitions owe their 7-day progress update.
 *
 * Circular 02/2017/TT-VPCP: when a petition is late, a progress update is
 * published every 07 days.  A late petition "owes an update" when 7 or
 * more calendar days have passed since the later of its deadline and its
 * last recorded change (any history row).  Due soon: open, deadline from
 * today to today + N working days.  The text is plain, one block per
 * agency, ready to mail (a To: and a Subject: line, then the lists). */
#ifndef ROVIEC_REMIND_H
#define ROVIEC_REMIND_H

#include <stddef.h>
#include <stdio.h>

#include "petition.h"
#include "rv.h"

struct remind_item {
	char code[RV_CODE_MAX];
	char *enterprise;
	char *title;
	char *person;
	rv_date deadline;
	rv_date last_change;     /* date of the latest history row */
	int days_late;           /* working days past the deadline, 0 when not late */
	int days_since_update;   /* calendar days since max(deadline, last change), late ones */
	bool owes_update;
};

struct remind_agency {
	char *code;
	char *name;
	struct remind_item *items; /* by deadline: overdue first, then due soon */
	size_t n, n_overdue, n_due_soon, n_owing;
};

struct remind {
	rv_date today;
	int within;
	struct remind_agency *agencies; /* in Vietnamese alphabetical order */
	size_t n;
};

/* Loads the reminders with "due soon" = within `within` working days.
 * An agency liaison gets only their own agency; enterprises RV_EPERM.
 * *out is the caller's: remind_free(). */
enum rv_code remind_load(struct rv *rv, int within, struct remind **out);
void remind_free(struct remind **r);

/* The plain-text reminders.  0, or -1 on a write error. */
int remind_print(FILE *out, const struct remind *r);

#endif
