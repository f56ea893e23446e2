/* demo_conf.h — the dialogue conferences of a demo run.
 *
 * The demo collects a quarter of its petitions for the quarterly dialogue
 * conferences (demo.c); this module records those conferences — title in
 * the Board's wording, date, park or the Board's hall, theme, chair and
 * the agencies taking part — so the follow-up table of a fresh demo has
 * something to follow.  Petitions are linked by demo.c as `petition add
 * --conference` links them (a "set conference" history row in the
 * creating command), and an answer given on the conference's day is
 * flagged as given in the session as `conference answer` flags it (a
 * "set answered_in_session" row, one version more). */
#ifndef ROVIEC_DEMO_CONF_H
#define ROVIEC_DEMO_CONF_H

#include <stdint.h>

#include "demo_plan.h"
#include "rv.h"

enum { DEMO_MAX_CONFS = 24 }; /* four a year, over a window of at most four years */

struct demo_confs {
	size_t n;
	rv_date day[DEMO_MAX_CONFS];   /* held on, ascending */
	rv_date from[DEMO_MAX_CONFS];  /* the first day petitions arrive for it */
	int64_t id[DEMO_MAX_CONFS];    /* conferences.id, once recorded */
	char id_text[DEMO_MAX_CONFS][24]; /* the id as history writes it */
};

/* Notes the conference held on day, collecting from day `from` (the
 * earliest such day is kept); ignored when DEMO_MAX_CONFS are noted. */
void demo_confs_note(struct demo_confs *c, rv_date day, rv_date from);

/* The index of the conference held on day, or -1. */
int demo_confs_find(const struct demo_confs *c, rv_date day);

/* Records every noted conference inside the caller's transaction, or
 * finds the one an earlier run recorded (same date and title), filling
 * id and id_text.  The Board takes part in each. */
enum rv_code demo_confs_record(struct rv *rv, const struct demo_world *w, struct demo_confs *c);

/* The lead agencies of the petitions with id above `after` that are
 * linked to a conference take part in it (inside the caller's
 * transaction). */
enum rv_code demo_confs_agencies(struct rv *rv, int64_t after);

#endif
