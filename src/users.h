/* users.h — who is acting, and what each role may do.
 *
 * Identity is the OS login.  `--as USER` is honoured only when the OS login
 * is an admin; both names are written into history.  What a role may do is
 * one table (users.c); every core operation checks it, so the command line,
 * the UI and scripts obey the same rules.  Whoever creates a database (init,
 * or demo on a new file) becomes its admin. */
#ifndef ROVIEC_USERS_H
#define ROVIEC_USERS_H

#include "rows.h"
#include "rv.h"

enum perm {
	PERM_READ,     /* see petitions (scoped by role for agency/enterprise) */
	PERM_INTAKE,   /* add, classify, assign, reject, withdraw, reopen */
	PERM_RECORD,   /* start and answer (agency liaisons too, on their own petitions) */
	PERM_EXTEND,   /* approve a deadline extension */
	PERM_REFDATA,  /* zones, agencies, enterprises, categories */
	PERM_ADMIN,    /* users, holidays */
	PERM_RATE,     /* record the enterprise's satisfaction */
	PERM_AUDIT,    /* verify the whole database and back it up (sees every petition) */
	PERM_REPORT,   /* reports, the officials' board, XLSX/HTML exports (whole-board figures) */
	PERM_REMIND,   /* reminders (an agency sees only its own) */
	PERM_COUNT
};

/* Resolves the acting user for a freshly opened session (called by
 * rv_open).  Records RV_EPERM when --as is used by a non-admin or names an
 * unknown user, or when the OS login is unknown and !allow_unknown. */
enum rv_code users_resolve(struct rv *rv, const char *as_user, bool allow_unknown);

/* Makes the OS login the admin of a new database (rv_open does this when
 * it creates the file). */
enum rv_code users_make_creator_admin(struct rv *rv);

/* RV_OK when the acting user's role may do p; else RV_EPERM with a message
 * naming the roles that may. */
enum rv_code users_require(struct rv *rv, enum perm p);

enum rv_code user_add(struct rv *rv, const char *login, const char *role, const char *agency_code,
                      const char *enterprise_tax);
enum rv_code user_list(struct rv *rv, struct rows **out); /* login, role, agency, enterprise */

#endif
