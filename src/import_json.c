/* import_json.c — restoring roviec's own JSON export (export_json.c):
 * reference data, users, code counters, conferences, then the petitions
 * with their history, extensions and conference links, all exactly as
 * exported.  A restore writes history as it was recorded (other people,
 * other times), so it is for administrators only.
 *
 * The file is read in place (mapped) and walked key by key; each value of
 * the "petitions" array is decoded on its own (jansson with
 * JSON_DISABLE_EOF_CHECK), so a 100,000-petition file never becomes one
 * 100,000-petition tree in memory.  Rows keep their ids when those are
 * free (a new database), which is what makes the restored database equal
 * the exported one row for row — except history ids: history is
 * append-only, so its rows are appended petition by petition and keep
 * their order within each petition, not their numbers. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "i18n.h"
#include "import_internal.h"
#include "refdata.h"
#include "text.h"
#include "users.h"

struct jreader {
	const char *p;
	size_t len, pos;
};

struct conf_map {
	char (*uuid)[37];
	int64_t *id;
	size_t n;
};

static void skip_ws(struct jreader *j)
{
	while (j->pos < j->len && strchr(" \t\r\n", j->p[j->pos]))
		j->pos++;
}

static bool take(struct jreader *j, char c)
{
	skip_ws(j);
	if (j->pos < j->len && j->p[j->pos] == c) {
		j->pos++;
		return true;
	}
	return false;
}

/* The next value: objects and arrays decoded in place, scalars from their
 * exact slice.  NULL on a syntax error. */
static json_t *next_value(struct jreader *j)
{
	skip_ws(j);
	if (j->pos >= j->len)
		return NULL;
	json_error_t err;
	const char *s = j->p + j->pos;
	if (*s == '{' || *s == '[') {
		json_t *v = json_loadb(s, j->len - j->pos, JSON_DISABLE_EOF_CHECK, &err);
		if (v)
			j->pos += (size_t)err.position;
		return v;
	}
	size_t n = 0;
	if (*s == '"') {
		for (n = 1; j->pos + n < j->len && s[n] != '"'; n++)
			n += s[n] == '\\';
		n++;
	} else {
		while (j->pos + n < j->len && !strchr(",}] \t\r\n", s[n]))
			n++;
	}
	json_t *v = json_loadb(s, n, JSON_DECODE_ANY, &err);
	if (v)
		j->pos += n;
	return v;
}

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int64_t num(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* Runs st (bound by the caller); a constraint failure is a bad entry. */
static enum rv_code step_entry(struct import *im, sqlite3_stmt *st, const char *what, size_t i)
{
	if (sqlite3_step(st) == SQLITE_DONE)
		return RV_OK;
	if ((sqlite3_extended_errcode(im->rv->db) & 0xff) != SQLITE_CONSTRAINT)
		return db_fail(im->rv, "importing");
	import_bad(im, 0, "%s[%zu]: %s", what, i + 1, sqlite3_errmsg(im->rv->db));
	return RV_OK;
}

static void bind_key(sqlite3_stmt *st, int i, const char *s)
{
	size_t len = 0;
	unsigned char *key = text_sort_key(s ? s : "", &len);
	if (key)
		sqlite3_bind_blob(st, i, key, (int)len, free);
	else
		sqlite3_bind_null(st, i);
}

/* ---- reference data ---- */

static enum rv_code import_ref(struct import *im, const char *key, json_t *arr)
{
	static const struct {
		const char *key, *sql, *fields; /* fields: t text, i integer, k sort key of the previous text */
	} tables[] = {
		{ "zones", "INSERT OR IGNORE INTO zones(name, sort_key) VALUES (?1, ?2)", "name:t,name:k" },
		{ "agencies", "INSERT OR IGNORE INTO agencies(code, name, kind, sort_key) VALUES (?1, ?2, ?3, ?4)",
		  "code:t,name:t,kind:t,name:k" },
		{ "enterprises", "INSERT OR IGNORE INTO enterprises(tax_code, name, zone_id, contact, sort_key) "
		                 "VALUES (?1, ?2, (SELECT id FROM zones WHERE name = ?3), ?4, ?5)",
		  "tax_code:t,name:t,zone:t,contact:t,name:k" },
		{ "categories", "INSERT OR IGNORE INTO categories(code, label_vi, label_en, within_days) VALUES (?1, ?2, ?3, ?4)",
		  "code:t,label_vi:t,label_en:t,within_days:i" },
		{ "holidays", "INSERT OR IGNORE INTO holidays(day, kind, name) VALUES (?1, ?2, ?3)", "date:t,kind:t,name:t" },
		{ "users", "INSERT OR IGNORE INTO users(login, role, agency_id, enterprise_id) VALUES (?1, ?2, "
		           "(SELECT id FROM agencies WHERE code = ?3), (SELECT id FROM enterprises WHERE tax_code = ?4))",
		  "login:t,role:t,agency:t,enterprise:t" },
		{ "code_sequences", "INSERT INTO code_sequences(year, last) VALUES (?1, ?2) "
		                    "ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)", "year:i,last:i" },
	};
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		if (strcmp(tables[t].key, key) != 0)
			continue;
		sqlite3_stmt *st = db_stmt(im->rv, tables[t].sql);
		if (!st)
			return im->rv->code;
		enum rv_code rc = RV_OK;
		for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
			json_t *o = json_array_get(arr, i);
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			int k = 1;
			for (const char *f = tables[t].fields; *f; k++) {
				const char *colon = strchr(f, ':'), *end = strchr(f, ',');
				char field[32];
				snprintf(field, sizeof field, "%.*s", (int)(colon - f), f);
				json_t *v = json_object_get(o, field);
				if (colon[1] == 'k')
					bind_key(st, k, json_string_value(v));
				else if (colon[1] == 'i' && json_is_integer(v))
					sqlite3_bind_int64(st, k, json_integer_value(v));
				else if (json_is_string(v))
					sqlite3_bind_text(st, k, json_string_value(v), -1, SQLITE_TRANSIENT);
				f = end ? end + 1 : f + strlen(f);
			}
			rc = step_entry(im, st, key, i);
		}
		return rc;
	}
	return RV_OK; /* an unknown key: ignored */
}

static enum rv_code import_conferences(struct import *im, json_t *arr, struct conf_map *m)
{
	/* A file may repeat the "conferences" key (the reader streams keys):
	 * grow the map rather than start a new one, whose writes at m->n would
	 * then overrun it (found by fuzz_json). */
	size_t n = json_array_size(arr);
	char (*uuid)[37] = realloc(m->uuid, (m->n + n + 1) * sizeof *m->uuid);
	if (uuid)
		m->uuid = uuid;
	int64_t *id = uuid ? realloc(m->id, (m->n + n + 1) * sizeof *m->id) : NULL;
	if (id)
		m->id = id;
	if (!uuid || !id)
		return rv_fail(im->rv, RV_EIO, NULL, _("out of memory"));
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		sqlite3_stmt *st = db_stmt(im->rv, "INSERT INTO conferences(id, uuid, title, held_on, zone_id, place, theme, "
		                                   "chair, created_at) VALUES (nullif(?1, 0), ?2, ?3, ?4, (SELECT id FROM zones WHERE name = ?5), "
		                                   "?6, ?7, ?8, ?9) ON CONFLICT(uuid) DO UPDATE SET uuid = uuid RETURNING id");
		if (!st)
			return im->rv->code;
		sqlite3_bind_int64(st, 1, import_free_id(im, "SELECT 1 FROM conferences WHERE id = ?1", num(o, "id")));
		static const char *const keys[] = { "uuid", "title", "date", "zone", "place", "theme", "chair", "created_at" };
		for (int k = 0; k < 8; k++)
			db_bind_text(st, 2 + k, str(o, keys[k]));
		if (sqlite3_step(st) != SQLITE_ROW) {
			import_bad(im, 0, "conferences[%zu]: %s", i + 1, sqlite3_errmsg(im->rv->db));
			continue;
		}
		snprintf(m->uuid[m->n], 37, "%s", str(o, "uuid") ? str(o, "uuid") : "");
		m->id[m->n++] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		char *list = str(o, "agencies") ? strdup(str(o, "agencies")) : NULL, *save = NULL;
		for (char *t = list ? strtok_r(list, ", ", &save) : NULL; t; t = strtok_r(NULL, ", ", &save)) {
			st = db_stmt(im->rv, "INSERT OR IGNORE INTO conference_agencies(conference_id, agency_id) "
			                     "SELECT ?1, id FROM agencies WHERE code = ?2");
			sqlite3_bind_int64(st, 1, m->id[m->n - 1]);
			db_bind_text(st, 2, t);
			sqlite3_step(st);
		}
		free(list);
	}
	return RV_OK;
}

/* ---- petitions ---- */

static int64_t conf_lookup(const struct conf_map *m, const char *uuid)
{
	for (size_t i = 0; uuid && i < m->n; i++)
		if (strcmp(m->uuid[i], uuid) == 0)
			return m->id[i];
	return 0;
}

/* History gets new ids, in each petition's order, and a fresh chain:
 * rows are appended, never inserted below existing ids (history is
 * append-only).  A row without os_login was run by its actor. */
static enum rv_code insert_history(struct import *im, int64_t pid, json_t *h)
{
	const char *actor = str(h, "actor");
	const struct history_row row = {
		.petition_id = pid, .version = num(h, "version"), .at = str(h, "at"),
		.os_login = str(h, "os_login") ? str(h, "os_login") : actor, .actor = actor,
		.action = str(h, "action"), .field = str(h, "field"), .old = str(h, "from"), .new_ = str(h, "to"),
		.note = str(h, "note"),
	};
	return bulk_history_add(&im->history, &row);
}

static enum rv_code insert_extension(struct import *im, int64_t pid, json_t *x)
{
	sqlite3_stmt *st = db_stmt(im->rv, "INSERT INTO extensions(id, petition_id, old_deadline, new_deadline, reason, "
	                                   "actor, at) VALUES (nullif(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st)
		return im->rv->code;
	sqlite3_bind_int64(st, 1, im->keep_ids ? num(x, "id") : 0);
	sqlite3_bind_int64(st, 2, pid);
	static const char *const keys[] = { "old_deadline", "new_deadline", "reason", "by", "at" };
	for (int k = 0; k < 5; k++)
		db_bind_text(st, 3 + k, str(x, keys[k]));
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(im->rv, "importing extensions");
}

/* References of a petition: enterprise, category, lead, coordinating. */
static bool resolve(struct import *im, json_t *o, long n, struct petition_in *p, int64_t *coord, size_t *ncoord)
{
	const char *code;
	const char *tax = str(json_object_get(o, "enterprise"), "tax_code"), *cat = str(o, "category"),
		   *lead = str(o, "lead_agency");
	if (ref_enterprise_id(im->rv, "enterprise", tax, &p->enterprise)) {
		import_bad_rv(im, n);
		return false;
	}
	if (cat && !import_find(&im->categories, cat, &p->category, &code)) {
		import_bad(im, n, _("%s: no category %s"), str(o, "code"), cat);
		return false;
	}
	if (lead && !import_find(&im->agencies, lead, &p->lead, &code)) {
		import_bad(im, n, _("%s: no agency %s"), str(o, "code"), lead);
		return false;
	}
	json_t *list = json_object_get(o, "coordinating_agencies");
	*ncoord = 0;
	for (size_t i = 0; i < json_array_size(list) && *ncoord < 32; i++)
		if (import_find(&im->agencies, json_string_value(json_array_get(list, i)), &coord[*ncoord], &code))
			(*ncoord)++;
	return true;
}

static void fill(json_t *o, struct petition_in *p)
{
	p->id = num(o, "id");
	p->uuid = str(o, "uuid");
	p->code = str(o, "code");
	p->request_id = str(o, "request_id");
	p->channel = str(o, "channel");
	p->received = str(o, "received");
	p->title = str(o, "title");
	p->body = str(o, "body");
	p->person = str(o, "responsible_person");
	p->assigned = str(o, "assigned");
	p->deadline = str(o, "deadline");
	p->original_deadline = str(o, "original_deadline");
	p->status = str(o, "status");
	p->result = str(o, "result");
	p->outcome = str(o, "outcome");
	p->answered = str(o, "answered");
	p->feedback = str(o, "feedback");
	p->closed = str(o, "closed");
	p->reject_reason = str(o, "reject_reason");
	p->refer_to = str(o, "refer_to");
	p->decided_by = str(o, "decided_by");
	p->created_at = str(o, "created_at");
	p->updated_at = str(o, "updated_at");
	json_t *late = json_object_get(o, "late_days");
	p->late_days = json_is_integer(late) ? (int)json_integer_value(late) : -1;
	p->rating = (int)num(o, "rating");
	p->version = num(o, "version");
}

/* 1: present already (skipped), 0: new, -1: refused (recorded). */
static int existing(struct import *im, json_t *o, long n)
{
	sqlite3_stmt *st = db_stmt(im->rv, "SELECT uuid = ?1 FROM petitions WHERE uuid = ?1 OR code = ?2");
	if (!st)
		return -1;
	db_bind_text(st, 1, str(o, "uuid"));
	db_bind_text(st, 2, str(o, "code"));
	if (sqlite3_step(st) != SQLITE_ROW)
		return 0;
	if (sqlite3_column_int(st, 0))
		return 1;
	import_bad(im, n, _("%s: the code is already used by another petition"), str(o, "code"));
	return -1;
}

static enum rv_code petition_rows(struct import *im, json_t *o, int64_t id, const struct conf_map *m)
{
	enum rv_code rc = RV_OK;
	json_t *list = json_object_get(o, "extensions");
	for (size_t i = 0; !rc && i < json_array_size(list); i++)
		rc = insert_extension(im, id, json_array_get(list, i));
	list = json_object_get(o, "history");
	for (size_t i = 0; !rc && i < json_array_size(list); i++)
		rc = insert_history(im, id, json_array_get(list, i));
	int64_t conf = conf_lookup(m, str(o, "conference_uuid"));
	if (!rc && conf)
		rc = import_link_conference(im, id, conf, json_is_true(json_object_get(o, "answered_in_session")));
	return rc;
}

static enum rv_code import_petition(struct import *im, json_t *o, long n, const struct conf_map *m)
{
	im->res->rows++;
	if (!json_is_object(o) || !str(o, "uuid") || !str(o, "code"))
		return import_bad(im, n, _("not a petition of a roviec export (no uuid or code)")), RV_OK;
	int e = existing(im, o, n);
	if (e) {
		im->res->skipped += e > 0;
		return RV_OK;
	}
	struct petition_in p;
	int64_t coord[32], id = 0;
	size_t ncoord = 0;
	memset(&p, 0, sizeof p);
	if (!resolve(im, o, n, &p, coord, &ncoord))
		return RV_OK;
	fill(o, &p);
	bool savepoint = im->opt->skip_bad;
	enum rv_code rc = bulk_history_flush(&im->history, false); /* between petitions only (marks) */
	if (!rc)
		rc = import_defer_search(im);
	struct bulk_history_mark mark = bulk_history_mark(&im->history);
	if (!rc && savepoint)
		rc = db_exec(im->rv, "SAVEPOINT petition");
	if (!rc)
		rc = import_insert_petition(im, &p, &id);
	for (size_t i = 0; !rc && i < ncoord; i++)
		rc = import_insert_coordinating(im, id, coord[i]);
	if (!rc)
		rc = petition_rows(im, o, id, m);
	if (rc && (rc == RV_EINPUT || (sqlite3_extended_errcode(im->rv->db) & 0xff) == SQLITE_CONSTRAINT)) {
		import_bad(im, n, "%s: %s", p.code, rv_message(im->rv));
		rv_clear_error(im->rv);
		bulk_history_undo(&im->history, &mark);
		if (savepoint)
			db_exec(im->rv, "ROLLBACK TO petition");
		rc = RV_OK;
	} else if (!rc) {
		im->res->added++;
	}
	if (savepoint)
		db_exec(im->rv, "RELEASE petition");
	return rc;
}

static enum rv_code petitions(struct import *im, struct jreader *j, const struct conf_map *m)
{
	enum rv_code rc = import_load_maps(im); /* the reference data just imported */
	if (!rc && !take(j, '['))
		return import_bad(im, 0, _("\"petitions\" is not an array")), RV_OK;
	if (!rc && take(j, ']'))
		return RV_OK;
	for (long n = 1; !rc; n++) {
		json_t *o = next_value(j);
		if (!o)
			return import_bad(im, n, _("petition %ld is not valid JSON"), n), RV_OK;
		rc = import_petition(im, o, n, m);
		json_decref(o);
		if (take(j, ']'))
			break;
		if (!take(j, ','))
			return import_bad(im, n, _("a ',' or ']' is missing after petition %ld"), n), RV_OK;
	}
	return rc;
}

static enum rv_code top_level(struct import *im, struct jreader *j, struct conf_map *m)
{
	enum rv_code rc = RV_OK;
	if (!take(j, '{'))
		return import_bad(im, 0, _("not a roviec JSON export (it does not start with '{')")), RV_OK;
	while (!rc && !take(j, '}')) {
		json_t *k = next_value(j);
		if (!json_is_string(k) || !take(j, ':')) {
			json_decref(k);
			return import_bad(im, 0, _("not a roviec JSON export (malformed near byte %zu)"), j->pos), RV_OK;
		}
		const char *key = json_string_value(k);
		if (strcmp(key, "petitions") == 0) {
			rc = petitions(im, j, m);
		} else {
			json_t *v = next_value(j);
			bool bad_format = v && strcmp(key, "format") == 0 &&
			                  strcmp(json_string_value(v) ? json_string_value(v) : "", "roviec-export") != 0;
			if (!v || bad_format) {
				import_bad(im, 0, bad_format ? _("not a roviec JSON export (format is not \"roviec-export\")")
				                             : _("not a roviec JSON export (a value is not valid JSON)"));
				json_decref(v);
				json_decref(k);
				return RV_OK;
			}
			if (strcmp(key, "conferences") == 0)
				rc = import_conferences(im, v, m);
			else if (json_is_array(v))
				rc = import_ref(im, key, v);
			json_decref(v);
		}
		json_decref(k);
		take(j, ',');
	}
	return rc;
}

enum rv_code import_json(struct import *im, const char *data, size_t len)
{
	enum rv_code rc = users_require(im->rv, PERM_ADMIN);
	if (rc)
		return rc;
	struct jreader j = { data, len, 0 };
	struct conf_map m = { 0 };
	rc = top_level(im, &j, &m);
	free(m.uuid);
	free(m.id);
	return rc;
}
