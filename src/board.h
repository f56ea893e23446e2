/* board.h — the officials' board: who is late, and by how much.
 *
 * Per lead agency: open petitions, overdue ones, ones due within N working
 * days, and the accountability ranking (assigned, answered, answered on
 * time, average working days late, extensions, average satisfaction).  Read
 * from counters the write transactions keep (open_deadlines, agency_stats),
 * so the board over a million petitions reads a few thousand rows. */
#ifndef ROVIEC_BOARD_H
#define ROVIEC_BOARD_H

#include <stddef.h>
#include <stdint.h>

#include "rv.h"

struct board_row {
	char *code;
	char *name;
	int64_t open;             /* open petitions with a deadline */
	int64_t overdue;          /* open, deadline before today */
	int64_t due_soon;         /* open, deadline from today to today + N working days */
	int64_t overdue_days;     /* sum of working days overdue over the overdue ones */
	int64_t assigned;         /* petitions with this lead agency */
	int64_t answered;
	int64_t answered_on_time;
	int64_t extensions;
	double avg_days_late;     /* over answered + overdue petitions: late_days or days overdue so far */
	double on_time_rate;      /* answered_on_time / answered, 0 when none answered */
	double avg_rating;        /* 0 when none rated */
	int64_t rated;
};

struct board {
	struct board_row *rows;   /* ranked: most overdue first, then most days late, then name */
	size_t n;
	int due_within;
	rv_date due_limit;
	struct board_row total;   /* code/name NULL */
};

/* Loads the board with "due soon" = within due_within working days.
 * Agencies with no assigned petition are left out.  *out is the caller's:
 * board_free(). */
enum rv_code board_load(struct rv *rv, int due_within, struct board **out);
void board_free(struct board **b);

#endif
