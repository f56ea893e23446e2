/* seed.c — the data every new database starts with: the petition
 * categories named in DOMAIN.md and the official holiday schedule shipped
 * in data/holidays-vn.csv (compiled in).  Also loads the working-day
 * calendar from the holidays table. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rv_internal.h"

/* Default time limits: 15 working days (Decree 43/2011/NĐ-CP art. 17:
 * reply or give an expected date), 20 for cross-sector matters that need
 * several agencies (land, planning, site clearance, outside-fence works). */
static const struct {
	const char *code, *vi, *en;
	int within;
} categories[] = {
	{ "tthc", "Thủ tục hành chính", "Administrative procedures", 15 },
	{ "dat-dai", "Đất đai", "Land", 20 },
	{ "quy-hoach", "Quy hoạch", "Planning", 20 },
	{ "ha-tang-trong", "Hạ tầng kỹ thuật trong hàng rào KCN", "Infrastructure inside the park", 15 },
	{ "ha-tang-ngoai", "Hạ tầng ngoài hàng rào", "Infrastructure outside the park", 20 },
	{ "dien", "Điện", "Electricity", 15 },
	{ "nuoc", "Nước", "Water", 15 },
	{ "vien-thong", "Viễn thông", "Telecoms", 15 },
	{ "moi-truong", "Môi trường", "Environment", 15 },
	{ "pccc", "Phòng cháy chữa cháy", "Fire prevention", 15 },
	{ "logistics", "Logistics", "Logistics", 15 },
	{ "lao-dong", "Lao động", "Labour", 15 },
	{ "nha-o", "Nhà ở cho người lao động", "Worker housing", 20 },
	{ "thue", "Thuế", "Tax", 15 },
	{ "gpmb", "Giải phóng mặt bằng", "Site clearance", 20 },
	{ "khac", "Khác", "Other", 15 },
};

static enum rv_code seed_categories(struct rv *rv)
{
	for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++) {
		sqlite3_stmt *st = db_stmt(rv, "INSERT INTO categories(code, label_vi, label_en, within_days) "
		                               "VALUES (?1, ?2, ?3, ?4)");
		if (!st)
			return rv->code;
		db_bind_text(st, 1, categories[i].code);
		db_bind_text(st, 2, categories[i].vi);
		db_bind_text(st, 3, categories[i].en);
		sqlite3_bind_int(st, 4, categories[i].within);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(rv, "seeding categories");
	}
	return RV_OK;
}

/* libcsv callbacks collecting one record of the holiday file at a time. */
struct holiday_reader {
	struct rv *rv;
	char fields[5][256];
	int nfields;
	long record;
	enum rv_code code;
};

static void holiday_field(void *data, size_t len, void *ctx)
{
	struct holiday_reader *r = ctx;
	if (r->nfields < 5) {
		size_t n = len < 255 ? len : 255;
		memcpy(r->fields[r->nfields], data, n);
		r->fields[r->nfields][n] = '\0';
	}
	r->nfields++;
}

static void holiday_record(int term, void *ctx)
{
	(void)term;
	struct holiday_reader *r = ctx;
	int n = r->nfields;
	r->nfields = 0;
	if (r->record++ == 0 || r->code != RV_OK || n < 3)
		return; /* header line */
	sqlite3_stmt *st = db_stmt(r->rv, "INSERT OR REPLACE INTO holidays(day, kind, name) VALUES (?1, ?2, ?3)");
	if (!st) {
		r->code = r->rv->code;
		return;
	}
	db_bind_text(st, 1, r->fields[0]);
	db_bind_text(st, 2, r->fields[1]);
	db_bind_text(st, 3, r->fields[2]);
	if (sqlite3_step(st) != SQLITE_DONE)
		r->code = db_fail(r->rv, "seeding holidays");
}

extern const char *const roviec_holidays_csv;
extern const size_t roviec_holidays_csv_len;

static enum rv_code seed_holidays(struct rv *rv)
{
	struct csv_parser p;
	struct holiday_reader r = { .rv = rv, .code = RV_OK };
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	if (csv_parse(&p, roviec_holidays_csv, roviec_holidays_csv_len, holiday_field, holiday_record, &r) !=
	            roviec_holidays_csv_len ||
	    csv_fini(&p, holiday_field, holiday_record, &r) != 0)
		r.code = rv_fail(rv, RV_EIO, NULL, _("built-in holiday data: %s"), csv_strerror(csv_error(&p)));
	csv_free(&p);
	return r.code;
}

enum rv_code db_seed(struct rv *rv)
{
	enum rv_code code = seed_categories(rv);
	return code == RV_OK ? seed_holidays(rv) : code;
}

enum rv_code db_load_calendar(struct rv *rv)
{
	calendar_free(&rv->cal);
	rv->cal = calendar_new();
	if (!rv->cal)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	sqlite3_stmt *st = db_stmt(rv, "SELECT day, kind FROM holidays");
	if (!st)
		return rv->code;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rv_date d;
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		if (!date_parse_iso((const char *)sqlite3_column_text(st, 0), &d))
			continue;
		calendar_set(rv->cal, d, kind && strcmp(kind, "work") == 0 ? DAY_WORK : DAY_OFF);
	}
	return rc == SQLITE_DONE ? RV_OK : db_fail(rv, "loading the holiday calendar");
}
