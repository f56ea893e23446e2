/* history_fmt.h — one history row as a person reads it.
 *
 * `petition show` and the interface's petition screen print the same
 * lines from here: the time in local time, the action and field by their
 * labels (enums.h: RV_HISTORY_ACTIONS, RV_HISTORY_FIELDS) in the interface
 * language, and the values as the rest of roviec shows them (dates
 * dd/mm/yyyy, statuses, outcomes and categories by label).  The stored row
 * keeps the machine names; exports print those. */
#ifndef ROVIEC_HISTORY_FMT_H
#define ROVIEC_HISTORY_FMT_H

#include <stddef.h>

#include "petition.h"
#include "rv.h"

/* "23/11/2026 16:00": at ("YYYY-MM-DDTHH:MM:SSZ", UTC) in local time (TZ),
 * the date as date_display() writes dates.  A malformed at is copied as
 * stored (at most 19 bytes).  Returns out. */
char *history_when(const char *at, char out[static 20]);

/* What row h did, without its note, as a malloc'd string (NULL when out
 * of memory; the caller frees it):
 *     set:        "Deadline: 10/11/2026 → 04/12/2026"
 *     the others: "Classified: Received → Classified", "Created: KN-2026-00008",
 *                 "PIN issued"
 * A side without a value reads "—".  An action or field roviec does not
 * know (rows from a newer version, via import) reads as stored.  Category
 * codes are looked up in rv's database (as stored when unknown).  Values
 * are not made visible here: callers pass the line through text_visible()
 * or the screen's drawing, as for any data. */
char *history_describe(struct rv *rv, const struct history_entry *h);

#endif
