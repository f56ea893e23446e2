/* conference.h — dialogue conferences (hội nghị đối thoại) and their
 * follow-up.
 *
 * A conference has a title, a date, a park or place, a theme, a chair and
 * the agencies taking part.  Petitions are linked to the conference they
 * were raised for or at (at most one each); an answer given in the session
 * itself is flagged "answered in session".  Linking is a change to the
 * petition: it writes a "set conference" history row and bumps the
 * petition's version in the same transaction, like every workflow move.
 *
 * The follow-up table (conf_load whole, conf_page a page at a time) lists each linked petition with the five
 * clears — enterprise, task, lead and coordinating agencies, person,
 * deadline — its status and result, and the conference's progress:
 * answered, answered in session, on time, overdue, average satisfaction.
 * It honours the acting user's visibility like every petition query. */
#ifndef ROVIEC_CONFERENCE_H
#define ROVIEC_CONFERENCE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "petition.h"
#include "rows.h"
#include "rv.h"

struct conference_args {
	const char *title;               /* required */
	const char *date;                /* required, DD/MM/YYYY or YYYY-MM-DD */
	const char *zone;                /* park name, optional */
	const char *place;               /* free text, optional */
	const char *theme;
	const char *chair;
	const char *const *agencies;     /* agency codes taking part */
	size_t n_agencies;
};

/* One conference row, validated: the writer every conference goes through
 * (conf_add, demo).  held_on and created_at are ISO text; zone_id 0 is
 * none; the agencies taking part are ids. */
struct conference_row {
	const char *title, *held_on;
	int64_t zone_id;
	const char *place, *theme, *chair, *created_at;
	const int64_t *agencies;
	size_t n_agencies;
};
enum rv_code conf_insert(struct rv *rv, const struct conference_row *r, int64_t *id);

/* Records a conference; *id receives its number. */
enum rv_code conf_add(struct rv *rv, const struct conference_args *a, int64_t *id);

/* Conferences, newest first: id, date, title, zone, chair, petitions,
 * answered, overdue, on_time (answered with no working day late),
 * avg_rating (NULL when none rated). */
enum rv_code conf_list(struct rv *rv, struct rows **out);

/* Links petition `code` to conference `id` (moving it from another one,
 * if any).  answered_in_session also flags the petition's answer as given
 * in the session (it must be answered or closed).  expect_version as in
 * workflow.h.  Nothing changes, and no history is written, when the link
 * is already as asked. */
enum rv_code conf_link(struct rv *rv, const char *id, const char *code, int64_t expect_version,
                       bool answered_in_session);

/* For wf_add: links the petition being created (petition_id, not linked
 * yet) to conference `id` inside the caller's transaction, without
 * touching its version; the caller writes the "set conference" history
 * row. */
enum rv_code conf_attach(struct rv *rv, int64_t petition_id, int64_t id);

/* Records an answer given in the session: links the petition (when not
 * yet), answers it (wf_answer) and flags the answer, in one transaction. */
enum rv_code conf_answer(struct rv *rv, const char *id, const char *code, const char *result,
                         const char *outcome);

struct followup_row {
	char code[RV_CODE_MAX];
	char *enterprise;
	char *tax_code;
	char *title;
	char *category;          /* code */
	char *lead;              /* agency code */
	char *coordinating;      /* "SXD, STC" */
	char *person;
	rv_date deadline;
	enum status status;
	bool overdue;
	int days_overdue;
	char *result;
	int outcome;             /* enum outcome or -1 */
	rv_date answered;
	int late_days;           /* -1 when not answered */
	int rating;              /* 0 when none */
	bool in_session;
};

struct conf_progress {
	int64_t petitions;
	int64_t answered;        /* answered or closed */
	int64_t in_session;      /* of which answered in the session */
	int64_t on_time;         /* answered with no working day late */
	int64_t overdue;         /* open, deadline before today */
	int64_t open;
	int64_t rated;
	double avg_rating;       /* 0 when none rated */
};

struct conference {
	int64_t id;
	char uuid[37];
	char *title;
	rv_date date;
	char *zone;
	char *place;
	char *theme;
	char *chair;
	char *agencies;          /* "SXD, STC", or NULL */
	struct followup_row *rows; /* ordered by tracking code */
	size_t n;
	struct conf_progress progress;
};

/* Loads conference `id` with its follow-up table.  RV_ENOTFOUND naming the
 * id when there is none.  *out is the caller's: conf_free().  The progress
 * comes from the counters of schema version 9 when the user sees every
 * petition; the table is read a page at a time (conf_page). */
enum rv_code conf_load(struct rv *rv, const char *id, struct conference **out);
void conf_free(struct conference **c);

/* The same without the follow-up table (rows NULL, n 0): what a screen
 * that pages through the table with conf_page needs.  A few rows read
 * whatever the size of the conference. */
enum rv_code conf_load_head(struct rv *rv, const char *id, struct conference **out);

/* Up to max rows of the follow-up table of conference id (a number
 * conf_load_head checked), visible to the acting user, in tracking-code
 * order: the rows after code `after` (forward), or before it, nearest
 * first (backward); NULL starts from the first (forward) or the last
 * (backward).  *rows (the caller's: conf_rows_free) receives *n rows; a
 * seek, never a pass over the conference. */
enum rv_code conf_page(struct rv *rv, int64_t id, const char *after, bool backward, int max,
                       struct followup_row **rows, size_t *n);
void conf_rows_free(struct followup_row *rows, size_t n);

/* {id, uuid, title, date, zone, place, theme, chair, agencies [], progress
 * {…}, petitions [{code, enterprise {name, tax_code}, title, category,
 * lead_agency, coordinating_agencies, responsible_person, deadline, status,
 * overdue, days_overdue, result, outcome, answered, answered_in_session,
 * late_days, rating}]}.  New reference; NULL when out of memory. */
json_t *conf_json(const struct conference *c);
/* One element of "petitions" above.  New reference; NULL when out of memory. */
json_t *conf_row_json(const struct followup_row *r);

/* Parses a conference number ("7") into *id, checking it exists. */
enum rv_code conf_id(struct rv *rv, const char *raw, int64_t *id);

#endif
