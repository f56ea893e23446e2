/* query.h — finding petitions: filters, sort orders, keyset paging, and
 * accent-insensitive search.
 *
 * Lists never load the whole table.  pq_fetch() returns one page after (or
 * before) a cursor taken from the last (or first) row of the previous page;
 * the query is "WHERE (sort value, id) > (cursor)" on an index, never OFFSET,
 * so page 10,000 costs what page 1 costs.  Search folds the query the same
 * way the index was folded ("dat dai" finds "Đất đai", "Ð" too) and matches
 * word prefixes, so it works while the user is still typing.  Every query
 * honours the acting user's visibility (an enterprise sees only its own
 * petitions, an agency those it leads or coordinates). */
#ifndef ROVIEC_QUERY_H
#define ROVIEC_QUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "petition.h"
#include "rv.h"

#define PQ_SORTS(X) \
	X(PQ_RECEIVED,   "received") \
	X(PQ_CODE,       "code") \
	X(PQ_DEADLINE,   "deadline") \
	X(PQ_ENTERPRISE, "enterprise") \
	X(PQ_CATEGORY,   "category") \
	X(PQ_AGENCY,     "agency") \
	X(PQ_STATUS,     "status")

#define PQ_SORT_ENUM(name, str) name,
enum pq_sort { PQ_SORTS(PQ_SORT_ENUM) PQ_SORT_COUNT };

struct pq_filter {
	unsigned status_mask;   /* bit (1 << status); 0 = any */
	bool overdue;           /* open with a deadline before today */
	int due_within;         /* >= 0: open, deadline from today to today + N working days */
	const char *agency;     /* lead agency code */
	const char *category;   /* category code */
	const char *enterprise; /* tax code */
	const char *zone;       /* park name */
	const char *search;     /* free text, accent-insensitive */
	const char *conference; /* conference number (petitions linked to it) */
	enum pq_sort sort;
	bool descending;
};

/* Initialises f to "everything, newest first". */
void pq_filter_init(struct pq_filter *f);

/* Parses "deadline" / "-received" (leading '-' = descending) into f. */
enum rv_code pq_parse_sort(struct rv *rv, const char *s, struct pq_filter *f);
const char *pq_sort_name(enum pq_sort s);

/* Where a page starts: the sort value and id of a row. */
struct pq_cursor {
	bool set;
	int type;       /* SQLITE_INTEGER, SQLITE_TEXT or SQLITE_BLOB */
	int64_t i;
	unsigned char *bytes;
	int len;
	int64_t id;
};

struct pq_row {
	int64_t id;
	char code[RV_CODE_MAX];
	rv_date received;
	char *enterprise;      /* name */
	char *category;        /* label in the interface language, or NULL */
	char *category_code;
	char *lead;            /* agency code, or NULL */
	rv_date deadline;
	enum status status;
	bool overdue;
	int days_overdue;      /* working days */
	char *title;
	int64_t version;
	struct pq_cursor cursor;
};

struct pq_page {
	struct pq_row *rows;
	int n;
	bool more;             /* another page exists in the direction fetched */
};

/* Fetches up to limit rows (1..1000) after `after` (NULL or unset: from the
 * start), or, when backward, the rows just before it (returned in display
 * order).  *out is owned by the caller: pq_page_free(). */
enum rv_code pq_fetch(struct rv *rv, const struct pq_filter *f, const struct pq_cursor *after,
                      bool backward, int limit, struct pq_page **out);
void pq_page_free(struct pq_page **page);

/* A deep copy of a row's cursor (to keep after freeing the page). */
bool pq_cursor_copy(struct pq_cursor *dst, const struct pq_cursor *src);
void pq_cursor_clear(struct pq_cursor *c);

/* How many petitions match. */
enum rv_code pq_count(struct rv *rv, const struct pq_filter *f, int64_t *n);

#endif
