/* petition.c — loading a petition snapshot and its JSON form. */
#include "petition.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rv_internal.h"
#include "users.h"

void petition_overdue(const struct rv *rv, enum status st, rv_date deadline, bool *overdue, int *days)
{
	*overdue = status_is_open(st) && deadline != RV_DATE_NONE && deadline < rv->today;
	*days = *overdue ? calendar_workdays_between(rv->cal, deadline, rv->today) : 0;
}

void petition_free(struct petition **pp)
{
	if (!pp || !*pp)
		return;
	struct petition *p = *pp;
	free(p->title);
	free(p->body);
	free(p->enterprise_name);
	free(p->enterprise_tax_code);
	free(p->zone);
	free(p->category);
	free(p->category_label);
	free(p->lead.code);
	free(p->lead.name);
	for (size_t i = 0; i < p->n_coordinating; i++) {
		free(p->coordinating[i].code);
		free(p->coordinating[i].name);
	}
	free(p->coordinating);
	free(p->responsible_person);
	free(p->result);
	free(p->feedback);
	free(p->reject_reason);
	free(p->refer_to);
	free(p->decided_by);
	for (size_t i = 0; i < p->n_extensions; i++) {
		free(p->extensions[i].reason);
		free(p->extensions[i].actor);
		free(p->extensions[i].at);
	}
	free(p->extensions);
	for (size_t i = 0; i < p->n_history; i++) {
		struct history_entry *h = &p->history[i];
		free(h->at);
		free(h->os_login);
		free(h->actor);
		free(h->action);
		free(h->field);
		free(h->from);
		free(h->to);
		free(h->note);
	}
	free(p->history);
	free(p);
	*pp = NULL;
}

/* The row query behind petition_load; the scope clause hides petitions the
 * acting user may not see (?2 = role scope: 0 all, 1 enterprise ?3, 2
 * agency ?4 as lead or coordinating). */
static const char load_sql[] =
	"SELECT p.id, p.uuid, p.code, p.title, p.body, p.status, p.channel, e.name, e.tax_code, z.name, "
	"p.received, c.code, CASE WHEN ?5 THEN c.label_vi ELSE c.label_en END, a.code, a.name, "
	"p.responsible_person, p.assigned, p.deadline, p.original_deadline, p.result, p.outcome, p.answered, "
	"p.late_days, p.rating, p.feedback, p.closed, p.reject_reason, p.refer_to, p.decided_by, p.version "
	"FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id "
	"LEFT JOIN zones z ON z.id = e.zone_id LEFT JOIN categories c ON c.id = p.category_id "
	"LEFT JOIN agencies a ON a.id = p.lead_agency_id "
	"WHERE p.code = ?1 AND " RV_SCOPE_SQL;

static void fill_main(struct rv *rv, sqlite3_stmt *st, struct petition *p)
{
	p->id = sqlite3_column_int64(st, 0);
	snprintf(p->uuid, sizeof p->uuid, "%s", (const char *)sqlite3_column_text(st, 1));
	snprintf(p->code, sizeof p->code, "%s", (const char *)sqlite3_column_text(st, 2));
	p->title = db_column_dup(st, 3);
	p->body = db_column_dup(st, 4);
	p->status = (enum status)enum_parse(&status_set, (const char *)sqlite3_column_text(st, 5));
	p->channel = (enum channel)enum_parse(&channel_set, (const char *)sqlite3_column_text(st, 6));
	p->enterprise_name = db_column_dup(st, 7);
	p->enterprise_tax_code = db_column_dup(st, 8);
	p->zone = db_column_dup(st, 9);
	p->received = db_column_date(st, 10);
	p->category = db_column_dup(st, 11);
	p->category_label = db_column_dup(st, 12);
	p->lead.code = db_column_dup(st, 13);
	p->lead.name = db_column_dup(st, 14);
	p->responsible_person = db_column_dup(st, 15);
	p->assigned = db_column_date(st, 16);
	p->deadline = db_column_date(st, 17);
	p->original_deadline = db_column_date(st, 18);
	p->result = db_column_dup(st, 19);
	p->outcome = sqlite3_column_type(st, 20) == SQLITE_NULL
	                     ? -1
	                     : enum_parse(&outcome_set, (const char *)sqlite3_column_text(st, 20));
	p->answered = db_column_date(st, 21);
	p->late_days = sqlite3_column_type(st, 22) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 22);
	p->rating = sqlite3_column_int(st, 23);
	p->feedback = db_column_dup(st, 24);
	p->closed = db_column_date(st, 25);
	p->reject_reason = db_column_dup(st, 26);
	p->refer_to = db_column_dup(st, 27);
	p->decided_by = db_column_dup(st, 28);
	p->version = sqlite3_column_int64(st, 29);
	petition_overdue(rv, p->status, p->deadline, &p->overdue, &p->days_overdue);
}

static enum rv_code load_coordinating(struct rv *rv, struct petition *p)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT a.code, a.name FROM petition_agencies pa "
	                               "JOIN agencies a ON a.id = pa.agency_id WHERE pa.petition_id = ?1 "
	                               "ORDER BY a.sort_key");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct agency_ref *grown = realloc(p->coordinating, (p->n_coordinating + 1) * sizeof *grown);
		if (!grown)
			return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		p->coordinating = grown;
		grown[p->n_coordinating].code = db_column_dup(st, 0);
		grown[p->n_coordinating].name = db_column_dup(st, 1);
		p->n_coordinating++;
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading coordinating agencies");
}

static enum rv_code load_extensions(struct rv *rv, struct petition *p)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT old_deadline, new_deadline, reason, actor, at FROM extensions "
	                               "WHERE petition_id = ?1 ORDER BY id");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct extension *grown = realloc(p->extensions, (p->n_extensions + 1) * sizeof *grown);
		if (!grown)
			return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		p->extensions = grown;
		struct extension *x = &grown[p->n_extensions++];
		x->old_deadline = db_column_date(st, 0);
		x->new_deadline = db_column_date(st, 1);
		x->reason = db_column_dup(st, 2);
		x->actor = db_column_dup(st, 3);
		x->at = db_column_dup(st, 4);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading extensions");
}

static enum rv_code load_history(struct rv *rv, struct petition *p)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, version, at, os_login, actor, action, field, old, new, note "
	                               "FROM history WHERE petition_id = ?1 ORDER BY id");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_entry *grown = realloc(p->history, (p->n_history + 1) * sizeof *grown);
		if (!grown)
			return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		p->history = grown;
		struct history_entry *h = &grown[p->n_history++];
		h->id = sqlite3_column_int64(st, 0);
		h->version = sqlite3_column_int64(st, 1);
		h->at = db_column_dup(st, 2);
		h->os_login = db_column_dup(st, 3);
		h->actor = db_column_dup(st, 4);
		h->action = db_column_dup(st, 5);
		h->field = db_column_dup(st, 6);
		h->from = db_column_dup(st, 7);
		h->to = db_column_dup(st, 8);
		h->note = db_column_dup(st, 9);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading history");
}

static enum rv_code load_conference(struct rv *rv, struct petition *p)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT conference_id, answered_in_session FROM conference_petitions "
	                               "WHERE petition_id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, p->id);
	int rc = db_step(rv, st);
	if (rc == SQLITE_ROW) {
		p->conference = sqlite3_column_int64(st, 0);
		p->answered_in_session = sqlite3_column_int(st, 1) != 0;
		sqlite3_reset(st);
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RV_OK : rv->code;
}

int petition_scope(const struct rv *rv)
{
	return rv->role == ROLE_ENTERPRISE ? 1 : rv->role == ROLE_AGENCY ? 2 : 0;
}

void petition_bind_scope(struct rv *rv, sqlite3_stmt *st, int first)
{
	sqlite3_bind_int(st, first, petition_scope(rv));
	sqlite3_bind_int64(st, first + 1, rv->enterprise_id);
	sqlite3_bind_int64(st, first + 2, rv->agency_id);
}

enum rv_code petition_load_state(struct rv *rv, const char *code, struct petition_state *s)
{
	sqlite3_stmt *st = db_stmt(rv,
		"SELECT p.id, p.version, p.status, p.code, p.category_id, p.enterprise_id, p.deadline, "
		"p.original_deadline, cp.conference_id, cp.answered_in_session "
		"FROM petitions p LEFT JOIN conference_petitions cp ON cp.petition_id = p.id "
		"WHERE p.code = upper(?1) AND " RV_SCOPE_SQL);
	if (!st)
		return rv->code;
	db_bind_text(st, 1, code);
	petition_bind_scope(rv, st, 2);
	int rc = db_step(rv, st);
	if (rc == SQLITE_DONE)
		return rv_fail(rv, RV_ENOTFOUND, "code", _("no petition %s"), code);
	if (rc != SQLITE_ROW)
		return rv->code;
	s->id = sqlite3_column_int64(st, 0);
	s->version = sqlite3_column_int64(st, 1);
	s->status = (enum status)enum_parse(&status_set, (const char *)sqlite3_column_text(st, 2));
	snprintf(s->code, sizeof s->code, "%s", (const char *)sqlite3_column_text(st, 3));
	s->category_id = sqlite3_column_int64(st, 4);
	s->enterprise_id = sqlite3_column_int64(st, 5);
	s->deadline = db_column_date(st, 6);
	s->original_deadline = db_column_date(st, 7);
	s->conference_id = sqlite3_column_int64(st, 8);
	s->answered_in_session = sqlite3_column_int(st, 9) != 0;
	sqlite3_reset(st); /* a cached statement left on its row would hold a read open */
	return RV_OK;
}

enum rv_code petition_load(struct rv *rv, const char *code, unsigned flags, struct petition **out)
{
	*out = NULL;
	enum rv_code rc = users_require(rv, PERM_READ);
	if (rc)
		return rc;
	char up[RV_CODE_MAX];
	snprintf(up, sizeof up, "%s", code ? code : "");
	for (char *c = up; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	sqlite3_stmt *st = db_stmt(rv, load_sql);
	if (!st)
		return rv->code;
	db_bind_text(st, 1, up);
	petition_bind_scope(rv, st, 2);
	sqlite3_bind_int(st, 5, i18n_vietnamese());
	int step = db_step(rv, st);
	if (step == SQLITE_DONE)
		return rv_fail(rv, RV_ENOTFOUND, "code", _("no petition %s"), code ? code : "");
	if (step != SQLITE_ROW)
		return rv->code;
	struct petition *p = calloc(1, sizeof *p);
	if (!p)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	fill_main(rv, st, p);
	/* Done with the row: a statement left mid-step would hold the read
	 * transaction open, and a long-lived session would never see other
	 * users' writes again. */
	sqlite3_reset(st);
	rc = load_coordinating(rv, p);
	if (!rc)
		rc = load_extensions(rv, p);
	if (!rc)
		rc = load_conference(rv, p);
	if (!rc && (flags & PETITION_WITH_HISTORY))
		rc = load_history(rv, p);
	if (rc)
		petition_free(&p);
	*out = p;
	return rc;
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

static json_t *agency_array(const struct petition *p)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < p->n_coordinating; i++)
		json_array_append_new(a, json_string(p->coordinating[i].code));
	return a;
}

static json_t *extension_array(const struct petition *p)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < p->n_extensions; i++) {
		const struct extension *x = &p->extensions[i];
		json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:o, s:o}", "old_deadline",
		                                   jdate(x->old_deadline), "new_deadline", jdate(x->new_deadline),
		                                   "reason", jstr(x->reason), "by", jstr(x->actor), "at",
		                                   jstr(x->at)));
	}
	return a;
}

static json_t *history_array(const struct petition *p)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < p->n_history; i++) {
		const struct history_entry *h = &p->history[i];
		json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I}", "at", jstr(h->at), "actor",
		                      jstr(h->actor), "action", jstr(h->action), "from", jstr(h->from), "to",
		                      jstr(h->to), "note", jstr(h->note), "field", jstr(h->field), "version",
		                      (json_int_t)h->version);
		if (o && h->os_login && h->actor && strcmp(h->os_login, h->actor) != 0)
			json_object_set_new(o, "os_login", json_string(h->os_login));
		json_array_append_new(a, o);
	}
	return a;
}

json_t *petition_json(const struct petition *p, bool with_history)
{
	json_t *o = json_pack(
		"{s:s, s:s, s:o, s:o, s:s, s:o, s:s, s:{s:o, s:o}, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "code",
		p->code, "uuid", p->uuid, "title", jstr(p->title), "body", jstr(p->body), "status",
		enum_db(&status_set, (int)p->status), "category", jstr(p->category), "channel",
		enum_db(&channel_set, (int)p->channel), "enterprise", "name", jstr(p->enterprise_name),
		"tax_code", jstr(p->enterprise_tax_code), "zone", jstr(p->zone), "received", jdate(p->received),
		"lead_agency", jstr(p->lead.code), "coordinating_agencies", agency_array(p),
		"responsible_person", jstr(p->responsible_person), "deadline", jdate(p->deadline),
		"original_deadline", jdate(p->original_deadline));
	if (!o)
		return NULL;
	json_object_set_new(o, "assigned", jdate(p->assigned));
	json_object_set_new(o, "overdue", json_boolean(p->overdue));
	json_object_set_new(o, "days_overdue", json_integer(p->days_overdue));
	json_object_set_new(o, "result", jstr(p->result));
	json_object_set_new(o, "outcome", p->outcome >= 0 ? json_string(enum_db(&outcome_set, p->outcome))
	                                                  : json_null());
	json_object_set_new(o, "answered", jdate(p->answered));
	json_object_set_new(o, "late_days", p->late_days >= 0 ? json_integer(p->late_days) : json_null());
	json_object_set_new(o, "closed", jdate(p->closed));
	json_object_set_new(o, "rating", p->rating ? json_integer(p->rating) : json_null());
	json_object_set_new(o, "feedback", jstr(p->feedback));
	json_object_set_new(o, "reject_reason", jstr(p->reject_reason));
	json_object_set_new(o, "refer_to", jstr(p->refer_to));
	json_object_set_new(o, "decided_by", jstr(p->decided_by));
	json_object_set_new(o, "version", json_integer(p->version));
	json_object_set_new(o, "extensions", extension_array(p));
	json_object_set_new(o, "conference", p->conference ? json_integer(p->conference) : json_null());
	json_object_set_new(o, "answered_in_session", json_boolean(p->answered_in_session));
	if (with_history)
		json_object_set_new(o, "history", history_array(p));
	return o;
}

int petition_code_width(struct rv *rv)
{
	enum { PREFIX = 8, DIGITS = 5 }; /* "KN-2026-", "00042" */
	sqlite3_stmt *st = db_stmt(rv, "SELECT max(last) FROM code_sequences");
	int64_t last = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (st)
		sqlite3_reset(st);
	int digits = 1;
	for (; last >= 10; last /= 10)
		digits++;
	return PREFIX + (digits > DIGITS ? digits : DIGITS);
}
