/* pickers.h — option sources for form pickers (form.h pick_fn).
 *
 * Reference data (agencies, enterprises, categories, zones) is asked of
 * the core as the person types (agency_find/enterprise_find match codes,
 * tax codes and accent-insensitive names); the closed sets (status,
 * channel, outcome, rating) come from enums.h with labels in the
 * interface language.  Each returns option values the core accepts as
 * typed input: agency code, tax code, category code, zone name, db string. */
#ifndef ROVIEC_UI_PICKERS_H
#define ROVIEC_UI_PICKERS_H

#include "form.h"

int pick_agency(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
int pick_enterprise(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
int pick_category(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
int pick_zone(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
/* Conferences, newest first: value the number, label "date title". */
int pick_conference(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
/* "open" (every open status) and each status. */
int pick_status(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
int pick_channel(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
int pick_outcome(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);
/* 5 … 1 with the satisfaction words. */
int pick_rating(struct form *f, void *ctx, const char *q, struct pick_option *out, int max);

/* The label of a category code in the interface language (malloc'd), or
 * NULL when unknown. */
char *category_label(struct rv *rv, const char *code);

#endif
