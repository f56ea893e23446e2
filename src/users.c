/* users.c — see users.h. */
#include "users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "input.h"
#include "refdata.h"
#include "rv_internal.h"

/* Which roles may do what: one row per permission, a bit per role. */
#define R(role) (1u << (role))
static const unsigned perm_roles[PERM_COUNT] = {
	[PERM_READ] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL) | R(ROLE_AGENCY) | R(ROLE_ENTERPRISE),
	[PERM_INTAKE] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL),
	[PERM_RECORD] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL) | R(ROLE_AGENCY),
	[PERM_EXTEND] = R(ROLE_ADMIN) | R(ROLE_OFFICIAL),
	[PERM_REFDATA] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL),
	[PERM_ADMIN] = R(ROLE_ADMIN),
	[PERM_RATE] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL) | R(ROLE_ENTERPRISE),
	[PERM_AUDIT] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL),
	[PERM_REPORT] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL),
	[PERM_REMIND] = R(ROLE_ADMIN) | R(ROLE_STAFF) | R(ROLE_OFFICIAL) | R(ROLE_AGENCY),
};
/* What each permission lets one do (msgids, translated when shown). */
static const char *const perm_names[PERM_COUNT] = {
	[PERM_READ] = N_("read petitions"),
	[PERM_INTAKE] = N_("receive, classify, assign or reject petitions"),
	[PERM_RECORD] = N_("record progress and answers"),
	[PERM_EXTEND] = N_("approve deadline extensions"),
	[PERM_REFDATA] = N_("change reference data"),
	[PERM_ADMIN] = N_("administer users and holidays"),
	[PERM_RATE] = N_("record satisfaction"),
	[PERM_AUDIT] = N_("verify or back up the database"),
	[PERM_REPORT] = N_("see reports and the officials' board"),
	[PERM_REMIND] = N_("read reminders"),
};

/* Loads login's role; RV_ENOTFOUND when not registered. */
static enum rv_code load_user(struct rv *rv, const char *login)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT role, agency_id, enterprise_id FROM users WHERE login = ?1");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, login);
	int rc = db_step(rv, st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? RV_ENOTFOUND : rv->code;
	rv->role = (enum role)enum_parse(&role_set, (const char *)sqlite3_column_text(st, 0));
	rv->agency_id = sqlite3_column_int64(st, 1);
	rv->enterprise_id = sqlite3_column_int64(st, 2);
	rv->registered = true;
	sqlite3_reset(st); /* a statement left mid-step pins a stale snapshot */
	return RV_OK;
}

enum rv_code users_resolve(struct rv *rv, const char *as_user, bool allow_unknown)
{
	free(rv->actor);
	rv->actor = strdup(rv->os_login);
	rv->registered = false;
	rv->role = ROLE_ENTERPRISE; /* least privilege until known */
	enum rv_code code = load_user(rv, rv->os_login);
	if (code == RV_ENOTFOUND && !allow_unknown)
		return rv_fail(rv, RV_EPERM, "user",
		               _("user %s is not registered in this database; an administrator can add it: roviec user add %s --role staff"),
		               rv->os_login, rv->os_login);
	if (code != RV_OK && code != RV_ENOTFOUND)
		return code;
	if (!as_user)
		return RV_OK;
	if (!rv->registered || rv->role != ROLE_ADMIN)
		return rv_fail(rv, RV_EPERM, "as", _("--as: only an administrator may act as another user"));
	free(rv->actor);
	rv->actor = strdup(as_user);
	rv->registered = false;
	code = load_user(rv, as_user);
	if (code == RV_ENOTFOUND)
		return rv_fail(rv, RV_ENOTFOUND, "as", _("--as: no user \"%s\" (roviec user list)"), as_user);
	return code;
}

enum rv_code users_make_creator_admin(struct rv *rv)
{
	sqlite3_stmt *st = db_stmt(rv, "INSERT OR IGNORE INTO users(login, role) VALUES (?1, 'admin')");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, rv->os_login);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(rv, "registering the administrator");
	return users_resolve(rv, NULL, false);
}

/* A role as a refusal names it: its Vietnamese label in Vietnamese, else
 * the word --role takes (admin, staff, …), which is already English. */
static const char *role_shown(int r)
{
	return i18n_vietnamese() ? enum_label(&role_set, r) : enum_db(&role_set, r);
}

enum rv_code users_require(struct rv *rv, enum perm p)
{
	if (!rv->registered)
		return rv_fail(rv, RV_EPERM, "user", _("user %s is not registered in this database"), rv->actor);
	if (perm_roles[p] & R(rv->role))
		return RV_OK;
	char roles[320] = "";
	size_t used = 0;
	for (int r = 0; r < ROLE_COUNT && used < sizeof roles; r++)
		if (perm_roles[p] & R(r))
			used += (size_t)snprintf(roles + used, sizeof roles - used, "%s%s", used ? ", " : "",
			                         role_shown(r));
	return rv_fail(rv, RV_EPERM, "role", _("%s (role %s) may not %s; allowed roles: %s"), rv->actor,
	               role_shown(rv->role), _(perm_names[p]), roles);
}

enum rv_code user_add(struct rv *rv, const char *login_raw, const char *role_raw, const char *agency_code,
                      const char *enterprise_tax)
{
	char *login = NULL;
	int role = -1;
	int64_t agency = 0, enterprise = 0;
	enum rv_code code = users_require(rv, PERM_ADMIN);
	if (!code)
		code = input_text(rv, "login", login_raw, TEXT_LINE, 64, true, &login);
	if (!code)
		code = input_enum(rv, &role_set, "role", role_raw, &role);
	if (!code && role == ROLE_AGENCY && !agency_code)
		code = rv_fail(rv, RV_EINPUT, "agency", _("--agency: required for role agency"));
	if (!code && role == ROLE_ENTERPRISE && !enterprise_tax)
		code = rv_fail(rv, RV_EINPUT, "enterprise", _("--enterprise: required for role enterprise"));
	if (!code && agency_code)
		code = ref_agency_id(rv, "agency", agency_code, &agency);
	if (!code && enterprise_tax)
		code = ref_enterprise_id(rv, "enterprise", enterprise_tax, &enterprise);
	if (!code && (code = db_begin(rv)) == RV_OK) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO users(login, role, agency_id, enterprise_id) "
		                               "VALUES (?1, ?2, nullif(?3, 0), nullif(?4, 0))");
		if (!st) {
			code = rv->code;
		} else {
			db_bind_text(st, 1, login);
			db_bind_text(st, 2, role_raw);
			sqlite3_bind_int64(st, 3, agency);
			sqlite3_bind_int64(st, 4, enterprise);
			if (sqlite3_step(st) != SQLITE_DONE)
				code = sqlite3_extended_errcode(rv->db) == SQLITE_CONSTRAINT_UNIQUE
				               ? rv_fail(rv, RV_ECONFLICT, "login", _("login: user %s already exists"), login)
				               : db_fail(rv, "adding a user");
		}
		code = db_end(rv, code);
	}
	free(login);
	return code;
}

static const struct rows_col user_cols[] = {
	{ "login", N_("Login"), COL_TEXT },
	{ "role", N_("Role"), COL_ROLE },
	{ "agency", N_("Agency"), COL_TEXT },
	{ "enterprise", N_("Enterprise"), COL_TEXT },
};

enum rv_code user_list(struct rv *rv, struct rows **out)
{
	enum rv_code code = users_require(rv, PERM_ADMIN);
	if (code)
		return code;
	*out = rows_new(user_cols, 4);
	sqlite3_stmt *st = db_stmt(rv, "SELECT u.login, u.role, a.code, e.tax_code FROM users u "
	                               "LEFT JOIN agencies a ON a.id = u.agency_id "
	                               "LEFT JOIN enterprises e ON e.id = u.enterprise_id ORDER BY u.login");
	if (!*out || !st)
		return *out ? rv->code : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	return db_fill_rows(rv, st, *out);
}
