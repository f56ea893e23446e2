/* demo_plan.h — one demo petition's life, planned in memory, and the
 * world it is planned in.
 *
 * demo_world_load() (demo_world.c) reads the reference data into a
 * struct demo_world; demo_plan_petition() (demo_plan.c) then decides
 * everything about one petition — enterprise, category, channel, texts,
 * and each step of its life with the date and time it happened and who
 * did it — using the real working-day calendar.  A life stops at the first step that would fall
 * after today, which gives old petitions closed and recent ones open.
 * Planning never touches the database; demo.c writes the plan. */
#ifndef ROVIEC_DEMO_PLAN_H
#define ROVIEC_DEMO_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "demo_data.h"
#include "enums.h"
#include "petition.h"

enum { DEMO_MAX_YEARS = 4, DEMO_LEAD_COMMUNE = -2, DEMO_MAX_PICK = 8 };

struct demo_zone_ref {
	int64_t id;
	char *text;  /* how petitions name the park */
	int commune; /* agency index of its commune, or -1 */
};

/* A copy of a sort_key column (NULL data: SQL NULL), so the demo writes a
 * petition's derived key columns itself (schema.sql: petitions_derived_insert). */
struct demo_key {
	void *data;
	int len;
};

struct demo_agency_ref {
	int64_t id;
	char *code, *name;
	struct demo_key key;
	const char *liaison; /* a login of role agency for it, or NULL */
};

struct demo_category_ref {
	int64_t id;
	char *code;
	int within, weight;
	const struct demo_category *demo;
	int lead[DEMO_MAX_PICK], nlead; /* agency indexes or DEMO_LEAD_COMMUNE */
	int coord[DEMO_MAX_PICK], ncoord;
};

struct demo_enterprise_ref {
	int64_t id;
	int zone;            /* index, or -1 */
	int64_t zone_id;     /* enterprises.zone_id, 0 for none */
	struct demo_key key; /* enterprises.sort_key */
	const char *account; /* a login of role enterprise for it, or NULL */
};

/* Everything plans draw from, filled by demo_world_load(): the arrays
 * are not empty, staff and officials included (the acting user when the
 * database has none).  The caller sets rng, salt and year0. */
struct demo_world {
	const struct calendar *cal;
	rv_date today;
	int today_secs; /* steps today happen up to this UTC second (now) */
	struct demo_rng rng;
	uint64_t salt;
	struct demo_zone_ref *zones;
	size_t nzones;
	struct demo_agency_ref *agencies;
	size_t nagencies;
	struct demo_category_ref *cats;
	size_t ncats;
	int cat_weight_total;
	struct demo_enterprise_ref *ents;
	size_t nents;
	const char **staff, **officials; /* point into logins */
	size_t nstaff, nofficials;
	char **logins; /* owned */
	size_t nlogins;
	int board; /* agency index of the Board */
	/* tracking codes: the last number per year, years year0 .. */
	int year0;
	int64_t seq[DEMO_MAX_YEARS];
	bool seq_dirty[DEMO_MAX_YEARS];
};

/* When a step happened. */
struct demo_stamp {
	rv_date day;
	int secs;     /* UTC seconds into the day */
	char iso[21]; /* 'YYYY-MM-DDTHH:MM:SSZ' */
};

struct demo_extension {
	struct demo_stamp at;
	char old_iso[11], new_iso[11];
	const char *reason;
};

/* A petition and its life.  Flags say how far it got; every string is
 * either static data or one of the buffers at the end. */
struct demo_plan {
	int64_t id; /* set by the writer */
	char uuid[37], code[RV_CODE_MAX];
	size_t ent, cat, topic;
	const struct demo_rejection *rejection; /* a petition the Board will not accept */
	int lead, coord[2], ncoord;
	enum channel channel;
	enum status status, exit_from;
	int version; /* one per command, as workflow.c counts */
	bool intake_category, classified, assigned, started, answered, closed, exited;
	struct demo_stamp clock; /* the latest step */
	struct demo_stamp t_create, t_classify, t_assign, t_start, t_exit, t_answer, t_close;
	const struct demo_stamp *last;
	rv_date deadline, original_deadline;
	char received[11], assigned_iso[11], original[11], deadline_iso[11], answered_iso[11], closed_iso[11];
	struct demo_extension ext[2];
	int next;
	int outcome, late_days, rating;
	rv_date conference; /* the dialogue conference it was raised for, or RV_DATE_NONE */
	bool in_session;    /* answered on that conference's day: in the session */
	char late_text[12], rating_text[4];
	const char *item, *feedback, *reject_reason, *refer_to, *note;
	const char *staff, *official, *recorder, *closer;
	/* text buffers: left as they are between petitions, written before use */
	char coord_text[40], person[160];
	char title[640], body[2048], result[1024];
};

/* Fills w from the database (rv must be an administrator's session):
 * first, when the database has no parks, adds the demo's own parks,
 * agencies, enterprises (about n / 200 of them, 30 to 5000) and users;
 * then reads everything petitions point at.  RV_EINPUT when the database
 * lacks agencies, categories or enterprises.  w owns what it loaded. */
enum rv_code demo_world_load(struct rv *rv, struct demo_world *w, long n);
/* Frees what demo_world_load() loaded and clears w; safe on a cleared w. */
void demo_world_free(struct demo_world *w);

/* Plans a petition received on day (a working day, not after today);
 * conference is the date of the dialogue conference it was raised at, or
 * RV_DATE_NONE.  Takes the next tracking code of the received year. */
void demo_plan_petition(struct demo_world *w, struct demo_plan *p, rv_date day, rv_date conference);

#endif
