/* demo_world.c — the reference data demo petitions point at: see
 * demo_plan.h.
 *
 * On a database with no parks yet, the demo's own reference data is added
 * first through refdata.h and users.h (which validate it like any other),
 * in one transaction: Hanoi's parks and agencies, enterprises (their number
 * grows with the petitions to come), and users for each role.  Then the
 * parks, agencies, categories, enterprises and users are read back, so a
 * second run, or a database with reference data of its own, works the
 * same way. */
#include "demo_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "refdata.h"
#include "rv_internal.h"
#include "users.h"

/* The session and the world being filled. */
struct loader {
	struct rv *rv;
	struct demo_world *w;
};

/* ---- small helpers ---- */

static enum rv_code nomem(struct rv *rv)
{
	return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return strdup(s ? s : "");
}

/* Copies blob column i into k; false when out of memory. */
static bool dup_key(sqlite3_stmt *st, int i, struct demo_key *k)
{
	const void *b = sqlite3_column_blob(st, i);
	k->len = sqlite3_column_bytes(st, i);
	k->data = b ? malloc((size_t)k->len + 1) : NULL;
	if (k->data)
		memcpy(k->data, b, (size_t)k->len);
	return !b || k->data;
}

static int find_agency(const struct loader *g, const char *code)
{
	for (size_t i = 0; i < g->w->nagencies; i++)
		if (strcmp(g->w->agencies[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* ---- a new database: the demo's reference data ---- */

/* The i-th candidate tax code: "010" and six digits (a permutation, so
 * candidates never repeat), then the check digit of the 10-digit
 * Vietnamese tax code; false for the one in eleven with no valid digit. */
static bool tax_code(unsigned i, char out[11])
{
	static const int weights[9] = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };
	snprintf(out, 11, "010%06u", (unsigned)(((uint64_t)i * 7919u + 104729u) % 1000000u));
	int sum = 0;
	for (int k = 0; k < 9; k++)
		sum += weights[k] * (out[k] - '0');
	int check = 10 - sum % 11;
	if (check == 10)
		return false;
	out[9] = (char)('0' + check);
	out[10] = '\0';
	return true;
}

static const struct demo_zone *pick_zone(struct demo_rng *r)
{
	int total = 0;
	for (size_t i = 0; i < demo_nzones; i++)
		total += demo_zones[i].weight;
	int x = (int)demo_below(r, (uint32_t)total);
	for (size_t i = 0; i < demo_nzones; i++)
		if ((x -= demo_zones[i].weight) < 0)
			return &demo_zones[i];
	return &demo_zones[0];
}

/* Adds count enterprises with distinct names and tax codes; the tax codes
 * of the first few go to first_tax (for the enterprise accounts). */
static enum rv_code add_enterprises(struct loader *g, long count, char first_tax[][11], size_t nfirst)
{
	size_t space[2] = { demo_enterprise_space(false), demo_enterprise_space(true) };
	size_t used[2] = { 0, 0 }, offset[2] = { demo_below(&g->w->rng, (uint32_t)space[0]),
		                                 demo_below(&g->w->rng, (uint32_t)space[1]) };
	unsigned candidate = 0;
	for (long added = 0; added < count && used[0] + used[1] < space[0] + space[1];) {
		const struct demo_zone *z = pick_zone(&g->w->rng);
		int foreign = (int)demo_below(&g->w->rng, 100) < z->foreign_pct;
		if (used[foreign] >= space[foreign])
			foreign = !foreign;
		char name[160], tax[11], person[64], contact[128];
		demo_enterprise_name(foreign, (used[foreign]++ * 7919u + offset[foreign]) % space[foreign], name,
		                     sizeof name);
		while (!tax_code(candidate++, tax))
			;
		bool female;
		demo_person_name(demo_next(&g->w->rng), &female, person, sizeof person);
		snprintf(contact, sizeof contact, "%s %s, 09%02u %03u %03u", female ? "Bà" : "Ông", person,
		         demo_below(&g->w->rng, 100), demo_below(&g->w->rng, 1000), demo_below(&g->w->rng, 1000));
		enum rv_code rc = enterprise_add(g->rv, name, tax, z->name, contact);
		if (rc == RV_ECONFLICT) { /* that tax code is taken already */
			rv_clear_error(g->rv);
			continue;
		}
		if (rc)
			return rc;
		if ((size_t)added < nfirst)
			memcpy(first_tax[added], tax, 11);
		added++;
	}
	return RV_OK;
}

/* Parks, agencies, enterprises and users; each add tolerates a row that
 * already exists (an agency or login someone added before). */
static enum rv_code add_refdata(struct loader *g, long n)
{
	struct rv *rv = g->rv;
	enum rv_code rc = RV_OK;
	for (size_t i = 0; !rc && i < demo_nzones; i++)
		rc = zone_add(rv, demo_zones[i].name);
	for (size_t i = 0; !rc && i < demo_nagencies; i++) {
		rc = agency_add(rv, demo_agencies[i].name, demo_agencies[i].code, demo_agencies[i].kind);
		if (rc == RV_ECONFLICT) { /* an agency with that code exists */
			rv_clear_error(rv);
			rc = RV_OK;
		}
	}
	char first_tax[4][11] = { "", "", "", "" };
	long count = n / 200 < 30 ? 30 : n / 200 > 5000 ? 5000 : n / 200;
	if (!rc)
		rc = add_enterprises(g, count, first_tax, 4);
	for (size_t i = 0; !rc && i < demo_nusers; i++) {
		const struct demo_user *u = &demo_users[i];
		const char *tax = u->enterprise >= 0 && u->enterprise < 4 ? first_tax[u->enterprise] : NULL;
		if (u->enterprise >= 0 && (!tax || !*tax))
			continue;
		rc = user_add(rv, u->login, u->role, u->agency, tax);
		if (rc == RV_ECONFLICT || rc == RV_ENOTFOUND) { /* login taken, or its agency missing */
			rv_clear_error(rv);
			rc = RV_OK;
		}
	}
	return rc;
}

static enum rv_code ensure_refdata(struct loader *g, long n)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT EXISTS (SELECT 1 FROM zones)");
	if (!st)
		return rv->code;
	if (db_step(rv, st) != SQLITE_ROW)
		return rv->code;
	bool have = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (have)
		return RV_OK;
	enum rv_code rc = db_begin(rv);
	return rc ? rc : db_end(rv, add_refdata(g, n));
}

/* ---- reading the reference data back ---- */

static enum rv_code load_zones(struct loader *g)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, name FROM zones ORDER BY id");
	if (!st)
		return rv->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *grown = realloc(g->w->zones, (g->w->nzones + 1) * sizeof *g->w->zones);
		if (!grown)
			return nomem(rv);
		g->w->zones = grown;
		struct demo_zone_ref *z = &g->w->zones[g->w->nzones++];
		z->id = sqlite3_column_int64(st, 0);
		z->text = dup_col(st, 1);
		z->commune = -1;
		if (!z->text)
			return nomem(rv);
		for (size_t i = 0; i < demo_nzones; i++) {
			if (strcmp(demo_zones[i].name, z->text) == 0) {
				free(z->text);
				z->text = strdup(demo_zones[i].short_name);
				z->commune = find_agency(g, demo_zones[i].commune);
				if (!z->text)
					return nomem(rv);
			}
		}
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading parks");
}

static enum rv_code load_agencies(struct loader *g)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, code, name, sort_key FROM agencies ORDER BY id");
	if (!st)
		return rv->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *grown = realloc(g->w->agencies, (g->w->nagencies + 1) * sizeof *g->w->agencies);
		if (!grown)
			return nomem(rv);
		g->w->agencies = grown;
		struct demo_agency_ref *a = &g->w->agencies[g->w->nagencies++];
		a->id = sqlite3_column_int64(st, 0);
		a->code = dup_col(st, 1);
		a->name = dup_col(st, 2);
		a->liaison = NULL;
		bool key = dup_key(st, 3, &a->key);
		if (!a->code || !a->name || !key)
			return nomem(rv);
	}
	if (rc != SQLITE_DONE)
		return db_fail(rv, "reading agencies");
	if (!g->w->nagencies)
		return rv_fail(rv, RV_EINPUT, NULL, _("demo: the database has parks but no agencies; add some "
		                                      "(roviec agency add) or run demo on a new database"));
	int board = find_agency(g, "BQL");
	g->w->board = board >= 0 ? board : 0;
	return RV_OK;
}

/* "SXD @ BQL" → agency indexes (DEMO_LEAD_COMMUNE for "@"); unknown codes are
 * skipped. */
static int parse_agencies(const struct loader *g, const char *list, int *out)
{
	int n = 0;
	char code[24];
	for (const char *p = list; *p && n < DEMO_MAX_PICK;) {
		size_t len = strcspn(p, " ");
		snprintf(code, sizeof code, "%.*s", (int)(len < sizeof code ? len : sizeof code - 1), p);
		int idx = strcmp(code, "@") == 0 ? DEMO_LEAD_COMMUNE : find_agency(g, code);
		if (idx != -1)
			out[n++] = idx;
		p += len + (p[len] == ' ');
	}
	return n;
}

static enum rv_code load_categories(struct loader *g)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, code, within_days FROM categories ORDER BY id");
	if (!st)
		return rv->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *grown = realloc(g->w->cats, (g->w->ncats + 1) * sizeof *g->w->cats);
		if (!grown)
			return nomem(rv);
		g->w->cats = grown;
		struct demo_category_ref *c = &g->w->cats[g->w->ncats++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->code = dup_col(st, 1);
		c->within = sqlite3_column_int(st, 2);
		if (!c->code)
			return nomem(rv);
		c->demo = demo_category_find(c->code);
		c->weight = strcmp(c->demo->code, c->code) == 0 ? c->demo->weight : 3;
		g->w->cat_weight_total += c->weight;
		c->nlead = parse_agencies(g, c->demo->lead, c->lead);
		c->ncoord = parse_agencies(g, c->demo->coord, c->coord);
		if (!c->nlead)
			c->lead[c->nlead++] = g->w->board;
	}
	if (rc != SQLITE_DONE)
		return db_fail(rv, "reading categories");
	return g->w->ncats ? RV_OK : rv_fail(rv, RV_EINPUT, NULL, _("demo: the database has no categories"));
}

static enum rv_code load_enterprises(struct loader *g)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT id, zone_id, sort_key FROM enterprises ORDER BY id");
	if (!st)
		return rv->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((g->w->nents & (g->w->nents - 1)) == 0) { /* grow at powers of two */
			void *grown = realloc(g->w->ents, (g->w->nents ? 2 * g->w->nents : 1) * sizeof *g->w->ents);
			if (!grown)
				return nomem(rv);
			g->w->ents = grown;
		}
		struct demo_enterprise_ref *e = &g->w->ents[g->w->nents++];
		e->id = sqlite3_column_int64(st, 0);
		e->zone = -1;
		e->account = NULL;
		int64_t zone = sqlite3_column_int64(st, 1);
		e->zone_id = zone;
		if (!dup_key(st, 2, &e->key))
			return nomem(rv);
		for (size_t i = 0; i < g->w->nzones; i++)
			if (g->w->zones[i].id == zone)
				e->zone = (int)i;
	}
	if (rc != SQLITE_DONE)
		return db_fail(rv, "reading enterprises");
	return g->w->nents ? RV_OK
	                : rv_fail(rv, RV_EINPUT, NULL, _("demo: the database has parks but no enterprises; add some "
	                                                 "(roviec enterprise add) or run demo on a new database"));
}

static struct demo_enterprise_ref *find_enterprise(struct loader *g, int64_t id)
{
	size_t lo = 0, hi = g->w->nents;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->w->ents[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->w->nents && g->w->ents[lo].id == id ? &g->w->ents[lo] : NULL;
}

/* Who acts: staff and officials (the acting admin when there are none),
 * agency liaisons and enterprise accounts. */
static enum rv_code load_users(struct loader *g)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT login, role, coalesce(agency_id, 0), coalesce(enterprise_id, 0) "
	                               "FROM users ORDER BY login");
	if (!st)
		return rv->code;
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (g->w->nlogins + 1 > cap) {
			cap = cap ? 2 * cap : 16;
			char **l = realloc(g->w->logins, cap * sizeof *l);
			const char **s = realloc(g->w->staff, cap * sizeof *s);
			g->w->logins = l ? l : g->w->logins;
			g->w->staff = s ? s : g->w->staff;
			const char **o = realloc(g->w->officials, cap * sizeof *o);
			g->w->officials = o ? o : g->w->officials;
			if (!l || !s || !o)
				return nomem(rv);
		}
		char *login = dup_col(st, 0);
		if (!login)
			return nomem(rv);
		g->w->logins[g->w->nlogins++] = login;
		int role = enum_parse(&role_set, (const char *)sqlite3_column_text(st, 1));
		int64_t agency = sqlite3_column_int64(st, 2), ent = sqlite3_column_int64(st, 3);
		if (role == ROLE_STAFF)
			g->w->staff[g->w->nstaff++] = login;
		else if (role == ROLE_OFFICIAL)
			g->w->officials[g->w->nofficials++] = login;
		for (size_t i = 0; role == ROLE_AGENCY && i < g->w->nagencies; i++)
			if (g->w->agencies[i].id == agency && !g->w->agencies[i].liaison)
				g->w->agencies[i].liaison = login;
		struct demo_enterprise_ref *e = role == ROLE_ENTERPRISE ? find_enterprise(g, ent) : NULL;
		if (e && !e->account)
			e->account = login;
	}
	if (rc != SQLITE_DONE)
		return db_fail(rv, "reading users");
	if (!cap) { /* no users at all: room for the acting user below */
		g->w->staff = malloc(sizeof *g->w->staff);
		g->w->officials = malloc(sizeof *g->w->officials);
		if (!g->w->staff || !g->w->officials)
			return nomem(rv);
	}
	if (!g->w->nstaff)
		g->w->staff[g->w->nstaff++] = rv->actor;
	if (!g->w->nofficials)
		g->w->officials[g->w->nofficials++] = rv->actor;
	return RV_OK;
}

static enum rv_code load_refdata(struct loader *g)
{
	enum rv_code rc = load_agencies(g);
	if (!rc)
		rc = load_zones(g);
	if (!rc)
		rc = load_categories(g);
	if (!rc)
		rc = load_enterprises(g);
	if (!rc)
		rc = load_users(g);
	return rc;
}

enum rv_code demo_world_load(struct rv *rv, struct demo_world *w, long n)
{
	struct loader l = { rv, w };
	w->cal = rv_calendar(rv);
	w->today = rv_today(rv);
	char now[21];
	rv_date now_day;
	rv_now(now);
	now[10] = '\0';
	w->today_secs = 86400; /* today is pinned to another day than the clock's */
	if (date_parse_iso(now, &now_day) && now_day == w->today)
		w->today_secs = (now[11] - '0') * 36000 + (now[12] - '0') * 3600 + (now[14] - '0') * 600 +
		                (now[15] - '0') * 60 + (now[17] - '0') * 10 + (now[18] - '0');
	enum rv_code rc = ensure_refdata(&l, n);
	if (!rc)
		rc = load_refdata(&l);
	return rc;
}

void demo_world_free(struct demo_world *w)
{
	for (size_t i = 0; i < w->nzones; i++)
		free(w->zones[i].text);
	for (size_t i = 0; i < w->nagencies; i++) {
		free(w->agencies[i].code);
		free(w->agencies[i].name);
		free(w->agencies[i].key.data);
	}
	for (size_t i = 0; i < w->ncats; i++)
		free(w->cats[i].code);
	for (size_t i = 0; i < w->nents; i++)
		free(w->ents[i].key.data);
	for (size_t i = 0; i < w->nlogins; i++)
		free(w->logins[i]);
	free(w->zones);
	free(w->agencies);
	free(w->cats);
	free(w->ents);
	free(w->logins);
	free(w->staff);
	free(w->officials);
	memset(w, 0, sizeof *w);
}
