/* ops.c — what the harness measures: the operations issue 6 lists, each
 * exactly as the UI and the command line call the core (query.h, board.h,
 * petition.h, workflow.h), and the same questions in plain SQL for the
 * sqlite3 shell, the floor roviec is compared with.
 *
 * The plain SQL repeats the shapes of src/query.c (sort expressions, the
 * keyset condition, the open statuses), so a ratio over the floor is
 * roviec's own overhead, not a different question: keep them in step when
 * query.c changes. */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "board.h"
#include "conference.h"
#include "petition.h"
#include "refdata.h"
#include "rows.h"
#include "text.h"
#include "workflow.h"

#define OPEN "('received', 'classified', 'assigned', 'in_progress')"
#define PAGE_SELECT \
	"SELECT p.id, p.code, p.received, e.name, c.label_vi, c.code, a.code, p.deadline, p.status, p.title, " \
	"p.version FROM petitions p"
#define PAGE_JOINS \
	" JOIN enterprises e ON e.id = p.enterprise_id " \
	"LEFT JOIN agencies a ON a.id = p.lead_agency_id LEFT JOIN categories c ON c.id = p.category_id"
#define PAGE_COLS PAGE_SELECT PAGE_JOINS

/* A search page as query.c asks it: the search index drives, newest
 * petition (highest rowid) first. */
#define SEARCH_PAGE \
	"SELECT p.id, p.code, p.received, e.name, c.label_vi, c.code, a.code, p.deadline, p.status, p.title, " \
	"p.version FROM petition_search s JOIN petitions p ON p.id = s.rowid " \
	"JOIN enterprises e ON e.id = p.enterprise_id LEFT JOIN agencies a ON a.id = p.lead_agency_id " \
	"LEFT JOIN categories c ON c.id = p.category_id WHERE petition_search MATCH %s ORDER BY s.rowid DESC LIMIT %d;"

/* query.c's sort_exprs, for the floor queries (keep in step). */
static const char *const sort_sql[PQ_SORT_COUNT] = {
	[PQ_RECEIVED] = "p.received",
	[PQ_CODE] = PETITION_CODE_ORDER("p.code"),
	[PQ_DEADLINE] = "coalesce(p.deadline, '9999-12-31')",
	[PQ_ENTERPRISE] = "p.enterprise_key",
	[PQ_CATEGORY] = "coalesce(p.category_id, 9223372036854775807)",
	[PQ_AGENCY] = "p.lead_key",
	[PQ_STATUS] = "(CASE p.status WHEN 'received' THEN 0 WHEN 'classified' THEN 1 WHEN 'assigned' THEN 2 "
	              "WHEN 'in_progress' THEN 3 WHEN 'answered' THEN 4 WHEN 'closed' THEN 5 "
	              "WHEN 'rejected' THEN 6 ELSE 7 END)",
};

enum { PAGE = 50, DEPTH = 10000 };

/* ---- the operations ---- */

static void filter_for(const struct ctx *c, const struct op *o, struct pq_filter *f)
{
	pq_filter_init(f);
	switch (o->arg) {
	case 'o': f->overdue = true; break;
	case 'O': f->overdue = true; f->sort = PQ_DEADLINE; f->descending = false; break;
	case 'd': f->due_within = 5; f->sort = PQ_DEADLINE; f->descending = false; break;
	case 'a': f->agency = c->agency; break;
	case 'c': f->category = c->category; break;
	case 'e': f->enterprise = c->tax; break;
	case 'z': f->zone = c->zone; break;
	case 'w': f->search = c->common; break;
	case 'r': f->search = c->rare; break;
	case 'p': f->search = c->phrase; break;
	case 't': f->search = c->typing; break;
	case 'W': f->search = c->common; f->sort = PQ_CODE; f->descending = false; break;
	default: f->sort = o->sort; f->descending = o->desc; break;
	}
}

/* One page of 50 rows after the cursor (deep pages) or from the start. */
static enum rv_code op_page(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)run;
	struct pq_filter f;
	filter_for(c, o, &f);
	const struct pq_cursor *after = o->arg == 'k' ? &c->cursor[o->sort][o->desc] : NULL;
	struct pq_page *page = NULL;
	enum rv_code rc = pq_fetch(rv, &f, after, false, PAGE, &page);
	pq_page_free(&page);
	return rc;
}

/* The first screen: open the database and fetch the default first page. */
static enum rv_code op_startup(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)rv;
	(void)o;
	(void)run;
	struct rv *s = rv_open(&(struct rv_open_options){ .path = c->db });
	enum rv_code rc = s ? rv_status(s) : RV_EIO;
	if (!rc) {
		struct pq_filter f;
		struct pq_page *page = NULL;
		pq_filter_init(&f);
		rc = pq_fetch(s, &f, NULL, false, PAGE, &page);
		pq_page_free(&page);
	}
	if (rc && s)
		fprintf(stderr, "bench: startup: %s\n", rv_message(s));
	rv_close(&s);
	return rc;
}

static enum rv_code op_count(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)run;
	struct pq_filter f;
	int64_t n;
	pq_filter_init(&f);
	if (o->arg == 'o')
		f.overdue = true;
	if (o->arg == 'w')
		f.search = c->common;
	return pq_count(rv, &f, &n);
}

/* Counts per status, category or park: one pq_count per value, which is
 * all the core offers for a breakdown. */
static enum rv_code op_breakdown(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)c;
	(void)run;
	struct pq_filter f;
	int64_t n;
	enum rv_code rc = RV_OK;
	if (o->arg == 's') {
		for (int s = 0; s < ST_COUNT && !rc; s++) {
			pq_filter_init(&f);
			f.status_mask = 1u << s;
			rc = pq_count(rv, &f, &n);
		}
		return rc;
	}
	struct rows *list = NULL;
	rc = o->arg == 'c' ? category_list(rv, &list) : zone_list(rv, &list);
	for (size_t i = 0; !rc && i < list->n; i++) {
		pq_filter_init(&f);
		if (o->arg == 'c')
			f.category = rows_get(list, i, 0);
		else
			f.zone = rows_get(list, i, 0);
		rc = pq_count(rv, &f, &n);
	}
	rows_free(&list);
	return rc;
}

static enum rv_code op_board(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)c;
	(void)o;
	(void)run;
	struct board *b = NULL;
	enum rv_code rc = board_load(rv, 5, &b);
	board_free(&b);
	return rc;
}

static enum rv_code op_petition(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)o;
	(void)run;
	struct petition *p = NULL;
	enum rv_code rc = petition_load(rv, c->code, PETITION_WITH_HISTORY, &p);
	petition_free(&p);
	return rc;
}

static enum rv_code op_conferences(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)c;
	(void)o;
	(void)run;
	struct rows *r = NULL;
	enum rv_code rc = conf_list(rv, &r);
	rows_free(&r);
	return rc;
}

/* What the conference screen reads on Enter: the header and progress,
 * then the first page of the follow-up table. */
static enum rv_code op_conference(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)o;
	(void)run;
	struct conference *conf = NULL;
	struct followup_row *rows = NULL;
	size_t n = 0;
	enum rv_code rc = conf_load_head(rv, c->conference, &conf);
	if (!rc)
		rc = conf_page(rv, conf->id, NULL, false, PAGE, &rows, &n);
	conf_rows_free(rows, n);
	conf_free(&conf);
	return rc;
}

/* Writes: run r of the harness (2 per child: cold and warm) changes fresh
 * petition r; assign makes them assigned, extend then extends them. */
static enum rv_code op_assign(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)o;
	if (run >= c->n_fresh)
		return rv_fail(rv, RV_EIO, NULL, "no fresh petition left for run %d", run);
	struct assign_args a = { .lead = c->agency, .person = "Nguyễn Văn An", .within = "10" };
	return wf_assign(rv, c->fresh[run], 0, &a);
}

static enum rv_code op_extend(struct rv *rv, const struct ctx *c, const struct op *o, int run)
{
	(void)o;
	if (run >= c->n_fresh)
		return rv_fail(rv, RV_EIO, NULL, "no fresh petition left for run %d", run);
	return wf_extend(rv, c->fresh[run], 0, c->extend_to, "Cần thêm ý kiến của cơ quan phối hợp");
}

/* ---- building the list ---- */

/* Appends printf text to a fixed buffer (truncating). */
static void cat(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void cat(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	if (len < size)
		vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/* An SQL literal for a cursor value. */
static void cursor_literal(const struct pq_cursor *cur, char *buf, size_t size)
{
	buf[0] = '\0';
	if (cur->type == SQLITE_INTEGER) {
		snprintf(buf, size, "%lld", (long long)cur->i);
	} else if (cur->type == SQLITE_BLOB) {
		cat(buf, size, "x'");
		for (int i = 0; i < cur->len; i++)
			cat(buf, size, "%02x", cur->bytes[i]);
		cat(buf, size, "'");
	} else {
		cat(buf, size, "'");
		for (int i = 0; cur->bytes && i < cur->len; i++) {
			if (cur->bytes[i] == '\'')
				cat(buf, size, "''");
			else
				cat(buf, size, "%c", cur->bytes[i]);
		}
		cat(buf, size, "'");
	}
}

/* The folded FTS query roviec builds: each word quoted, the last a prefix. */
static void fts_literal(const char *text, char *buf, size_t size)
{
	char *f = text_fold(text);
	buf[0] = '\0';
	cat(buf, size, "'");
	for (char *w = strtok(f, " "); w; w = strtok(NULL, " "))
		cat(buf, size, "%s\"%s\"", buf[1] ? " " : "", w);
	cat(buf, size, "*'");
	free(f);
}

static struct op *add_op(struct op *ops, int *n, int max, const char *name, const char *what, enum op_kind kind,
                         op_fn fn)
{
	if (*n >= max)
		return NULL;
	struct op *o = &ops[(*n)++];
	memset(o, 0, sizeof *o);
	snprintf(o->name, sizeof o->name, "%s", name);
	snprintf(o->what, sizeof o->what, "%s", what);
	o->kind = kind;
	o->fn = fn;
	return o;
}

static void page_floor(struct op *o, const char *where, const char *order)
{
	snprintf(o->floor, sizeof o->floor, PAGE_COLS " WHERE 1%s ORDER BY %s LIMIT %d;", where, order, PAGE + 1);
}

/* The overdue and due-soon pages, on the open-petition index query.c names. */
static void open_floor(struct op *o, const char *index, const char *where, const char *order)
{
	snprintf(o->floor, sizeof o->floor, PAGE_SELECT " INDEXED BY %s" PAGE_JOINS " WHERE 1%s ORDER BY %s LIMIT %d;",
	         index, where, order, PAGE + 1);
}

/* startup, then the first and the deep page of every order. */
static void add_orders(const struct ctx *c, struct op *ops, int *n, int max)
{
	char order[512], lit[1600], name[48], what[120];
	struct op *o = add_op(ops, n, max, "startup", "open + first page (50, newest first)", OP_STARTUP, op_startup);
	if (o)
		page_floor(o, "", "p.received DESC, p.id DESC");
	for (int deep = 0; deep < 2; deep++) {
		for (int s = 0; s < PQ_SORT_COUNT; s++) {
			for (int d = 0; d < 2; d++) {
				const struct pq_cursor *cur = &c->cursor[s][d];
				const char *dir = d ? "DESC" : "ASC", *sort = pq_sort_name((enum pq_sort)s);
				if (deep && !cur->set)
					continue;
				snprintf(name, sizeof name, "%s %s%s", deep ? "deep" : "page1", d ? "-" : "", sort);
				if (deep)
					snprintf(what, sizeof what, "page after row %lld by %s %s (keyset)", c->deep, sort,
					         d ? "desc" : "asc");
				else
					snprintf(what, sizeof what, "first page by %s %s", sort, d ? "desc" : "asc");
				if (!(o = add_op(ops, n, max, name, what, OP_READ, op_page)))
					return;
				o->sort = (enum pq_sort)s;
				o->desc = d;
				snprintf(order, sizeof order, "%s %s, p.id %s", sort_sql[s], dir, dir);
				if (!deep) {
					page_floor(o, "", order);
					continue;
				}
				/* query.c's keyset page: the cursor's ties, then the rows past it */
				o->arg = 'k';
				cursor_literal(cur, lit, sizeof lit);
				snprintf(o->floor, sizeof o->floor,
				         "SELECT * FROM (" PAGE_COLS " WHERE %s = %s AND p.id %s %lld ORDER BY p.id %s LIMIT %d) "
				         "UNION ALL SELECT * FROM (" PAGE_COLS " WHERE %s %s %s ORDER BY %s LIMIT %d);",
				         sort_sql[s], lit, d ? "<" : ">", (long long)cur->id, dir, PAGE + 1, sort_sql[s],
				         d ? "<" : ">", lit, order, PAGE + 1);
			}
		}
	}
}

/* The first pages of the filters and the searches. */
static void add_filters(const struct ctx *c, struct op *ops, int *n, int max)
{
	static const struct {
		const char *name, *what;
		int arg;
	} pages[] = {
		{ "overdue page", "overdue, first page, newest first", 'o' },
		{ "overdue page by deadline", "overdue, first page, oldest deadline first", 'O' },
		{ "due within 5 page", "due within 5 working days, first page by deadline", 'd' },
		{ "agency page", "lead agency filter (the busiest), first page", 'a' },
		{ "category page", "category filter, first page", 'c' },
		{ "enterprise page", "enterprise filter, first page", 'e' },
		{ "zone page", "park filter, first page", 'z' },
		{ "search common", "search a common word, first page", 'w' },
		{ "search rare", "search a rare word, first page", 'r' },
		{ "search phrase", "search two words, first page", 'p' },
		{ "search typing", "two words, the second one letter so far, first page", 't' },
		{ "search common by code", "search a common word, first page in code order", 'W' },
	};
	const char *newest = "p.received DESC, p.id DESC";
	const char *by_deadline = "coalesce(p.deadline, '9999-12-31') ASC, p.id ASC";
	char where[2048], lit[1600];
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct op *o = add_op(ops, n, max, pages[i].name, pages[i].what, OP_READ, op_page);
		if (!o)
			return;
		o->arg = pages[i].arg;
		const char *text = pages[i].arg == 'w' || pages[i].arg == 'W' ? c->common
		                   : pages[i].arg == 'r' ? c->rare
		                   : pages[i].arg == 't' ? c->typing
		                                         : c->phrase;
		const char *order = newest;
		switch (pages[i].arg) {
		case 'o':
		case 'O':
			snprintf(where, sizeof where, " AND p.status IN " OPEN " AND p.deadline < '%s'", c->today);
			order = pages[i].arg == 'o' ? newest : by_deadline;
			open_floor(o, pages[i].arg == 'o' ? "petitions_open_by_received" : "petitions_open_by_deadline", where,
			           order);
			continue;
		case 'd':
			snprintf(where, sizeof where, " AND p.status IN " OPEN " AND p.deadline >= '%s' AND p.deadline <= '%s'",
			         c->today, c->due_limit);
			open_floor(o, "petitions_open_by_deadline", where, by_deadline);
			continue;
		case 'W': /* query.c tests each row along the code index (broad_search) */
			fts_literal(text, lit, sizeof lit);
			snprintf(where, sizeof where,
			         " AND EXISTS (SELECT 1 FROM petition_search WHERE petition_search MATCH %s AND rowid = p.id)", lit);
			page_floor(o, where, PETITION_CODE_ORDER("p.code") " ASC, p.id ASC");
			continue;
		case 'a':
			snprintf(where, sizeof where, " AND p.lead_agency_id = (SELECT id FROM agencies WHERE code = '%s')",
			         c->agency);
			break;
		case 'c':
			snprintf(where, sizeof where, " AND p.category_id = (SELECT id FROM categories WHERE code = '%s')",
			         c->category);
			break;
		case 'e':
			snprintf(where, sizeof where, " AND p.enterprise_id = (SELECT id FROM enterprises WHERE tax_code = '%s')",
			         c->tax);
			break;
		case 'z':
			snprintf(where, sizeof where, " AND p.zone_id = (SELECT id FROM zones WHERE name = '%s')", c->zone);
			break;
		default:
			/* query.c walks the search index newest first (rowid order) */
			fts_literal(text, lit, sizeof lit);
			snprintf(o->floor, sizeof o->floor, SEARCH_PAGE, lit, PAGE + 1);
			if (pages[i].arg != 't')
				snprintf(o->note, sizeof o->note, "\"%s\": %lld matches", text,
				         pages[i].arg == 'w' ? c->common_n : pages[i].arg == 'r' ? c->rare_n : c->phrase_n);
			else
				snprintf(o->note, sizeof o->note, "\"%s\" (the last word a one-letter prefix)", text);
			continue;
		}
		page_floor(o, where, order);
	}
}

/* The board, the counts, one petition, the writes. */
static void add_others(const struct ctx *c, struct op *ops, int *n, int max)
{
	struct op *o;
	if ((o = add_op(ops, n, max, "board", "officials' board: overdue/due-soon per agency + ranking", OP_READ, op_board)))
		snprintf(o->floor, sizeof o->floor,
		         "SELECT a.code, sum(p.deadline < '%s'), sum(p.deadline BETWEEN '%s' AND '%s'), count(*) "
		         "FROM petitions p JOIN agencies a ON a.id = p.lead_agency_id "
		         "WHERE p.status IN " OPEN " AND p.deadline IS NOT NULL GROUP BY a.code ORDER BY 2 DESC; "
		         "SELECT lead_agency_id, count(*), count(answered), sum(late_days = 0), avg(late_days), avg(rating) "
		         "FROM petitions WHERE lead_agency_id IS NOT NULL GROUP BY lead_agency_id;",
		         c->today, c->today, c->due_limit);
	if ((o = add_op(ops, n, max, "count all", "count every petition (pq_count)", OP_READ, op_count)))
		snprintf(o->floor, sizeof o->floor, "SELECT count(*) FROM petitions;");
	if ((o = add_op(ops, n, max, "count overdue", "count overdue (pq_count)", OP_READ, op_count))) {
		o->arg = 'o';
		snprintf(o->floor, sizeof o->floor,
		         "SELECT count(*) FROM petitions WHERE status IN " OPEN " AND deadline < '%s';", c->today);
	}
	if ((o = add_op(ops, n, max, "count search common", "count the matches of the common word (pq_count)", OP_READ,
	                op_count))) {
		char lit[200];
		o->arg = 'w';
		fts_literal(c->common, lit, sizeof lit);
		snprintf(o->floor, sizeof o->floor, "SELECT count(*) FROM petition_search WHERE petition_search MATCH %s;",
		         lit);
	}
	if ((o = add_op(ops, n, max, "counts per status", "8 x pq_count by status", OP_READ, op_breakdown))) {
		o->arg = 's';
		snprintf(o->floor, sizeof o->floor, "SELECT status, count(*) FROM petitions GROUP BY status;");
	}
	if ((o = add_op(ops, n, max, "counts per category", "category_list + pq_count per category", OP_READ,
	                op_breakdown))) {
		o->arg = 'c';
		snprintf(o->floor, sizeof o->floor, "SELECT category_id, count(*) FROM petitions GROUP BY category_id;");
	}
	if ((o = add_op(ops, n, max, "counts per park", "zone_list + pq_count per park", OP_READ, op_breakdown))) {
		o->arg = 'z';
		snprintf(o->floor, sizeof o->floor, "SELECT e.zone_id, count(*) FROM petitions p "
		                                    "JOIN enterprises e ON e.id = p.enterprise_id GROUP BY e.zone_id;");
	}
	if ((o = add_op(ops, n, max, "petition + history", "petition_load with history", OP_READ, op_petition))) {
		snprintf(o->floor, sizeof o->floor,
		         "SELECT p.*, e.name, e.tax_code, z.name, c.code, a.code, a.name FROM petitions p "
		         "JOIN enterprises e ON e.id = p.enterprise_id LEFT JOIN zones z ON z.id = e.zone_id "
		         "LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN agencies a ON a.id = p.lead_agency_id "
		         "WHERE p.code = '%s'; SELECT * FROM history WHERE petition_id = "
		         "(SELECT id FROM petitions WHERE code = '%s') ORDER BY id;", c->code, c->code);
		snprintf(o->note, sizeof o->note, "%s: %lld history rows", c->code, c->code_history);
	}
	if (c->conference[0]) {
		/* the floor: what conf_list and the conference screen computed
		 * before the counters of schema 9 (every linked petition) */
		if ((o = add_op(ops, n, max, "conference list", "conf_list: progress of every conference", OP_READ,
		                op_conferences)))
			snprintf(o->floor, sizeof o->floor,
			         "SELECT c.id, c.held_on, c.title, count(p.id), count(p.answered), "
			         "sum(p.status IN " OPEN " AND p.deadline < '%s'), sum(p.answered IS NOT NULL AND "
			         "p.late_days = 0), round(avg(CASE WHEN p.rating > 0 THEN p.rating END), 2) "
			         "FROM conferences c LEFT JOIN conference_petitions cp ON cp.conference_id = c.id "
			         "LEFT JOIN petitions p ON p.id = cp.petition_id GROUP BY c.id ORDER BY c.held_on DESC;",
			         c->today);
		if ((o = add_op(ops, n, max, "conference open", "conf_load_head + first page of its follow-up table",
		                OP_READ, op_conference))) {
			snprintf(o->floor, sizeof o->floor,
			         "SELECT count(p.id), count(p.answered), sum(p.status IN " OPEN " AND p.deadline < '%s') "
			         "FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id "
			         "WHERE cp.conference_id = %s; "
			         "SELECT p.code, p.title, p.status FROM conference_petitions cp JOIN petitions p "
			         "ON p.id = cp.petition_id WHERE cp.conference_id = %s ORDER BY p.code LIMIT %d;",
			         c->today, c->conference, c->conference, PAGE);
			snprintf(o->note, sizeof o->note, "conference %s: %lld petitions", c->conference,
			         c->conference_n);
		}
	}
	if (!c->n_fresh)
		return;
	if ((o = add_op(ops, n, max, "write assign", "wf_assign + durable commit (on a copy)", OP_WRITE, op_assign)))
		snprintf(o->note, sizeof o->note, "no plain-SQL floor: the shell cannot write petitions (roviec_fold)");
	add_op(ops, n, max, "write extend", "wf_extend + durable commit (on a copy)", OP_WRITE, op_extend);
}

int ops_build(const struct ctx *c, struct op *ops, int max)
{
	int n = 0;
	add_orders(c, ops, &n, max);
	add_filters(c, ops, &n, max);
	add_others(c, ops, &n, max);
	return n;
}

/* ---- the command line against the sqlite3 shell ---- */

static struct cli_case *add_cli(struct cli_case *cases, int *n, int max, const char *name, const char *what)
{
	if (*n >= max)
		return NULL;
	struct cli_case *k = &cases[(*n)++];
	memset(k, 0, sizeof *k);
	snprintf(k->name, sizeof k->name, "%s", name);
	snprintf(k->what, sizeof k->what, "%s", what);
	return k;
}

/* Sets k's roviec arguments from a list of strings (copied). */
static void cli_args(struct cli_case *k, const struct ctx *c, int count, ...)
{
	va_list ap;
	int a = 0, s = 0;
	snprintf(k->store[s], sizeof k->store[s], "%s", c->db);
	k->argv[a++] = (char *)"--db";
	k->argv[a++] = k->store[s++];
	va_start(ap, count);
	for (int i = 0; i < count && a < 15 && s < 8; i++) {
		snprintf(k->store[s], sizeof k->store[s], "%s", va_arg(ap, const char *));
		k->argv[a++] = k->store[s++];
	}
	va_end(ap);
	k->argv[a] = NULL;
}

int cli_build(const struct ctx *c, struct cli_case *cases, int max)
{
	int n = 0;
	char lit[600];
	struct cli_case *k;
	if ((k = add_cli(cases, &n, max, "overdue --count", "petition list --overdue --count"))) {
		cli_args(k, c, 4, "petition", "list", "--overdue", "--count");
		snprintf(k->sql, sizeof k->sql, "SELECT count(*) FROM petitions WHERE status IN " OPEN " AND deadline < '%s';",
		         c->today);
	}
	if ((k = add_cli(cases, &n, max, "overdue --limit 50", "petition list --overdue --limit 50"))) {
		cli_args(k, c, 5, "petition", "list", "--overdue", "--limit", "50");
		snprintf(k->sql, sizeof k->sql, PAGE_COLS " WHERE p.status IN " OPEN " AND p.deadline < '%s' "
		                                "ORDER BY p.received DESC, p.id DESC LIMIT 50;", c->today);
	}
	if ((k = add_cli(cases, &n, max, "overdue (all rows)", "petition list --overdue"))) {
		cli_args(k, c, 3, "petition", "list", "--overdue");
		snprintf(k->sql, sizeof k->sql, PAGE_COLS " WHERE p.status IN " OPEN " AND p.deadline < '%s' "
		                                "ORDER BY p.received DESC, p.id DESC;", c->today);
	}
	if ((k = add_cli(cases, &n, max, "list --limit 50", "petition list --limit 50"))) {
		cli_args(k, c, 4, "petition", "list", "--limit", "50");
		snprintf(k->sql, sizeof k->sql, PAGE_COLS " ORDER BY p.received DESC, p.id DESC LIMIT 50;");
	}
	if ((k = add_cli(cases, &n, max, "list --count", "petition list --count"))) {
		cli_args(k, c, 3, "petition", "list", "--count");
		snprintf(k->sql, sizeof k->sql, "SELECT count(*) FROM petitions;");
	}
	if ((k = add_cli(cases, &n, max, "search --limit 50", "petition list --search RARE --limit 50"))) {
		cli_args(k, c, 6, "petition", "list", "--search", c->rare, "--limit", "50");
		fts_literal(c->rare, lit, sizeof lit);
		snprintf(k->sql, sizeof k->sql, SEARCH_PAGE, lit, 50);
	}
	if ((k = add_cli(cases, &n, max, "search common --limit 50", "petition list --search COMMON --limit 50"))) {
		cli_args(k, c, 6, "petition", "list", "--search", c->common, "--limit", "50");
		fts_literal(c->common, lit, sizeof lit);
		snprintf(k->sql, sizeof k->sql, SEARCH_PAGE, lit, 50);
	}
	if ((k = add_cli(cases, &n, max, "show", "petition show CODE"))) {
		cli_args(k, c, 3, "petition", "show", c->code);
		snprintf(k->sql, sizeof k->sql,
		         "SELECT p.*, e.name, e.tax_code, z.name, c.code, a.code, a.name FROM petitions p "
		         "JOIN enterprises e ON e.id = p.enterprise_id LEFT JOIN zones z ON z.id = e.zone_id "
		         "LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN agencies a ON a.id = p.lead_agency_id "
		         "WHERE p.code = '%s'; SELECT * FROM history WHERE petition_id = "
		         "(SELECT id FROM petitions WHERE code = '%s') ORDER BY id;", c->code, c->code);
	}
	return n;
}

/* ---- gathering the facts ---- */

static bool query1(sqlite3 *db, const char *sql, char *out, size_t size, long long *n)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW;
	if (ok && out)
		snprintf(out, size, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	if (ok && n)
		*n = sqlite3_column_int64(st, out ? 1 : 0);
	if (!ok && rc != SQLITE_DONE)
		fprintf(stderr, "bench: %s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return ok;
}

/* Search words from the index itself: a common word (the most frequent
 * one found in at most a quarter of the petitions: "đề nghị" is in all of
 * them), a rare one (in a handful) and words 3-4 of a title (past "Đề
 * nghị"/"Kiến nghị"). */
static bool pick_words(struct ctx *c, sqlite3 *db)
{
	char *err = NULL, sql[400];
	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, petition_search, row)", NULL, NULL,
	                 &err) != SQLITE_OK) {
		fprintf(stderr, "bench: fts5vocab: %s\n", err);
		sqlite3_free(err);
		return false;
	}
	snprintf(sql, sizeof sql, "SELECT term, doc FROM temp.vocab WHERE length(term) >= 3 AND term GLOB '[a-z]*' "
	                          "AND doc <= %lld ORDER BY doc DESC LIMIT 1", c->total / 4 + 1);
	bool ok = query1(db, sql, c->common, sizeof c->common, &c->common_n);
	ok = ok && (query1(db, "SELECT term, doc FROM temp.vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' "
	                       "AND doc BETWEEN 2 AND 40 ORDER BY doc DESC, term LIMIT 1", c->rare, sizeof c->rare,
	                   &c->rare_n) ||
	            query1(db, "SELECT term, doc FROM temp.vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' "
	                       "ORDER BY doc, term LIMIT 1", c->rare, sizeof c->rare, &c->rare_n));
	char title[1024];
	long long dummy;
	ok = ok && query1(db, "SELECT title, id FROM petitions WHERE id >= (SELECT max(id) / 3 FROM petitions) "
	                      "AND title LIKE '% % % %' ORDER BY id LIMIT 1", title, sizeof title, &dummy);
	if (ok) {
		char *f = text_fold(title), *save = NULL;
		char *w[4] = { NULL };
		for (int i = 0; i < 4; i++)
			w[i] = strtok_r(i ? NULL : f, " ", &save);
		snprintf(c->phrase, sizeof c->phrase, "%s %s", w[2] ? w[2] : "", w[3] ? w[3] : "");
		snprintf(c->typing, sizeof c->typing, "%s %.1s", w[2] ? w[2] : "", w[3] ? w[3] : "");
		free(f);
	}
	return ok;
}

static bool copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0660);
	static char buf[1 << 20];
	ssize_t r = 0;
	bool ok = in >= 0 && out >= 0;
	while (ok && (r = read(in, buf, sizeof buf)) > 0)
		ok = write(out, buf, (size_t)r) == r;
	/* Flushed now, so the first durable write measured does not pay for
	 * writing out the whole copy. */
	ok = ok && r == 0 && fsync(out) == 0;
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "bench: copying %s to %s: %s\n", from, to, strerror(errno));
	return ok;
}

/* Copies the database for the writes and adds the fresh petitions they
 * change (two per run: cold and warm). */
static bool prepare_writes(struct ctx *c, int reps)
{
	snprintf(c->write_db, sizeof c->write_db, "%s.bench-write", c->db);
	if (!copy_file(c->db, c->write_db))
		return false;
	struct rv *rv = rv_open(&(struct rv_open_options){ .path = c->write_db });
	if (!rv || rv_status(rv)) {
		fprintf(stderr, "bench: opening the copy: %s\n", rv ? rv_message(rv) : "out of memory");
		rv_close(&rv);
		return false;
	}
	c->n_fresh = 2 * reps + 2;
	c->fresh = calloc((size_t)c->n_fresh, sizeof *c->fresh);
	bool ok = c->fresh != NULL;
	for (int i = 0; ok && i < c->n_fresh; i++) {
		char code[RV_CODE_MAX];
		struct intake_args a = { .enterprise = c->tax, .title = "Đề nghị cấp điện ổn định cho nhà xưởng mới",
			                 .category = c->category, .channel = "online" };
		ok = wf_add(rv, &a, code) == RV_OK;
		if (ok)
			snprintf(c->fresh[i], sizeof c->fresh[i], "%s", code);
		else
			fprintf(stderr, "bench: adding a fresh petition: %s\n", rv_message(rv));
	}
	rv_close(&rv);
	return ok;
}

/* The cursor of row `deep` in order s through plain SQL with OFFSET: one
 * sort instead of ten for the orders no index serves (setup only; the
 * measured fetch still starts from this keyset cursor). */
static bool cursor_by_offset(const struct ctx *c, sqlite3 *db, int s, int d, struct pq_cursor *cur)
{
	char sql[1024];
	const char *dir = d ? "DESC" : "ASC";
	snprintf(sql, sizeof sql, "SELECT %s, p.id FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id "
	                          "LEFT JOIN agencies a ON a.id = p.lead_agency_id ORDER BY %s %s, p.id %s "
	                          "LIMIT 1 OFFSET %lld", sort_sql[s], sort_sql[s], dir, dir, c->deep - 1);
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
	if (ok) {
		pq_cursor_clear(cur);
		cur->set = true;
		cur->type = sqlite3_column_type(st, 0);
		cur->id = sqlite3_column_int64(st, 1);
		if (cur->type == SQLITE_INTEGER) {
			cur->i = sqlite3_column_int64(st, 0);
		} else {
			const void *b = cur->type == SQLITE_BLOB ? sqlite3_column_blob(st, 0) : sqlite3_column_text(st, 0);
			cur->len = sqlite3_column_bytes(st, 0);
			cur->bytes = malloc((size_t)cur->len + 1);
			ok = cur->bytes != NULL;
			if (ok) {
				memcpy(cur->bytes, b, (size_t)cur->len);
				cur->bytes[cur->len] = '\0';
			}
		}
	} else {
		fprintf(stderr, "bench: %s: %s\n", sql, sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return ok;
}

/* The cursor of the row just before the deep page, for each order,
 * reached with keyset pages of 1,000 (pq_fetch's maximum) — or, when a
 * page of that order takes over half a second, by cursor_by_offset(). */
static bool find_cursors(struct ctx *c, struct rv *rv, sqlite3 *db)
{
	c->deep = c->total - PAGE < DEPTH ? c->total - PAGE : DEPTH;
	for (int s = 0; s < PQ_SORT_COUNT && c->deep > 0; s++) {
		for (int d = 0; d < 2; d++) {
			struct pq_filter f;
			pq_filter_init(&f);
			f.sort = (enum pq_sort)s;
			f.descending = d;
			struct pq_cursor *cur = &c->cursor[s][d];
			for (long long left = c->deep; left > 0;) {
				struct pq_page *page = NULL;
				int want = left > 1000 ? 1000 : (int)left;
				double t0 = now_ms();
				if (pq_fetch(rv, &f, cur->set ? cur : NULL, false, want, &page) || !page->n) {
					fprintf(stderr, "bench: paging by %s: %s\n", pq_sort_name(f.sort), rv_message(rv));
					pq_page_free(&page);
					return false;
				}
				bool slow = now_ms() - t0 > 500;
				struct pq_cursor next;
				pq_cursor_copy(&next, &page->rows[page->n - 1].cursor);
				pq_cursor_clear(cur);
				*cur = next;
				left -= page->n;
				pq_page_free(&page);
				if (slow && left > 0) {
					if (!cursor_by_offset(c, db, s, d, cur))
						return false;
					break;
				}
			}
		}
	}
	return true;
}

int ctx_prepare(struct ctx *c, const char *db, int reps, bool writes)
{
	c->db = db;
	struct rv *rv = rv_open(&(struct rv_open_options){ .path = db });
	if (!rv || rv_status(rv)) {
		fprintf(stderr, "bench: %s: %s\n", db, rv ? rv_message(rv) : "out of memory");
		rv_close(&rv);
		return 1;
	}
	rv_date today = rv_today(rv);
	date_iso(today, c->today);
	date_iso(calendar_add_workdays(rv_calendar(rv), today, 5), c->due_limit);
	date_iso(calendar_add_workdays(rv_calendar(rv), today, 60), c->extend_to);
	struct pq_filter all;
	pq_filter_init(&all);
	int64_t total = 0;
	bool ok = pq_count(rv, &all, &total) == RV_OK;
	c->total = total;
	sqlite3 *plain = NULL;
	ok = ok && sqlite3_open_v2(db, &plain, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
	ok = ok && find_cursors(c, rv, plain);
	rv_close(&rv);
	ok = ok && pick_words(c, plain);
	ok = ok && query1(plain, "SELECT a.code FROM petitions p JOIN agencies a ON a.id = p.lead_agency_id "
	                         "GROUP BY a.code ORDER BY count(*) DESC LIMIT 1", c->agency, sizeof c->agency, NULL);
	ok = ok && query1(plain, "SELECT e.tax_code FROM enterprises e WHERE EXISTS (SELECT 1 FROM petitions p "
	                         "WHERE p.enterprise_id = e.id) ORDER BY e.id LIMIT 1", c->tax, sizeof c->tax, NULL);
	ok = ok && query1(plain, "SELECT name FROM zones ORDER BY id LIMIT 1", c->zone, sizeof c->zone, NULL);
	ok = ok && query1(plain, "SELECT code FROM categories WHERE code = 'dien' UNION ALL "
	                         "SELECT code FROM categories LIMIT 1", c->category, sizeof c->category, NULL);
	ok = ok && query1(plain, "SELECT p.code, (SELECT count(*) FROM history h WHERE h.petition_id = p.id) "
	                         "FROM petitions p WHERE p.id >= (SELECT max(id) / 2 FROM petitions) "
	                         "AND p.status = 'closed' ORDER BY p.id LIMIT 1", c->code, sizeof c->code,
	                  &c->code_history);
	if (!ok)
		ok = query1(plain, "SELECT p.code, (SELECT count(*) FROM history h WHERE h.petition_id = p.id) "
		                   "FROM petitions p ORDER BY p.id LIMIT 1", c->code, sizeof c->code, &c->code_history);
	/* optional: a file without conferences simply has no conference rows */
	if (ok && !query1(plain, "SELECT conference_id, count(*) FROM conference_petitions GROUP BY 1 "
	                         "ORDER BY 2 DESC LIMIT 1", c->conference, sizeof c->conference, &c->conference_n))
		c->conference[0] = '\0';
	if (ok && (!c->common_n || !c->phrase[0]))
		ok = false;
	if (ok) {
		char q[300], lit[200];
		fts_literal(c->phrase, lit, sizeof lit);
		snprintf(q, sizeof q, "SELECT count(*) FROM petition_search WHERE petition_search MATCH %s", lit);
		ok = query1(plain, q, NULL, 0, &c->phrase_n);
	}
	sqlite3_close(plain);
	if (ok && writes)
		ok = prepare_writes(c, reps);
	return ok ? 0 : 1;
}

void ctx_free(struct ctx *c)
{
	for (int s = 0; s < PQ_SORT_COUNT; s++)
		for (int d = 0; d < 2; d++)
			pq_cursor_clear(&c->cursor[s][d]);
	free(c->fresh);
	c->fresh = NULL;
	if (c->write_db[0]) {
		char p[4200];
		unlink(c->write_db);
		snprintf(p, sizeof p, "%s-wal", c->write_db);
		unlink(p);
		snprintf(p, sizeof p, "%s-shm", c->write_db);
		unlink(p);
	}
}
