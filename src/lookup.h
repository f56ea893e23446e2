/* lookup.h — the enterprise status lookup behind `roviec lookup`.
 *
 * One question: tracking code and PIN in, that one petition's status,
 * lead agency, deadline and result out.  It never says whether a code
 * exists: an unknown code, a petition without a PIN and a wrong PIN give
 * the same answer after the same work (an Argon2id verification, against
 * a dummy hash when there is no real one) and count the same failure.
 * Failures are counted per code as typed (upper-cased) in lookup_failures,
 * the only table lookup writes; LOOKUP_MAX_FAILURES of them lock the code
 * for LOOKUP_LOCK_MINUTES, whether or not it exists.  A failure is counted
 * before the PIN is verified, so parallel guesses cannot outrun the lock;
 * a right PIN clears the count.  The clock is rv_now() ($ROVIEC_NOW).
 * Needs no user row and no role: the caller opens the session with
 * allow_unknown and no --as. */
#ifndef ROVIEC_LOOKUP_H
#define ROVIEC_LOOKUP_H

#include "petition.h"
#include "rv.h"

#define LOOKUP_MAX_FAILURES 5
#define LOOKUP_LOCK_MINUTES 15
#define LOOKUP_PIN_MAX 64 /* bytes; longer is refused as input */

enum lookup_outcome {
	LOOKUP_SHOWN,    /* code and PIN match: view is filled */
	LOOKUP_NO_MATCH, /* unknown code, no PIN issued, or wrong PIN */
	LOOKUP_LOCKED,   /* too many failures: minutes_left until it unlocks */
};

/* What the enterprise may see of its petition. */
struct lookup_view {
	char code[RV_CODE_MAX];
	char *title;
	enum status status;
	char *lead_name, *lead_code; /* NULL until assigned */
	rv_date received, deadline;  /* deadline RV_DATE_NONE until assigned */
	char *result;                /* NULL until answered */
	int outcome;                 /* enum outcome, -1 until answered */
	rv_date answered;
};

/* code and pin as typed.  Malformed input (empty, too long, control
 * characters, invalid UTF-8) is RV_EINPUT naming the field, with nothing
 * written and no failure counted.  Otherwise RV_OK and *outcome says what
 * happened; LOOKUP_SHOWN fills *view (free with lookup_view_free),
 * LOOKUP_LOCKED sets *minutes_left (1..LOOKUP_LOCK_MINUTES). */
enum rv_code lookup_run(struct rv *rv, const char *code, const char *pin, enum lookup_outcome *outcome,
                        struct lookup_view *view, int *minutes_left);

/* Frees what lookup_run put in *v and clears it; safe on a cleared view. */
void lookup_view_free(struct lookup_view *v);

#endif
