/* board.c — see board.h. */
#include "board.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rv_internal.h"
#include "users.h"

void board_free(struct board **pb)
{
	if (!pb || !*pb)
		return;
	for (size_t i = 0; i < (*pb)->n; i++) {
		free((*pb)->rows[i].code);
		free((*pb)->rows[i].name);
	}
	free((*pb)->rows);
	free(*pb);
	*pb = NULL;
}

static struct board_row *find_row(struct board *b, int64_t *ids, int64_t id)
{
	for (size_t i = 0; i < b->n; i++)
		if (ids[i] == id)
			return &b->rows[i];
	return NULL;
}

/* One row per agency with counters, in name order. */
static enum rv_code load_agencies(struct rv *rv, struct board *b, int64_t **ids)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT a.id, a.code, a.name, s.assigned, s.answered, s.on_time, s.late_sum, "
	                               "s.extensions, s.rated, s.rating_sum FROM agency_stats s "
	                               "JOIN agencies a ON a.id = s.agency_id WHERE s.assigned > 0 "
	                               "ORDER BY a.sort_key");
	if (!st)
		return rv->code;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (b->n == cap) {
			cap = cap ? cap * 2 : 32;
			struct board_row *rows = realloc(b->rows, cap * sizeof *rows);
			int64_t *grown = realloc(*ids, cap * sizeof *grown);
			if (rows)
				b->rows = rows;
			if (grown)
				*ids = grown;
			if (!rows || !grown)
				return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		}
		struct board_row *r = &b->rows[b->n];
		memset(r, 0, sizeof *r);
		(*ids)[b->n++] = sqlite3_column_int64(st, 0);
		r->code = db_column_dup(st, 1);
		r->name = db_column_dup(st, 2);
		r->assigned = sqlite3_column_int64(st, 3);
		r->answered = sqlite3_column_int64(st, 4);
		r->answered_on_time = sqlite3_column_int64(st, 5);
		r->overdue_days = sqlite3_column_int64(st, 6); /* late_sum for now; see finish() */
		r->extensions = sqlite3_column_int64(st, 7);
		r->rated = sqlite3_column_int64(st, 8);
		r->avg_rating = (double)sqlite3_column_int64(st, 9);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading agency counters");
}

/* Adds the open-deadline groups: open, overdue (with working days
 * overdue), due soon. */
static enum rv_code load_deadlines(struct rv *rv, struct board *b, const int64_t *ids, int64_t *late_extra)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT agency_id, deadline, n FROM open_deadlines WHERE deadline <= ?1");
	if (!st)
		return rv->code;
	db_bind_date(st, 1, b->due_limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct board_row *r = find_row(b, (int64_t *)ids, sqlite3_column_int64(st, 0));
		rv_date d = db_column_date(st, 1);
		int64_t n = sqlite3_column_int64(st, 2);
		if (!r || d == RV_DATE_NONE)
			continue;
		if (d < rv->today) {
			int64_t days = calendar_workdays_between(rv->cal, d, rv->today);
			r->overdue += n;
			late_extra[r - b->rows] += n * days;
		} else {
			r->due_soon += n;
		}
	}
	if (rc != SQLITE_DONE)
		return db_fail(rv, "reading deadlines");
	st = db_stmt(rv, "SELECT agency_id, sum(n) FROM open_deadlines GROUP BY agency_id");
	if (!st)
		return rv->code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct board_row *r = find_row(b, (int64_t *)ids, sqlite3_column_int64(st, 0));
		if (r)
			r->open = sqlite3_column_int64(st, 1);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "reading deadlines");
}

/* Turns sums into averages, fills the total. */
static void finish(struct board *b, const int64_t *late_extra)
{
	struct board_row *t = &b->total;
	int64_t t_late = 0, t_rating = 0;
	for (size_t i = 0; i < b->n; i++) {
		struct board_row *r = &b->rows[i];
		int64_t late_sum = r->overdue_days; /* answered petitions' late days */
		int64_t rating_sum = (int64_t)r->avg_rating;
		r->overdue_days = late_extra[i];
		int64_t basis = r->answered + r->overdue;
		r->avg_days_late = basis ? (double)(late_sum + late_extra[i]) / (double)basis : 0;
		r->on_time_rate = r->answered ? (double)r->answered_on_time / (double)r->answered : 0;
		r->avg_rating = r->rated ? (double)rating_sum / (double)r->rated : 0;
		t->open += r->open;
		t->overdue += r->overdue;
		t->due_soon += r->due_soon;
		t->overdue_days += r->overdue_days;
		t->assigned += r->assigned;
		t->answered += r->answered;
		t->answered_on_time += r->answered_on_time;
		t->extensions += r->extensions;
		t->rated += r->rated;
		t_late += late_sum + late_extra[i];
		t_rating += rating_sum;
	}
	int64_t basis = t->answered + t->overdue;
	t->avg_days_late = basis ? (double)t_late / (double)basis : 0;
	t->on_time_rate = t->answered ? (double)t->answered_on_time / (double)t->answered : 0;
	t->avg_rating = t->rated ? (double)t_rating / (double)t->rated : 0;
}

static int rank(const void *pa, const void *pb)
{
	const struct board_row *a = pa, *b = pb;
	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->avg_days_late != b->avg_days_late)
		return a->avg_days_late > b->avg_days_late ? -1 : 1;
	return strcmp(a->code ? a->code : "", b->code ? b->code : "");
}

enum rv_code board_load(struct rv *rv, int due_within, struct board **out)
{
	*out = NULL;
	enum rv_code rc = users_require(rv, PERM_REPORT);
	if (rc)
		return rc;
	struct board *b = calloc(1, sizeof *b);
	int64_t *ids = NULL, *late_extra = NULL;
	if (!b)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	b->due_within = due_within < 0 ? 0 : due_within;
	b->due_limit = calendar_add_workdays(rv->cal, rv->today, b->due_within);
	rc = load_agencies(rv, b, &ids);
	if (!rc && !(late_extra = calloc(b->n + 1, sizeof *late_extra)))
		rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	if (!rc)
		rc = load_deadlines(rv, b, ids, late_extra);
	if (!rc) {
		finish(b, late_extra);
		if (b->n > 1) /* rows is NULL when there is no agency; qsort wants an array */
			qsort(b->rows, b->n, sizeof *b->rows, rank);
	}
	free(ids);
	free(late_extra);
	if (rc)
		board_free(&b);
	*out = b;
	return rc;
}
