/* import_csv.c — petitions from a CSV file as Excel saves it, parsed by
 * libcsv.  See import.h for what is accepted and how rows are matched.
 *
 * The file is fed to libcsv one physical line at a time, so each record
 * is reported with the line it starts on even when quoted fields hold line
 * breaks.  The first record is the header; its cells are matched to the
 * known columns by their folded names (the aliases below), and a column's
 * own header text names it in messages. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference.h"
#include "i18n.h"
#include "import_internal.h"
#include "input.h"
#include "refdata.h"
#include "text.h"
#include "workflow.h"

enum field {
	F_CODE, F_REQUEST, F_TAX, F_ENTERPRISE, F_ZONE, F_TITLE, F_BODY, F_CATEGORY, F_CHANNEL, F_RECEIVED,
	F_LEAD, F_COORD, F_PERSON, F_ASSIGNED, F_DEADLINE, F_STATUS, F_RESULT, F_OUTCOME, F_ANSWERED, F_RATING,
	F_FEEDBACK, F_CLOSED, F_REASON, F_REFER, F_CONFERENCE, F_COUNT
};

/* Header names, folded ("Mã số thuế" → "ma so thue"), '|' between aliases. */
static const char *const aliases[F_COUNT] = {
	[F_CODE] = "code|ma kien nghi|ma ho so|so hieu",
	[F_REQUEST] = "request id|ma yeu cau",
	[F_TAX] = "tax code|ma so thue|mst",
	[F_ENTERPRISE] = "enterprise|doanh nghiep|ten doanh nghiep",
	[F_ZONE] = "zone|park|khu cong nghiep|kcn|khu",
	[F_TITLE] = "title|tieu de|noi dung|noi dung kien nghi|trich yeu",
	[F_BODY] = "body|chi tiet|noi dung chi tiet|mo ta",
	[F_CATEGORY] = "category|linh vuc",
	[F_CHANNEL] = "channel|hinh thuc|kenh tiep nhan",
	[F_RECEIVED] = "received|ngay tiep nhan|ngay nhan",
	[F_LEAD] = "lead agency|lead|co quan chu tri|don vi chu tri",
	[F_COORD] = "coordinating agencies|coordinating|co quan phoi hop|don vi phoi hop",
	[F_PERSON] = "responsible person|person|can bo xu ly|nguoi chiu trach nhiem|nguoi xu ly",
	[F_ASSIGNED] = "assigned|ngay giao",
	[F_DEADLINE] = "deadline|thoi han|han xu ly|thoi han xu ly",
	[F_STATUS] = "status|trang thai",
	[F_RESULT] = "result|ket qua|ket qua xu ly",
	[F_OUTCOME] = "outcome|muc do giai quyet",
	[F_ANSWERED] = "answered|ngay tra loi",
	[F_RATING] = "rating|muc do hai long|danh gia",
	[F_FEEDBACK] = "feedback|y kien doanh nghiep",
	[F_CLOSED] = "closed|ngay hoan thanh",
	[F_REASON] = "reject reason|ly do|ly do khong tiep nhan",
	[F_REFER] = "refer to|chuyen den",
	[F_CONFERENCE] = "conference|hoi nghi",
};

#define MAX_COLS 128

struct reader {
	struct import *im;
	bool header_done, in_record, fatal;
	int map[MAX_COLS];          /* column → field, -1 when ignored */
	char *header[F_COUNT];      /* each field's header text in the file */
	char *cell[F_COUNT];
	size_t len[F_COUNT];        /* each cell's length: a NUL inside is refused */
	int col;
	long line, rec_line;
	enum rv_code rc;            /* a fatal (I/O) error */
};

static void reset_cells(struct reader *r)
{
	for (int f = 0; f < F_COUNT; f++) {
		free(r->cell[f]);
		r->cell[f] = NULL;
	}
	r->col = 0;
}

static int field_of(const char *header)
{
	char *k = import_key(header);
	int found = -1;
	for (int f = 0; k && *k && f < F_COUNT && found < 0; f++) {
		const char *a = aliases[f];
		size_t kl = strlen(k);
		while (a && found < 0) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			if (al == kl && strncmp(a, k, kl) == 0)
				found = f;
			a = bar ? bar + 1 : NULL;
		}
	}
	free(k);
	return found;
}

static void on_cell(void *s, size_t len, void *data)
{
	struct reader *r = data;
	int c = r->col++;
	if (c >= MAX_COLS)
		return;
	if (!r->header_done) {
		int f = field_of(s);
		r->map[c] = f >= 0 && !r->header[f] ? f : -1;
		if (r->map[c] >= 0)
			r->header[f] = strdup(s);
		return;
	}
	if (r->map[c] >= 0 && len) {
		int f = r->map[c];
		free(r->cell[f]);
		r->cell[f] = malloc(len + 1);
		if (r->cell[f]) {
			memcpy(r->cell[f], s, len);
			r->cell[f][len] = '\0';
		}
		r->len[f] = len;
	}
}

/* The cell of f, NULL when missing or blank. */
static const char *cell(const struct reader *r, enum field f)
{
	const char *v = r->cell[f];
	for (const char *p = v; p && *p; p++)
		if (*p != ' ' && *p != '\t')
			return v;
	return NULL;
}

/* English names of the fields, for messages about a missing column. */
static const char *const field_names[F_COUNT] = {
	"code", "request_id", "tax_code", "enterprise", "zone", "title", "body", "category", "channel", "received",
	"lead_agency", "coordinating_agencies", "responsible_person", "assigned", "deadline", "status", "result",
	"outcome", "answered", "rating", "feedback", "closed", "reject_reason", "refer_to", "conference",
};

static const char *name(const struct reader *r, enum field f)
{
	return r->header[f] ? r->header[f] : field_names[f];
}

/* ---- one row ---- */

struct clean {
	char *title, *body, *person, *result, *feedback, *reason, *refer, *request_id, *tax;
	int64_t ent, cat, lead, conf, coord[16];
	size_t ncoord;
	int channel, status, outcome;
	long rating;
	rv_date received, assigned, deadline, answered, closed;
};

static void clean_free(struct clean *c)
{
	free(c->title);
	free(c->body);
	free(c->person);
	free(c->result);
	free(c->feedback);
	free(c->reason);
	free(c->refer);
	free(c->request_id);
	free(c->tax);
}

static enum rv_code bad(struct reader *r)
{
	return import_bad_rv(r->im, r->rec_line);
}

static enum rv_code bad_value(struct reader *r, enum field f, const char *why)
{
	char *q = text_quote(cell(r, f));
	import_bad(r->im, r->rec_line, "%s: %s %s", name(r, f), q ? q : "", why);
	free(q);
	return RV_EINPUT;
}

/* A closed-set value by its stored string or its English or Vietnamese
 * label, accents and case ignored; -1 when none matches. */
static int match_enum(const struct enum_set *set, const char *text)
{
	for (int i = 0; i < set->count; i++) /* the usual case, as stored: no folding */
		if (strcmp(set->db[i], text) == 0)
			return i;
	char *k = import_key(text);
	int found = -1;
	for (int i = 0; k && i < set->count && found < 0; i++) {
		const char *names[] = { set->db[i], set->en[i], set->vi[i] };
		for (int j = 0; j < 3 && found < 0; j++) {
			char *n = import_key(names[j]);
			if (n && strcmp(n, k) == 0)
				found = i;
			free(n);
		}
	}
	free(k);
	return found;
}

static enum rv_code read_enum(struct reader *r, enum field f, const struct enum_set *set, int dflt, int *out)
{
	*out = dflt;
	if (!cell(r, f))
		return RV_OK;
	*out = match_enum(set, cell(r, f));
	if (*out >= 0)
		return RV_OK;
	char list[256], why[320];
	snprintf(why, sizeof why, _("is not a %s (%s)"), set->what, enum_list(set, list, sizeof list));
	return bad_value(r, f, why);
}

static enum rv_code read_date(struct reader *r, enum field f, rv_date *out)
{
	*out = RV_DATE_NONE;
	if (!cell(r, f))
		return RV_OK;
	return input_date(r->im->rv, name(r, f), cell(r, f), out) ? bad(r) : RV_OK;
}

static enum rv_code read_text(struct reader *r, enum field f, enum text_kind kind, size_t max, bool required, char **out)
{
	return input_text(r->im->rv, name(r, f), cell(r, f), kind, max, required, out) ? bad(r) : RV_OK;
}

static enum rv_code find_enterprise(struct reader *r, struct clean *c)
{
	struct rv *rv = r->im->rv;
	if (input_tax_code(rv, name(r, F_TAX), cell(r, F_TAX), &c->tax))
		return bad(r);
	enum rv_code rc = ref_enterprise_id(rv, name(r, F_TAX), c->tax, &c->ent);
	if (rc == RV_ENOTFOUND && cell(r, F_ENTERPRISE)) {
		rv_clear_error(rv);
		rc = enterprise_add(rv, cell(r, F_ENTERPRISE), c->tax, cell(r, F_ZONE), NULL);
		if (!rc)
			rc = ref_enterprise_id(rv, name(r, F_TAX), c->tax, &c->ent);
	} else if (rc == RV_ENOTFOUND) {
		rv_clear_error(rv);
		return bad_value(r, F_TAX, _("is no known enterprise (give its name in a column \"Doanh nghiệp\" to add it)"));
	}
	return rc ? bad(r) : RV_OK;
}

static enum rv_code find_agencies(struct reader *r, struct clean *c)
{
	const char *code;
	if (cell(r, F_LEAD) && !import_find(&r->im->agencies, cell(r, F_LEAD), &c->lead, &code))
		return bad_value(r, F_LEAD, _("matches no agency by code or name (see: roviec agency list)"));
	char *list = cell(r, F_COORD) ? strdup(cell(r, F_COORD)) : NULL, *save = NULL;
	enum rv_code rc = RV_OK;
	for (char *t = list ? strtok_r(list, ",;\n", &save) : NULL; t && !rc; t = strtok_r(NULL, ",;\n", &save)) {
		int64_t id;
		if (!import_find(&r->im->agencies, t, &id, &code)) {
			char *q = text_quote(t);
			rc = import_bad(r->im, r->rec_line, _("%s: %s matches no agency by code or name (see: roviec agency list)"),
			                name(r, F_COORD), q ? q : "");
			free(q);
		} else if (id != c->lead && c->ncoord < 16) {
			c->coord[c->ncoord++] = id;
		}
	}
	free(list);
	return rc;
}

/* A cell holding a NUL byte would be cut short silently by every C string
 * reader below: refuse the row, naming the column (as a control character). */
static enum rv_code refuse_nul(struct reader *r)
{
	for (int f = 0; f < F_COUNT; f++) {
		if (!r->cell[f] || strlen(r->cell[f]) == r->len[f])
			continue;
		char *out = NULL;
		enum rv_code rc = input_text_len(r->im->rv, name(r, (enum field)f), r->cell[f], r->len[f], TEXT_BODY,
		                                 r->len[f] + 1, false, &out);
		free(out);
		return rc ? bad(r) : bad_value(r, (enum field)f, "contains a NUL byte");
	}
	return RV_OK;
}

static enum rv_code read_values(struct reader *r, struct clean *c)
{
	struct rv *rv = r->im->rv;
	const char *code;
	enum rv_code rc = refuse_nul(r);
	if (!rc)
		rc = find_enterprise(r, c);
	if (!rc)
		rc = read_text(r, F_TITLE, TEXT_LINE, LIMIT_TITLE, true, &c->title);
	if (!rc)
		rc = read_text(r, F_BODY, TEXT_BODY, LIMIT_TEXT, false, &c->body);
	if (!rc && cell(r, F_CATEGORY) && !import_find(&r->im->categories, cell(r, F_CATEGORY), &c->cat, &code))
		rc = bad_value(r, F_CATEGORY, _("matches no category by code or name (see: roviec category list)"));
	if (!rc)
		rc = read_enum(r, F_CHANNEL, &channel_set, CH_WRITTEN, &c->channel);
	if (!rc)
		rc = read_date(r, F_RECEIVED, &c->received);
	if (!rc && c->received == RV_DATE_NONE)
		c->received = rv->today;
	if (!rc && c->received > rv->today)
		rc = bad_value(r, F_RECEIVED, _("is after today"));
	if (!rc)
		rc = find_agencies(r, c);
	if (!rc)
		rc = read_text(r, F_PERSON, TEXT_LINE, LIMIT_NAME, false, &c->person);
	if (!rc)
		rc = read_date(r, F_ASSIGNED, &c->assigned);
	if (!rc)
		rc = read_date(r, F_DEADLINE, &c->deadline);
	if (!rc)
		rc = read_text(r, F_RESULT, TEXT_BODY, LIMIT_TEXT, false, &c->result);
	if (!rc)
		rc = read_enum(r, F_OUTCOME, &outcome_set, -1, &c->outcome);
	if (!rc)
		rc = read_date(r, F_ANSWERED, &c->answered);
	if (!rc)
		rc = read_date(r, F_CLOSED, &c->closed);
	if (!rc && cell(r, F_RATING) && input_int(rv, name(r, F_RATING), cell(r, F_RATING), 1, 5, &c->rating))
		rc = bad(r);
	if (!rc)
		rc = read_text(r, F_FEEDBACK, TEXT_BODY, LIMIT_TEXT, false, &c->feedback);
	if (!rc)
		rc = read_text(r, F_REASON, TEXT_BODY, LIMIT_TEXT, false, &c->reason);
	if (!rc)
		rc = read_text(r, F_REFER, TEXT_LINE, LIMIT_NAME, false, &c->refer);
	if (!rc && cell(r, F_CONFERENCE) && conf_id(rv, cell(r, F_CONFERENCE), &c->conf))
		rc = bad(r);
	return rc;
}

static enum rv_code need(struct reader *r, bool ok, enum field f, int status)
{
	return ok ? RV_OK
	          : import_bad(r->im, r->rec_line, _("%s: required for a petition that is %s"), name(r, f),
	                       enum_db(&status_set, status));
}

/* The status (given, or what the row holds) and what it requires. */
static enum rv_code check_status(struct reader *r, struct clean *c)
{
	enum rv_code rc = read_enum(r, F_STATUS, &status_set, -1, &c->status);
	if (!rc && c->status < 0)
		c->status = c->result ? ST_ANSWERED
		            : c->reason ? ST_REJECTED
		            : c->cat && c->lead && c->person && c->deadline != RV_DATE_NONE ? ST_ASSIGNED
		            : c->cat ? ST_CLASSIFIED : ST_RECEIVED;
	int s = c->status;
	bool assigned = s == ST_ASSIGNED || s == ST_IN_PROGRESS || s == ST_ANSWERED || s == ST_CLOSED;
	bool answered = s == ST_ANSWERED || s == ST_CLOSED;
	if (!rc && (assigned || s == ST_CLASSIFIED))
		rc = need(r, c->cat, F_CATEGORY, s);
	if (!rc && assigned)
		rc = need(r, c->lead, F_LEAD, s);
	if (!rc && assigned)
		rc = need(r, c->person != NULL, F_PERSON, s);
	if (!rc && assigned)
		rc = need(r, c->deadline != RV_DATE_NONE, F_DEADLINE, s);
	if (!rc && answered)
		rc = need(r, c->result != NULL, F_RESULT, s);
	if (!rc && answered)
		rc = need(r, c->outcome >= 0, F_OUTCOME, s);
	if (!rc && answered)
		rc = need(r, c->answered != RV_DATE_NONE, F_ANSWERED, s);
	if (!rc && s == ST_REJECTED)
		rc = need(r, c->reason != NULL, F_REASON, s);
	if (!rc && c->deadline != RV_DATE_NONE && c->deadline < c->received)
		rc = bad_value(r, F_DEADLINE, _("is before the received date"));
	if (!rc && c->answered != RV_DATE_NONE && c->answered < c->received)
		rc = bad_value(r, F_ANSWERED, _("is before the received date"));
	return rc;
}

/* The key that makes a re-import find the row again; *skip when the
 * petition is there already. */
static enum rv_code dedupe(struct reader *r, struct clean *c, bool *skip)
{
	struct rv *rv = r->im->rv;
	*skip = false;
	if (cell(r, F_REQUEST)) {
		if (read_text(r, F_REQUEST, TEXT_LINE, 128, true, &c->request_id))
			return RV_EINPUT;
	}
	if (!c->request_id) {
		/* FNV-1a over the cleaned (NFC, trimmed) values, NUL-separated. */
		char d[11];
		uint64_t h = 1469598103934665603ULL;
		const char *parts[4] = { c->tax, date_iso(c->received, d), c->title, c->body };
		for (int i = 0; i < 4; i++)
			for (const char *p = parts[i] ? parts[i] : ""; ; p++) {
				h = (h ^ (unsigned char)*p) * 1099511628211ULL;
				if (!*p)
					break;
			}
		c->request_id = malloc(24);
		if (!c->request_id)
			return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
		snprintf(c->request_id, 24, "csv:%016llx", (unsigned long long)h);
	}
	sqlite3_stmt *st = db_stmt(rv, "SELECT 1 FROM petitions WHERE request_id = ?1");
	if (st) {
		db_bind_text(st, 1, c->request_id);
		*skip = sqlite3_step(st) == SQLITE_ROW;
	}
	return RV_OK;
}

static enum rv_code insert(struct reader *r, const struct clean *c)
{
	struct rv *rv = r->im->rv;
	char code[RV_CODE_MAX], now[21], d[5][11], note[300];
	int y;
	date_to_ymd(c->received, &y, NULL, NULL);
	rv_now(now);
	enum rv_code rc = wf_next_code(rv, y, code);
	bool answered = c->status == ST_ANSWERED || c->status == ST_CLOSED;
	bool assigned = c->lead && c->deadline != RV_DATE_NONE;
	struct petition_in p = {
		.code = code, .request_id = c->request_id, .enterprise = c->ent, .category = c->cat, .lead = c->lead,
		.channel = enum_db(&channel_set, c->channel), .received = date_iso(c->received, d[0]),
		.title = c->title, .body = c->body, .person = c->person,
		.assigned = assigned ? date_iso(c->assigned != RV_DATE_NONE ? c->assigned : c->received, d[1]) : NULL,
		.deadline = date_iso(c->deadline, d[2]), .original_deadline = date_iso(c->deadline, d[2]),
		.status = enum_db(&status_set, c->status), .result = c->result,
		.outcome = c->outcome >= 0 ? enum_db(&outcome_set, c->outcome) : NULL,
		.answered = answered ? date_iso(c->answered, d[3]) : NULL,
		.late_days = answered ? calendar_workdays_between(rv->cal, c->deadline, c->answered) : -1,
		.rating = (int)c->rating, .feedback = c->feedback,
		.closed = c->status == ST_CLOSED ? date_iso(c->closed != RV_DATE_NONE ? c->closed : c->answered, d[4]) : NULL,
		.reject_reason = c->reason, .refer_to = c->refer,
		.decided_by = c->status == ST_REJECTED ? rv_actor(rv) : NULL, .version = 1, .created_at = now,
	};
	if (!p.deadline[0])
		p.deadline = p.original_deadline = NULL;
	int64_t id = 0;
	if (!rc)
		rc = import_insert_petition(r->im, &p, &id);
	for (size_t i = 0; !rc && i < c->ncoord; i++)
		rc = import_insert_coordinating(r->im, id, c->coord[i]);
	if (!rc && c->conf)
		rc = import_link_conference(r->im, id, c->conf, false);
	snprintf(note, sizeof note, _("imported from %s, line %ld"), r->im->file, r->rec_line);
	/* What wf_history writes, through the import's history batch. */
	struct history_row h = { .petition_id = id, .version = 1, .at = now, .os_login = rv->os_login,
		                 .actor = rv->actor, .action = "create", .new_ = code, .note = note };
	if (!rc)
		rc = bulk_history_add(&r->im->history, &h);
	h = (struct history_row){ .petition_id = id, .version = 1, .at = now, .os_login = rv->os_login,
		                  .actor = rv->actor, .action = "import", .field = "status", .old = "received",
		                  .new_ = p.status };
	if (!rc && c->status != ST_RECEIVED)
		rc = bulk_history_add(&r->im->history, &h);
	if (!rc)
		rc = bulk_history_flush(&r->im->history, false);
	return rc;
}

/* A code column naming a petition already here: the row is that petition. */
static bool known_code(struct reader *r)
{
	sqlite3_stmt *st = cell(r, F_CODE) && !cell(r, F_REQUEST)
	                           ? db_stmt(r->im->rv, "SELECT 1 FROM petitions WHERE code = upper(trim(?1))")
	                           : NULL;
	if (!st)
		return false;
	db_bind_text(st, 1, cell(r, F_CODE));
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

static enum rv_code csv_row(struct reader *r)
{
	struct clean c = { .channel = CH_WRITTEN, .outcome = -1, .status = -1 };
	bool skip = false;
	if (known_code(r)) {
		r->im->res->skipped++;
		return RV_OK;
	}
	enum rv_code rc = read_values(r, &c);
	if (!rc)
		rc = check_status(r, &c);
	if (!rc)
		rc = dedupe(r, &c, &skip);
	if (!rc && skip)
		r->im->res->skipped++;
	else if (!rc && !(rc = insert(r, &c)))
		r->im->res->added++;
	clean_free(&c);
	return rc;
}

static void on_record(int term, void *data)
{
	struct reader *r = data;
	(void)term;
	r->in_record = false;
	if (r->fatal) {
		reset_cells(r);
		return;
	}
	if (!r->header_done) {
		r->header_done = true;
		for (int c = r->col; c < MAX_COLS; c++)
			r->map[c] = -1;
		if (!r->header[F_TAX] || !r->header[F_TITLE]) {
			import_bad(r->im, r->rec_line, _("header: a column for the tax code (Mã số thuế / tax_code) and one "
			                                 "for the title (Nội dung / title) are required"));
			r->fatal = true;
		}
	} else {
		r->im->res->rows++;
		enum rv_code rc = csv_row(r);
		if (rc != RV_OK && rc != RV_EINPUT) {
			r->rc = rc;
			r->fatal = true;
		}
	}
	reset_cells(r);
}

/* ',' unless the header line has more ';' (Excel in decimal-comma locales). */
static unsigned char delimiter(const char *data, size_t len)
{
	size_t commas = 0, semis = 0;
	bool quoted = false;
	for (size_t i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
		quoted ^= data[i] == '"';
		commas += !quoted && data[i] == ',';
		semis += !quoted && data[i] == ';';
	}
	return semis > commas ? ';' : ',';
}

static bool blank_line(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != '\r' && p[i] != '\n')
			return false;
	return true;
}

enum rv_code import_csv(struct import *im, const char *data, size_t len)
{
	struct reader r = { .im = im };
	struct csv_parser p;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0)
		return rv_fail(im->rv, RV_EIO, NULL, _("out of memory"));
	csv_set_delim(&p, delimiter(data, len));
	/* libcsv grows a cell's buffer by blk_size (128 bytes by default): a
	 * 10 MB cell (refused later, but buffered first) meant 80,000 reallocs,
	 * quadratic wherever realloc copies (sanitizers, small heaps). */
	csv_set_blk_size(&p, 64 * 1024);
	size_t pos = 0;
	while (pos < len && !r.fatal) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
		r.line++;
		if (!r.in_record && !blank_line(data + pos, n)) {
			r.rec_line = r.line;
			r.in_record = true;
		}
		if (csv_parse(&p, data + pos, n, on_cell, on_record, &r) != n) {
			import_bad(im, r.rec_line, _("the file cannot be read as CSV here: %s"), csv_strerror(csv_error(&p)));
			r.fatal = true;
		}
		pos += n;
	}
	if (!r.fatal && csv_fini(&p, on_cell, on_record, &r) != 0)
		import_bad(im, r.rec_line, _("a quoted field is not closed (a \" is missing)"));
	if (!r.header_done && !r.fatal)
		import_bad(im, 1, _("the file is empty: a header line is required"));
	csv_free(&p);
	reset_cells(&r);
	for (int f = 0; f < F_COUNT; f++)
		free(r.header[f]);
	return r.rc;
}
