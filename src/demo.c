/* demo.c — realistic sample data: see demo.h.
 *
 * The reference data comes from demo_world.c, each petition's life from
 * demo_plan.c; this module spreads the received dates and writes.
 * Received dates fall on the working days of the last two years, growing
 * slowly over time, with a quarter of the petitions collected for the
 * quarterly dialogue conferences.
 *
 * Writing is the hot path (a million petitions, seventeen million history
 * rows).  Petitions go in groups of GROUP, each group one INSERT in the
 * petitions' final state, so the search-index, open-deadline and agency
 * triggers run once per petition and the search index flushes its pending
 * terms once per group rather than once per petition (FTS5 flushes at
 * every statement savepoint).  Then, per petition, its coordinating
 * agencies, extensions and the history rows workflow.c would have
 * written, command by command, with the same versions, fields and values;
 * history goes in INSERTs of HROWS rows, each row's id and chain hash
 * computed on a second thread (demo_hash.h) from the head read when the
 * transaction opens, whose append-only guard is lifted until its COMMIT.
 * Conference petitions are linked to the conferences demo_conf.c records.
 * Everything is bound with SQLITE_STATIC from the plans of the group
 * (nothing is allocated per row), ids are given explicitly, and a transaction commits every BATCH
 * petitions. */
#include "demo.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "demo_conf.h"
#include "demo_data.h"
#include "demo_hash.h"
#include "demo_plan.h"
#include "history.h"
#include "i18n.h"
#include "rv_internal.h"
#include "users.h"

enum {
	BATCH = 50000,           /* petitions per transaction */
	WINDOW = 731,            /* calendar days of received dates, ending today */
	COLLECT = 15,            /* working days before a conference its petitions arrive */
	DEMO_CACHE_KIB = 262144, /* page cache for the run, in KiB */
};

enum {
	GROUP = 1024,       /* petitions per INSERT statement (31 parameters each) */
	HROWS = DEMO_HROWS, /* history rows per INSERT statement (12 parameters each) */
	PET_COLS = 31,
	HIST_COLS = 12,
};

/* The run: the world plans draw from, the received dates, and the writer's
 * state (statements, the group of plans being written, counters). */
struct gen {
	struct rv *rv;
	struct demo_world w;
	rv_date first; /* received dates fall in first .. today */
	long *n_other, *n_conf; /* petitions per calendar day of the window */
	rv_date *conference;    /* the conference a day collects for, or none */
	struct demo_confs confs; /* those with petitions, recorded by the first transaction */
	bool confs_recorded;
	sqlite3_stmt *st_group, *st_hgroup; /* GROUP-row and HROWS-row INSERTs, owned */
	struct demo_plan *plans;            /* GROUP of them */
	int nplans;
	char uuids[GROUP][37];
	struct demo_hasher hasher; /* the history rows, being filled, hashed and inserted */
	struct history_chain chain; /* ids and hashes of the history rows, in order (the hasher's) */
	int64_t next_id; /* the last petition id given */
	int64_t batch_after; /* the last petition id before the open transaction */
	char *guard_sql;     /* history_no_replace as the schema has it, while lifted */
	long total, written, in_batch;
	FILE *progress;
};

/* The column lists; the VALUES are added for one row or for a group. */
#define PETITION_INSERT                                                                                    \
	"INSERT INTO petitions(id, uuid, code, enterprise_id, channel, received, title, body, category_id, "      \
	"lead_agency_id, responsible_person, assigned, deadline, original_deadline, status, result, outcome, "    \
	"answered, late_days, rating, feedback, closed, reject_reason, refer_to, decided_by, version, "           \
	"created_at, updated_at, enterprise_key, zone_id, lead_key) VALUES "
#define HISTORY_INSERT \
	"INSERT INTO history(id, petition_id, version, at, os_login, actor, action, field, old, new, note, hash) VALUES "
#define ROW31 "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
#define ROW12 "(?,?,?,?,?,?,?,?,?,?,?,?)"

static const char sql_history[] = HISTORY_INSERT ROW12;
static const char sql_coord[] = "INSERT INTO petition_agencies(petition_id, agency_id) VALUES (?1, ?2)";
static const char sql_conf[] = "INSERT INTO conference_petitions(petition_id, conference_id, answered_in_session, "
                               "code) VALUES (?1, ?2, ?3, (SELECT code FROM petitions WHERE id = ?1))";
static const char sql_ext[] = "INSERT INTO extensions(petition_id, old_deadline, new_deadline, reason, actor, at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* ---- small helpers ---- */

static enum rv_code nomem(struct rv *rv)
{
	return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
}

/* The previous working day before d. */
static rv_date prev_workday(const struct calendar *cal, rv_date d)
{
	do
		d--;
	while (!calendar_is_workday(cal, d) && d > RV_DATE_FIRST);
	return d;
}

/* ---- received dates ---- */

/* Marks the working days on which petitions for the conference on day c
 * arrive: the COLLECT working days up to c, within the window. */
static void mark_conference(struct gen *g, rv_date c, double *w_conf)
{
	const struct calendar *cal = g->w.cal;
	rv_date d = c;
	for (int k = 0; k < COLLECT; k++, d = prev_workday(cal, d)) {
		if (d < g->first)
			break;
		if (d <= g->w.today) {
			w_conf[d - g->first] = d == c ? 4.0 : 1.0;
			g->conference[d - g->first] = c;
		}
	}
}

/* Index of the first cumulative weight above x. */
static size_t cum_find(const double *cum, size_t n, double x)
{
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Spreads n petitions over the working days of the window: the others
 * growing slowly over time, a quarter around the quarterly dialogue
 * conferences (the working day on or after the 20th of March, June,
 * September and December). */
static enum rv_code plan_days(struct gen *g, long n)
{
	const struct calendar *cal = g->w.cal;
	double *w_other = calloc(WINDOW, sizeof *w_other), *w_conf = calloc(WINDOW, sizeof *w_conf);
	g->n_other = calloc(WINDOW, sizeof *g->n_other);
	g->n_conf = calloc(WINDOW, sizeof *g->n_conf);
	g->conference = malloc(WINDOW * sizeof *g->conference);
	enum rv_code rc = w_other && w_conf && g->n_other && g->n_conf && g->conference ? RV_OK : nomem(g->rv);
	int y0, y1;
	date_to_ymd(g->first, &y0, NULL, NULL);
	date_to_ymd(g->w.today, &y1, NULL, NULL);
	for (int i = 0; !rc && i < WINDOW; i++) {
		g->conference[i] = RV_DATE_NONE;
		w_other[i] = calendar_is_workday(cal, g->first + i) ? 1.0 + 0.8 * i / WINDOW : 0.0;
	}
	for (int y = y0; !rc && y <= y1 + 1; y++)
		for (int m = 3; m <= 12; m += 3)
			mark_conference(g, calendar_roll_forward(cal, date_from_ymd(y, m, 20)), w_conf);
	for (int i = 1; !rc && i < WINDOW; i++) {
		w_other[i] += w_other[i - 1];
		w_conf[i] += w_conf[i - 1];
	}
	for (long i = 0; !rc && i < n; i++) {
		bool conf = w_conf[WINDOW - 1] > 0 && demo_unit(&g->w.rng) < 0.25;
		const double *cum = conf ? w_conf : w_other;
		size_t day = cum_find(cum, WINDOW, demo_unit(&g->w.rng) * cum[WINDOW - 1]);
		(conf ? g->n_conf : g->n_other)[day]++;
		if (conf)
			demo_confs_note(&g->confs, g->conference[day], g->first + (rv_date)day);
	}
	free(w_other);
	free(w_conf);
	return rc;
}

/* ---- phase 3: writing ---- */

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_int_or_null(sqlite3_stmt *st, int i, bool have, int64_t v)
{
	if (have)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Steps st and resets it; the error (with what) when it fails. */
static enum rv_code run(struct gen *g, sqlite3_stmt *st, const char *what)
{
	enum rv_code rc = sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(g->rv, what);
	sqlite3_reset(st);
	return rc;
}

/* head followed by rows copies of row, comma-separated, prepared; the
 * caller finalizes it.  NULL on error (recorded). */
static sqlite3_stmt *prepare_rows(struct gen *g, const char *head, const char *row, int rows)
{
	size_t hl = strlen(head), rl = strlen(row), len = hl;
	char *sql = malloc(hl + (size_t)rows * (rl + 1) + 1);
	if (!sql) {
		nomem(g->rv);
		return NULL;
	}
	memcpy(sql, head, hl);
	for (int i = 0; i < rows; i++) {
		if (i)
			sql[len++] = ',';
		memcpy(sql + len, row, rl);
		len += rl;
	}
	sql[len] = '\0';
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(g->rv->db, sql, (int)len, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		db_fail(g->rv, "preparing the demo inserts");
	free(sql);
	return st;
}

static void bind_key(sqlite3_stmt *st, int i, const struct demo_key *k)
{
	if (k->data)
		sqlite3_bind_blob(st, i, k->data, k->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Binds a petition in its final state at columns base+1 … base+31. */
static void bind_petition(const struct gen *g, sqlite3_stmt *st, int base, const struct demo_plan *p)
{
	bool rejected = p->exited && p->status == ST_REJECTED;
	sqlite3_bind_int64(st, base + 1, p->id);
	bind_text(st, base + 2, p->uuid);
	bind_text(st, base + 3, p->code);
	sqlite3_bind_int64(st, base + 4, g->w.ents[p->ent].id);
	bind_text(st, base + 5, enum_db(&channel_set, (int)p->channel));
	bind_text(st, base + 6, p->received);
	bind_text(st, base + 7, p->title);
	bind_text(st, base + 8, p->body);
	bind_int_or_null(st, base + 9, p->intake_category || p->classified, g->w.cats[p->cat].id);
	bind_int_or_null(st, base + 10, p->assigned, p->assigned ? g->w.agencies[p->lead].id : 0);
	bind_text(st, base + 11, p->assigned ? p->person : NULL);
	bind_text(st, base + 12, p->assigned ? p->assigned_iso : NULL);
	bind_text(st, base + 13, p->assigned ? p->deadline_iso : NULL);
	bind_text(st, base + 14, p->assigned ? p->original : NULL);
	bind_text(st, base + 15, enum_db(&status_set, (int)p->status));
	bind_text(st, base + 16, p->answered ? p->result : NULL);
	bind_text(st, base + 17, p->answered ? enum_db(&outcome_set, p->outcome) : NULL);
	bind_text(st, base + 18, p->answered ? p->answered_iso : NULL);
	bind_int_or_null(st, base + 19, p->answered, p->late_days);
	bind_int_or_null(st, base + 20, p->rating > 0, p->rating);
	bind_text(st, base + 21, p->feedback);
	bind_text(st, base + 22, p->closed ? p->closed_iso : NULL);
	bind_text(st, base + 23, rejected ? p->reject_reason : NULL);
	bind_text(st, base + 24, rejected ? p->refer_to : NULL);
	bind_text(st, base + 25, rejected ? p->official : NULL);
	sqlite3_bind_int(st, base + 26, p->version);
	bind_text(st, base + 27, p->t_create.iso);
	bind_text(st, base + 28, p->last->iso);
	/* The derived columns come with the row, from the copies the world
	 * loaded, so the schema's safety-net trigger finds nothing to rewrite. */
	const struct demo_enterprise_ref *e = &g->w.ents[p->ent];
	bind_key(st, base + 29, &e->key);
	bind_int_or_null(st, base + 30, e->zone_id != 0, e->zone_id);
	static unsigned char ffff[2] = { 0xff, 0xff }; /* lead_key of an unassigned petition */
	static const struct demo_key unassigned = { ffff, 2 };
	bind_key(st, base + 31, p->assigned ? &g->w.agencies[p->lead].key : &unassigned);
}

/* The petitions of the group in their final state, in one INSERT: the
 * triggers index each and count its open deadline once, and the search
 * index is flushed once per group instead of once per petition. */
static enum rv_code insert_petitions(struct gen *g)
{
	sqlite3_stmt *st = g->nplans == GROUP ? g->st_group : prepare_rows(g, PETITION_INSERT, ROW31, g->nplans);
	if (!st)
		return g->rv->code;
	for (int i = 0; i < g->nplans; i++)
		bind_petition(g, st, i * PET_COLS, &g->plans[i]);
	enum rv_code rc = run(g, st, N_("writing demo petitions"));
	if (st != g->st_group)
		sqlite3_finalize(st);
	return rc;
}

static void bind_hrow(sqlite3_stmt *st, int base, const struct demo_hrow *h)
{
	sqlite3_bind_int64(st, base + 1, h->hid);
	sqlite3_bind_int64(st, base + 2, h->id);
	sqlite3_bind_int(st, base + 3, h->version);
	bind_text(st, base + 4, h->at);
	bind_text(st, base + 5, h->actor); /* each person runs roviec under their own login */
	bind_text(st, base + 6, h->actor);
	bind_text(st, base + 7, h->action);
	bind_text(st, base + 8, h->field);
	bind_text(st, base + 9, h->old);
	bind_text(st, base + 10, h->new_);
	bind_text(st, base + 11, h->note);
	sqlite3_bind_blob(st, base + 12, h->hash, HISTORY_HASH_LEN, SQLITE_STATIC);
}

/* Inserts the hashed rows of b: a full buffer in one INSERT, fewer one
 * by one (a one-row INSERT needs no statement journal); empties b. */
static enum rv_code insert_history(struct gen *g, struct demo_hbuf *b)
{
	enum rv_code rc = RV_OK;
	if (b->n == HROWS) {
		for (int i = 0; i < HROWS; i++)
			bind_hrow(g->st_hgroup, i * HIST_COLS, &b->rows[i]);
		rc = run(g, g->st_hgroup, N_("writing demo history"));
	}
	for (int i = 0; !rc && b->n < HROWS && i < b->n; i++) {
		sqlite3_stmt *st = db_stmt(g->rv, sql_history);
		if (!st)
			return g->rv->code;
		bind_hrow(st, 0, &b->rows[i]);
		rc = run(g, st, N_("writing demo history"));
	}
	b->n = 0;
	return rc;
}

/* Hands the full buffer to the hasher and inserts what must make room:
 * with all, every row handed over (the chain then ends at the last). */
static enum rv_code pass_history(struct gen *g, bool all)
{
	if (demo_hasher_current(&g->hasher)->n)
		demo_hasher_submit(&g->hasher);
	enum rv_code rc = RV_OK;
	for (struct demo_hbuf *b; !rc && (b = demo_hasher_ready(&g->hasher, all)) != NULL;) {
		rc = insert_history(g, b);
		demo_hasher_release(&g->hasher);
	}
	return rc;
}

static enum rv_code flush_history(struct gen *g)
{
	enum rv_code rc = pass_history(g, true);
	if (rc)
		demo_hasher_drop(&g->hasher);
	return rc;
}

/* Drops the waiting rows (a failed transaction). */
static void drop_history(struct gen *g)
{
	demo_hasher_drop(&g->hasher);
}

/* The history of one petition as it is written: its id and the version
 * of the command whose rows come next. */
struct hist {
	struct gen *g;
	int64_t id;
	int version;
};

/* A row of a command as workflow.c writes it; a row without action is
 * skipped (a field the command left unchanged). */
struct hspec {
	const char *action, *field, *old, *new_, *note;
};

/* One command: one version step, its rows all at the same time. */
static enum rv_code command(struct hist *h, const struct demo_stamp *at, const char *actor,
                            const struct hspec *rows, size_t n)
{
	struct gen *g = h->g;
	h->version++;
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].action)
			continue;
		struct demo_hbuf *b = demo_hasher_current(&g->hasher);
		b->rows[b->n++] = (struct demo_hrow){ .id = h->id, .version = h->version, .at = at->iso,
			                              .actor = actor, .action = rows[i].action,
			                              .field = rows[i].field, .old = rows[i].old,
			                              .new_ = rows[i].new_, .note = rows[i].note };
		enum rv_code rc = b->n == HROWS ? pass_history(g, false) : RV_OK;
		if (rc)
			return rc;
	}
	return RV_OK;
}

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* The conference id a petition is linked to, as history writes it, or
 * NULL. */
static const char *conf_text(const struct gen *g, const struct demo_plan *p)
{
	int k = p->conference != RV_DATE_NONE ? demo_confs_find(&g->confs, p->conference) : -1;
	return k >= 0 ? g->confs.id_text[k] : NULL;
}

/* wf_add (with --conference for one raised for a conference), wf_classify
 * and wf_assign. */
static enum rv_code write_intake(struct hist *h, const struct demo_plan *p)
{
	const char *cat = h->g->w.cats[p->cat].code, *conf = conf_text(h->g, p);
	const struct hspec add[] = {
		{ "create", NULL, NULL, p->code, NULL },
		{ p->intake_category ? "set" : NULL, "category", NULL, cat, NULL },
		{ conf ? "set" : NULL, "conference", NULL, conf, NULL },
	};
	const struct hspec classify[] = {
		{ "set", "category", NULL, cat, NULL },
		{ "classify", "status", "received", "classified", NULL },
	};
	enum rv_code rc = command(h, &p->t_create, p->staff, add, NROWS(add));
	if (!rc && p->classified)
		rc = command(h, &p->t_classify, p->staff, classify, NROWS(classify));
	if (rc || !p->assigned)
		return rc;
	const struct hspec assign[] = {
		{ "set", "lead_agency", NULL, h->g->w.agencies[p->lead].code, NULL },
		{ p->ncoord ? "set" : NULL, "coordinating_agencies", NULL, p->coord_text, NULL },
		{ "set", "responsible_person", NULL, p->person, NULL },
		{ "set", "assigned", NULL, p->assigned_iso, NULL },
		{ "set", "deadline", NULL, p->original, NULL },
		{ "set", "original_deadline", NULL, p->original, NULL },
		{ "assign", "status", p->classified ? "classified" : "received", "assigned", NULL },
	};
	return command(h, &p->t_assign, p->staff, assign, NROWS(assign));
}

/* wf_start and wf_extend (with its extensions row and its one "extend"
 * history row: deadline old → new, with the reason). */
static enum rv_code write_progress(struct hist *h, const struct demo_plan *p)
{
	static const struct hspec start[] = { { "start", "status", "assigned", "in_progress", NULL } };
	enum rv_code rc = p->started ? command(h, &p->t_start, p->recorder, start, 1) : RV_OK;
	for (int i = 0; !rc && i < p->next; i++) {
		const struct demo_extension *x = &p->ext[i];
		sqlite3_stmt *ins = db_stmt(h->g->rv, sql_ext);
		if (!ins)
			return h->g->rv->code;
		sqlite3_bind_int64(ins, 1, h->id);
		bind_text(ins, 2, x->old_iso);
		bind_text(ins, 3, x->new_iso);
		bind_text(ins, 4, x->reason);
		bind_text(ins, 5, p->official);
		bind_text(ins, 6, x->at.iso);
		rc = run(h->g, ins, N_("writing a demo extension"));
		const struct hspec extend[] = {
			{ "extend", "deadline", x->old_iso, x->new_iso, x->reason },
		};
		if (!rc)
			rc = command(h, &x->at, p->official, extend, NROWS(extend));
	}
	return rc;
}

/* wf_reject or wf_withdraw; wf_answer and wf_close. */
static enum rv_code write_ending(struct hist *h, const struct demo_plan *p)
{
	const char *from = enum_db(&status_set, (int)p->exit_from);
	if (p->exited && p->status == ST_REJECTED) {
		const struct hspec reject[] = {
			{ "set", "reject_reason", NULL, p->reject_reason, NULL },
			{ "set", "refer_to", NULL, p->refer_to, NULL },
			{ "set", "decided_by", NULL, p->official, NULL },
			{ "reject", "status", from, "rejected", p->reject_reason },
		};
		return command(h, &p->t_exit, p->official, reject, NROWS(reject));
	}
	if (p->exited) {
		const struct hspec withdraw[] = { { "withdraw", "status", from, "withdrawn", p->note } };
		return command(h, &p->t_exit, p->staff, withdraw, 1);
	}
	if (!p->answered)
		return RV_OK;
	const struct hspec answer[] = {
		{ "set", "result", NULL, p->result, NULL },
		{ "set", "outcome", NULL, enum_db(&outcome_set, p->outcome), NULL },
		{ "set", "answered", NULL, p->answered_iso, NULL },
		{ "set", "late_days", NULL, p->late_text, NULL },
		{ "answer", "status", p->started ? "in_progress" : "assigned", "answered", NULL },
	};
	enum rv_code rc = command(h, &p->t_answer, p->recorder, answer, NROWS(answer));
	/* conference answer flags it in the same second */
	static const struct hspec in_session[] = { { "set", "answered_in_session", "0", "1", NULL } };
	if (!rc && p->in_session)
		rc = command(h, &p->t_answer, p->recorder, in_session, 1);
	if (rc || !p->closed)
		return rc;
	const struct hspec close[] = {
		{ p->rating ? "set" : NULL, "rating", NULL, p->rating_text, NULL },
		{ p->feedback ? "set" : NULL, "feedback", NULL, p->feedback, NULL },
		{ "set", "closed", NULL, p->closed_iso, NULL },
		{ "close", "status", "answered", "closed", NULL },
	};
	return command(h, &p->t_close, p->closer, close, NROWS(close));
}

/* Everything after the petition row: coordinating agencies, extensions
 * and history, checked against the version the plan counted. */
static enum rv_code write_rest(struct gen *g, const struct demo_plan *p)
{
	struct hist h = { .g = g, .id = p->id };
	enum rv_code rc = RV_OK;
	for (int i = 0; !rc && p->assigned && i < p->ncoord; i++) {
		sqlite3_stmt *st = db_stmt(g->rv, sql_coord);
		if (!st)
			return g->rv->code;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_int64(st, 2, g->w.agencies[p->coord[i]].id);
		rc = run(g, st, N_("writing demo coordinating agencies"));
	}
	int k = p->conference != RV_DATE_NONE ? demo_confs_find(&g->confs, p->conference) : -1;
	if (!rc && k >= 0) {
		sqlite3_stmt *st = db_stmt(g->rv, sql_conf);
		if (!st)
			return g->rv->code;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_int64(st, 2, g->confs.id[k]);
		sqlite3_bind_int(st, 3, p->in_session);
		rc = run(g, st, N_("linking demo petitions to their conference"));
	}
	if (!rc)
		rc = write_intake(&h, p);
	if (!rc)
		rc = write_progress(&h, p);
	if (!rc)
		rc = write_ending(&h, p);
	if (!rc && h.version != p->version)
		rc = rv_fail(g->rv, RV_EIO, NULL, _("demo: %s has version %d but %d history steps"), p->code, p->version,
		             h.version);
	return rc;
}

static enum rv_code write_group(struct gen *g)
{
	enum rv_code rc = g->nplans ? insert_petitions(g) : RV_OK;
	for (int i = 0; !rc && i < g->nplans; i++)
		rc = write_rest(g, &g->plans[i]);
	if (!rc)
		rc = flush_history(g);
	else
		drop_history(g);
	g->nplans = 0;
	return rc;
}

/* ---- transactions ---- */

/* History's append-only guard (history_no_replace) runs a subprogram and
 * a max(id) lookup for every row inserted: a quarter of the CPU of a run.
 * The demo gives its rows ids from the head it read inside the same
 * transaction, in order, so each transaction lifts the guard after BEGIN
 * and puts it back, from the text sqlite_master held, before COMMIT; as
 * DDL is transactional, no other connection ever sees the schema without
 * it, and a rollback restores it too. */
static enum rv_code lift_guard(struct gen *g)
{
	struct rv *rv = g->rv;
	sqlite3_stmt *st = db_stmt(rv, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'history_no_replace'");
	if (!st)
		return rv->code;
	int step = db_step(rv, st);
	free(g->guard_sql);
	g->guard_sql = step == SQLITE_ROW ? strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
	sqlite3_reset(st);
	if (step == SQLITE_DONE)
		return RV_OK; /* no guard to lift */
	if (step != SQLITE_ROW)
		return rv->code;
	if (!g->guard_sql)
		return nomem(rv);
	return sqlite3_exec(rv->db, "DROP TRIGGER history_no_replace", NULL, NULL, NULL) == SQLITE_OK
	               ? RV_OK
	               : db_fail(rv, "preparing the demo's history");
}

/* Checks what the guard would have (the history written ends at the head
 * the chain gave) and puts it back. */
static enum rv_code restore_guard(struct gen *g)
{
	struct rv *rv = g->rv;
	if (!g->guard_sql)
		return RV_OK;
	sqlite3_stmt *st = db_stmt(rv, "SELECT coalesce(max(id), 0) FROM history");
	if (!st || db_step(rv, st) != SQLITE_ROW)
		return rv->code;
	int64_t head = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (head != g->chain.last_id)
		return rv_fail(rv, RV_EIO, NULL, _("demo: history ends at row %lld, not at the chain's head %lld"),
		               (long long)head, (long long)g->chain.last_id);
	enum rv_code rc = sqlite3_exec(rv->db, g->guard_sql, NULL, NULL, NULL) == SQLITE_OK
	                          ? RV_OK
	                          : db_fail(rv, "restoring history's append-only guard");
	free(g->guard_sql);
	g->guard_sql = NULL;
	return rc;
}

/* Opens a transaction and reads what other writers may have changed
 * since the last one: the code counters and the highest petition id
 * (petitions get explicit ids, so each group knows its rows' ids). */
static enum rv_code batch_begin(struct gen *g)
{
	struct rv *rv = g->rv;
	enum rv_code rc = db_begin(rv);
	for (int k = 0; !rc && k < DEMO_MAX_YEARS; k++) {
		sqlite3_stmt *st = db_stmt(rv, "SELECT last FROM code_sequences WHERE year = ?1");
		if (!st)
			return rv->code;
		sqlite3_bind_int(st, 1, g->w.year0 + k);
		int step = db_step(rv, st);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return rv->code;
		g->w.seq[k] = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		g->w.seq_dirty[k] = false;
		sqlite3_reset(st);
	}
	if (!rc)
		rc = history_head(rv, &g->chain);
	if (!rc)
		rc = lift_guard(g);
	sqlite3_stmt *st = rc ? NULL : db_stmt(rv, "SELECT coalesce(max(id), 0) FROM petitions");
	if (!rc && (!st || db_step(rv, st) != SQLITE_ROW))
		return rv->code;
	if (!rc) {
		g->next_id = g->batch_after = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (!rc && !g->confs_recorded) {
		rc = demo_confs_record(rv, &g->w, &g->confs);
		g->confs_recorded = !rc;
	}
	return rc;
}

/* Writes the group in hand and the code counters (so `petition add`
 * continues the numbering), commits — or rolls back when rc is an error —
 * and reports progress. */
static enum rv_code batch_end(struct gen *g, enum rv_code rc)
{
	struct rv *rv = g->rv;
	if (!rc)
		rc = write_group(g);
	if (!rc)
		rc = demo_confs_agencies(rv, g->batch_after);
	if (!rc)
		rc = restore_guard(g);
	for (int k = 0; !rc && k < DEMO_MAX_YEARS; k++) {
		if (!g->w.seq_dirty[k])
			continue;
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO code_sequences(year, last) VALUES (?1, ?2) "
		                               "ON CONFLICT(year) DO UPDATE SET last = excluded.last");
		if (!st)
			rc = rv->code;
		if (!rc) {
			sqlite3_bind_int(st, 1, g->w.year0 + k);
			sqlite3_bind_int64(st, 2, g->w.seq[k]);
			rc = run(g, st, N_("numbering demo petitions"));
		}
	}
	rc = db_end(rv, rc);
	if (!rc) {
		g->written += g->in_batch;
		if (g->progress)
			fprintf(g->progress, _("demo: %ld of %ld petitions written\n"), g->written, g->total);
	}
	g->in_batch = 0;
	g->nplans = 0;
	drop_history(g);
	return rc;
}

/* Random (version 4) UUIDs for the group, the form rv_uuid() gives, from
 * one getrandom() call: libuuid makes several system calls per UUID, which
 * cost a tenth of the run at a million petitions. */
static enum rv_code group_uuids(struct gen *g)
{
	unsigned char raw[GROUP][16];
	size_t got = 0;
	while (got < sizeof raw) {
		ssize_t n = getrandom((unsigned char *)raw + got, sizeof raw - got, 0);
		if (n <= 0)
			return rv_fail(g->rv, RV_EIO, NULL, _("demo: no random numbers for UUIDs"));
		got += (size_t)n;
	}
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < GROUP; i++) {
		unsigned char *u = raw[i];
		u[6] = (unsigned char)((u[6] & 0x0F) | 0x40); /* version 4 */
		u[8] = (unsigned char)((u[8] & 0x3F) | 0x80); /* RFC 4122 variant */
		char *out = g->uuids[i];
		for (int b = 0, k = 0; b < 16; b++) {
			if (b == 4 || b == 6 || b == 8 || b == 10)
				out[k++] = '-';
			out[k++] = hex[u[b] >> 4];
			out[k++] = hex[u[b] & 15];
		}
		out[36] = '\0';
	}
	return RV_OK;
}

/* Plans and writes one petition received on day. */
static enum rv_code one_petition(struct gen *g, rv_date day, rv_date conference)
{
	if (g->nplans == 0) {
		enum rv_code rc = group_uuids(g);
		if (rc)
			return rc;
	}
	struct demo_plan *p = &g->plans[g->nplans];
	demo_plan_petition(&g->w, p, day, conference);
	p->id = ++g->next_id;
	memcpy(p->uuid, g->uuids[g->nplans], sizeof p->uuid);
	return ++g->nplans == GROUP ? write_group(g) : RV_OK;
}

/* Resets any statement of the session left mid-row (cached statements
 * are otherwise reset only when next fetched): one would pin the WAL
 * snapshot it started in, so no checkpoint could complete and the WAL
 * would grow to the size of everything written. */
static void reset_busy_statements(struct rv *rv)
{
	for (sqlite3_stmt *st = sqlite3_next_stmt(rv->db, NULL); st; st = sqlite3_next_stmt(rv->db, st))
		if (sqlite3_stmt_busy(st))
			sqlite3_reset(st);
}

static enum rv_code write_all(struct gen *g)
{
	reset_busy_statements(g->rv);
	g->plans = malloc(GROUP * sizeof *g->plans);
	g->st_group = g->plans ? prepare_rows(g, PETITION_INSERT, ROW31, GROUP) : NULL;
	g->st_hgroup = g->st_group ? prepare_rows(g, HISTORY_INSERT, ROW12, HROWS) : NULL;
	if (!g->plans || !g->st_group || !g->st_hgroup)
		return g->plans ? g->rv->code : nomem(g->rv);
	enum rv_code rc = RV_OK;
	bool open = false;
	for (int i = 0; !rc && i < WINDOW; i++) {
		long other = g->n_other[i], conf = g->n_conf[i];
		while (!rc && other + conf > 0) {
			bool at_conference = (long)demo_below(&g->w.rng, (uint32_t)(other + conf)) < conf;
			if (at_conference)
				conf--;
			else
				other--;
			if (!open && (rc = batch_begin(g)) != RV_OK)
				break;
			open = true;
			rc = one_petition(g, g->first + i, at_conference ? g->conference[i] : RV_DATE_NONE);
			if (!rc && ++g->in_batch == BATCH) {
				rc = batch_end(g, rc);
				open = false;
			}
		}
	}
	return open || rc ? batch_end(g, rc) : rc;
}

/* ---- the whole run ---- */

/* The settings of the run: a page cache large enough for the indexes
 * that grow in random order (uuid, enterprise); statement journals in
 * memory (every INSERT into petitions opens one, as its search-index
 * trigger may abort midway, and on disk each would be a temporary file
 * written page by page); and the search index merging its segments 16 at
 * a time instead of 4, which rewrites the index half as often during a
 * bulk load (FTS5's documented tuning; the index stays complete); and
 * commits without fsync (synchronous NORMAL: in WAL mode a power cut can
 * lose the last batches, never corrupt the file), the run ending with a
 * checkpoint under FULL that makes all of it durable at once.  The search
 * setting belongs to the database, the others to the connection: all come
 * back afterwards. */
struct settings {
	int cache_size, temp_store, automerge, synchronous;
};

static int query_int(struct rv *rv, const char *sql, int fallback)
{
	sqlite3_stmt *st = db_stmt(rv, sql);
	int v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : fallback;
	if (st)
		sqlite3_reset(st);
	return v;
}

/* PRAGMA takes no parameters: the values are numbers, formatted here. */
static void apply_settings(struct rv *rv, const struct settings *s)
{
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d; PRAGMA temp_store = %d; PRAGMA synchronous = %d",
	         s->cache_size, s->temp_store, s->synchronous);
	sqlite3_exec(rv->db, sql, NULL, NULL, NULL);
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO petition_search(petition_search, rank) VALUES ('automerge', ?1)");
	if (st) {
		sqlite3_bind_int(st, 1, s->automerge);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
}

static struct settings bulk_settings(struct rv *rv)
{
	struct settings old = {
		query_int(rv, "PRAGMA cache_size", -16384),
		query_int(rv, "PRAGMA temp_store", 0),
		query_int(rv, "SELECT v FROM petition_search_config WHERE k = 'automerge'", 4 /* FTS5's default */),
		query_int(rv, "PRAGMA synchronous", 2),
	};
	apply_settings(rv, &(struct settings){ -DEMO_CACHE_KIB, 2 /* MEMORY */, 16, 1 /* NORMAL */ });
	return old;
}

static void gen_free(struct gen *g)
{
	demo_hasher_stop(&g->hasher);
	sqlite3_finalize(g->st_group);
	sqlite3_finalize(g->st_hgroup);
	free(g->plans);
	free(g->guard_sql);
	demo_world_free(&g->w);
	free(g->n_other);
	free(g->n_conf);
	free(g->conference);
}

enum rv_code demo_generate(struct rv *rv, long n, unsigned seed, FILE *progress)
{
	enum rv_code rc = users_require(rv, PERM_ADMIN);
	const char *bad = NULL;
	if (!rc && !demo_data_check(&bad))
		rc = rv_fail(rv, RV_EIO, NULL, _("demo: built-in text is not clean NFC: %.60s"), bad);
	if (rc)
		return rc;
	struct gen *g = calloc(1, sizeof *g);
	if (!g)
		return nomem(rv);
	g->rv = rv;
	g->w.rng.s = 0x5DEECE66Du * ((uint64_t)seed + 1);
	g->w.salt = demo_next(&g->w.rng);
	g->first = rv_today(rv) - (WINDOW - 1);
	demo_hasher_start(&g->hasher, &g->chain);
	g->total = n < 0 ? 0 : n;
	g->progress = progress;
	date_to_ymd(g->first, &g->w.year0, NULL, NULL);
	rc = demo_world_load(rv, &g->w, g->total);
	if (!rc)
		rc = plan_days(g, g->total);
	if (!rc && g->total > 0) {
		struct settings old = bulk_settings(rv);
		rc = write_all(g);
		apply_settings(rv, &old);
		/* A bulk load leaves the search index in many segments (merged 16
		 * at a time above); one merge into a single segment makes a search
		 * in any order probe one b-tree (19 → 1.7 ms warm at 100k, about
		 * half a second of CPU per 100k petitions). */
		if (!rc && sqlite3_exec(rv->db, "INSERT INTO petition_search(petition_search) VALUES ('optimize')", NULL,
		                        NULL, NULL) != SQLITE_OK)
			rc = db_fail(rv, "merging the search index");
		/* Syncs the WAL and the database file (best effort: a reader may
		 * hold the WAL; its own commits stay as durable as NORMAL makes them). */
		sqlite3_wal_checkpoint_v2(rv->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	}
	if (rc && g->written > 0) {
		char msg[sizeof rv->msg], field[sizeof rv->field];
		snprintf(msg, sizeof msg, "%s", rv->msg);
		snprintf(field, sizeof field, "%s", rv->field);
		rv_fail(rv, rc, field[0] ? field : NULL, _("%.900s (%ld demo petitions were written before this)"), msg,
		        g->written);
	}
	gen_free(g);
	free(g);
	return rc;
}
