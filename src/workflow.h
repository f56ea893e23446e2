/* workflow.h — every change to a petition.
 *
 * The life of a petition: received → classified → assigned → in_progress →
 * answered → closed; rejected and withdrawn as exits; reopen from answered
 * or closed back to in_progress.  The allowed moves are one table in
 * workflow.c.  Each function here:
 *   - takes the values as typed (raw strings) and validates them (input.h),
 *   - checks the acting user's role (users.h) and visibility,
 *   - refuses an illegal transition naming the current status and what is
 *     allowed now,
 *   - when expect_version > 0 and the petition has changed since, refuses
 *     with RV_ECONFLICT listing what changed and who changed it,
 *   - writes the change, one history row per transition and per changed
 *     field, and bumps the petition's version, all in one transaction.
 * On failure nothing is written and the session holds the message. */
#ifndef ROVIEC_WORKFLOW_H
#define ROVIEC_WORKFLOW_H

#include <stddef.h>
#include <stdint.h>

#include "petition.h"
#include "rv.h"

enum wf_action {
	WF_CLASSIFY,
	WF_ASSIGN,
	WF_START,
	WF_ANSWER,
	WF_CLOSE,
	WF_REJECT,
	WF_WITHDRAW,
	WF_REOPEN,
	WF_EXTEND,
	WF_COUNT
};

struct intake_args {
	const char *enterprise; /* tax code */
	const char *title;
	const char *body;       /* may be NULL */
	size_t body_len;        /* 0: strlen(body); a body read from stdin may hold NULs */
	const char *category;   /* code, optional */
	const char *channel;    /* optional, default "written" */
	const char *received;   /* date, optional, default today; never in the future */
	const char *request_id; /* optional idempotency key: a retry returns the first code */
	char *pin;              /* optional, PIN_BUF bytes (pin.h): when set, a PIN is issued and
	                         * written here, its hash stored; "" on a --request-id retry
	                         * (the first answer had it; staff can re-issue) */
	const char *conference; /* conference number, optional: linked in the same transaction */
};

struct assign_args {
	const char *lead;                /* agency code */
	const char *const *coordinating; /* agency codes */
	size_t n_coordinating;
	const char *person;
	const char *within;              /* N working days from the day after today, or NULL */
	const char *due;                 /* a date, or NULL; neither: the category's default */
};

/* Records a new petition; code receives its tracking code. */
enum rv_code wf_add(struct rv *rv, const struct intake_args *a, char code[static RV_CODE_MAX]);

enum rv_code wf_classify(struct rv *rv, const char *code, int64_t expect_version, const char *category);
enum rv_code wf_assign(struct rv *rv, const char *code, int64_t expect_version, const struct assign_args *a);
enum rv_code wf_start(struct rv *rv, const char *code, int64_t expect_version);
enum rv_code wf_answer(struct rv *rv, const char *code, int64_t expect_version, const char *result,
                       const char *outcome);
/* rating may be NULL; an enterprise closing its own petition must rate it. */
enum rv_code wf_close(struct rv *rv, const char *code, int64_t expect_version, const char *rating,
                      const char *feedback);
enum rv_code wf_reject(struct rv *rv, const char *code, int64_t expect_version, const char *reason,
                       const char *refer_to);
enum rv_code wf_withdraw(struct rv *rv, const char *code, int64_t expect_version, const char *note);
enum rv_code wf_reopen(struct rv *rv, const char *code, int64_t expect_version, const char *reason);
enum rv_code wf_extend(struct rv *rv, const char *code, int64_t expect_version, const char *due,
                       const char *reason);

/* The deadline an assignment would get today (for showing before
 * confirming): within/due as in struct assign_args, category a code. */
enum rv_code wf_preview_deadline(struct rv *rv, const char *category, const char *within, const char *due,
                                 rv_date *out);

/* For core modules that change a petition outside the table of moves
 * (conference links): writes one history row for petition_id stamped with
 * `version` (the petition's version after the change), the acting user and
 * now.  The caller holds the transaction and bumps the version. */
enum rv_code wf_history(struct rv *rv, int64_t petition_id, int64_t version, const char *action,
                        const char *field, const char *from, const char *to, const char *note);

/* For core modules that add petitions in bulk (import): the next tracking
 * code of `year` (KN-YYYY-NNNNN), counted in the caller's transaction. */
enum rv_code wf_next_code(struct rv *rv, int year, char code[static RV_CODE_MAX]);

/* The command name of an action ("assign"), and whether it is allowed
 * from status st. */
const char *wf_action_name(enum wf_action a);
bool wf_allowed(enum wf_action a, enum status st);

#endif
