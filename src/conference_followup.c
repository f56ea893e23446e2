/* conference_followup.c — a conference with its follow-up table: each
 * linked petition with the five clears, and the conference's progress.
 * See conference.h. */
#include "conference.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "petition.h"
#include "rv_internal.h"
#include "users.h"

static void row_free(struct followup_row *r)
{
	free(r->enterprise);
	free(r->tax_code);
	free(r->title);
	free(r->category);
	free(r->lead);
	free(r->coordinating);
	free(r->person);
	free(r->result);
}

void conf_free(struct conference **pc)
{
	if (!pc || !*pc)
		return;
	struct conference *c = *pc;
	for (size_t i = 0; i < c->n; i++)
		row_free(&c->rows[i]);
	free(c->rows);
	free(c->title);
	free(c->zone);
	free(c->place);
	free(c->theme);
	free(c->chair);
	free(c->agencies);
	free(c);
	*pc = NULL;
}

static enum rv_code load_head(struct rv *rv, int64_t id, struct conference *c)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT c.uuid, c.title, c.held_on, z.name, c.place, c.theme, c.chair, "
	                               "(SELECT group_concat(code, ', ') FROM (SELECT a.code FROM conference_agencies ca "
	                               "JOIN agencies a ON a.id = ca.agency_id WHERE ca.conference_id = c.id "
	                               "ORDER BY a.sort_key)) "
	                               "FROM conferences c LEFT JOIN zones z ON z.id = c.zone_id WHERE c.id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, id);
	if (db_step(rv, st) != SQLITE_ROW)
		return rv->code ? rv->code : rv_fail(rv, RV_ENOTFOUND, "conference", _("conference: no conference %lld"), (long long)id);
	c->id = id;
	snprintf(c->uuid, sizeof c->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
	c->title = db_column_dup(st, 1);
	c->date = db_column_date(st, 2);
	c->zone = db_column_dup(st, 3);
	c->place = db_column_dup(st, 4);
	c->theme = db_column_dup(st, 5);
	c->chair = db_column_dup(st, 6);
	c->agencies = db_column_dup(st, 7);
	return RV_OK;
}

/* One page of the follow-up table after (forward) or before (backward)
 * a tracking code, in code order (PETITION_CODE_ORDER: numeric past
 * 99,999 a year): a seek on conference_petitions_by_code (conference, code
 * order) that stops after the page, whatever the size of the conference.  ?1 conference, ?2-?4 scope, ?5 the code, ?6 the page size. */
#define ROWS_SQL(cond, order) \
	"SELECT p.code, e.name, e.tax_code, p.title, cat.code, a.code, " \
	"(SELECT group_concat(code, ', ') FROM (SELECT a2.code FROM petition_agencies pa " \
	"JOIN agencies a2 ON a2.id = pa.agency_id WHERE pa.petition_id = p.id ORDER BY a2.sort_key)), " \
	"p.responsible_person, p.deadline, p.status, p.result, p.outcome, p.answered, p.late_days, p.rating, " \
	"cp.answered_in_session " \
	"FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id " \
	"JOIN enterprises e ON e.id = p.enterprise_id LEFT JOIN categories cat ON cat.id = p.category_id " \
	"LEFT JOIN agencies a ON a.id = p.lead_agency_id " \
	"WHERE cp.conference_id = ?1 AND " cond " AND " RV_SCOPE_SQL " ORDER BY " PETITION_CODE_ORDER("cp.code") " " order " LIMIT ?6"
static const char rows_after_sql[] = ROWS_SQL(PETITION_CODE_ORDER("cp.code") " > " PETITION_CODE_ORDER("?5"), "ASC");
static const char rows_before_sql[] = ROWS_SQL(PETITION_CODE_ORDER("cp.code") " < " PETITION_CODE_ORDER("?5"), "DESC");

static void read_row(struct rv *rv, sqlite3_stmt *st, struct followup_row *r)
{
	snprintf(r->code, sizeof r->code, "%s", (const char *)sqlite3_column_text(st, 0));
	r->enterprise = db_column_dup(st, 1);
	r->tax_code = db_column_dup(st, 2);
	r->title = db_column_dup(st, 3);
	r->category = db_column_dup(st, 4);
	r->lead = db_column_dup(st, 5);
	r->coordinating = db_column_dup(st, 6);
	r->person = db_column_dup(st, 7);
	r->deadline = db_column_date(st, 8);
	r->status = (enum status)enum_parse(&status_set, (const char *)sqlite3_column_text(st, 9));
	r->result = db_column_dup(st, 10);
	r->outcome = sqlite3_column_type(st, 11) == SQLITE_NULL
	                     ? -1 : enum_parse(&outcome_set, (const char *)sqlite3_column_text(st, 11));
	r->answered = db_column_date(st, 12);
	r->late_days = sqlite3_column_type(st, 13) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 13);
	r->rating = sqlite3_column_int(st, 14);
	r->in_session = sqlite3_column_int(st, 15) != 0;
	petition_overdue(rv, r->status, r->deadline, &r->overdue, &r->days_overdue);
}

/* The progress: for a user who sees every petition, the counters of
 * schema version 9 (one row, and the open deadlines before today); for a
 * scoped user, the aggregate over the few linked petitions they see.  Both
 * give: petitions, answered, in session, on time, open, rated, rating sum,
 * overdue. */
static const char progress_all_sql[] =
	"SELECT s.petitions, s.answered, s.in_session, s.on_time, s.open, s.rated, s.rating_sum, "
	"(SELECT coalesce(sum(d.n), 0) FROM conference_open_deadlines d WHERE d.conference_id = ?1 AND d.deadline < ?5) "
	"FROM conference_stats s WHERE s.conference_id = ?1";
static const char progress_scoped_sql[] =
	"SELECT count(*), count(p.answered), coalesce(sum(p.answered IS NOT NULL AND cp.answered_in_session), 0), "
	"coalesce(sum(p.answered IS NOT NULL AND p.late_days = 0), 0), "
	"coalesce(sum(p.status IN ('received', 'classified', 'assigned', 'in_progress')), 0), "
	"count(CASE WHEN p.rating > 0 THEN 1 END), coalesce(sum(CASE WHEN p.rating > 0 THEN p.rating END), 0), "
	"coalesce(sum(p.status IN ('received', 'classified', 'assigned', 'in_progress') AND p.deadline < ?5), 0) "
	"FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id "
	"WHERE cp.conference_id = ?1 AND " RV_SCOPE_SQL;

static enum rv_code load_progress(struct rv *rv, struct conference *c)
{
	sqlite3_stmt *st = db_stmt(rv, petition_scope(rv) ? progress_scoped_sql : progress_all_sql);
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, c->id);
	petition_bind_scope(rv, st, 2);
	db_bind_date(st, 5, rv->today);
	int rc = db_step(rv, st);
	struct conf_progress *g = &c->progress;
	if (rc == SQLITE_ROW) {
		int64_t *f[] = { &g->petitions, &g->answered, &g->in_session, &g->on_time, &g->open, &g->rated };
		for (int i = 0; i < 6; i++)
			*f[i] = sqlite3_column_int64(st, i);
		if (g->rated)
			g->avg_rating = (double)sqlite3_column_int64(st, 6) / (double)g->rated;
		g->overdue = sqlite3_column_int64(st, 7);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RV_OK : rv->code;
}

void conf_rows_free(struct followup_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		row_free(&rows[i]);
	free(rows);
}

enum rv_code conf_page(struct rv *rv, int64_t id, const char *after, bool backward, int max,
                       struct followup_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	enum rv_code code = users_require(rv, PERM_READ);
	if (code || max <= 0)
		return code;
	sqlite3_stmt *st = db_stmt(rv, backward ? rows_before_sql : rows_after_sql);
	if (!st)
		return rv->code;
	struct followup_row *rows = calloc((size_t)max, sizeof *rows);
	if (!rows)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	sqlite3_bind_int64(st, 1, id);
	petition_bind_scope(rv, st, 2);
	if (after)
		db_bind_text(st, 5, after);
	else if (backward) /* from the last: every text is below a blob */
		sqlite3_bind_blob(st, 5, "\xff", 1, SQLITE_STATIC);
	else
		db_bind_text(st, 5, "");
	sqlite3_bind_int(st, 6, max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(rv, st, &rows[(*n)++]);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		conf_rows_free(rows, *n);
		*n = 0;
		return db_fail(rv, "reading the follow-up table");
	}
	*out = rows;
	return RV_OK;
}

/* Every row, a page at a time. */
static enum rv_code load_rows(struct rv *rv, struct conference *c)
{
	enum { PAGE = 512 };
	size_t cap = 0;
	for (;;) {
		struct followup_row *page = NULL;
		size_t got = 0;
		enum rv_code rc = conf_page(rv, c->id, c->n ? c->rows[c->n - 1].code : NULL, false, PAGE, &page, &got);
		if (rc)
			return rc;
		if (c->n + got > cap) {
			cap = (c->n + got) * 2;
			struct followup_row *grown = realloc(c->rows, cap * sizeof *grown);
			if (!grown) {
				conf_rows_free(page, got);
				return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
			}
			c->rows = grown;
		}
		if (got)
			memcpy(c->rows + c->n, page, got * sizeof *page);
		c->n += got;
		free(page);
		if (got < PAGE)
			return RV_OK;
	}
}

static enum rv_code load(struct rv *rv, const char *raw, bool rows, struct conference **out)
{
	*out = NULL;
	int64_t id = 0;
	enum rv_code rc = users_require(rv, PERM_READ);
	if (!rc)
		rc = conf_id(rv, raw, &id);
	if (rc)
		return rc;
	struct conference *c = calloc(1, sizeof *c);
	if (!c)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	rc = load_head(rv, id, c);
	if (!rc)
		rc = load_progress(rv, c);
	if (!rc && rows)
		rc = load_rows(rv, c);
	if (rc)
		conf_free(&c);
	*out = c;
	return rc;
}

enum rv_code conf_load_head(struct rv *rv, const char *raw, struct conference **out)
{
	return load(rv, raw, false, out);
}

enum rv_code conf_load(struct rv *rv, const char *raw, struct conference **out)
{
	return load(rv, raw, true, out);
}

/* ---- JSON ---- */

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jdate(rv_date d)
{
	char buf[11];
	return d == RV_DATE_NONE ? json_null() : json_string(date_iso(d, buf));
}

/* "SXD, STC" → ["SXD", "STC"]. */
static json_t *code_list(const char *joined)
{
	json_t *a = json_array();
	const char *p = joined;
	while (a && p && *p) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		json_array_append_new(a, json_stringn(p, len));
		p = end ? end + 2 : NULL;
	}
	return a;
}

json_t *conf_row_json(const struct followup_row *r)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "code", json_string(r->code));
	json_object_set_new(o, "enterprise", json_pack("{s:o, s:o}", "name", jstr(r->enterprise), "tax_code",
	                                                jstr(r->tax_code)));
	json_object_set_new(o, "title", jstr(r->title));
	json_object_set_new(o, "category", jstr(r->category));
	json_object_set_new(o, "lead_agency", jstr(r->lead));
	json_object_set_new(o, "coordinating_agencies", code_list(r->coordinating));
	json_object_set_new(o, "responsible_person", jstr(r->person));
	json_object_set_new(o, "deadline", jdate(r->deadline));
	json_object_set_new(o, "status", json_string(enum_db(&status_set, (int)r->status)));
	json_object_set_new(o, "overdue", json_boolean(r->overdue));
	json_object_set_new(o, "days_overdue", json_integer(r->days_overdue));
	json_object_set_new(o, "result", jstr(r->result));
	json_object_set_new(o, "outcome", r->outcome >= 0 ? json_string(enum_db(&outcome_set, r->outcome)) : json_null());
	json_object_set_new(o, "answered", jdate(r->answered));
	json_object_set_new(o, "answered_in_session", json_boolean(r->in_session));
	json_object_set_new(o, "late_days", r->late_days >= 0 ? json_integer(r->late_days) : json_null());
	json_object_set_new(o, "rating", r->rating ? json_integer(r->rating) : json_null());
	return o;
}

static json_t *progress_json(const struct conf_progress *g)
{
	json_t *o = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "petitions", (json_int_t)g->petitions, "answered",
	                      (json_int_t)g->answered, "answered_in_session", (json_int_t)g->in_session,
	                      "answered_on_time", (json_int_t)g->on_time, "overdue", (json_int_t)g->overdue, "open",
	                      (json_int_t)g->open);
	if (o)
		json_object_set_new(o, "avg_rating", g->rated ? json_real((double)(int)(g->avg_rating * 100 + 0.5) / 100)
		                                               : json_null());
	return o;
}

json_t *conf_json(const struct conference *c)
{
	json_t *o = json_object(), *rows = json_array();
	if (!o || !rows) {
		json_decref(o);
		json_decref(rows);
		return NULL;
	}
	json_object_set_new(o, "id", json_integer(c->id));
	json_object_set_new(o, "uuid", json_string(c->uuid));
	json_object_set_new(o, "title", jstr(c->title));
	json_object_set_new(o, "date", jdate(c->date));
	json_object_set_new(o, "zone", jstr(c->zone));
	json_object_set_new(o, "place", jstr(c->place));
	json_object_set_new(o, "theme", jstr(c->theme));
	json_object_set_new(o, "chair", jstr(c->chair));
	json_object_set_new(o, "agencies", code_list(c->agencies));
	json_object_set_new(o, "progress", progress_json(&c->progress));
	for (size_t i = 0; i < c->n; i++)
		json_array_append_new(rows, conf_row_json(&c->rows[i]));
	json_object_set_new(o, "petitions", rows);
	return o;
}
