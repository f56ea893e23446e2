/* complete.h — the values shell completion offers (roviec complete KIND).
 *
 * One table of kinds: closed sets served from the enum tables without a
 * database (statuses, outcomes, channels, kinds, roles), and reference data
 * and petition codes read from the database.  Petition codes honour the
 * acting user's visibility, like every petition query. */
#ifndef ROVIEC_COMPLETE_H
#define ROVIEC_COMPLETE_H

#include <stdbool.h>

#include "rv.h"

struct rows;
struct enum_set;

/* True when kind is one of the table's names. */
bool complete_known(const char *kind);
/* The enum set behind a closed kind, or NULL for a database kind. */
const struct enum_set *complete_closed(const char *kind);
/* The names of every kind, for a usage message ("agencies, …"). */
const char *complete_kinds(char *buf, int size);

/* The database values of kind starting with prefix ("" for all), one
 * column, at most COMPLETE_MAX rows. */
#define COMPLETE_MAX 500
enum rv_code complete_list(struct rv *rv, const char *kind, const char *prefix, struct rows **out);

#endif
