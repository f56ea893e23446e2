/* demo.h — realistic Vietnamese sample data.
 *
 * Fills a database with the real parks and agencies of Hanoi's Board of
 * High-Tech and Industrial Parks, Vietnamese enterprises and petitions
 * across every category and status — some overdue, some extended, some
 * rated — with the history each would have.  Deterministic for a given
 * seed.  Written through the same tables, triggers and history rules as
 * the workflow, in large transactions (a million petitions: about 140 s of
 * CPU on a 2-core machine, most of it in the search index). */
#ifndef ROVIEC_DEMO_H
#define ROVIEC_DEMO_H

#include <stdio.h>

#include "rv.h"

/* Adds n petitions (and, when the database has none yet, the parks,
 * agencies, enterprises and users they need).  progress, if not NULL,
 * receives a line now and then. */
enum rv_code demo_generate(struct rv *rv, long n, unsigned seed, FILE *progress);

#endif
