/* test_users.c — unit tests for src/users.c: who is acting (the OS login,
 * --as for administrators only), the role × permission table, and user
 * administration. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "users.h"

/* The table users.h documents, written out here: R = allowed. */
static const char *const table[ROLE_COUNT][PERM_COUNT] = {
	/*               READ  INTAKE RECORD EXTEND REFDATA ADMIN RATE AUDIT REPORT REMIND */
	[ROLE_ADMIN] = { "R", "R", "R", "R", "R", "R", "R", "R", "R", "R" },
	[ROLE_STAFF] = { "R", "R", "R", "-", "R", "-", "R", "R", "R", "R" },
	[ROLE_OFFICIAL] = { "R", "R", "R", "R", "R", "-", "R", "R", "R", "R" },
	[ROLE_AGENCY] = { "R", "-", "R", "-", "-", "-", "-", "-", "-", "R" },
	[ROLE_ENTERPRISE] = { "R", "-", "-", "-", "-", "-", "R", "-", "-", "-" },
};
static const char *const perm_text[PERM_COUNT] = {
	"read petitions", "receive, classify, assign or reject petitions", "record progress and answers",
	"approve deadline extensions", "change reference data", "administer users and holidays",
	"record satisfaction", "verify or back up the database", "see reports and the officials' board",
	"read reminders",
};
static const char *const login_of[ROLE_COUNT] = {
	[ROLE_ADMIN] = NULL, [ROLE_STAFF] = "lan", [ROLE_OFFICIAL] = "hung", [ROLE_AGENCY] = "sxd1",
	[ROLE_ENTERPRISE] = "canon",
};

static void test_permission_table(void **state)
{
	struct fx *fx = *state;
	for (int role = 0; role < ROLE_COUNT; role++) {
		fx_as(fx, login_of[role]);
		assert_int_equal(rv_role(fx->rv), role);
		for (int p = 0; p < PERM_COUNT; p++) {
			enum rv_code rc = users_require(fx->rv, (enum perm)p);
			if (table[role][p][0] == 'R') {
				FX_OK(fx, rc);
				continue;
			}
			char roles[80] = "", msg[300];
			for (int r = 0; r < ROLE_COUNT; r++)
				if (table[r][p][0] == 'R')
					snprintf(roles + strlen(roles), sizeof roles - strlen(roles), "%s%s", roles[0] ? ", " : "",
					         enum_db(&role_set, r));
			snprintf(msg, sizeof msg, "%s (role %s) may not %s; allowed roles: %s", rv_actor(fx->rv),
			         enum_db(&role_set, role), perm_text[p], roles);
			FX_FAIL(fx, rc, RV_EPERM, "role", msg);
		}
	}
}

static void test_acting_user(void **state)
{
	struct fx *fx = *state;
	const char *me = rv_os_login(fx->rv);
	assert_true(rv_registered(fx->rv));
	assert_string_equal(rv_actor(fx->rv), me);
	assert_int_equal(rv_role(fx->rv), ROLE_ADMIN);
	assert_int_equal(rv_actor_agency(fx->rv), 0);
	fx_as(fx, "sxd1");
	assert_string_equal(rv_actor(fx->rv), "sxd1");
	assert_string_equal(rv_os_login(fx->rv), me); /* still who really runs it */
	assert_int_equal(rv_role(fx->rv), ROLE_AGENCY);
	assert_int_equal(rv_actor_agency(fx->rv), 2);
	assert_int_equal(rv_actor_enterprise(fx->rv), 0);
	fx_as(fx, "datviet");
	assert_int_equal(rv_actor_enterprise(fx->rv), 2);
	assert_int_equal(rv_actor_agency(fx->rv), 0);
	/* --as given to rv_open */
	snprintf(fx->as, sizeof fx->as, "hung");
	fx_reopen(fx, NULL);
	assert_string_equal(rv_actor(fx->rv), "hung");
	assert_int_equal(rv_role(fx->rv), ROLE_OFFICIAL);
	fx_idle(fx); /* resolving users left no statement active */
}

static void test_as_unknown_user(void **state)
{
	struct fx *fx = *state;
	FX_FAIL(fx, users_resolve(fx->rv, "nobody", false), RV_ENOTFOUND, "as", "--as: no user \"nobody\" (roviec user list)");
	/* the session acts for nobody now: everything is refused */
	assert_false(rv_registered(fx->rv));
	FX_FAIL(fx, users_require(fx->rv, PERM_READ), RV_EPERM, "user", "user nobody is not registered in this database");
	struct rv_open_options o = { .path = fx->path, .as_user = "nobody" };
	struct rv *rv = rv_open(&o);
	assert_int_equal(rv_status(rv), RV_ENOTFOUND);
	assert_string_equal(rv_field(rv), "as");
	rv_close(&rv);
}

static void test_as_only_for_admin(void **state)
{
	struct fx *fx = *state;
	sqlite3 *db = fx_plain(fx);
	assert_non_null(db);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE users SET role = 'staff' WHERE login = '%s'", rv_os_login(fx->rv));
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	FX_OK(fx, users_resolve(fx->rv, NULL, false));
	assert_int_equal(rv_role(fx->rv), ROLE_STAFF);
	FX_FAIL(fx, users_resolve(fx->rv, "hung", false), RV_EPERM, "as",
	        "--as: only an administrator may act as another user");
	FX_FAIL(fx, users_resolve(fx->rv, "lan", false), RV_EPERM, "as", NULL);
	struct rv_open_options o = { .path = fx->path, .as_user = "hung" };
	struct rv *rv = rv_open(&o);
	assert_int_equal(rv_status(rv), RV_EPERM);
	assert_string_equal(rv_message(rv), "--as: only an administrator may act as another user");
	rv_close(&rv);
}

static void test_unregistered_os_login(void **state)
{
	struct fx *fx = *state;
	const char *me = rv_os_login(fx->rv);
	char sql[200], msg[300];
	snprintf(sql, sizeof sql, "DELETE FROM users WHERE login = '%s'", me);
	assert_int_equal(fx_exec(fx, sql), SQLITE_OK);
	snprintf(msg, sizeof msg,
	         "user %s is not registered in this database; an administrator can add it: roviec user add %s --role staff",
	         me, me);
	FX_FAIL(fx, users_resolve(fx->rv, NULL, false), RV_EPERM, "user", msg);
	FX_FAIL(fx, users_resolve(fx->rv, "lan", false), RV_EPERM, "user", msg);
	/* allowed to open (init, help), but no permission at all */
	FX_OK(fx, users_resolve(fx->rv, NULL, true));
	assert_false(rv_registered(fx->rv));
	for (int p = 0; p < PERM_COUNT; p++)
		assert_int_equal(users_require(fx->rv, (enum perm)p), RV_EPERM);
	FX_FAIL(fx, users_resolve(fx->rv, "lan", true), RV_EPERM, "as", NULL);
	struct rv_open_options o = { .path = fx->path };
	struct rv *rv = rv_open(&o);
	assert_int_equal(rv_status(rv), RV_EPERM);
	assert_string_equal(rv_message(rv), msg);
	rv_close(&rv);
}

static void test_user_add_refusals(void **state)
{
	struct fx *fx = *state;
	struct rv *rv = fx->rv;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, user_add(rv, "lan", "staff", NULL, NULL), RV_ECONFLICT, "login", "login: user lan already exists");
	FX_FAIL(fx, user_add(rv, "mai", "boss", NULL, NULL), RV_EINPUT, "role",
	        "role: \"boss\" is not a valid role (one of: admin, staff, official, agency, enterprise)");
	FX_FAIL(fx, user_add(rv, "mai", NULL, NULL, NULL), RV_EINPUT, "role", NULL);
	FX_FAIL(fx, user_add(rv, "mai", "agency", NULL, NULL), RV_EINPUT, "agency", "--agency: required for role agency");
	FX_FAIL(fx, user_add(rv, "mai", "enterprise", NULL, NULL), RV_EINPUT, "enterprise",
	        "--enterprise: required for role enterprise");
	FX_FAIL(fx, user_add(rv, "mai", "agency", "XYZ", NULL), RV_ENOTFOUND, "agency",
	        "agency: no agency with code \"XYZ\" (see: roviec agency list)");
	FX_FAIL(fx, user_add(rv, "mai", "enterprise", NULL, "0109999999"), RV_ENOTFOUND, "enterprise", NULL);
	FX_FAIL(fx, user_add(rv, NULL, "staff", NULL, NULL), RV_EINPUT, "login", "login: is required");
	FX_FAIL(fx, user_add(rv, "mai\x1b", "staff", NULL, NULL), RV_EINPUT, "login", NULL);
	fx_as(fx, "hung");
	FX_FAIL(fx, user_add(rv, "mai", "staff", NULL, NULL), RV_EPERM, "role", NULL);
	struct rows *r = NULL;
	FX_FAIL(fx, user_list(rv, &r), RV_EPERM, "role", NULL);
	assert_null(r);
	fx_as(fx, NULL);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
}

static void test_user_add_and_list(void **state)
{
	struct fx *fx = *state;
	FX_OK(fx, user_add(fx->rv, " mai ", "agency", "evn", NULL));
	FX_OK(fx, user_add(fx->rv, "anh", "enterprise", NULL, FX_TAX_ANH));
	FX_OK(fx, user_add(fx->rv, "quan", "admin", NULL, NULL));
	struct rows *r = NULL;
	FX_OK(fx, user_list(fx->rv, &r));
	char *got = fx_rows(fx_db(fx), "SELECT login, role, coalesce((SELECT code FROM agencies WHERE id = agency_id), '-'), "
	                               "coalesce((SELECT tax_code FROM enterprises WHERE id = enterprise_id), '-') "
	                               "FROM users ORDER BY login", NULL);
	size_t i = 0;
	for (char *line = strtok(got, "\n"); line; line = strtok(NULL, "\n"), i++) {
		char want[200];
		snprintf(want, sizeof want, "%s|%s|%s|%s", rows_get(r, i, 0), rows_get(r, i, 1),
		         rows_get(r, i, 2) ? rows_get(r, i, 2) : "-", rows_get(r, i, 3) ? rows_get(r, i, 3) : "-");
		assert_string_equal(line, want);
	}
	free(got);
	assert_int_equal(i, r->n);
	assert_int_equal(r->n, 10); /* the OS login, six of the fixture's, three here */
	rows_free(&r);
	fx_as(fx, "mai");
	assert_int_equal(rv_role(fx->rv), ROLE_AGENCY);
	assert_int_equal(rv_actor_agency(fx->rv), 4);
	fx_as(fx, "quan"); /* another admin: may administer, but --as is the OS login's */
	FX_OK(fx, users_require(fx->rv, PERM_ADMIN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_permission_table, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_acting_user, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_as_unknown_user, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_as_only_for_admin, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_unregistered_os_login, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_user_add_refusals, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_user_add_and_list, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
