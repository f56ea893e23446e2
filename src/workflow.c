/* workflow.c — the transitions of a petition, the history they write and
 * the version check that keeps concurrent writers from overwriting each
 * other.  See workflow.h for the contract.
 *
 * Shape of every write: wf_begin() opens the transaction, loads the
 * current state (honouring the acting user's visibility), checks role,
 * version and transition; the action then updates fields through
 * set_field()/set_date() (each writes a history row), and wf_finish()
 * records the transition, bumps the version and commits. */
#include "workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "conference.h"
#include "i18n.h"
#include "input.h"
#include "pin.h"
#include "refdata.h"
#include "rv_internal.h"
#include "text.h"
#include "users.h"

#define M(st) (1u << (st))
#define OPEN_MASK (M(ST_RECEIVED) | M(ST_CLASSIFIED) | M(ST_ASSIGNED) | M(ST_IN_PROGRESS))
#define KEEP_STATUS ST_COUNT

/* The allowed moves: from which statuses, to which status, who may. */
static const struct transition {
	const char *name;
	unsigned from;
	enum status to; /* KEEP_STATUS: the status does not change */
	enum perm perm;
} transitions[WF_COUNT] = {
	[WF_CLASSIFY] = { "classify", M(ST_RECEIVED) | M(ST_CLASSIFIED), ST_CLASSIFIED, PERM_INTAKE },
	[WF_ASSIGN] = { "assign", OPEN_MASK, ST_ASSIGNED, PERM_INTAKE },
	[WF_START] = { "start", M(ST_ASSIGNED), ST_IN_PROGRESS, PERM_RECORD },
	[WF_ANSWER] = { "answer", M(ST_ASSIGNED) | M(ST_IN_PROGRESS), ST_ANSWERED, PERM_RECORD },
	[WF_CLOSE] = { "close", M(ST_ANSWERED), ST_CLOSED, PERM_RATE },
	[WF_REJECT] = { "reject", OPEN_MASK, ST_REJECTED, PERM_INTAKE },
	[WF_WITHDRAW] = { "withdraw", OPEN_MASK, ST_WITHDRAWN, PERM_INTAKE },
	[WF_REOPEN] = { "reopen", M(ST_ANSWERED) | M(ST_CLOSED), ST_IN_PROGRESS, PERM_INTAKE },
	[WF_EXTEND] = { "extend", M(ST_ASSIGNED) | M(ST_IN_PROGRESS), KEEP_STATUS, PERM_EXTEND },
};

const char *wf_action_name(enum wf_action a)
{
	return a < WF_COUNT ? transitions[a].name : "?";
}

bool wf_allowed(enum wf_action a, enum status st)
{
	return a < WF_COUNT && (int)st >= 0 && st < ST_COUNT && (transitions[a].from & M(st));
}

/* The state of the petition being changed, loaded inside the transaction. */
struct wf {
	struct rv *rv;
	enum wf_action action;
	int64_t id;
	int64_t version; /* before the change */
	enum status status;
	char code[RV_CODE_MAX];
	char now[21];
	int64_t category_id;
	int64_t enterprise_id;
	rv_date deadline;
	rv_date original_deadline;
};

static enum rv_code history(struct wf *w, const char *action, const char *field, const char *from,
                            const char *to, const char *note)
{
	struct rv *rv = w->rv;
	const struct history_row row = {
		.petition_id = w->id, .version = w->version + 1, .at = w->now, .os_login = rv->os_login,
		.actor = rv->actor, .action = action, .field = field, .old = from, .new_ = to, .note = note,
	};
	return history_append(rv, &row);
}

enum rv_code wf_history(struct rv *rv, int64_t petition_id, int64_t version, const char *action,
                        const char *field, const char *from, const char *to, const char *note)
{
	struct wf w = { .rv = rv, .id = petition_id, .version = version - 1 };
	rv_now(w.now);
	return history(&w, action, field, from, to, note);
}

/* "allowed now: close, reopen" for the message of a refused move. */
static void allowed_now(enum status st, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int a = 0; a < WF_COUNT; a++)
		if (wf_allowed((enum wf_action)a, st))
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "", transitions[a].name);
	if (!used)
		snprintf(buf, size, "%s", _("nothing (final status)"));
}

/* Lists the changes made after version `since` into the session error:
 * one entry per later version (when, who, which move, which fields), so
 * everyone who wrote since is named however many fields each changed. */
static enum rv_code conflict(struct wf *w, int64_t since)
{
	struct rv *rv = w->rv;
	char list[800] = "";
	size_t used = 0;
	sqlite3_stmt *st = db_stmt(rv, "SELECT max(at), max(actor), coalesce(max(CASE WHEN field = 'status' THEN action END), "
	                               "max(CASE WHEN action <> 'set' THEN action END), 'set'), "
	                               "max(CASE WHEN field = 'status' AND old <> new THEN old || ' → ' || new END), "
	                               "group_concat(CASE WHEN action = 'set' THEN field END, ', ') "
	                               "FROM (SELECT * FROM history WHERE petition_id = ?1 AND version > ?2 "
	                               "ORDER BY version, id) GROUP BY version ORDER BY version");
	if (st) {
		sqlite3_bind_int64(st, 1, w->id);
		sqlite3_bind_int64(st, 2, since);
		while (sqlite3_step(st) == SQLITE_ROW && used < sizeof list - 1) {
			const char *move = (const char *)sqlite3_column_text(st, 3);
			const char *fields = (const char *)sqlite3_column_text(st, 4);
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s %s %s%s%s%s%s%s", used ? "; " : "",
			                         sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
			                         sqlite3_column_text(st, 2), move ? " " : "", move ? move : "",
			                         fields ? " (" : "", fields ? fields : "", fields ? ")" : "");
		}
		sqlite3_reset(st);
	}
	char *vis = text_visible(list, false);
	rv_fail(rv, RV_ECONFLICT, "version",
	        _("%s changed since version %lld (now %lld), nothing was written: %s"), w->code, (long long)since,
	        (long long)w->version, vis ? vis : list);
	free(vis);
	return RV_ECONFLICT;
}

static enum rv_code load_state(struct wf *w, const char *code)
{
	struct petition_state p;
	enum rv_code rc = petition_load_state(w->rv, code, &p);

	if (rc)
		return rc;
	w->id = p.id;
	w->version = p.version;
	w->status = p.status;
	memcpy(w->code, p.code, sizeof w->code);
	w->category_id = p.category_id;
	w->enterprise_id = p.enterprise_id;
	w->deadline = p.deadline;
	w->original_deadline = p.original_deadline;
	return RV_OK;
}

/* Opens the transaction and checks everything that does not depend on
 * the action's own arguments.  On failure the transaction is closed. */
static enum rv_code wf_begin(struct rv *rv, struct wf *w, enum wf_action a, const char *code, int64_t expect)
{
	memset(w, 0, sizeof *w);
	w->rv = rv;
	w->action = a;
	rv_now(w->now);
	enum rv_code rc = users_require(rv, transitions[a].perm);
	if (rc)
		return rc;
	if ((rc = db_begin(rv)) != RV_OK)
		return rc;
	rc = load_state(w, code ? code : "");
	if (!rc && expect > 0 && expect != w->version)
		rc = conflict(w, expect);
	if (!rc && !wf_allowed(a, w->status)) {
		char allowed[160];
		allowed_now(w->status, allowed, sizeof allowed);
		rc = rv_fail(rv, RV_EINPUT, "status", _("%s is %s: cannot %s it; allowed now: %s"), w->code,
		             enum_db(&status_set, (int)w->status), transitions[a].name, allowed);
	}
	if (rc)
		db_end(rv, rc);
	return rc;
}

/* Records the transition (when the status changes), bumps the version,
 * and commits or rolls back according to rc. */
static enum rv_code wf_finish(struct wf *w, enum rv_code rc, const char *note)
{
	struct rv *rv = w->rv;
	const struct transition *t = &transitions[w->action];
	enum status to = t->to == KEEP_STATUS ? w->status : t->to;
	if (!rc && t->to != KEEP_STATUS) /* an extension writes its own history row */
		rc = history(w, t->name, "status", enum_db(&status_set, (int)w->status), enum_db(&status_set, (int)to),
		             note);
	if (!rc) {
		sqlite3_stmt *st = db_stmt(rv, "UPDATE petitions SET status = ?2, version = version + 1, "
		                               "updated_at = ?3 WHERE id = ?1");
		if (!st)
			rc = rv->code;
		if (!rc) {
			sqlite3_bind_int64(st, 1, w->id);
			db_bind_text(st, 2, enum_db(&status_set, (int)to));
			db_bind_text(st, 3, w->now);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(rv, "updating the petition");
		}
	}
	return db_end(rv, rc);
}

/* Column updates, one statement each, chosen from a fixed list so no SQL is
 * ever assembled from strings. */
enum column {
	COL_CATEGORY, COL_LEAD, COL_PERSON, COL_ASSIGNED, COL_DEADLINE, COL_ORIGINAL, COL_RESULT, COL_OUTCOME,
	COL_ANSWERED, COL_LATE, COL_RATING, COL_FEEDBACK, COL_CLOSED, COL_REASON, COL_REFER, COL_DECIDED,
	COL_NCOLUMNS
};
static const struct {
	const char *field; /* history field name */
	const char *select;
	const char *update;
} columns[COL_NCOLUMNS] = {
#define C(f, col) { f, "SELECT " col " FROM petitions WHERE id = ?1", "UPDATE petitions SET " col " = ?2 WHERE id = ?1" }
	[COL_CATEGORY] = { "category", "SELECT (SELECT code FROM categories WHERE id = category_id) FROM petitions WHERE id = ?1",
	                   "UPDATE petitions SET category_id = (SELECT id FROM categories WHERE code = ?2) WHERE id = ?1" },
	[COL_LEAD] = { "lead_agency", "SELECT (SELECT code FROM agencies WHERE id = lead_agency_id) FROM petitions WHERE id = ?1",
	               "UPDATE petitions SET lead_agency_id = (SELECT id FROM agencies WHERE code = ?2), "
	               "lead_key = coalesce((SELECT sort_key FROM agencies WHERE code = ?2), x'ffff') WHERE id = ?1" },
	[COL_PERSON] = C("responsible_person", "responsible_person"),
	[COL_ASSIGNED] = C("assigned", "assigned"),
	[COL_DEADLINE] = C("deadline", "deadline"),
	[COL_ORIGINAL] = C("original_deadline", "original_deadline"),
	[COL_RESULT] = C("result", "result"),
	[COL_OUTCOME] = C("outcome", "outcome"),
	[COL_ANSWERED] = C("answered", "answered"),
	[COL_LATE] = C("late_days", "late_days"),
	[COL_RATING] = C("rating", "rating"),
	[COL_FEEDBACK] = C("feedback", "feedback"),
	[COL_CLOSED] = C("closed", "closed"),
	[COL_REASON] = C("reject_reason", "reject_reason"),
	[COL_REFER] = C("refer_to", "refer_to"),
	[COL_DECIDED] = C("decided_by", "decided_by"),
#undef C
};

/* Sets one column to value (NULL clears it) and writes a "set" history row
 * when it actually changes.  Integer columns take their decimal text. */
static enum rv_code set_field(struct wf *w, enum column c, const char *value)
{
	struct rv *rv = w->rv;
	sqlite3_stmt *st = db_stmt(rv, columns[c].select);
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, w->id);
	if (db_step(rv, st) != SQLITE_ROW)
		return rv->code ? rv->code : rv_fail(rv, RV_EIO, NULL, _("petition vanished"));
	char *old = db_column_dup(st, 0);
	sqlite3_reset(st);
	enum rv_code rc = RV_OK;
	bool same = (!old && !value) || (old && value && strcmp(old, value) == 0);
	if (!same) {
		st = db_stmt(rv, columns[c].update);
		if (!st) {
			rc = rv->code;
		} else {
			sqlite3_bind_int64(st, 1, w->id);
			db_bind_text(st, 2, value);
			rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "updating the petition");
		}
		if (!rc)
			rc = history(w, "set", columns[c].field, old, value, NULL);
	}
	free(old);
	return rc;
}

/* Moves the status ahead of wf_finish (which still records the
 * transition), for a move whose field changes are valid only in the new
 * status. */
static enum rv_code set_status(struct wf *w, enum status to)
{
	struct rv *rv = w->rv;
	sqlite3_stmt *st = db_stmt(rv, "UPDATE petitions SET status = ?2 WHERE id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, w->id);
	db_bind_text(st, 2, enum_db(&status_set, (int)to));
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "updating the petition");
}

static enum rv_code set_date(struct wf *w, enum column c, rv_date d)
{
	char buf[11];
	return set_field(w, c, d == RV_DATE_NONE ? NULL : date_iso(d, buf));
}

static enum rv_code set_int(struct wf *w, enum column c, int v, bool null)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%d", v);
	return set_field(w, c, null ? NULL : buf);
}

/* ---- intake ---- */

/* A category code as stored (lower case), for history; code was already
 * found by ref_category_id(). */
static const char *category_code(const char *code, char buf[static 40])
{
	snprintf(buf, 40, "%s", code);
	for (char *p = buf; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	return buf;
}

static enum rv_code next_code(struct rv *rv, int year, char code[static RV_CODE_MAX])
{
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO code_sequences(year, last) VALUES (?1, 1) "
	                               "ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last");
	if (!st)
		return rv->code;
	sqlite3_bind_int(st, 1, year);
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(rv, "numbering the petition");
	snprintf(code, RV_CODE_MAX, "KN-%04d-%05lld", year, (long long)sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	return RV_OK;
}

enum rv_code wf_next_code(struct rv *rv, int year, char code[static RV_CODE_MAX])
{
	return next_code(rv, year, code);
}

/* The code of an earlier petition with this request id, if any. */
static bool find_request(struct rv *rv, const char *request_id, char code[static RV_CODE_MAX])
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT code FROM petitions WHERE request_id = ?1");
	if (!st)
		return false;
	db_bind_text(st, 1, request_id);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		snprintf(code, RV_CODE_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return found;
}

struct intake {
	char *title, *body, *request_id;
	int64_t enterprise_id, category_id;
	int channel;
	rv_date received;
};

static enum rv_code intake_validate(struct rv *rv, const struct intake_args *a, struct intake *in)
{
	enum rv_code rc = input_text(rv, "title", a->title, TEXT_LINE, LIMIT_TITLE, true, &in->title);
	if (!rc && a->body)
		rc = input_text_len(rv, "body", a->body, a->body_len ? a->body_len : strlen(a->body), TEXT_BODY,
		                    LIMIT_TEXT, false, &in->body);
	if (!rc)
		rc = ref_enterprise_id(rv, "enterprise", a->enterprise, &in->enterprise_id);
	if (!rc && a->category)
		rc = ref_category_id(rv, "category", a->category, &in->category_id);
	in->channel = CH_WRITTEN;
	if (!rc && a->channel)
		rc = input_enum(rv, &channel_set, "channel", a->channel, &in->channel);
	in->received = rv->today;
	if (!rc && a->received)
		rc = input_date(rv, "received", a->received, &in->received);
	if (!rc && in->received > rv->today) {
		char d[11], t[11];
		rc = rv_fail(rv, RV_EINPUT, "received", _("received: %s is after today (%s)"), date_vn(in->received, d),
		             date_vn(rv->today, t));
	}
	if (!rc && a->request_id)
		rc = input_text(rv, "request-id", a->request_id, TEXT_LINE, 128, true, &in->request_id);
	return rc;
}

static enum rv_code intake_insert(struct rv *rv, const struct intake *in, const char *now,
                                  char code[static RV_CODE_MAX], int64_t *id)
{
	int y, m, d;
	date_to_ymd(in->received, &y, &m, &d);
	enum rv_code rc = next_code(rv, y, code);
	if (rc)
		return rc;
	char uuid[37];
	rv_uuid(uuid);
	/* The derived columns come with the row, so the schema's safety-net
	 * trigger finds nothing to rewrite (schema.sql, petitions_derived_insert). */
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO petitions(uuid, code, request_id, enterprise_id, channel, "
	                               "received, title, body, category_id, status, created_at, updated_at, "
	                               "enterprise_key, zone_id, lead_key) "
	                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, ''), nullif(?9, 0), "
	                               "'received', ?10, ?10, (SELECT sort_key FROM enterprises WHERE id = ?4), "
	                               "(SELECT zone_id FROM enterprises WHERE id = ?4), x'ffff')");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, code);
	db_bind_text(st, 3, in->request_id);
	sqlite3_bind_int64(st, 4, in->enterprise_id);
	db_bind_text(st, 5, enum_db(&channel_set, in->channel));
	db_bind_date(st, 6, in->received);
	db_bind_text(st, 7, in->title);
	db_bind_text(st, 8, in->body);
	sqlite3_bind_int64(st, 9, in->category_id);
	db_bind_text(st, 10, now);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(rv, "recording the petition");
	*id = sqlite3_last_insert_rowid(rv->db);
	return RV_OK;
}

enum rv_code wf_add(struct rv *rv, const struct intake_args *a, char code[static RV_CODE_MAX])
{
	struct intake in = { 0 };
	struct wf w = { .rv = rv };
	rv_now(w.now);
	code[0] = '\0';
	enum rv_code rc = users_require(rv, PERM_INTAKE);
	if (!rc)
		rc = intake_validate(rv, a, &in);
	char hash[PIN_HASH_BUF]; /* hashed before the write lock is taken */
	if (!rc && a->pin && !pin_new(a->pin, hash))
		rc = rv_fail(rv, RV_EIO, "pin", _("pin: cannot generate a PIN (libsodium)"));
	int64_t conference = 0;
	if (!rc && a->conference)
		rc = conf_id(rv, a->conference, &conference);
	if (!rc)
		rc = db_begin(rv);
	if (!rc) {
		if (in.request_id && find_request(rv, in.request_id, code)) {
			rc = db_end(rv, RV_OK); /* a retry: the first answer stands */
			if (a->pin)
				a->pin[0] = '\0';
		} else {
			rc = intake_insert(rv, &in, w.now, code, &w.id);
			if (!rc)
				rc = history(&w, "create", NULL, NULL, code, NULL);
			if (!rc && a->pin)
				rc = pin_store(rv, w.id, hash, w.now);
			char low[40];
			if (!rc && in.category_id)
				rc = history(&w, "set", "category", NULL, category_code(a->category, low), NULL);
			if (!rc && conference) {
				char to[24];
				snprintf(to, sizeof to, "%lld", (long long)conference);
				rc = conf_attach(rv, w.id, conference);
				if (!rc)
					rc = history(&w, "set", "conference", NULL, to, NULL);
			}
			rc = db_end(rv, rc);
		}
	}
	if (rc) {
		code[0] = '\0';
		if (a->pin)
			a->pin[0] = '\0';
	}
	free(in.title);
	free(in.body);
	free(in.request_id);
	return rc;
}

/* ---- transitions ---- */

enum rv_code wf_classify(struct rv *rv, const char *code, int64_t expect, const char *category)
{
	struct wf w;
	int64_t id;
	enum rv_code rc = ref_category_id(rv, "category", category, &id);
	if (!rc)
		rc = wf_begin(rv, &w, WF_CLASSIFY, code, expect);
	if (rc)
		return rc;
	char low[40];
	rc = set_field(&w, COL_CATEGORY, category_code(category, low));
	return wf_finish(&w, rc, NULL);
}

/* Category default time limit for a petition, or for a category code. */
static int category_within(struct rv *rv, int64_t category_id, const char *category_code)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT within_days FROM categories WHERE id = ?1 OR code = ?2");
	if (!st)
		return 15;
	sqlite3_bind_int64(st, 1, category_id);
	db_bind_text(st, 2, category_code);
	int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 15;
	sqlite3_reset(st);
	return v;
}

/* The deadline from --within / --due / the category default, counted
 * from today. */
static enum rv_code compute_deadline(struct rv *rv, int64_t category_id, const char *category_code,
                                     const char *within, const char *due, rv_date *out)
{
	if (within && due)
		return rv_fail(rv, RV_EINPUT, "due", _("due: give either --within or --due, not both"));
	if (due) {
		rv_date d;
		enum rv_code rc = input_date(rv, "due", due, &d);
		if (rc)
			return rc;
		if (d <= rv->today) {
			char a[11], b[11];
			return rv_fail(rv, RV_EINPUT, "due", _("due: %s is not after today (%s)"), date_vn(d, a),
			               date_vn(rv->today, b));
		}
		*out = calendar_roll_forward(rv->cal, d);
		return RV_OK;
	}
	long n = 0;
	if (within) {
		enum rv_code rc = input_int(rv, "within", within, 1, 365, &n);
		if (rc)
			return rc;
	} else {
		n = category_within(rv, category_id, category_code);
	}
	*out = calendar_add_workdays(rv->cal, rv->today, (int)n);
	return RV_OK;
}

enum rv_code wf_preview_deadline(struct rv *rv, const char *category, const char *within, const char *due,
                                 rv_date *out)
{
	return compute_deadline(rv, 0, category, within, due, out);
}

/* Replaces the coordinating agencies; one history row when the set
 * changes ("SXD, STC" → "SXD"). */
static enum rv_code set_coordinating(struct wf *w, const int64_t *ids, const char *joined)
{
	struct rv *rv = w->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT group_concat(code, ', ') FROM (SELECT a.code FROM "
	                               "petition_agencies pa JOIN agencies a ON a.id = pa.agency_id "
	                               "WHERE pa.petition_id = ?1 ORDER BY a.code)");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, w->id);
	if (db_step(rv, st) != SQLITE_ROW)
		return rv->code;
	char *old = db_column_dup(st, 0);
	sqlite3_reset(st);
	enum rv_code rc = RV_OK;
	if (strcmp(old ? old : "", joined) != 0) {
		st = db_stmt(rv, "DELETE FROM petition_agencies WHERE petition_id = ?1");
		sqlite3_bind_int64(st, 1, w->id);
		rc = st && sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "updating agencies");
		for (size_t i = 0; !rc && ids[i]; i++) {
			st = db_stmt(rv, "INSERT OR IGNORE INTO petition_agencies(petition_id, agency_id) VALUES (?1, ?2)");
			sqlite3_bind_int64(st, 1, w->id);
			sqlite3_bind_int64(st, 2, ids[i]);
			rc = st && sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "updating agencies");
		}
		if (!rc)
			rc = history(w, "set", "coordinating_agencies", old, *joined ? joined : NULL, NULL);
	}
	free(old);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Resolves the coordinating codes: ids (0-terminated) and their sorted,
 * de-duplicated, comma-joined codes. */
static enum rv_code resolve_coordinating(struct rv *rv, const struct assign_args *a, int64_t lead,
                                         int64_t **ids, char **joined)
{
	size_t n = a->n_coordinating;
	*ids = calloc(n + 1, sizeof **ids);
	char **codes = calloc(n + 1, sizeof *codes);
	*joined = calloc(1, n * 18 + 1);
	enum rv_code rc = *ids && codes && *joined ? RV_OK : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	size_t k = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		int64_t id;
		rc = ref_agency_id(rv, "coordinate", a->coordinating[i], &id);
		if (!rc && id == lead)
			rc = rv_fail(rv, RV_EINPUT, "coordinate", _("coordinate: %s is already the lead agency"),
			             a->coordinating[i]);
		if (!rc) {
			(*ids)[k] = id;
			rc = input_agency_code(rv, "coordinate", a->coordinating[i], &codes[k]);
			k += rc == RV_OK;
		}
	}
	if (!rc) {
		qsort(codes, k, sizeof *codes, cmp_str);
		for (size_t i = 0; i < k; i++)
			if (i == 0 || strcmp(codes[i], codes[i - 1]) != 0)
				strcat(strcat(*joined, **joined ? ", " : ""), codes[i]);
	}
	for (size_t i = 0; codes && i < k; i++)
		free(codes[i]);
	free(codes);
	return rc;
}

enum rv_code wf_assign(struct rv *rv, const char *code, int64_t expect, const struct assign_args *a)
{
	struct wf w;
	int64_t lead = 0, *coord = NULL;
	char *person = NULL, *joined = NULL, *lead_code = NULL;
	rv_date deadline = RV_DATE_NONE;
	enum rv_code rc = a->lead ? ref_agency_id(rv, "lead", a->lead, &lead)
	                          : rv_fail(rv, RV_EINPUT, "lead", _("lead: a lead agency is required (--lead CODE)"));
	if (!rc)
		rc = input_agency_code(rv, "lead", a->lead, &lead_code);
	if (!rc)
		rc = resolve_coordinating(rv, a, lead, &coord, &joined);
	if (!rc)
		rc = input_text(rv, "person", a->person, TEXT_LINE, LIMIT_NAME, true, &person);
	if (!rc)
		rc = wf_begin(rv, &w, WF_ASSIGN, code, expect);
	if (rc) {
		free(coord);
		free(joined);
		free(person);
		free(lead_code);
		return rc;
	}
	if (!w.category_id)
		rc = rv_fail(rv, RV_EINPUT, "category",
		             _("%s has no category: classify it first (the task must be clear before it is assigned)"),
		             w.code);
	if (!rc)
		rc = compute_deadline(rv, w.category_id, NULL, a->within, a->due, &deadline);
	if (!rc)
		rc = set_field(&w, COL_LEAD, lead_code);
	if (!rc)
		rc = set_coordinating(&w, coord, joined);
	if (!rc)
		rc = set_field(&w, COL_PERSON, person);
	if (!rc)
		rc = set_date(&w, COL_ASSIGNED, rv->today);
	if (!rc)
		rc = set_date(&w, COL_DEADLINE, deadline);
	if (!rc && w.original_deadline == RV_DATE_NONE)
		rc = set_date(&w, COL_ORIGINAL, deadline);
	free(coord);
	free(joined);
	free(person);
	free(lead_code);
	return wf_finish(&w, rc, NULL);
}

enum rv_code wf_start(struct rv *rv, const char *code, int64_t expect)
{
	struct wf w;
	enum rv_code rc = wf_begin(rv, &w, WF_START, code, expect);
	return rc ? rc : wf_finish(&w, RV_OK, NULL);
}

enum rv_code wf_answer(struct rv *rv, const char *code, int64_t expect, const char *result_raw,
                       const char *outcome_raw)
{
	struct wf w;
	char *result = NULL;
	int outcome = -1;
	enum rv_code rc = input_text(rv, "result", result_raw, TEXT_BODY, LIMIT_TEXT, true, &result);
	if (!rc)
		rc = input_enum(rv, &outcome_set, "outcome", outcome_raw, &outcome);
	if (!rc)
		rc = wf_begin(rv, &w, WF_ANSWER, code, expect);
	if (rc) {
		free(result);
		return rc;
	}
	int late = w.deadline != RV_DATE_NONE ? calendar_workdays_between(rv->cal, w.deadline, rv->today) : 0;
	rc = set_field(&w, COL_RESULT, result);
	if (!rc)
		rc = set_field(&w, COL_OUTCOME, enum_db(&outcome_set, outcome));
	if (!rc)
		rc = set_date(&w, COL_ANSWERED, rv->today);
	if (!rc)
		rc = set_int(&w, COL_LATE, late, false);
	free(result);
	return wf_finish(&w, rc, NULL);
}

enum rv_code wf_close(struct rv *rv, const char *code, int64_t expect, const char *rating_raw,
                      const char *feedback_raw)
{
	struct wf w;
	long rating = 0;
	char *feedback = NULL;
	enum rv_code rc = rating_raw ? input_int(rv, "rating", rating_raw, 1, 5, &rating) : RV_OK;
	if (!rc && !rating_raw && rv->role == ROLE_ENTERPRISE)
		rc = rv_fail(rv, RV_EINPUT, "rating", _("rating: an enterprise closes a petition by rating the answer (1-5)"));
	if (!rc)
		rc = input_text(rv, "feedback", feedback_raw, TEXT_BODY, LIMIT_TEXT, false, &feedback);
	if (!rc)
		rc = wf_begin(rv, &w, WF_CLOSE, code, expect);
	if (rc) {
		free(feedback);
		return rc;
	}
	if (rating)
		rc = set_int(&w, COL_RATING, (int)rating, false);
	if (!rc && feedback)
		rc = set_field(&w, COL_FEEDBACK, feedback);
	if (!rc)
		rc = set_date(&w, COL_CLOSED, rv->today);
	free(feedback);
	return wf_finish(&w, rc, NULL);
}

enum rv_code wf_reject(struct rv *rv, const char *code, int64_t expect, const char *reason_raw,
                       const char *refer_raw)
{
	struct wf w;
	char *reason = NULL, *refer = NULL;
	enum rv_code rc = input_text(rv, "reason", reason_raw, TEXT_BODY, LIMIT_TEXT, true, &reason);
	if (!rc)
		rc = input_text(rv, "refer-to", refer_raw, TEXT_LINE, LIMIT_NAME, false, &refer);
	if (!rc)
		rc = wf_begin(rv, &w, WF_REJECT, code, expect);
	if (!rc) {
		rc = set_field(&w, COL_REASON, reason);
		if (!rc)
			rc = set_field(&w, COL_REFER, refer);
		if (!rc)
			rc = set_field(&w, COL_DECIDED, rv->actor);
		rc = wf_finish(&w, rc, reason);
	}
	free(reason);
	free(refer);
	return rc;
}

enum rv_code wf_withdraw(struct rv *rv, const char *code, int64_t expect, const char *note_raw)
{
	struct wf w;
	char *note = NULL;
	enum rv_code rc = input_text(rv, "note", note_raw, TEXT_BODY, LIMIT_TEXT, false, &note);
	if (!rc)
		rc = wf_begin(rv, &w, WF_WITHDRAW, code, expect);
	if (!rc)
		rc = wf_finish(&w, RV_OK, note);
	free(note);
	return rc;
}

enum rv_code wf_reopen(struct rv *rv, const char *code, int64_t expect, const char *reason_raw)
{
	struct wf w;
	char *reason = NULL;
	enum rv_code rc = input_text(rv, "reason", reason_raw, TEXT_BODY, LIMIT_TEXT, true, &reason);
	if (!rc)
		rc = wf_begin(rv, &w, WF_REOPEN, code, expect);
	if (rc) {
		free(reason);
		return rc;
	}
	/* The answer is superseded, and so is the satisfaction rating that
	 * judged it; history keeps every earlier value.  The status moves
	 * first: the schema requires an answer of answered/closed petitions. */
	static const enum column cleared[] = { COL_RESULT, COL_OUTCOME, COL_ANSWERED, COL_LATE,
		                               COL_RATING, COL_FEEDBACK, COL_CLOSED };
	rc = set_status(&w, transitions[WF_REOPEN].to);
	for (size_t i = 0; !rc && i < sizeof cleared / sizeof cleared[0]; i++)
		rc = set_field(&w, cleared[i], NULL);
	rc = wf_finish(&w, rc, reason);
	free(reason);
	return rc;
}

enum rv_code wf_extend(struct rv *rv, const char *code, int64_t expect, const char *due_raw,
                       const char *reason_raw)
{
	struct wf w;
	char *reason = NULL;
	rv_date due = RV_DATE_NONE;
	enum rv_code rc = input_date(rv, "due", due_raw, &due);
	if (!rc)
		rc = input_text(rv, "reason", reason_raw, TEXT_BODY, LIMIT_TEXT, true, &reason);
	if (!rc)
		rc = wf_begin(rv, &w, WF_EXTEND, code, expect);
	if (rc) {
		free(reason);
		return rc;
	}
	due = calendar_roll_forward(rv->cal, due);
	char a[11], b[11];
	if (due <= w.deadline)
		rc = rv_fail(rv, RV_EINPUT, "due", _("due: %s is not after the current deadline %s"), due_raw,
		             date_vn(w.deadline, b));
	else if (due <= rv->today)
		rc = rv_fail(rv, RV_EINPUT, "due", _("due: %s is not after today (%s)"), due_raw, date_vn(rv->today, a));
	sqlite3_stmt *st = rc ? NULL : db_stmt(rv, "INSERT INTO extensions(petition_id, old_deadline, new_deadline, "
	                                           "reason, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!rc && !st)
		rc = rv->code;
	if (!rc) {
		sqlite3_bind_int64(st, 1, w.id);
		db_bind_date(st, 2, w.deadline);
		db_bind_date(st, 3, due);
		db_bind_text(st, 4, reason);
		db_bind_text(st, 5, rv->actor);
		db_bind_text(st, 6, w.now);
		rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "recording the extension");
	}
	/* One history row for the change: "extend deadline old → new, reason". */
	st = rc ? NULL : db_stmt(rv, "UPDATE petitions SET deadline = ?2 WHERE id = ?1");
	if (!rc && !st)
		rc = rv->code;
	if (!rc) {
		sqlite3_bind_int64(st, 1, w.id);
		db_bind_date(st, 2, due);
		rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "extending the deadline");
	}
	if (!rc)
		rc = history(&w, "extend", "deadline", date_iso(w.deadline, a), date_iso(due, b), reason);
	rc = wf_finish(&w, rc, NULL);
	free(reason);
	return rc;
}
