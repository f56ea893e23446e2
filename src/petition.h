/* petition.h — a petition (kiến nghị) and everything known about it.
 *
 * petition_load() reads one petition by tracking code with its enterprise,
 * agencies, extensions and (optionally) history; overdue and days_overdue
 * are derived from the deadline, the status and the session's today, in
 * working days.  The struct is a snapshot: writes go through workflow.h.
 * petition_json() gives the stable JSON shape scripts rely on. */
#ifndef ROVIEC_PETITION_H
#define ROVIEC_PETITION_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rv.h"

#define RV_CODE_MAX 24 /* "KN-2026-00042" and room to grow */

/* SQL: the order of tracking codes, numeric past 99,999 a year
 * (KN-2026-99999 before KN-2026-100000): prefix and year, then the code's
 * length, then the code.  Index petitions_by_code_order (schema version
 * 10) has this expression over petitions.code. */
#define PETITION_CODE_ORDER(code) "printf('%.8s%03d%s', " code ", length(" code "), " code ")"

struct agency_ref {
	char *code;
	char *name;
};

struct extension {
	rv_date old_deadline;
	rv_date new_deadline;
	char *reason;
	char *actor;
	char *at; /* ISO timestamp */
};

struct history_entry {
	int64_t id;
	int64_t version; /* the petition's version after this change */
	char *at;        /* ISO timestamp, UTC */
	char *os_login;
	char *actor;
	char *action;    /* create, set, classify, assign, start, answer, close, reject, withdraw, reopen, extend */
	char *field;     /* for set/assign: which field */
	char *from;
	char *to;
	char *note;
};

struct petition {
	int64_t id;
	char uuid[37];
	char code[RV_CODE_MAX];
	char *title;
	char *body;
	enum status status;
	enum channel channel;
	char *enterprise_name;
	char *enterprise_tax_code;
	char *zone;                  /* the enterprise's park, or NULL */
	rv_date received;
	char *category;              /* code, or NULL */
	char *category_label;        /* in the interface language */
	struct agency_ref lead;      /* code NULL when not assigned */
	struct agency_ref *coordinating;
	size_t n_coordinating;
	char *responsible_person;
	rv_date assigned;
	rv_date deadline;
	rv_date original_deadline;
	char *result;
	int outcome;                 /* enum outcome, or -1 */
	rv_date answered;
	int late_days;               /* working days late when answered, -1 when not answered */
	int rating;                  /* 1–5, 0 when none */
	char *feedback;
	rv_date closed;
	char *reject_reason;
	char *refer_to;
	char *decided_by;
	int64_t version;
	bool overdue;                /* derived */
	int days_overdue;            /* derived, working days */
	struct extension *extensions;
	size_t n_extensions;
	struct history_entry *history;
	size_t n_history;
	int64_t conference;          /* the conference it was raised at (conference.h), 0 when none */
	bool answered_in_session;    /* its answer was given in that conference's session */
};

enum { PETITION_WITH_HISTORY = 1 };

/* Loads the petition with tracking code `code` (case-insensitive).
 * RV_ENOTFOUND when there is none — or when the acting user may not see it
 * (an enterprise's or agency's petitions only), so existence never leaks.
 * *out is owned by the caller: petition_free(). */
enum rv_code petition_load(struct rv *rv, const char *code, unsigned flags, struct petition **out);
void petition_free(struct petition **p);

/* What a writer reads of one petition before changing it (workflow.c,
 * conference.c): one row, no allocation. */
struct petition_state {
	int64_t id;
	int64_t version;            /* before the change */
	enum status status;
	char code[RV_CODE_MAX];     /* as stored (upper case) */
	int64_t category_id;        /* 0: not classified */
	int64_t enterprise_id;
	rv_date deadline;           /* RV_DATE_NONE when not assigned */
	rv_date original_deadline;
	int64_t conference_id;      /* 0: in no conference */
	bool answered_in_session;
};

/* Fills *s for the petition with tracking code `code` (case-insensitive),
 * inside the caller's transaction.  RV_ENOTFOUND (field "code") when there
 * is none or the acting user may not see it, as petition_load(). */
enum rv_code petition_load_state(struct rv *rv, const char *code, struct petition_state *s);

/* The JSON object documented in the README (field names are stable).
 * with_history adds "history"; extensions are always included.
 * Returns a new reference, NULL when out of memory. */
json_t *petition_json(const struct petition *p, bool with_history);

/* Columns for the widest tracking code this database has issued: 13
 * ("KN-2026-00042") until a year's number passes 99,999, then one more
 * per digit ("KN-2026-100000" is 14).  Reads code_sequences (one row per
 * year), so a table streamed page by page can size its code column before
 * its first row and never cut a code.  13 when it cannot tell. */
int petition_code_width(struct rv *rv);

/* Derived overdue state of an open petition with a deadline. */
void petition_overdue(const struct rv *rv, enum status st, rv_date deadline, bool *overdue, int *days);

#endif
