/* conference.c — recording conferences and linking petitions to them.
 * The follow-up table lives in conference_followup.c.  See conference.h. */
#include "conference.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "input.h"
#include "refdata.h"
#include "rv_internal.h"
#include "text.h"
#include "users.h"
#include "workflow.h"

enum rv_code conf_id(struct rv *rv, const char *raw, int64_t *id)
{
	long n;
	if (input_int(rv, "conference", raw, 1, 2147483647L, &n))
		return rv->code;
	sqlite3_stmt *st = db_stmt(rv, "SELECT id FROM conferences WHERE id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, n);
	int rc = db_step(rv, st);
	if (rc == SQLITE_DONE)
		return rv_fail(rv, RV_ENOTFOUND, "conference", _("conference: no conference %ld (see: roviec conference list)"), n);
	if (rc != SQLITE_ROW)
		return rv->code;
	sqlite3_reset(st);
	*id = n;
	return RV_OK;
}

/* ---- adding ---- */

struct conf_clean {
	char *title, *place, *theme, *chair;
	rv_date date;
	int64_t zone_id;
	int64_t *agencies;
	size_t n_agencies;
};

static void clean_free(struct conf_clean *c)
{
	free(c->title);
	free(c->place);
	free(c->theme);
	free(c->chair);
	free(c->agencies);
}

static enum rv_code validate(struct rv *rv, const struct conference_args *a, struct conf_clean *c)
{
	enum rv_code rc = input_text(rv, "title", a->title, TEXT_LINE, LIMIT_TITLE, true, &c->title);
	if (!rc)
		rc = a->date ? input_date(rv, "date", a->date, &c->date)
		             : rv_fail(rv, RV_EINPUT, "date", _("date: the conference date is required (--date DATE)"));
	if (!rc && a->zone)
		rc = ref_zone_id(rv, "zone", a->zone, &c->zone_id);
	if (!rc)
		rc = input_text(rv, "place", a->place, TEXT_LINE, LIMIT_NAME, false, &c->place);
	if (!rc)
		rc = input_text(rv, "theme", a->theme, TEXT_LINE, LIMIT_TITLE, false, &c->theme);
	if (!rc)
		rc = input_text(rv, "chair", a->chair, TEXT_LINE, LIMIT_NAME, false, &c->chair);
	if (!rc && a->n_agencies) {
		c->agencies = calloc(a->n_agencies, sizeof *c->agencies);
		if (!c->agencies)
			rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	for (size_t i = 0; !rc && i < a->n_agencies; i++)
		rc = ref_agency_id(rv, "agency", a->agencies[i], &c->agencies[c->n_agencies++]);
	return rc;
}

enum rv_code conf_insert(struct rv *rv, const struct conference_row *r, int64_t *id)
{
	char uuid[37];
	rv_uuid(uuid);
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO conferences(uuid, title, held_on, zone_id, place, theme, chair, "
	                               "created_at) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7, ?8)");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, r->title);
	db_bind_text(st, 3, r->held_on);
	sqlite3_bind_int64(st, 4, r->zone_id);
	db_bind_text(st, 5, r->place);
	db_bind_text(st, 6, r->theme);
	db_bind_text(st, 7, r->chair);
	db_bind_text(st, 8, r->created_at);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(rv, "recording the conference");
	*id = sqlite3_last_insert_rowid(rv->db);
	for (size_t i = 0; i < r->n_agencies; i++) {
		st = db_stmt(rv, "INSERT OR IGNORE INTO conference_agencies(conference_id, agency_id) VALUES (?1, ?2)");
		if (!st)
			return rv->code;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, r->agencies[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(rv, "recording the conference's agencies");
	}
	return RV_OK;
}

static enum rv_code insert_conference(struct rv *rv, const struct conf_clean *c, int64_t *id)
{
	char held_on[11], now[21];
	date_iso(c->date, held_on);
	rv_now(now);
	struct conference_row r = { c->title, held_on, c->zone_id, c->place, c->theme, c->chair, now,
		                    c->agencies, c->n_agencies };
	return conf_insert(rv, &r, id);
}

enum rv_code conf_add(struct rv *rv, const struct conference_args *a, int64_t *id)
{
	struct conf_clean c = { .date = RV_DATE_NONE };
	*id = 0;
	enum rv_code rc = users_require(rv, PERM_INTAKE);
	if (!rc)
		rc = validate(rv, a, &c);
	if (!rc)
		rc = db_begin(rv);
	if (!rc)
		rc = db_end(rv, insert_conference(rv, &c, id));
	if (rc)
		*id = 0;
	clean_free(&c);
	return rc;
}

static const struct rows_col list_cols[] = {
	{ "id", N_("No."), COL_INT },
	{ "date", N_("Date"), COL_DATE },
	{ "title", N_("Conference"), COL_TEXT },
	{ "zone", N_("Park"), COL_TEXT },
	{ "chair", N_("Chair"), COL_TEXT },
	{ "petitions", N_("Petitions"), COL_INT },
	{ "answered", N_("Answered"), COL_INT },
	{ "overdue", N_("Overdue"), COL_INT },
	{ "on_time", N_("On time"), COL_INT },
	{ "avg_rating", N_("Rating"), COL_REAL },
};

/* For a user who sees every petition: the counters of schema version 9,
 * one row of conference_stats and a range of conference_open_deadlines
 * per conference. */
static const char list_all_sql[] =
	"SELECT c.id, c.held_on, c.title, z.name, c.chair, coalesce(s.petitions, 0), coalesce(s.answered, 0), "
	"(SELECT coalesce(sum(d.n), 0) FROM conference_open_deadlines d WHERE d.conference_id = c.id AND d.deadline < ?1), "
	"coalesce(s.on_time, 0), CASE WHEN s.rated > 0 THEN round(CAST(s.rating_sum AS REAL) / s.rated, 2) END "
	"FROM conferences c LEFT JOIN zones z ON z.id = c.zone_id "
	"LEFT JOIN conference_stats s ON s.conference_id = c.id ORDER BY c.held_on DESC, c.id DESC";

enum rv_code conf_list(struct rv *rv, struct rows **out)
{
	*out = NULL;
	enum rv_code rc = users_require(rv, PERM_READ);
	if (rc)
		return rc;
	/* A scoped user's petitions are few: aggregate them. */
	sqlite3_stmt *st = petition_scope(rv) == 0 ? db_stmt(rv, list_all_sql) : db_stmt(rv,
		"SELECT c.id, c.held_on, c.title, z.name, c.chair, count(p.id), count(p.answered), "
		"coalesce(sum(p.status IN ('received', 'classified', 'assigned', 'in_progress') AND p.deadline < ?1), 0), "
		"coalesce(sum(p.answered IS NOT NULL AND p.late_days = 0), 0), "
		"round(avg(CASE WHEN p.rating > 0 THEN p.rating END), 2) "
		"FROM conferences c LEFT JOIN zones z ON z.id = c.zone_id "
		"LEFT JOIN conference_petitions cp ON cp.conference_id = c.id "
		"LEFT JOIN petitions p ON p.id = cp.petition_id AND (?2 = 0 OR (?2 = 1 AND p.enterprise_id = ?3) OR "
		"(?2 = 2 AND (p.lead_agency_id = ?4 OR EXISTS (SELECT 1 FROM petition_agencies pa "
		"WHERE pa.petition_id = p.id AND pa.agency_id = ?4)))) "
		"GROUP BY c.id ORDER BY c.held_on DESC, c.id DESC");
	if (!st)
		return rv->code;
	db_bind_date(st, 1, rv->today);
	if (petition_scope(rv))
		petition_bind_scope(rv, st, 2);
	*out = rows_new(list_cols, (int)(sizeof list_cols / sizeof list_cols[0]));
	if (!*out)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	return db_fill_rows(rv, st, *out);
}

/* ---- linking ---- */

static enum rv_code write_link(struct rv *rv, const struct petition_state *s, int64_t conference, bool in_session)
{
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO conference_petitions(petition_id, conference_id, answered_in_session, "
	                               "code) VALUES (?1, ?2, ?3, (SELECT code FROM petitions WHERE id = ?1)) "
	                               "ON CONFLICT(petition_id) DO UPDATE SET "
	                               "conference_id = excluded.conference_id, "
	                               "answered_in_session = excluded.answered_in_session");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, s->id);
	sqlite3_bind_int64(st, 2, conference);
	sqlite3_bind_int(st, 3, in_session);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(rv, "linking the petition");
	char now[21];
	rv_now(now);
	st = db_stmt(rv, "UPDATE petitions SET version = version + 1, updated_at = ?2 WHERE id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, s->id);
	db_bind_text(st, 2, now);
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "updating the petition");
}

enum rv_code conf_attach(struct rv *rv, int64_t petition_id, int64_t id)
{
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO conference_petitions(petition_id, conference_id, "
	                               "answered_in_session, code) VALUES (?1, ?2, 0, "
	                               "(SELECT code FROM petitions WHERE id = ?1))");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, petition_id);
	sqlite3_bind_int64(st, 2, id);
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "linking the petition");
}

/* The history rows of a link change, then the change itself. */
static enum rv_code apply_link(struct rv *rv, const struct petition_state *s, int64_t conference, bool in_session)
{
	char from[24] = "", to[24];
	enum rv_code rc = RV_OK;
	if (s->conference_id)
		snprintf(from, sizeof from, "%lld", (long long)s->conference_id);
	snprintf(to, sizeof to, "%lld", (long long)conference);
	if (s->conference_id != conference)
		rc = wf_history(rv, s->id, s->version + 1, "set", "conference", *from ? from : NULL, to, NULL);
	bool was = s->conference_id == conference && s->answered_in_session;
	if (!rc && was != in_session)
		rc = wf_history(rv, s->id, s->version + 1, "set", "answered_in_session", was ? "1" : "0",
		                in_session ? "1" : "0", NULL);
	if (!rc)
		rc = write_link(rv, s, conference, in_session);
	return rc;
}

enum rv_code conf_link(struct rv *rv, const char *id, const char *code, int64_t expect, bool answered_in_session)
{
	int64_t conference = 0;
	struct petition_state s = { 0 };
	enum rv_code rc = users_require(rv, PERM_INTAKE);
	if (!rc)
		rc = conf_id(rv, id, &conference);
	if (!rc)
		rc = db_begin(rv);
	if (rc)
		return rc;
	rc = petition_load_state(rv, code ? code : "", &s);
	if (!rc && expect > 0 && expect != s.version)
		rc = rv_fail(rv, RV_ECONFLICT, "version",
		             _("%s changed since version %lld (now %lld), nothing was written: see roviec petition show %s"),
		             s.code, (long long)expect, (long long)s.version, s.code);
	if (!rc && answered_in_session && s.status != ST_ANSWERED && s.status != ST_CLOSED)
		rc = rv_fail(rv, RV_EINPUT, "answered-in-session",
		             _("%s is %s: only an answered petition can be marked answered in the session "
		               "(record the answer with: roviec conference answer %lld %s --result TEXT --outcome OUTCOME)"),
		             s.code, enum_db(&status_set, (int)s.status), (long long)conference, s.code);
	/* Linking again without the flag keeps a flag already recorded. */
	bool flag = answered_in_session || (s.conference_id == conference && s.answered_in_session);
	if (!rc && (s.conference_id != conference || flag != s.answered_in_session))
		rc = apply_link(rv, &s, conference, flag);
	return db_end(rv, rc);
}

enum rv_code conf_answer(struct rv *rv, const char *id, const char *code, const char *result,
                         const char *outcome)
{
	enum rv_code rc = db_begin(rv);
	if (rc)
		return rc;
	rc = conf_link(rv, id, code, 0, false);
	if (!rc)
		rc = wf_answer(rv, code, 0, result, outcome);
	if (!rc)
		rc = conf_link(rv, id, code, 0, true);
	return db_end(rv, rc);
}
