/* demo_conf.c — the dialogue conferences of a demo run: see demo_conf.h.
 *
 * Conferences held in turn at the Board's hall and in the parks, their
 * themes and chairs taken in turn; the chair's name is drawn from the
 * run's salt and the date, so a seed gives the same conferences. */
#include "demo_conf.h"

#include <stdio.h>
#include <string.h>

#include "conference.h"
#include "demo_data.h"
#include "rv_internal.h"

void demo_confs_note(struct demo_confs *c, rv_date day, rv_date from)
{
	int k = demo_confs_find(c, day);
	if (k >= 0) {
		if (from < c->from[k])
			c->from[k] = from;
		return;
	}
	if (c->n == DEMO_MAX_CONFS)
		return;
	size_t i = c->n++;
	for (; i > 0 && c->day[i - 1] > day; i--) {
		c->day[i] = c->day[i - 1];
		c->from[i] = c->from[i - 1];
	}
	c->day[i] = day;
	c->from[i] = from;
}

int demo_confs_find(const struct demo_confs *c, rv_date day)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->day[i] == day)
			return (int)i;
	return -1;
}

static size_t count(const char *const *list)
{
	size_t n = 0;
	while (list[n])
		n++;
	return n;
}

/* The id of the conference of that date and title, 0 when none. */
static enum rv_code find_existing(struct rv *rv, const char *held_on, const char *title, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT id FROM conferences WHERE held_on = ?1 AND title = ?2");
	if (!st)
		return rv->code;
	db_bind_text(st, 1, held_on);
	db_bind_text(st, 2, title);
	int step = db_step(rv, st);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return step == SQLITE_ROW || step == SQLITE_DONE ? RV_OK : rv->code;
}

static enum rv_code record_one(struct rv *rv, const struct demo_world *w, struct demo_confs *c, size_t k)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	int y, m;
	date_to_ymd(c->day[k], &y, &m, NULL);
	char title[256], held_on[11], created[21], chair[256], name[64];
	snprintf(title, sizeof title, "%s quý %s năm %d", demo_conference_title, roman[(m - 1) / 3], y);
	date_iso(c->day[k], held_on);
	enum rv_code rc = find_existing(rv, held_on, title, &c->id[k]);
	if (rc || c->id[k])
		return rc;
	/* Recorded when collecting starts, before its first petition arrives
	 * (office hours begin at 01:00 UTC). */
	date_iso(c->from[k], created);
	memcpy(created + 10, "T00:30:00Z", 11);
	size_t turn = (size_t)(y * 4 + (m - 1) / 3);
	struct demo_rng r = { w->salt ^ ((uint64_t)c->day[k] * 0x9E3779B97F4A7C15u) };
	demo_person_name(demo_next(&r), NULL, name, sizeof name);
	snprintf(chair, sizeof chair, "%s, %s", name,
	         demo_conference_chairs[turn % count(demo_conference_chairs)]);
	/* Every other conference is held in a park, the parks in turn. */
	const struct demo_zone_ref *zone = turn % 2 && w->nzones ? &w->zones[turn / 2 % w->nzones] : NULL;
	struct conference_row row = { title, held_on, zone ? zone->id : 0, zone ? NULL : demo_conference_place,
		                      demo_conference_themes[turn % count(demo_conference_themes)], chair, created,
		                      &w->agencies[w->board].id, 1 };
	return conf_insert(rv, &row, &c->id[k]);
}

enum rv_code demo_confs_record(struct rv *rv, const struct demo_world *w, struct demo_confs *c)
{
	enum rv_code rc = RV_OK;
	for (size_t k = 0; !rc && k < c->n; k++) {
		rc = record_one(rv, w, c, k);
		snprintf(c->id_text[k], sizeof c->id_text[k], "%lld", (long long)c->id[k]);
	}
	return rc;
}

enum rv_code demo_confs_agencies(struct rv *rv, int64_t after)
{
	sqlite3_stmt *st = db_stmt(rv, "INSERT OR IGNORE INTO conference_agencies(conference_id, agency_id) "
	                               "SELECT DISTINCT cp.conference_id, p.lead_agency_id FROM conference_petitions cp "
	                               "JOIN petitions p ON p.id = cp.petition_id "
	                               "WHERE cp.petition_id > ?1 AND p.lead_agency_id IS NOT NULL");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, after);
	enum rv_code rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "recording the agencies of demo conferences");
	sqlite3_reset(st);
	return rc;
}
