/* test_plan.c — the query-plan guard of issue 6: no hot query may read the
 * whole petitions or history table.
 *
 *   test_plan            every query: prints its SQL and plan, a verdict
 *                        per query, and exits 1 if any scans
 *   test_plan QUERY      that one only (meson runs one test per query)
 *
 * It builds a small database through the core API (a few hundred
 * petitions across the workflow), then calls each hot operation exactly as
 * the UI and the command line do (pq_fetch, pq_count, board_load,
 * petition_load) with SQLite's statement trace on, so the SQL checked is
 * the SQL the core really runs — no copy of it to keep in step.  Each
 * traced SELECT goes through EXPLAIN QUERY PLAN.  A query fails when
 *   - a plan line reads petitions or history in full: "SCAN p",
 *     "SCAN petitions", "SCAN history" without an index;
 *   - a list query walks petitions on an index but still sorts what it
 *     reads ("USE TEMP B-TREE FOR ORDER BY"): every row is read before the
 *     first is shown.  Walking an index in the wanted order is fine: with
 *     LIMIT it stops after one page;
 *   - a count walks petitions or history at all (even a covering index
 *     holds one entry per petition): counts must come from a SEARCH over a
 *     range or from counters;
 *   - a conference query (the list, one conference's header and follow-up
 *     pages) reads petitions or conference_petitions other than one row
 *     per shown petition: a SEARCH of conference_petitions must seek the
 *     (conference, code) keyset, and nothing may be sorted — the demo links
 *     31,000 petitions to each conference at a million;
 *   - a page in code order (the first or one after a cursor) reads
 *     petitions other than on the index of that order
 *     (petitions_by_code_order, schema version 10), or sorts anything at
 *     all: the order must be a seek at a million.
 * The plan does not depend on the rows: roviec never runs ANALYZE, so
 * SQLite plans from the schema alone, as it does on a real database.
 *
 * The test reaches the session's connection through rv_internal.h (only
 * to install the trace and run EXPLAIN); it changes nothing in the core. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board.h"
#include "conference.h"
#include "petition.h"
#include "query.h"
#include "refdata.h"
#include "rv_internal.h"
#include "workflow.h"

#define TODAY "2026-11-16"

/* ---- the trace ---- */

enum { MAX_SQL = 64 };
static char *traced[MAX_SQL];
static int ntraced;
static bool tracing;

static int on_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	(void)ctx;
	const char *text = x;
	if (!tracing || (text && strncmp(text, "--", 2) == 0)) /* a trigger's own statements */
		return 0;
	const char *sql = sqlite3_sql(p);
	if (!sql || (strncmp(sql, "SELECT", 6) != 0 && strncmp(sql, "WITH", 4) != 0))
		return 0;
	for (int i = 0; i < ntraced; i++)
		if (strcmp(traced[i], sql) == 0)
			return 0;
	if (ntraced < MAX_SQL)
		traced[ntraced++] = strdup(sql);
	return 0;
}

static void trace_clear(void)
{
	for (int i = 0; i < ntraced; i++)
		free(traced[i]);
	ntraced = 0;
}

/* ---- the database ---- */

static void must(struct rv *rv, enum rv_code rc, const char *what)
{
	if (rc == RV_OK)
		return;
	fprintf(stderr, "test_plan: %s: %s\n", what, rv_message(rv));
	exit(99);
}

static const char *const agencies[] = { "BQL", "SXD", "STC", "EVN" };
static const char *const categories[] = { "dien", "nuoc", "dat-dai", "thue", "pccc" };

/* 300 petitions from 12 enterprises in 3 parks, received over the last 200
 * days; three in four assigned, then started, answered, closed, extended,
 * rejected or withdrawn in turn. */
static void build(struct rv *rv)
{
	must(rv, db_exec(rv, "PRAGMA synchronous=OFF"), "pragma");
	const char *zones[] = { "KCN Thăng Long", "KCN Nội Bài", "Khu công nghệ cao Hòa Lạc" };
	for (int i = 0; i < 3; i++)
		must(rv, zone_add(rv, zones[i]), "zone");
	const char *names[] = { "Ban Quản lý", "Sở Xây dựng", "Sở Tài chính", "EVN Hà Nội" };
	for (int i = 0; i < 4; i++)
		must(rv, agency_add(rv, names[i], agencies[i], i ? "department" : "board"), "agency");
	for (int i = 0; i < 12; i++) {
		char name[64], tax[16];
		snprintf(name, sizeof name, "Công ty TNHH Số %d", i + 1);
		snprintf(tax, sizeof tax, "01000000%02d", i + 1);
		must(rv, enterprise_add(rv, name, tax, zones[i % 3], NULL), "enterprise");
	}
	const char *titles[] = { "Đề nghị cấp điện ổn định", "Kiến nghị về áp lực nước", "Vướng mắc thuê đất",
		                 "Đề nghị hoàn thuế", "Thẩm duyệt phòng cháy chữa cháy" };
	for (int i = 0; i < 300; i++) {
		char code[RV_CODE_MAX], tax[16], received[11];
		snprintf(tax, sizeof tax, "01000000%02d", i % 12 + 1);
		rv_date d;
		date_parse_iso(TODAY, &d);
		date_iso(d - 200 + i * 2 / 3, received);
		struct intake_args in = { .enterprise = tax, .title = titles[i % 5], .category = categories[i % 5],
			                  .received = received, .body = "Doanh nghiệp đề nghị xem xét." };
		must(rv, wf_add(rv, &in, code), "add");
		if (i % 4 == 0)
			continue;
		const char *coord[] = { agencies[(i + 1) % 4] };
		struct assign_args a = { .lead = agencies[i % 4], .coordinating = coord, .n_coordinating = i % 3 == 0,
			                 .person = "Nguyễn Văn An", .within = "5" };
		switch (i % 8) {
		case 1: must(rv, wf_reject(rv, code, 0, "Ngoài thẩm quyền", NULL), "reject"); continue;
		case 2: must(rv, wf_withdraw(rv, code, 0, NULL), "withdraw"); continue;
		default: break;
		}
		must(rv, wf_assign(rv, code, 0, &a), "assign");
		if (i % 8 == 3)
			continue;
		must(rv, wf_start(rv, code, 0), "start");
		if (i % 8 == 5) {
			must(rv, wf_extend(rv, code, 0, "2027-01-29", "Chờ ý kiến"), "extend");
			continue;
		}
		must(rv, wf_answer(rv, code, 0, "Đã xử lý", "resolved"), "answer");
		if (i % 8 != 6)
			must(rv, wf_close(rv, code, 0, "4", NULL), "close");
	}
	/* two conferences, every third petition linked to one of them */
	int64_t conf = 0;
	const struct conference_args ca[] = { { .title = "Đối thoại quý III", .date = "2026-09-21" },
		                              { .title = "Đối thoại quý IV", .date = "2026-11-10" } };
	for (int k = 0; k < 2; k++)
		must(rv, conf_add(rv, &ca[k], &conf), "conference");
	for (int i = 0; i < 300; i += 3) {
		char code[RV_CODE_MAX];
		snprintf(code, sizeof code, "KN-2026-%05d", i + 1);
		must(rv, conf_link(rv, i % 2 ? "1" : "2", code, 0, false), "link");
	}
}

/* ---- the hot queries ---- */

enum kind { LIST, COUNT, OTHER, CONF };

struct query {
	const char *name;
	enum kind kind;
	void (*run)(struct rv *rv, const struct query *q);
	int sort; /* for keyset pages */
	bool desc;
	char filter;
};

static void fetch(struct rv *rv, const struct pq_filter *f, const struct pq_cursor *after)
{
	struct pq_page *page = NULL;
	must(rv, pq_fetch(rv, f, after, false, 50, &page), "pq_fetch");
	pq_page_free(&page);
}

static void q_page(struct rv *rv, const struct query *q)
{
	struct pq_filter f;
	pq_filter_init(&f);
	switch (q->filter) {
	case 'o': f.overdue = true; break;
	case 'O': f.overdue = true; f.sort = PQ_DEADLINE; f.descending = q->desc; break;
	case 'd': f.due_within = 5; f.sort = PQ_DEADLINE; f.descending = false; break;
	case 'a': f.agency = "SXD"; break;
	case 'c': f.category = "dien"; break;
	case 'e': f.enterprise = "0100000001"; break;
	case 'z': f.zone = "KCN Nội Bài"; break;
	case 's': f.search = "cấp điện"; break;
	case 'f': f.sort = (enum pq_sort)q->sort; f.descending = q->desc; break;
	default: break;
	}
	tracing = true;
	fetch(rv, &f, NULL);
	tracing = false;
}

/* The page after the first one: the keyset condition on each order. */
static void q_keyset(struct rv *rv, const struct query *q)
{
	struct pq_filter f;
	struct pq_page *first = NULL;
	struct pq_cursor cur;
	pq_filter_init(&f);
	f.sort = (enum pq_sort)q->sort;
	f.descending = q->desc;
	f.overdue = q->filter == 'o';
	must(rv, pq_fetch(rv, &f, NULL, false, 20, &first), "first page");
	if (first->n)
		pq_cursor_copy(&cur, &first->rows[first->n - 1].cursor);
	else /* nothing is overdue here (deadlines count from today): the plan
	      * is the same for any cursor in the received order */
		cur = (struct pq_cursor){ .set = true, .type = SQLITE_TEXT, .bytes = (unsigned char *)strdup(TODAY),
			                  .len = (int)strlen(TODAY), .id = 1 };
	pq_page_free(&first);
	tracing = true;
	fetch(rv, &f, &cur);
	tracing = false;
	pq_cursor_clear(&cur);
}

static void q_count(struct rv *rv, const struct query *q)
{
	struct pq_filter f;
	int64_t n;
	pq_filter_init(&f);
	if (q->filter == 'o')
		f.overdue = true;
	if (q->filter == 's')
		f.status_mask = 1u << ST_IN_PROGRESS;
	if (q->filter == 'c')
		f.category = "dien";
	if (q->filter == 'z')
		f.zone = "KCN Nội Bài";
	if (q->filter == 'w')
		f.search = "cấp điện";
	tracing = true;
	must(rv, pq_count(rv, &f, &n), "pq_count");
	tracing = false;
}

static void q_board(struct rv *rv, const struct query *q)
{
	(void)q;
	struct board *b = NULL;
	tracing = true;
	must(rv, board_load(rv, 5, &b), "board_load");
	tracing = false;
	board_free(&b);
}

static void q_petition(struct rv *rv, const struct query *q)
{
	(void)q;
	struct petition *p = NULL;
	tracing = true;
	must(rv, petition_load(rv, "KN-2026-00150", PETITION_WITH_HISTORY, &p), "petition_load");
	tracing = false;
	petition_free(&p);
}

static void q_conf_list(struct rv *rv, const struct query *q)
{
	(void)q;
	struct rows *r = NULL;
	tracing = true;
	must(rv, conf_list(rv, &r), "conf_list");
	tracing = false;
	rows_free(&r);
}

/* What the conference screen runs: the header, the first page, the page
 * after it, and the last page (End). */
static void q_conf_open(struct rv *rv, const struct query *q)
{
	(void)q;
	struct conference *c = NULL;
	struct followup_row *rows = NULL;
	size_t n = 0;
	char after[RV_CODE_MAX];
	tracing = true;
	must(rv, conf_load_head(rv, "2", &c), "conf_load_head");
	must(rv, conf_page(rv, c->id, NULL, false, 20, &rows, &n), "conf_page");
	snprintf(after, sizeof after, "%s", n ? rows[n - 1].code : "KN-2026-00001");
	conf_rows_free(rows, n);
	must(rv, conf_page(rv, c->id, after, false, 20, &rows, &n), "conf_page after");
	conf_rows_free(rows, n);
	must(rv, conf_page(rv, c->id, NULL, true, 20, &rows, &n), "conf_page backward");
	conf_rows_free(rows, n);
	tracing = false;
	conf_free(&c);
}

/* The first page of an order (no cursor: the planner may choose another
 * plan than for the pages after it). */
#define FIRST(s, name) \
	{ "page1_" name "_asc", LIST, q_page, s, false, 'f' }, { "page1_" name "_desc", LIST, q_page, s, true, 'f' }
#define KEYSET(s, name) \
	{ "keyset_" name "_asc", LIST, q_keyset, s, false, 0 }, { "keyset_" name "_desc", LIST, q_keyset, s, true, 0 }

static const struct query queries[] = {
	{ "page_default", LIST, q_page, 0, false, 0 },
	KEYSET(PQ_RECEIVED, "received"),
	KEYSET(PQ_CODE, "code"),
	KEYSET(PQ_DEADLINE, "deadline"),
	KEYSET(PQ_ENTERPRISE, "enterprise"),
	KEYSET(PQ_CATEGORY, "category"),
	KEYSET(PQ_AGENCY, "agency"),
	KEYSET(PQ_STATUS, "status"),
	FIRST(PQ_CODE, "code"),
	FIRST(PQ_DEADLINE, "deadline"),
	FIRST(PQ_ENTERPRISE, "enterprise"),
	FIRST(PQ_CATEGORY, "category"),
	FIRST(PQ_AGENCY, "agency"),
	FIRST(PQ_STATUS, "status"),
	{ "overdue_page", LIST, q_page, 0, false, 'o' },
	{ "overdue_deadline_asc", LIST, q_page, 0, false, 'O' },
	{ "overdue_deadline_desc", LIST, q_page, 0, true, 'O' },
	{ "overdue_keyset", LIST, q_keyset, 0, false, 'o' },
	{ "due_within_page", LIST, q_page, 0, false, 'd' },
	{ "agency_page", LIST, q_page, 0, false, 'a' },
	{ "category_page", LIST, q_page, 0, false, 'c' },
	{ "enterprise_page", LIST, q_page, 0, false, 'e' },
	{ "zone_page", LIST, q_page, 0, false, 'z' },
	{ "search_page", LIST, q_page, 0, false, 's' },
	{ "count_all", COUNT, q_count, 0, false, 0 },
	{ "count_overdue", COUNT, q_count, 0, false, 'o' },
	{ "count_status", COUNT, q_count, 0, false, 's' },
	{ "count_category", COUNT, q_count, 0, false, 'c' },
	{ "count_zone", COUNT, q_count, 0, false, 'z' },
	{ "count_search", COUNT, q_count, 0, false, 'w' },
	{ "board", OTHER, q_board, 0, false, 0 },
	{ "petition_history", OTHER, q_petition, 0, false, 0 },
	{ "conference_list", CONF, q_conf_list, 0, false, 0 },
	{ "conference_open", CONF, q_conf_open, 0, false, 0 },
};

/* For a conference query: true when detail reads a conference's links in
 * full (any access to conference_petitions but the code keyset seek) or
 * walks petitions (only rowid lookups, one per shown row, are fine). */
static bool reads_links(const char *detail)
{
	static const char *const names[] = { "cp", "conference_petitions" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		const char *t = strncmp(detail, "SEARCH ", 7) == 0 ? detail + 7
		                : strncmp(detail, "SCAN ", 5) == 0 ? detail + 5 : NULL;
		if (t && strncmp(t, names[i], n) == 0 && (t[n] == '\0' || t[n] == ' '))
			return !strstr(t, "USING INDEX conference_petitions_by_code (conference_id=? AND <expr>>?)") &&
			       !strstr(t, "USING INDEX conference_petitions_by_code (conference_id=? AND <expr><?)");
	}
	return false;
}

/* True when detail reads table petitions or history ("p", "h" are the
 * core's aliases) from start to end; *indexed tells whether on an index. */
static bool scans_big_table(const char *detail, bool *indexed)
{
	static const char *const names[] = { "p", "petitions", "history", "h" };
	if (strncmp(detail, "SCAN ", 5) != 0)
		return false;
	const char *t = detail + 5;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(t, names[i], n) == 0 && (t[n] == '\0' || t[n] == ' ')) {
			*indexed = strstr(t + n, "USING") != NULL;
			return true;
		}
	}
	return false;
}

/* For a page in code order: true when detail reads petitions other than on the
 * index of the code order, or sorts. */
static bool strict_refuses(const char *detail)
{
	if (strstr(detail, "USE TEMP B-TREE"))
		return true;
	static const char *const names[] = { "p", "petitions" };
	const char *t = strncmp(detail, "SEARCH ", 7) == 0 ? detail + 7
	                : strncmp(detail, "SCAN ", 5) == 0 ? detail + 5 : NULL;
	for (size_t i = 0; t && i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(t, names[i], n) == 0 && (t[n] == '\0' || t[n] == ' '))
			return !strstr(t + n, "USING INDEX petitions_by_code_order");
	}
	return false;
}

/* Explains every traced statement; returns how many are refused. */
static int check(struct rv *rv, const struct query *q, bool verbose)
{
	int bad = 0;
	for (int i = 0; i < ntraced; i++) {
		size_t len = strlen(traced[i]) + 32;
		char *eqp = malloc(len);
		snprintf(eqp, len, "EXPLAIN QUERY PLAN %s", traced[i]);
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(rv->db, eqp, -1, &st, NULL) != SQLITE_OK) {
			fprintf(stderr, "test_plan: %s: %s\n", q->name, sqlite3_errmsg(rv->db));
			exit(99);
		}
		char plan[4096] = "";
		const char *why = NULL;
		bool walk = false, sort = false;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);
			bool indexed = false;
			if (q->kind == LIST && q->sort == PQ_CODE && !why && strict_refuses(d))
				why = "reads petitions off the code order's index, or sorts";
			if (q->kind == CONF && !why && reads_links(d))
				why = "reads every petition linked to a conference";
			if (q->kind == CONF && !why && sqlite3_column_int(st, 1) == 0 && strstr(d, "USE TEMP B-TREE"))
				why = "sorts what it reads";
			size_t used = strlen(plan);
			snprintf(plan + used, sizeof plan - used, "    %s\n", d);
			if (scans_big_table(d, &indexed)) {
				if (!indexed)
					why = "reads the whole table";
				else if (q->kind != LIST && !why)
					why = "a count walks a whole index";
				walk |= indexed;
			}
			if (strstr(d, "TEMP B-TREE FOR") && strstr(d, "ORDER BY"))
				sort = true;
		}
		sqlite3_finalize(st);
		free(eqp);
		if (!why && walk && sort && q->kind == LIST)
			why = "walks an index but sorts everything it reads";
		bad += why != NULL;
		if (verbose || why)
			printf("%s %s%s%s\n  %s\n%s", why ? "SCANS" : "ok   ", q->name, why ? ": " : "", why ? why : "",
			       traced[i], plan);
	}
	return bad;
}

int main(int argc, char **argv)
{
	setenv("ROVIEC_TODAY", TODAY, 1);
	setenv("LANG", "C.UTF-8", 1);
	char dir[] = "/tmp/roviec-plan.XXXXXX", path[64];
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/plan.db", dir);
	struct rv *rv = rv_open(&(struct rv_open_options){ .path = path, .create = true });
	if (!rv || rv_status(rv))
		return fprintf(stderr, "test_plan: open: %s\n", rv ? rv_message(rv) : "out of memory"), 99;
	build(rv);
	sqlite3_trace_v2(rv->db, SQLITE_TRACE_STMT, on_trace, NULL);
	int failed = 0, ran = 0;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		const struct query *q = &queries[i];
		if (argc > 1 && strcmp(argv[1], q->name) != 0)
			continue;
		ran++;
		trace_clear();
		q->run(rv, q);
		int bad = check(rv, q, argc > 1);
		failed += bad > 0;
		if (argc == 1)
			printf("%s %s\n", bad ? "SCANS" : "ok   ", q->name);
	}
	trace_clear();
	rv_close(&rv);
	char side[80];
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		unlink(side);
	}
	rmdir(dir);
	if (!ran) {
		fprintf(stderr, "test_plan: no query named %s\n", argv[1]);
		return 99;
	}
	printf("%d passed, %d failed\n", ran - failed, failed);
	return failed ? 1 : 0;
}
