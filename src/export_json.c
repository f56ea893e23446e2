/* export_json.c — the whole-database JSON export (re-importable) and the
 * Open311 GeoReport v2 service requests.  See export.h.
 *
 * The JSON document, written as it is read (one petition per line):
 *   {"format": "roviec-export", "format_version": 1, "schema_version": 3,
 *    "exported_at": "…", "zones": […], "agencies": […], "enterprises": […],
 *    "categories": […], "holidays": […], "users": […], "code_sequences": […],
 *    "conferences": […], "petitions": [ …one object per line… ]}
 * "petitions" comes last so an importer can stream it.  Each petition is
 * the JSON of `petition show --json` plus request_id, created_at,
 * updated_at and conference_uuid; each history row carries os_login. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "rv_internal.h"
#include "users.h"

/* Writes "key": [rows of sql as objects with the given keys] to out.
 * Column types: 'i' integer, 's' text (NULL as null). */
static enum rv_code dump_table(struct rv *rv, FILE *out, const char *key, const char *sql, const char *const *keys,
                               const char *types)
{
	sqlite3_stmt *st = db_stmt(rv, sql);
	if (!st)
		return rv->code;
	fprintf(out, ",\n\"%s\": [", key);
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		for (int c = 0; o && keys[c]; c++) {
			json_t *v = sqlite3_column_type(st, c) == SQLITE_NULL ? json_null()
			            : types[c] == 'i' ? json_integer(sqlite3_column_int64(st, c))
			                              : json_string((const char *)sqlite3_column_text(st, c));
			json_object_set_new(o, keys[c], v);
		}
		char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
		json_decref(o);
		if (!s)
			return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		fprintf(out, "%s\n%s", n++ ? "," : "", s);
		free(s);
	}
	fputs("]", out);
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "exporting");
}

static enum rv_code dump_reference(struct rv *rv, FILE *out)
{
	static const char *const zone_k[] = { "name", NULL };
	static const char *const agency_k[] = { "code", "name", "kind", NULL };
	static const char *const ent_k[] = { "tax_code", "name", "zone", "contact", NULL };
	static const char *const cat_k[] = { "code", "label_vi", "label_en", "within_days", NULL };
	static const char *const hol_k[] = { "date", "kind", "name", NULL };
	enum rv_code rc = dump_table(rv, out, "zones", "SELECT name FROM zones ORDER BY id", zone_k, "s");
	if (!rc)
		rc = dump_table(rv, out, "agencies", "SELECT code, name, kind FROM agencies ORDER BY id", agency_k, "sss");
	/* An enterprise account gets its own record only (as enterprise list). */
	char ent_sql[192];
	snprintf(ent_sql, sizeof ent_sql,
	         "SELECT e.tax_code, e.name, z.name, e.contact FROM enterprises e "
	         "LEFT JOIN zones z ON z.id = e.zone_id WHERE %d OR e.id = %lld ORDER BY e.id",
	         rv->role != ROLE_ENTERPRISE, (long long)rv->enterprise_id);
	if (!rc)
		rc = dump_table(rv, out, "enterprises", ent_sql, ent_k, "ssss");
	if (!rc)
		rc = dump_table(rv, out, "categories",
		                "SELECT code, label_vi, label_en, within_days FROM categories ORDER BY id", cat_k, "sssi");
	if (!rc)
		rc = dump_table(rv, out, "holidays", "SELECT day, kind, name FROM holidays ORDER BY day", hol_k, "sss");
	return rc;
}

/* Users and the code counters: for an administrator only (a backup). */
static enum rv_code dump_admin(struct rv *rv, FILE *out)
{
	static const char *const user_k[] = { "login", "role", "agency", "enterprise", NULL };
	static const char *const seq_k[] = { "year", "last", NULL };
	if (rv->role != ROLE_ADMIN)
		return RV_OK;
	enum rv_code rc = dump_table(rv, out, "users",
	                             "SELECT u.login, u.role, a.code, e.tax_code FROM users u "
	                             "LEFT JOIN agencies a ON a.id = u.agency_id "
	                             "LEFT JOIN enterprises e ON e.id = u.enterprise_id ORDER BY u.id",
	                             user_k, "ssss");
	if (!rc)
		rc = dump_table(rv, out, "code_sequences", "SELECT year, last FROM code_sequences ORDER BY year", seq_k,
		                "ii");
	return rc;
}

static enum rv_code dump_conferences(struct rv *rv, FILE *out)
{
	static const char *const k[] = { "id", "uuid", "title", "date", "zone", "place", "theme", "chair",
		                         "created_at", "agencies", NULL };
	return dump_table(rv, out, "conferences",
	                  "SELECT c.id, c.uuid, c.title, c.held_on, z.name, c.place, c.theme, c.chair, c.created_at, "
	                  "(SELECT group_concat(code, ', ') FROM (SELECT a.code FROM conference_agencies ca "
	                  "JOIN agencies a ON a.id = ca.agency_id WHERE ca.conference_id = c.id ORDER BY a.id)) "
	                  "FROM conferences c LEFT JOIN zones z ON z.id = c.zone_id ORDER BY c.id",
	                  k, "isssssssss");
}

struct json_ctx {
	FILE *out;
	int64_t n;
};

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static enum rv_code json_petition(struct rv *rv, const struct petition *p, void *ctx)
{
	struct json_ctx *k = ctx;
	struct petition_extra x;
	enum rv_code rc = export_extra(rv, p->id, &x);
	json_t *o = rc ? NULL : petition_json(p, true);
	if (!rc && !o)
		rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	if (!rc) {
		json_object_set_new(o, "request_id", jstr(x.request_id));
		json_object_set_new(o, "created_at", jstr(x.created_at));
		json_object_set_new(o, "updated_at", jstr(x.updated_at));
		json_object_set_new(o, "conference_uuid", jstr(x.conference_uuid));
		json_object_set_new(o, "id", json_integer(p->id));
		json_t *h = json_object_get(o, "history");
		for (size_t i = 0; i < p->n_history; i++) {
			json_object_set_new(json_array_get(h, i), "os_login", jstr(p->history[i].os_login));
			json_object_set_new(json_array_get(h, i), "id", json_integer(p->history[i].id));
		}
		json_t *xs = json_object_get(o, "extensions");
		const char *ids = x.extension_ids ? x.extension_ids : "";
		for (size_t i = 0; i < json_array_size(xs) && *ids; i++) {
			json_object_set_new(json_array_get(xs, i), "id", json_integer(strtoll(ids, NULL, 10)));
			ids = strchr(ids, ',') ? strchr(ids, ',') + 1 : "";
		}
		char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (!s)
			rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		else
			fprintf(k->out, "%s\n%s", k->n++ ? "," : "", s);
		free(s);
	}
	json_decref(o);
	export_extra_free(&x);
	if (!rc && ferror(k->out))
		rc = rv_fail(rv, RV_EIO, NULL, _("cannot write the export: %s"), strerror(errno));
	return rc;
}

enum rv_code export_json(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count)
{
	char now[21];
	rv_now(now);
	fprintf(out, "{\"format\": \"roviec-export\", \"format_version\": 1, \"schema_version\": %d, "
	             "\"exported_at\": \"%s\"", db_schema_version(), now);
	enum rv_code rc = dump_reference(rv, out);
	if (!rc)
		rc = dump_admin(rv, out);
	if (!rc)
		rc = dump_conferences(rv, out);
	struct json_ctx k = { out, 0 };
	if (!rc) {
		fputs(",\n\"petitions\": [", out);
		rc = export_each(rv, o, json_petition, &k);
		fputs("]}\n", out);
	}
	*count = k.n;
	return rc;
}

/* ---- Open311 GeoReport v2 ---- */

/* ISO 8601 with the Vietnam offset: dates are local (UTC+7). */
static json_t *jtime(rv_date d, const char *clock)
{
	char buf[11], s[40];
	if (d == RV_DATE_NONE)
		return json_null();
	snprintf(s, sizeof s, "%sT%s+07:00", date_iso(d, buf), clock);
	return json_string(s);
}

static char *description(const struct petition *p)
{
	size_t len = strlen(p->title) + (p->body ? strlen(p->body) : 0) + 3;
	char *s = malloc(len);
	if (s)
		snprintf(s, len, "%s%s%s", p->title, p->body && *p->body ? "\n\n" : "", p->body ? p->body : "");
	return s;
}

static const char *status_notes(const struct petition *p)
{
	if (p->result)
		return p->result;
	if (p->reject_reason)
		return p->reject_reason;
	return enum_label(&status_set, (int)p->status);
}

static enum rv_code open311_petition(struct rv *rv, const struct petition *p, void *ctx)
{
	struct json_ctx *k = ctx;
	struct petition_extra x;
	enum rv_code rc = export_extra(rv, p->id, &x);
	char *desc = rc ? NULL : description(p);
	json_t *o = desc ? json_object() : NULL;
	if (!rc && !o)
		rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	if (!rc) {
		json_object_set_new(o, "service_request_id", json_string(p->code));
		json_object_set_new(o, "status", json_string(status_is_open(p->status) ? "open" : "closed"));
		json_object_set_new(o, "status_notes", jstr(status_notes(p)));
		json_object_set_new(o, "service_name", jstr(p->category_label));
		json_object_set_new(o, "service_code", jstr(p->category));
		json_object_set_new(o, "description", json_string(desc));
		json_object_set_new(o, "agency_responsible", jstr(p->lead.name));
		json_object_set_new(o, "service_notice", json_null());
		json_object_set_new(o, "requested_datetime", jtime(p->received, "00:00:00"));
		json_object_set_new(o, "updated_datetime", jstr(x.updated_at));
		json_object_set_new(o, "expected_datetime", jtime(p->deadline, "23:59:59"));
		json_object_set_new(o, "address", jstr(p->zone));
		json_object_set_new(o, "address_id", json_null());
		json_object_set_new(o, "zipcode", json_null());
		json_object_set_new(o, "lat", json_null());
		json_object_set_new(o, "long", json_null());
		json_object_set_new(o, "media_url", json_null());
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		if (!s)
			rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		else
			fprintf(k->out, "%s\n%s", k->n++ ? "," : "", s);
		free(s);
	}
	json_decref(o);
	free(desc);
	export_extra_free(&x);
	return rc;
}

enum rv_code export_open311(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count)
{
	struct json_ctx k = { out, 0 };
	fputs("[", out);
	enum rv_code rc = export_each(rv, o, open311_petition, &k);
	fputs("]\n", out);
	*count = k.n;
	return rc;
}
