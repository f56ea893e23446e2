/* export.c — the export dispatcher, petition streaming, and CSV.  See
 * export.h. */
#include "export.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "output.h"
#include "report_scan.h"
#include "rv_internal.h"
#include "text.h"
#include "users.h"

#define EXPORT_NAME(name, str) str,
static const char *const format_names[] = { EXPORT_FORMATS(EXPORT_NAME) };

enum rv_code export_parse_format(struct rv *rv, const char *s, enum export_format *out)
{
	for (int i = 0; i < EXPORT_FORMAT_COUNT; i++)
		if (s && strcmp(s, format_names[i]) == 0) {
			*out = (enum export_format)i;
			return RV_OK;
		}
	char *q = text_quote(s ? s : "");
	rv_fail(rv, RV_EINPUT, "format", _("format: %s is not an export format (csv, xlsx, json, open311, html)"),
	        q ? q : "");
	free(q);
	return RV_EINPUT;
}

/* ---- streaming petitions ---- */

static enum rv_code each_one(struct rv *rv, const char *code, export_fn fn, void *ctx)
{
	struct petition *p = NULL;
	enum rv_code rc = petition_load(rv, code, PETITION_WITH_HISTORY, &p);
	if (!rc)
		rc = fn(rv, p, ctx);
	petition_free(&p);
	return rc;
}

/* Every visible petition in id order (what a whole-database export and
 * its re-import need to reproduce the same rows). */
static enum rv_code each_all(struct rv *rv, export_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(rv->db, "SELECT p.code FROM petitions p WHERE ?1 = 0 OR (?1 = 1 AND "
	                               "p.enterprise_id = ?2) OR (?1 = 2 AND (p.lead_agency_id = ?3 OR EXISTS "
	                               "(SELECT 1 FROM petition_agencies pa WHERE pa.petition_id = p.id AND "
	                               "pa.agency_id = ?3))) ORDER BY p.id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(rv, "listing petitions");
	petition_bind_scope(rv, st, 1);
	enum rv_code rc = RV_OK;
	int s;
	while (!rc && (s = sqlite3_step(st)) == SQLITE_ROW) {
		char code[RV_CODE_MAX];
		snprintf(code, sizeof code, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = each_one(rv, code, fn, ctx);
	}
	if (!rc && s != SQLITE_DONE)
		rc = db_fail(rv, "listing petitions");
	sqlite3_finalize(st);
	return rc;
}

enum rv_code export_each(struct rv *rv, const struct export_options *o, export_fn fn, void *ctx)
{
	if (!o->filter)
		return each_all(rv, fn, ctx);
	struct pq_cursor cur = { .set = false };
	enum rv_code rc = RV_OK;
	for (bool more = true; more && !rc;) {
		struct pq_page *page = NULL;
		rc = pq_fetch(rv, o->filter, &cur, false, 500, &page);
		for (int i = 0; !rc && i < page->n; i++)
			rc = each_one(rv, page->rows[i].code, fn, ctx);
		more = !rc && page->more;
		pq_cursor_clear(&cur);
		if (!rc && page->n && !pq_cursor_copy(&cur, &page->rows[page->n - 1].cursor))
			rc = rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		pq_page_free(&page);
	}
	pq_cursor_clear(&cur);
	return rc;
}

enum rv_code export_extra(struct rv *rv, int64_t id, struct petition_extra *x)
{
	memset(x, 0, sizeof *x);
	sqlite3_stmt *st = db_stmt(rv, "SELECT p.request_id, p.created_at, p.updated_at, c.uuid, (SELECT group_concat(id) "
	                               "FROM (SELECT id FROM extensions WHERE petition_id = p.id ORDER BY id)) FROM petitions p "
	                               "LEFT JOIN conference_petitions cp ON cp.petition_id = p.id "
	                               "LEFT JOIN conferences c ON c.id = cp.conference_id WHERE p.id = ?1");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, id);
	if (db_step(rv, st) != SQLITE_ROW)
		return rv->code ? rv->code : rv_fail(rv, RV_EIO, NULL, _("petition vanished"));
	x->request_id = db_column_dup(st, 0);
	x->created_at = db_column_dup(st, 1);
	x->updated_at = db_column_dup(st, 2);
	x->conference_uuid = db_column_dup(st, 3);
	x->extension_ids = db_column_dup(st, 4);
	return RV_OK;
}

void export_extra_free(struct petition_extra *x)
{
	free(x->request_id);
	free(x->created_at);
	free(x->updated_at);
	free(x->conference_uuid);
	free(x->extension_ids);
	memset(x, 0, sizeof *x);
}

char *export_coordinating(const struct petition *p)
{
	size_t len = 1;
	for (size_t i = 0; i < p->n_coordinating; i++)
		len += strlen(p->coordinating[i].code) + 2;
	char *s = calloc(1, len);
	for (size_t i = 0; s && i < p->n_coordinating; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, p->coordinating[i].code);
	}
	return s;
}

/* ---- CSV ---- */

static const char *const csv_header[] = {
	"code", "uuid", "status", "channel", "received", "tax_code", "enterprise", "zone", "category", "title",
	"body", "lead_agency", "coordinating_agencies", "responsible_person", "assigned", "deadline",
	"original_deadline", "overdue", "days_overdue", "result", "outcome", "answered", "late_days", "rating",
	"feedback", "closed", "reject_reason", "refer_to", "conference", "answered_in_session",
};
#define CSV_NCOLS ((int)(sizeof csv_header / sizeof csv_header[0]))

static enum rv_code csv_petition(struct rv *rv, const struct petition *p, void *ctx)
{
	FILE *out = ctx;
	char d[6][11], days[16], late[16], rating[8], conf[24];
	char *coord = export_coordinating(p);
	if (!coord)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	snprintf(days, sizeof days, "%d", p->days_overdue);
	snprintf(late, sizeof late, "%d", p->late_days);
	snprintf(rating, sizeof rating, "%d", p->rating);
	snprintf(conf, sizeof conf, "%lld", (long long)p->conference);
	const char *cells[CSV_NCOLS] = {
		p->code, p->uuid, enum_db(&status_set, (int)p->status), enum_db(&channel_set, (int)p->channel),
		date_iso(p->received, d[0]), p->enterprise_tax_code, p->enterprise_name, p->zone, p->category,
		p->title, p->body, p->lead.code, coord, p->responsible_person, date_iso(p->assigned, d[1]),
		date_iso(p->deadline, d[2]), date_iso(p->original_deadline, d[3]), p->overdue ? "1" : "0", days,
		p->result, p->outcome >= 0 ? enum_db(&outcome_set, p->outcome) : NULL, date_iso(p->answered, d[4]),
		p->late_days >= 0 ? late : NULL, p->rating ? rating : NULL, p->feedback, date_iso(p->closed, d[5]),
		p->reject_reason, p->refer_to, p->conference ? conf : NULL, p->answered_in_session ? "1" : "0",
	};
	/* Not a terminal: cells are written as they are (libcsv quoting). */
	for (int c = 0; c < CSV_NCOLS; c++) {
		if (c)
			fputc(',', out);
		const char *s = cells[c] ? cells[c] : "";
		csv_fwrite(out, s, strlen(s));
	}
	fputs("\r\n", out);
	free(coord);
	return ferror(out) ? rv_fail(rv, RV_EIO, NULL, _("cannot write the export: %s"), strerror(errno)) : RV_OK;
}

struct counter {
	FILE *out;
	int64_t n;
};

static enum rv_code csv_counted(struct rv *rv, const struct petition *p, void *ctx)
{
	struct counter *k = ctx;
	k->n++;
	return csv_petition(rv, p, k->out);
}

enum rv_code export_csv(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count)
{
	fputs("\xEF\xBB\xBF", out); /* the BOM: Excel reads the file as UTF-8 */
	for (int c = 0; c < CSV_NCOLS; c++)
		fprintf(out, "%s%s", c ? "," : "", csv_header[c]);
	fputs("\r\n", out);
	struct counter k = { out, 0 };
	enum rv_code rc = export_each(rv, o, csv_counted, &k);
	*count = k.n;
	return rc;
}

/* ---- the dispatcher ---- */

static enum rv_code write_stream(struct rv *rv, const struct export_options *o, const char *tmp, int64_t *count)
{
	FILE *out = fopen(tmp, "wb");
	if (!out)
		return rv_fail(rv, RV_EIO, "output", _("output: cannot create %s: %s"), tmp, strerror(errno));
	enum rv_code rc;
	switch (o->format) {
	case EXPORT_CSV:
		rc = export_csv(rv, o, out, count);
		break;
	case EXPORT_JSON:
		rc = export_json(rv, o, out, count);
		break;
	case EXPORT_OPEN311:
		rc = export_open311(rv, o, out, count);
		break;
	default:
		rc = export_html(rv, o, out, count);
		break;
	}
	if (fclose(out) != 0 && !rc)
		rc = rv_fail(rv, RV_EIO, "output", _("output: cannot write %s: %s"), tmp, strerror(errno));
	return rc;
}

enum rv_code export_run(struct rv *rv, const struct export_options *o, int64_t *count)
{
	*count = 0;
	enum rv_code rc = users_require(rv, PERM_READ);
	if (rc)
		return rc;
	if (!o->path || !*o->path)
		return rv_fail(rv, RV_EINPUT, "output", _("output: give the file to write (--output FILE)"));
	if ((o->format == EXPORT_XLSX || o->format == EXPORT_HTML) && (rc = report_allowed(rv)) != RV_OK)
		return rc;
	size_t len = strlen(o->path) + 16;
	char *tmp = malloc(len);
	if (!tmp)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	snprintf(tmp, len, "%s.part%ld", o->path, (long)getpid());
	/* One read transaction: every sheet and section sees the same data. */
	rc = db_exec(rv, "BEGIN");
	if (!rc) {
		rc = o->format == EXPORT_XLSX ? export_xlsx(rv, o, tmp, count) : write_stream(rv, o, tmp, count);
		db_exec(rv, "COMMIT");
	}
	if (!rc && rename(tmp, o->path) != 0)
		rc = rv_fail(rv, RV_EIO, "output", _("output: cannot write %s: %s"), o->path, strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}
