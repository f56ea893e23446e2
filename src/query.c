/* query.c — petition lists: see query.h.
 *
 * The SQL is composed from fixed fragments chosen by the filter (never from
 * user text, which is always bound), so SQLite can plan each combination on
 * the right index instead of one catch-all query with "? IS NULL OR …". */
#include "query.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "conference.h"
#include "i18n.h"
#include "input.h"
#include "refdata.h"
#include "rv_internal.h"
#include "text.h"
#include "users.h"

#define PQ_SORT_NAME(name, str) str,
static const char *const sort_names[] = { PQ_SORTS(PQ_SORT_NAME) };

/* The sort value of each order; NULLs are mapped to values that sort last
 * so row-value comparisons never meet a NULL.  The enterprise and agency
 * orders read the copies of those sort keys kept on each petition (schema
 * version 7; lead_key is x'ffff' without a lead agency), so an index of
 * petitions serves them. */
static const char *const sort_exprs[PQ_SORT_COUNT] = {
	[PQ_RECEIVED] = "p.received",
	/* numeric past 99,999 a year, on index petitions_by_code_order */
	[PQ_CODE] = PETITION_CODE_ORDER("p.code"),
	[PQ_DEADLINE] = "coalesce(p.deadline, '9999-12-31')",
	[PQ_ENTERPRISE] = "p.enterprise_key",
	[PQ_CATEGORY] = "coalesce(p.category_id, 9223372036854775807)",
	[PQ_AGENCY] = "p.lead_key",
	[PQ_STATUS] = "(CASE p.status WHEN 'received' THEN 0 WHEN 'classified' THEN 1 WHEN 'assigned' THEN 2 "
	              "WHEN 'in_progress' THEN 3 WHEN 'answered' THEN 4 WHEN 'closed' THEN 5 "
	              "WHEN 'rejected' THEN 6 ELSE 7 END)",
};

void pq_filter_init(struct pq_filter *f)
{
	memset(f, 0, sizeof *f);
	f->due_within = -1;
	f->sort = PQ_RECEIVED;
	f->descending = true;
}

const char *pq_sort_name(enum pq_sort s)
{
	return s < PQ_SORT_COUNT ? sort_names[s] : "?";
}

enum rv_code pq_parse_sort(struct rv *rv, const char *s, struct pq_filter *f)
{
	bool desc = s && *s == '-';
	const char *name = s ? s + (desc || *s == '+') : "";
	for (int i = 0; i < PQ_SORT_COUNT; i++) {
		if (strcmp(name, sort_names[i]) == 0) {
			f->sort = (enum pq_sort)i;
			f->descending = desc;
			return RV_OK;
		}
	}
	char *q = text_quote(s ? s : "");
	rv_fail(rv, RV_EINPUT, "sort",
	        _("sort: %s is not a sort order (received, code, deadline, enterprise, category, agency, status; '-' before it for descending)"),
	        q ? q : "");
	free(q);
	return RV_EINPUT;
}

/* ---- composing ---- */

enum { MAX_PARAMS = 24 };

struct sql {
	char text[4096];
	size_t len;
	int nparams;
	struct {
		bool is_int;
		int64_t i;
		const char *s;
		const void *blob;
		int blob_len;
	} params[MAX_PARAMS];
	char owned[4][64]; /* storage for dates bound as text */
	int nowned;
};

static void add(struct sql *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct sql *q, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(q->text + q->len, sizeof q->text - q->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		q->len = q->len + (size_t)n < sizeof q->text ? q->len + (size_t)n : sizeof q->text - 1;
}

/* Adds a parameter and returns its number (?N). */
static int param_int(struct sql *q, int64_t v)
{
	q->params[q->nparams].is_int = true;
	q->params[q->nparams].i = v;
	return ++q->nparams;
}

static int param_text(struct sql *q, const char *s)
{
	q->params[q->nparams].is_int = false;
	q->params[q->nparams].s = s;
	return ++q->nparams;
}

static int param_date(struct sql *q, rv_date d)
{
	char *buf = q->owned[q->nowned++];
	date_iso(d, buf);
	return param_text(q, buf);
}

static int param_blob(struct sql *q, const void *b, int len)
{
	q->params[q->nparams].is_int = false;
	q->params[q->nparams].s = NULL;
	q->params[q->nparams].blob = b;
	q->params[q->nparams].blob_len = len;
	return ++q->nparams;
}

/* " AND column IN (…)" for the statuses in mask (nothing when 0). */
static void add_statuses(struct sql *q, const char *column, unsigned mask)
{
	if (!mask)
		return;
	add(q, " AND %s IN (", column);
	for (int s = 0, first = 1; s < ST_COUNT; s++)
		if (mask & (1u << s)) {
			add(q, "%s?%d", first ? "" : ", ", param_text(q, enum_db(&status_set, s)));
			first = 0;
		}
	add(q, ")");
}

static const char open_statuses[] = "p.status IN ('received', 'classified', 'assigned', 'in_progress')";

/* The length in bytes of the character at p (1 for a byte that is not
 * UTF-8), and whether the search index's tokenizer (unicode61: categories
 * L*, N* and Co) counts it as part of a word.  A quoted string the
 * tokenizer would split is a phrase, which an index without positions
 * refuses ("a\u2028b" once reached SQLite as one word). */
static size_t word_char(const char *p, bool *word)
{
	unsigned char c = (unsigned char)*p;
	if (c < 0x80) {
		*word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
		return 1;
	}
	utf8proc_int32_t cp = -1;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
	if (n < 1 || cp < 0) {
		*word = false;
		return 1;
	}
	utf8proc_category_t k = utf8proc_category(cp);
	*word = (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	        (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO) || k == UTF8PROC_CATEGORY_CO;
	return (size_t)n;
}

/* Builds the FTS5 query: each folded word quoted (so no user text is ever
 * FTS syntax), the last one a prefix ("dat dai" → "dat" "dai"*) unless
 * the whole query is one letter.  NULL when the text has no word. */
static char *fts_query(const char *text)
{
	char *f = text_fold(text);
	if (!f)
		return NULL;
	size_t cap = strlen(f) * 3 + 8;
	char *out = malloc(cap);
	size_t n = 0;
	bool any = false;
	for (char *p = f; out && *p;) {
		bool word = false;
		size_t len;
		while (*p && (len = word_char(p, &word)) && !word)
			p += len;
		char *start = p;
		while (*p && (len = word_char(p, &word)) && word)
			p += len;
		if (p == start)
			continue;
		out[n++] = '"';
		memcpy(out + n, start, (size_t)(p - start));
		n += (size_t)(p - start);
		out[n++] = '"';
		out[n++] = ' ';
		any = true;
	}
	free(f);
	if (!out || !any) {
		free(out);
		return NULL;
	}
	/* A lone one-letter prefix would merge the postings of every word
	 * starting with it (seconds at a million petitions): a query that is
	 * just one letter matches that word exactly. */
	bool one_letter = n == 4;
	out[n - 1] = one_letter ? '\0' : '*';
	out[n] = '\0';
	return out;
}

/* Resolved filter values (codes → ids) and owned strings. */
struct resolved {
	int64_t agency, category, enterprise, zone, conference;
	char *fts;
	bool fts_probe; /* test the search per row listed (see broad_search) */
	rv_date due_limit;
};

static enum rv_code resolve(struct rv *rv, const struct pq_filter *f, struct resolved *r)
{
	memset(r, 0, sizeof *r);
	enum rv_code rc = users_require(rv, PERM_READ);
	if (!rc && f->agency)
		rc = ref_agency_id(rv, "agency", f->agency, &r->agency);
	if (!rc && f->category)
		rc = ref_category_id(rv, "category", f->category, &r->category);
	if (!rc && f->enterprise)
		rc = ref_enterprise_id(rv, "enterprise", f->enterprise, &r->enterprise);
	if (!rc && f->zone)
		rc = ref_zone_id(rv, "zone", f->zone, &r->zone);
	if (!rc && f->conference)
		rc = conf_id(rv, f->conference, &r->conference);
	if (!rc && f->search) {
		char *clean = NULL;
		rc = input_text(rv, "search", f->search, TEXT_LINE, LIMIT_NAME, false, &clean);
		if (!rc && clean)
			r->fts = fts_query(clean);
		free(clean);
	}
	if (!rc && f->due_within >= 0)
		r->due_limit = calendar_add_workdays(rv->cal, rv->today, f->due_within);
	return rc;
}

/* The overdue and due-soon lists in received or deadline order walk the
 * partial index of open petitions in that order (a few percent of the
 * table, the deadline read from the index) and stop after one page.  Left
 * to itself SQLite reads every overdue row and sorts them (~100 ms at a
 * million petitions). */
static const char *open_index(const struct pq_filter *f, bool list, bool fts_driven)
{
	if (!list || fts_driven || (!f->overdue && f->due_within < 0))
		return "";
	if (f->sort == PQ_RECEIVED)
		return " INDEXED BY petitions_open_by_received";
	return f->sort == PQ_DEADLINE ? " INDEXED BY petitions_open_by_deadline" : "";
}

/* FROM … WHERE … for the filter, with the visibility scope. */
static void compose_where(struct rv *rv, struct sql *q, const struct pq_filter *f, const struct resolved *r,
                          bool need_joins, bool fts_driven)
{
	/* A search in the default order is driven by the search index itself,
	 * newest first (see pq_fetch). */
	if (fts_driven)
		add(q, " FROM petition_search s JOIN petitions p ON p.id = s.rowid");
	else
		add(q, " FROM petitions p%s", open_index(f, need_joins, fts_driven));
	if (need_joins)
		add(q, " JOIN enterprises e ON e.id = p.enterprise_id");
	if (need_joins)
		add(q, " LEFT JOIN agencies a ON a.id = p.lead_agency_id");
	if (need_joins)
		add(q, " LEFT JOIN categories c ON c.id = p.category_id");
	add(q, " WHERE 1");
	add_statuses(q, "p.status", f->status_mask);
	if (f->overdue)
		add(q, " AND %s AND p.deadline < ?%d", open_statuses, param_date(q, rv->today));
	if (f->due_within >= 0)
		add(q, " AND %s AND p.deadline >= ?%d AND p.deadline <= ?%d", open_statuses, param_date(q, rv->today),
		    param_date(q, r->due_limit));
	if (r->agency)
		add(q, " AND p.lead_agency_id = ?%d", param_int(q, r->agency));
	if (r->category)
		add(q, " AND p.category_id = ?%d", param_int(q, r->category));
	if (r->enterprise)
		add(q, " AND p.enterprise_id = ?%d", param_int(q, r->enterprise));
	if (r->zone)
		add(q, " AND p.zone_id = ?%d", param_int(q, r->zone));
	if (r->conference)
		add(q, " AND p.id IN (SELECT petition_id FROM conference_petitions WHERE conference_id = ?%d)",
		    param_int(q, r->conference));
	if (r->fts && fts_driven)
		add(q, " AND petition_search MATCH ?%d", param_text(q, r->fts));
	else if (r->fts && r->fts_probe)
		add(q, " AND EXISTS (SELECT 1 FROM petition_search WHERE petition_search MATCH ?%d AND rowid = p.id)",
		    param_text(q, r->fts));
	else if (r->fts) /* a search with no word in it filters nothing */
		add(q, " AND p.id IN (SELECT rowid FROM petition_search WHERE petition_search MATCH ?%d)",
		    param_text(q, r->fts));
	if (rv->role == ROLE_ENTERPRISE)
		add(q, " AND p.enterprise_id = ?%d", param_int(q, rv->enterprise_id));
	if (rv->role == ROLE_AGENCY) {
		int a = param_int(q, rv->agency_id);
		add(q, " AND (p.lead_agency_id = ?%d OR p.id IN (SELECT petition_id FROM petition_agencies "
		       "WHERE agency_id = ?%d))", a, a);
	}
}

static sqlite3_stmt *prepare(struct rv *rv, const struct sql *q)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(rv->db, q->text, (int)q->len, &st, NULL) != SQLITE_OK) {
		db_fail(rv, "preparing a list");
		return NULL;
	}
	for (int i = 0; i < q->nparams; i++) {
		if (q->params[i].is_int)
			sqlite3_bind_int64(st, i + 1, q->params[i].i);
		else if (q->params[i].s)
			sqlite3_bind_text(st, i + 1, q->params[i].s, -1, SQLITE_STATIC);
		else
			sqlite3_bind_blob(st, i + 1, q->params[i].blob, q->params[i].blob_len, SQLITE_STATIC);
	}
	return st;
}

/* True when the filter asks only about status, category and park, for a
 * user who sees every petition: petition_counts (kept by triggers) has the
 * answer in a few hundred rows. */
static bool counters_serve(const struct rv *rv, const struct pq_filter *f, const struct resolved *r)
{
	return !f->overdue && f->due_within < 0 && !r->agency && !r->enterprise && !r->conference && !r->fts &&
	       rv->role != ROLE_ENTERPRISE && rv->role != ROLE_AGENCY;
}

/* True when the filter is a search and nothing else, for a user who sees
 * every petition: the search index alone has the answer (each of its rows
 * is a petition, and petitions are never deleted), without looking up
 * every match in petitions (seconds for a common word at a million). */
static bool index_serves(const struct rv *rv, const struct pq_filter *f, const struct resolved *r)
{
	return r->fts && !f->overdue && f->due_within < 0 && !f->status_mask && !r->agency && !r->category &&
	       !r->enterprise && !r->zone && !r->conference && rv->role != ROLE_ENTERPRISE && rv->role != ROLE_AGENCY;
}

/* SELECT … FROM petition_counts WHERE … for counters_serve() filters. */
static void compose_counters(struct sql *q, const struct pq_filter *f, const struct resolved *r)
{
	add(q, "SELECT coalesce(sum(n), 0) FROM petition_counts WHERE 1");
	add_statuses(q, "status", f->status_mask);
	if (r->category)
		add(q, " AND category_id = ?%d", param_int(q, r->category));
	if (r->zone)
		add(q, " AND zone_id = ?%d", param_int(q, r->zone));
}

enum rv_code pq_count(struct rv *rv, const struct pq_filter *f, int64_t *n)
{
	struct resolved r;
	struct sql q = { .len = 0 };
	*n = 0;
	enum rv_code rc = resolve(rv, f, &r);
	if (!rc && counters_serve(rv, f, &r)) {
		compose_counters(&q, f, &r);
	} else if (!rc && index_serves(rv, f, &r)) {
		add(&q, "SELECT count(*) FROM petition_search WHERE petition_search MATCH ?%d", param_text(&q, r.fts));
	} else if (!rc) {
		add(&q, "SELECT count(*)");
		compose_where(rv, &q, f, &r, false, false);
	}
	if (!rc) {
		sqlite3_stmt *st = prepare(rv, &q);
		if (!st)
			rc = rv->code;
		else if (sqlite3_step(st) == SQLITE_ROW)
			*n = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(rv, "counting");
		sqlite3_finalize(st);
	}
	free(r.fts);
	return rc;
}

/* True when a search in an order other than the default is better tested
 * row by row while walking that order's index than by collecting every
 * match and sorting them (3 s for "dat" at a million petitions): when at
 * least one petition in 200 matches, a page takes at most ~10,000 probes
 * of the index (~35 ms at worst, a few ms for a common word), and fewer
 * matches are cheap to sort.  Only when the last word is a prefix of at
 * most six characters (or no prefix): FTS5 reads those like a plain word,
 * while a longer prefix would merge its postings again at every probe. */
static bool broad_search(struct rv *rv, const char *fts, int limit)
{
	const char *last = strrchr(fts, ' ');
	last = last ? last + 2 : fts + 1; /* past the opening quote */
	int chars = 0;
	for (const char *p = last; *p && *p != '"'; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	if (chars > 6)
		return false;
	sqlite3_stmt *st = db_stmt(rv, "SELECT coalesce(sum(n), 0) FROM petition_counts");
	int64_t total = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (st)
		sqlite3_reset(st);
	int64_t enough = total / 200 > limit ? total / 200 : limit + 1;
	st = db_stmt(rv, "SELECT count(*) FROM (SELECT 1 FROM petition_search WHERE petition_search MATCH ?1 LIMIT ?2)");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, enough);
	bool broad = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) >= enough;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return broad;
}

/* ---- rows ---- */

void pq_cursor_clear(struct pq_cursor *c)
{
	free(c->bytes);
	memset(c, 0, sizeof *c);
}

bool pq_cursor_copy(struct pq_cursor *dst, const struct pq_cursor *src)
{
	*dst = *src;
	dst->bytes = NULL;
	if (src->bytes) {
		dst->bytes = malloc((size_t)src->len + 1);
		if (!dst->bytes)
			return false;
		memcpy(dst->bytes, src->bytes, (size_t)src->len + 1);
	}
	return true;
}

void pq_page_free(struct pq_page **pp)
{
	if (!pp || !*pp)
		return;
	struct pq_page *p = *pp;
	for (int i = 0; i < p->n; i++) {
		struct pq_row *r = &p->rows[i];
		free(r->enterprise);
		free(r->category);
		free(r->category_code);
		free(r->lead);
		free(r->title);
		pq_cursor_clear(&r->cursor);
	}
	free(p->rows);
	free(p);
	*pp = NULL;
}

static void read_cursor(sqlite3_stmt *st, int col, int64_t id, struct pq_cursor *c)
{
	c->set = true;
	c->id = id;
	c->type = sqlite3_column_type(st, col);
	if (c->type == SQLITE_INTEGER) {
		c->i = sqlite3_column_int64(st, col);
		return;
	}
	const void *b = c->type == SQLITE_BLOB ? sqlite3_column_blob(st, col) : sqlite3_column_text(st, col);
	c->len = sqlite3_column_bytes(st, col);
	c->bytes = malloc((size_t)c->len + 1);
	if (c->bytes) {
		if (c->len)
			memcpy(c->bytes, b, (size_t)c->len);
		c->bytes[c->len] = '\0';
	}
}

static void read_row(struct rv *rv, sqlite3_stmt *st, struct pq_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	snprintf(r->code, sizeof r->code, "%s", (const char *)sqlite3_column_text(st, 1));
	r->received = db_column_date(st, 2);
	r->enterprise = db_column_dup(st, 3);
	r->category = db_column_dup(st, 4);
	r->category_code = db_column_dup(st, 5);
	r->lead = db_column_dup(st, 6);
	r->deadline = db_column_date(st, 7);
	r->status = (enum status)enum_parse(&status_set, (const char *)sqlite3_column_text(st, 8));
	r->title = db_column_dup(st, 9);
	r->version = sqlite3_column_int64(st, 10);
	read_cursor(st, 11, r->id, &r->cursor);
	petition_overdue(rv, r->status, r->deadline, &r->overdue, &r->days_overdue);
}

static int bind_cursor(struct sql *q, const struct pq_cursor *c)
{
	if (c->type == SQLITE_INTEGER)
		return param_int(q, c->i);
	if (c->type == SQLITE_BLOB)
		return param_blob(q, c->bytes, c->len);
	return param_text(q, (const char *)c->bytes);
}

/* Turns q, "SELECT … WHERE …" for the filter, into the rows after the
 * cursor (value v, id) in order expr: the rest of v's ties by id, then the
 * rows past v, as two index seeks in one UNION ALL (SQLite emits its arms
 * in order).  One condition "(expr, id) > (v, id)" would seek to v only
 * and then walk every tie before the cursor (tens of thousands of rows
 * deep in the agency or status order). */
static void keyset_after(struct sql *q, const char *expr, const struct pq_cursor *after, bool asc, int limit)
{
	char arm[sizeof q->text];
	snprintf(arm, sizeof arm, "%s", q->text);
	int v = bind_cursor(q, after), id = param_int(q, after->id), n = param_int(q, limit + 1);
	const char *op = asc ? ">" : "<", *dir = asc ? "ASC" : "DESC";
	q->len = 0;
	add(q, "SELECT * FROM (%s AND %s = ?%d AND p.id %s ?%d ORDER BY p.id %s LIMIT ?%d) ", arm, expr, v, op, id, dir,
	    n);
	add(q, "UNION ALL SELECT * FROM (%s AND %s %s ?%d ORDER BY %s %s, p.id %s LIMIT ?%d)", arm, expr, op, v, expr,
	    dir, dir, n);
}

static void reverse(struct pq_row *rows, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct pq_row t = rows[i];
		rows[i] = rows[j];
		rows[j] = t;
	}
}

enum rv_code pq_fetch(struct rv *rv, const struct pq_filter *f, const struct pq_cursor *after, bool backward,
                      int limit, struct pq_page **out)
{
	struct resolved r;
	struct sql q = { .len = 0 };
	*out = NULL;
	if (limit < 1 || limit > 1000)
		limit = limit < 1 ? 1 : 1000;
	enum rv_code rc = resolve(rv, f, &r);
	if (rc) {
		free(r.fts);
		return rc;
	}
	/* A search in the default order (newest first) walks the search index
	 * in rowid order, newest recorded first, and stops after one page: a
	 * common word costs what a rare one does.  Sorting every match by the
	 * received date instead would read all of them (seconds for a common
	 * word at a million petitions).  Other orders keep the general path. */
	bool fts_driven = r.fts && f->sort == PQ_RECEIVED;
	r.fts_probe = r.fts && !fts_driven && broad_search(rv, r.fts, limit);
	const char *expr = fts_driven ? "s.rowid" : sort_exprs[f->sort];
	/* Forward in display order means ascending unless descending. */
	bool asc = f->descending == backward;
	add(&q, "SELECT p.id, p.code, p.received, e.name, CASE WHEN ?%d THEN c.label_vi ELSE c.label_en END, "
	        "c.code, a.code, p.deadline, p.status, p.title, p.version, %s",
	    param_int(&q, i18n_vietnamese()), expr);
	compose_where(rv, &q, f, &r, true, fts_driven);
	if (after && after->set && fts_driven)
		add(&q, " AND s.rowid %s ?%d", asc ? ">" : "<", param_int(&q, after->id));
	else if (after && after->set)
		keyset_after(&q, expr, after, asc, limit);
	if (fts_driven)
		add(&q, " ORDER BY s.rowid %s LIMIT ?%d", asc ? "ASC" : "DESC", param_int(&q, limit + 1));
	else if (!after || !after->set)
		add(&q, " ORDER BY %s %s, p.id %s LIMIT ?%d", expr, asc ? "ASC" : "DESC", asc ? "ASC" : "DESC",
		    param_int(&q, limit + 1));
	sqlite3_stmt *st = prepare(rv, &q);
	struct pq_page *page = calloc(1, sizeof *page);
	if (page)
		page->rows = calloc((size_t)limit + 1, sizeof *page->rows);
	if (!st || !page || !page->rows) {
		rc = st ? rv_fail(rv, RV_EIO, NULL, _("out of memory")) : rv->code;
	} else {
		int s;
		while ((s = sqlite3_step(st)) == SQLITE_ROW && page->n <= limit)
			read_row(rv, st, &page->rows[page->n++]);
		if (s != SQLITE_ROW && s != SQLITE_DONE)
			rc = db_fail(rv, "listing petitions");
	}
	sqlite3_finalize(st);
	free(r.fts);
	if (page && page->rows && page->n > limit) {
		page->more = true;
		pq_cursor_clear(&page->rows[limit].cursor);
		free(page->rows[limit].enterprise);
		free(page->rows[limit].category);
		free(page->rows[limit].category_code);
		free(page->rows[limit].lead);
		free(page->rows[limit].title);
		page->n = limit;
	}
	if (!rc && backward)
		reverse(page->rows, page->n);
	if (rc)
		pq_page_free(&page);
	*out = page;
	return rc;
}
