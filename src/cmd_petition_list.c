/* cmd_petition_list.c — roviec petition list: filtered, sorted, streamed
 * page by page (keyset), as an aligned table, JSON or CSV.  Memory stays
 * flat whatever the number of petitions. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "input.h"
#include "output.h"
#include "petition.h"
#include "petition_cmds.h"
#include "query.h"
#include "text.h"

const struct arg_spec petition_list_spec[PETITION_LIST_NSPEC] = {
	{ "status", true, false }, { "overdue", false, false }, { "due-within", true, false },
	{ "agency", true, false }, { "category", true, false }, { "enterprise", true, false },
	{ "zone", true, false }, { "search", true, false }, { "sort", true, false },
	{ "limit", true, false }, { "json", false, false }, { "csv", false, false },
	{ "count", false, false }, { "conference", true, false },
};

/* Fills f from the options; false after recording an error. */
bool petition_read_filter(struct cli *c, const struct args *a, struct pq_filter *f, long *limit)
{
	struct rv *rv = c->rv;
	pq_filter_init(f);
	*limit = -1;
	const char *st = args_get(a, "status");
	if (st) {
		/* Comma-separated: --status assigned,in_progress */
		char *copy = strdup(st), *save = NULL;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int s;
			if (input_enum(rv, &status_set, "status", tok, &s)) {
				free(copy);
				return false;
			}
			f->status_mask |= 1u << s;
		}
		free(copy);
	}
	long n;
	f->overdue = args_has(a, "overdue");
	if (args_has(a, "due-within")) {
		if (input_int(rv, "due-within", args_get(a, "due-within"), 0, 365, &n))
			return false;
		f->due_within = (int)n;
	}
	f->agency = args_get(a, "agency");
	f->category = args_get(a, "category");
	f->enterprise = args_get(a, "enterprise");
	f->zone = args_get(a, "zone");
	f->search = args_get(a, "search");
	f->conference = args_get(a, "conference");
	if (args_has(a, "sort") && pq_parse_sort(rv, args_get(a, "sort"), f))
		return false;
	if (args_has(a, "limit") && input_int(rv, "limit", args_get(a, "limit"), 1, 100000000L, limit))
		return false;
	return true;
}

/* The code column's width is set per list (code_width): a code is never
 * cut. */
static const int widths[] = { 13, 10, 26, 16, 8, 10, 26, 40 };
static const bool right[] = { false, false, false, false, false, false, false, false };

/* The code column for a list whose first page is first: as wide as the
 * widest code shown when that page holds every row shown, else as wide as
 * the widest code issued (the later pages are not read yet); at least 13
 * and the header. */
static int code_width(struct cli *c, const struct pq_page *first, long limit)
{
	int w = text_width(_("Code"));
	w = w > widths[0] ? w : widths[0];
	if (first->more && (limit < 0 || first->n < limit)) {
		int issued = petition_code_width(c->rv);
		return issued > w ? issued : w;
	}
	for (int i = 0; i < first->n; i++) {
		int cw = text_width(first->rows[i].code);
		w = cw > w ? cw : w;
	}
	return w;
}

static void table_row(struct cli *c, const int *width, const struct pq_row *r)
{
	char rec[11], dl[11], status[96];
	if (r->overdue)
		snprintf(status, sizeof status, r->days_overdue == 1 ? _("%s, %d day late") : _("%s, %d days late"),
		         enum_label(&status_set, (int)r->status),
		         r->days_overdue);
	else
		snprintf(status, sizeof status, "%s", enum_label(&status_set, (int)r->status));
	const char *cells[] = { r->code, date_display(r->received, rec), r->enterprise, r->category ? r->category : "",
		                r->lead ? r->lead : "", date_display(r->deadline, dl), status, r->title };
	out_table_line(c->out, cells, width, right, 8);
}

static int csv_row(struct cli *c, const struct petition *p)
{
	char rec[11], dl[11], od[11], days[12];
	snprintf(days, sizeof days, "%d", p->days_overdue);
	const char *cells[] = { p->code, enum_db(&status_set, (int)p->status), date_iso(p->received, rec),
		                p->enterprise_tax_code, p->enterprise_name, p->category ? p->category : "",
		                p->lead.code ? p->lead.code : "", p->responsible_person ? p->responsible_person : "",
		                date_iso(p->deadline, dl), date_iso(p->original_deadline, od),
		                p->overdue ? "1" : "0", days, p->title };
	out_csv_record(c->out, cells, 13);
	return 0;
}

static const char *const csv_header[] = { "code", "status", "received", "tax_code", "enterprise", "category",
	                                  "lead_agency", "responsible_person", "deadline", "original_deadline",
	                                  "overdue", "days_overdue", "title" };

/* One row in the chosen format; JSON and CSV load the whole petition. */
static int emit(struct cli *c, enum out_format fmt, const int *width, const struct pq_row *r, bool first)
{
	if (fmt == OUT_TABLE) {
		table_row(c, width, r);
		return 0;
	}
	struct petition *p = NULL;
	if (petition_load(c->rv, r->code, 0, &p) != RV_OK)
		return -1;
	int rc = 0;
	if (fmt == OUT_JSON) {
		json_t *j = petition_json(p, false);
		rc = out_json_item(c->out, j, first);
		json_decref(j);
	} else {
		rc = csv_row(c, p);
	}
	petition_free(&p);
	return rc;
}

int petition_list(struct cli *c, const struct args *a)
{
	struct pq_filter f;
	long limit;
	if (a->npos)
		return cli_usage(&cmd_petition, _("petition list takes no positional arguments"));
	if (!petition_read_filter(c, a, &f, &limit))
		return cli_fail(c);
	if (args_has(a, "count")) {
		int64_t n;
		if (pq_count(c->rv, &f, &n))
			return cli_fail(c);
		fprintf(c->out, "%lld\n", (long long)n);
		return 0;
	}
	enum out_format fmt = args_has(a, "json") ? OUT_JSON : args_has(a, "csv") ? OUT_CSV : OUT_TABLE;
	struct pq_cursor cur = { .set = false };
	long shown = 0;
	int status = 0, width[8];
	memcpy(width, widths, sizeof width);
	bool header = false;
	for (bool more = true; more && (limit < 0 || shown < limit) && !status;) {
		struct pq_page *page = NULL;
		int want = limit < 0 || limit - shown > 500 ? 500 : (int)(limit - shown);
		if (pq_fetch(c->rv, &f, &cur, false, want, &page)) {
			status = cli_fail(c);
			break;
		}
		/* The header only once the filter proved valid: a refused list
		 * writes nothing on standard output. */
		if (fmt == OUT_TABLE && !header) {
			width[0] = code_width(c, page, limit);
			const char *h[] = { _("Code"), _("Received"), _("Enterprise"), _("Category"), _("Lead"),
				            _("Deadline"), _("Status"), _("Title") };
			out_table_line(c->out, h, width, right, 8);
		} else if (fmt == OUT_CSV && !header) {
			out_csv_record(c->out, csv_header, 13);
		}
		header = true;
		for (int i = 0; i < page->n && !status; i++, shown++)
			if (emit(c, fmt, width, &page->rows[i], shown == 0))
				status = rv_status(c->rv) ? cli_fail(c) : RV_EIO;
		more = page->more;
		pq_cursor_clear(&cur);
		if (page->n)
			pq_cursor_copy(&cur, &page->rows[page->n - 1].cursor);
		pq_page_free(&page);
	}
	pq_cursor_clear(&cur);
	if (fmt == OUT_JSON && !status)
		out_json_end(c->out, shown > 0);
	return status;
}
