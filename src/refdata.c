/* refdata.c — zones, agencies, enterprises, categories and holidays.
 * See refdata.h. */
#include "refdata.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enums.h"
#include "i18n.h"
#include "input.h"
#include "rv_internal.h"
#include "text.h"
#include "users.h"

/* Binds the Vietnamese collation key of s at index i. */
static bool bind_sort_key(sqlite3_stmt *st, int i, const char *s)
{
	size_t len = 0;
	unsigned char *key = text_sort_key(s, &len);
	if (!key)
		return false;
	sqlite3_bind_blob(st, i, key, (int)len, free);
	return true;
}

/* Runs a prepared insert inside its own transaction; a UNIQUE violation
 * becomes RV_ECONFLICT naming field and value. */
static enum rv_code insert_one(struct rv *rv, sqlite3_stmt *st, const char *field, const char *value)
{
	enum rv_code code = db_begin(rv);
	if (code)
		return code;
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(rv->db) == SQLITE_CONSTRAINT_UNIQUE)
			code = rv_fail(rv, RV_ECONFLICT, field, _("%s: \"%s\" already exists"), field, value);
		else
			code = db_fail(rv, "adding");
	}
	return db_end(rv, code);
}

/* Looks up one id by key; when there is none, RV_ENOTFOUND with
 * "FIELD: no WHAT "KEY" (see: roviec LIST list)". */
static enum rv_code lookup_id(struct rv *rv, const char *sql, const char *field, const char *key,
                              const char *what, const char *list, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(rv, sql);
	if (!st)
		return rv->code;
	db_bind_text(st, 1, key);
	int rc = db_step(rv, st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st); /* a statement left mid-step pins a stale snapshot */
		return RV_OK;
	}
	if (rc != SQLITE_DONE)
		return rv->code;
	char *q = text_quote(key ? key : "");
	rv_fail(rv, RV_ENOTFOUND, field, _("%s: no %s %s (see: roviec %s list)"), field, what, q ? q : "", list);
	free(q);
	return RV_ENOTFOUND;
}

enum rv_code ref_agency_id(struct rv *rv, const char *field, const char *code, int64_t *id)
{
	char up[32];
	snprintf(up, sizeof up, "%s", code ? code : "");
	for (char *p = up; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return lookup_id(rv, "SELECT id FROM agencies WHERE code = ?1", field, up,
	                 _("agency with code"), "agency", id);
}

enum rv_code ref_category_id(struct rv *rv, const char *field, const char *code, int64_t *id)
{
	char low[40];
	snprintf(low, sizeof low, "%s", code ? code : "");
	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return lookup_id(rv, "SELECT id FROM categories WHERE code = ?1", field, low,
	                 _("category with code"), "category", id);
}

enum rv_code ref_enterprise_id(struct rv *rv, const char *field, const char *tax_code, int64_t *id)
{
	return lookup_id(rv, "SELECT id FROM enterprises WHERE tax_code = ?1", field, tax_code,
	                 _("enterprise with tax code"), "enterprise", id);
}

enum rv_code ref_zone_id(struct rv *rv, const char *field, const char *name, int64_t *id)
{
	char *clean = NULL;
	enum rv_code code = input_text(rv, field, name, TEXT_LINE, LIMIT_NAME, true, &clean);
	if (!code)
		code = lookup_id(rv, "SELECT id FROM zones WHERE name = ?1", field, clean,
		                 _("park named"), "zone", id);
	free(clean);
	return code;
}

enum rv_code zone_add(struct rv *rv, const char *raw)
{
	char *name = NULL;
	enum rv_code code = users_require(rv, PERM_REFDATA);
	if (!code)
		code = input_text(rv, "name", raw, TEXT_LINE, LIMIT_NAME, true, &name);
	if (!code) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO zones(name, sort_key) VALUES (?1, ?2)");
		code = !st ? rv->code : RV_OK;
		if (!code) {
			db_bind_text(st, 1, name);
			code = bind_sort_key(st, 2, name) ? insert_one(rv, st, "name", name)
			                                  : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		}
	}
	free(name);
	return code;
}

static enum rv_code list_rows(struct rv *rv, const char *sql, const struct rows_col *cols, int ncols,
                              struct rows **out)
{
	enum rv_code code = users_require(rv, PERM_READ);
	if (code)
		return code;
	sqlite3_stmt *st = db_stmt(rv, sql);
	if (!st)
		return rv->code;
	*out = rows_new(cols, ncols);
	if (!*out)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	return db_fill_rows(rv, st, *out);
}

static const struct rows_col zone_cols[] = {
	{ "name", N_("Park"), COL_TEXT },
	{ "enterprises", N_("Enterprises"), COL_INT },
};

enum rv_code zone_list(struct rv *rv, struct rows **out)
{
	return list_rows(rv,
	                 "SELECT z.name, (SELECT count(*) FROM enterprises e WHERE e.zone_id = z.id) "
	                 "FROM zones z ORDER BY z.sort_key",
	                 zone_cols, 2, out);
}

/* "Sở Xây dựng" → "SXD": initials of the folded name, upper-cased. */
static void initials(const char *name, char *out, size_t cap)
{
	char *f = text_fold(name);
	size_t n = 0;
	for (const char *p = f ? f : ""; *p && n + 1 < cap; p++)
		if (isalnum((unsigned char)*p) && (p == f || !isalnum((unsigned char)p[-1])))
			out[n++] = (char)toupper((unsigned char)*p);
	out[n] = '\0';
	if (n == 0)
		snprintf(out, cap, "AG");
	free(f);
}

/* A code not used yet: base, base2, base3, … */
static enum rv_code free_agency_code(struct rv *rv, const char *base, char *out, size_t cap)
{
	for (int i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(out, cap, "%.12s", base);
		else
			snprintf(out, cap, "%.12s%d", base, i);
		int64_t id;
		enum rv_code code = ref_agency_id(rv, "code", out, &id);
		if (code == RV_ENOTFOUND) {
			rv_clear_error(rv);
			return RV_OK;
		}
		if (code != RV_OK)
			return code;
	}
	return rv_fail(rv, RV_ECONFLICT, "code", _("--code: give the agency a code"));
}

enum rv_code agency_add(struct rv *rv, const char *name_raw, const char *code_raw, const char *kind_raw)
{
	char *name = NULL, *code_s = NULL;
	char gen[24];
	int kind = AK_OTHER;
	enum rv_code code = users_require(rv, PERM_REFDATA);
	if (!code)
		code = input_text(rv, "name", name_raw, TEXT_LINE, LIMIT_NAME, true, &name);
	if (!code && kind_raw)
		code = input_enum(rv, &agency_kind_set, "kind", kind_raw, &kind);
	if (!code && code_raw)
		code = input_agency_code(rv, "code", code_raw, &code_s);
	if (!code && !code_raw) {
		char base[16];
		initials(name, base, sizeof base);
		code = free_agency_code(rv, base, gen, sizeof gen);
	}
	if (!code) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO agencies(code, name, kind, sort_key) VALUES (?1, ?2, ?3, ?4)");
		code = !st ? rv->code : RV_OK;
		if (!code) {
			db_bind_text(st, 1, code_s ? code_s : gen);
			db_bind_text(st, 2, name);
			db_bind_text(st, 3, enum_db(&agency_kind_set, kind));
			code = bind_sort_key(st, 4, name) ? insert_one(rv, st, "code", code_s ? code_s : gen)
			                                  : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		}
	}
	free(name);
	free(code_s);
	return code;
}

static const struct rows_col agency_cols[] = {
	{ "code", N_("Code"), COL_TEXT },
	{ "name", N_("Agency"), COL_TEXT },
	{ "kind", N_("Kind"), COL_AGENCY_KIND },
};

enum rv_code agency_list(struct rv *rv, struct rows **out)
{
	return list_rows(rv, "SELECT code, name, kind FROM agencies ORDER BY sort_key", agency_cols, 3, out);
}

/* Keeps rows of `all` whose key column starts with query (case-folded) or
 * whose folded name column contains the folded query; exact code matches
 * first.  Replaces *out. */
static enum rv_code filter_rows(struct rv *rv, struct rows **out, const char *query, int key_col,
                                int name_col, int limit)
{
	struct rows *all = *out;
	struct rows *hit = rows_new(all->cols, all->ncols);
	char *fq = text_fold(query ? query : "");
	if (!hit || !fq) {
		rows_free(&hit);
		free(fq);
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	}
	size_t qlen = strlen(fq);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t r = 0; r < all->n && (limit <= 0 || hit->n < (size_t)limit); r++) {
			char *fk = text_fold(rows_get(all, r, key_col));
			char *fn = text_fold(rows_get(all, r, name_col));
			bool key_hit = fk && strncmp(fk, fq, qlen) == 0;
			bool name_hit = fn && strstr(fn, fq);
			if ((pass == 0 && key_hit) || (pass == 1 && !key_hit && name_hit))
				rows_add(hit, (const char *const *)all->cells + r * (size_t)all->ncols);
			free(fk);
			free(fn);
		}
	}
	free(fq);
	rows_free(out);
	*out = hit;
	return RV_OK;
}

enum rv_code agency_find(struct rv *rv, const char *query, int limit, struct rows **out)
{
	enum rv_code code = agency_list(rv, out);
	return code ? code : filter_rows(rv, out, query, 0, 1, limit);
}

enum rv_code enterprise_add(struct rv *rv, const char *name_raw, const char *tax_raw, const char *zone,
                            const char *contact_raw)
{
	char *name = NULL, *tax = NULL, *contact = NULL;
	int64_t zone_id = 0;
	enum rv_code code = users_require(rv, PERM_REFDATA);
	if (!code)
		code = input_text(rv, "name", name_raw, TEXT_LINE, LIMIT_NAME, true, &name);
	if (!code)
		code = input_tax_code(rv, "tax-code", tax_raw, &tax);
	if (!code && zone)
		code = ref_zone_id(rv, "zone", zone, &zone_id);
	if (!code)
		code = input_text(rv, "contact", contact_raw, TEXT_LINE, LIMIT_NAME, false, &contact);
	if (!code) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO enterprises(name, tax_code, zone_id, contact, sort_key) "
		                               "VALUES (?1, ?2, nullif(?3, 0), ?4, ?5)");
		code = !st ? rv->code : RV_OK;
		if (!code) {
			db_bind_text(st, 1, name);
			db_bind_text(st, 2, tax);
			sqlite3_bind_int64(st, 3, zone_id);
			db_bind_text(st, 4, contact);
			code = bind_sort_key(st, 5, name) ? insert_one(rv, st, "tax-code", tax)
			                                  : rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		}
	}
	free(name);
	free(tax);
	free(contact);
	return code;
}

static const struct rows_col enterprise_cols[] = {
	{ "tax_code", N_("Tax code"), COL_TEXT },
	{ "name", N_("Enterprise"), COL_TEXT },
	{ "zone", N_("Park"), COL_TEXT },
	{ "contact", N_("Contact"), COL_TEXT },
};

enum rv_code enterprise_list(struct rv *rv, const char *zone, struct rows **out)
{
	int64_t zone_id = 0;
	enum rv_code code = users_require(rv, PERM_READ);
	if (!code && zone)
		code = ref_zone_id(rv, "zone", zone, &zone_id);
	if (!code)
		code = list_rows(rv, "SELECT '', '', '', '' WHERE 0", enterprise_cols, 4, out);
	if (code)
		return code;
	/* An enterprise account sees its own record only: the others' names
	 * and contacts are not its business. */
	sqlite3_stmt *st = db_stmt(rv, "SELECT e.tax_code, e.name, z.name, e.contact FROM enterprises e "
	                               "LEFT JOIN zones z ON z.id = e.zone_id "
	                               "WHERE (?1 = 0 OR e.zone_id = ?1) AND (?2 = 0 OR e.id = ?2) ORDER BY e.sort_key");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, zone_id);
	sqlite3_bind_int64(st, 2, rv->role == ROLE_ENTERPRISE ? (rv->enterprise_id ? rv->enterprise_id : -1) : 0);
	return db_fill_rows(rv, st, *out);
}

enum rv_code enterprise_find(struct rv *rv, const char *query, int limit, struct rows **out)
{
	enum rv_code code = enterprise_list(rv, NULL, out);
	return code ? code : filter_rows(rv, out, query, 0, 1, limit);
}

enum rv_code category_add(struct rv *rv, const char *code_raw, const char *vi_raw, const char *en_raw,
                          const char *within_raw)
{
	char *ccode = NULL, *vi = NULL, *en = NULL;
	long within = 15;
	enum rv_code code = users_require(rv, PERM_REFDATA);
	if (!code)
		code = input_category_code(rv, "code", code_raw, &ccode);
	if (!code)
		code = input_text(rv, "vi", vi_raw, TEXT_LINE, LIMIT_NAME, true, &vi);
	if (!code)
		code = input_text(rv, "en", en_raw, TEXT_LINE, LIMIT_NAME, true, &en);
	if (!code && within_raw)
		code = input_int(rv, "within", within_raw, 1, 365, &within);
	if (!code) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO categories(code, label_vi, label_en, within_days) "
		                               "VALUES (?1, ?2, ?3, ?4)");
		code = !st ? rv->code : RV_OK;
		if (!code) {
			db_bind_text(st, 1, ccode);
			db_bind_text(st, 2, vi);
			db_bind_text(st, 3, en);
			sqlite3_bind_int(st, 4, (int)within);
			code = insert_one(rv, st, "code", ccode);
		}
	}
	free(ccode);
	free(vi);
	free(en);
	return code;
}

static const struct rows_col category_cols[] = {
	{ "code", N_("Code"), COL_TEXT },
	{ "label_vi", N_("Vietnamese"), COL_TEXT },
	{ "label_en", N_("English"), COL_TEXT },
	{ "within_days", N_("Working days"), COL_INT },
};

enum rv_code category_list(struct rv *rv, struct rows **out)
{
	return list_rows(rv, "SELECT code, label_vi, label_en, within_days FROM categories ORDER BY id",
	                 category_cols, 4, out);
}

enum rv_code holiday_add(struct rv *rv, const char *date_raw, const char *name_raw, bool work)
{
	rv_date d;
	char *name = NULL;
	enum rv_code code = users_require(rv, PERM_ADMIN);
	if (!code)
		code = input_date(rv, "date", date_raw, &d);
	if (!code && work && date_weekday(d) != 5)
		code = rv_fail(rv, RV_EINPUT, "date", _("date: a make-up working day (--work) must be a Saturday"));
	if (!code && !work && date_weekday(d) >= 5)
		code = rv_fail(rv, RV_EINPUT, "date", _("date: a day off must be a weekday (a weekend is already off)"));
	if (!code)
		code = input_text(rv, "name", name_raw, TEXT_LINE, LIMIT_NAME, true, &name);
	if (!code) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT OR REPLACE INTO holidays(day, kind, name) VALUES (?1, ?2, ?3)");
		code = !st ? rv->code : RV_OK;
		if (!code) {
			db_bind_date(st, 1, d);
			db_bind_text(st, 2, enum_db(&holiday_kind_set, work ? HK_WORK : HK_OFF));
			db_bind_text(st, 3, name);
			code = insert_one(rv, st, "date", date_raw);
		}
	}
	if (!code)
		code = db_load_calendar(rv);
	free(name);
	return code;
}

static const struct rows_col holiday_cols[] = {
	{ "date", N_("Date"), COL_DATE },
	{ "kind", N_("Kind"), COL_HOLIDAY_KIND },
	{ "name", N_("Name"), COL_TEXT },
};

enum rv_code holiday_list(struct rv *rv, int year, struct rows **out)
{
	enum rv_code code = list_rows(rv, "SELECT '', '', '' WHERE 0", holiday_cols, 3, out);
	if (code)
		return code;
	sqlite3_stmt *st = db_stmt(rv, "SELECT day, kind, name FROM holidays "
	                               "WHERE ?1 = 0 OR substr(day, 1, 4) = printf('%04d', ?1) ORDER BY day");
	if (!st)
		return rv->code;
	sqlite3_bind_int(st, 1, year);
	return db_fill_rows(rv, st, *out);
}
