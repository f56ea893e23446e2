/* fill.c — STOP-GAP benchmark fixture: a realistic roviec database of N
 * petitions, for as long as `roviec demo --petitions N` is not built.
 *
 * bench/run uses `roviec demo` whenever it works and falls back to this
 * program only when demo answers "not yet built".  Delete this file once
 * the demo generator lands.
 *
 * How it writes: the database is created by rv_open() (schema, seed data,
 * the caller as administrator) and the reference data (parks, agencies,
 * enterprises, users) goes through the core API.  The petitions, their
 * coordinating agencies, extensions and history are then inserted with
 * plain SQL on a second connection, in their final state, in large
 * transactions with synchronous=OFF: every trigger of schema.sql still
 * runs (search index, open_deadlines, agency_stats), and the history rows
 * are the ones the workflow would have written (one per changed field and
 * one per transition, carrying the petition's version).  Dates follow the
 * working-day calendar; received dates spread over three years before
 * today (ROVIEC_TODAY pins it), older petitions mostly closed, a few still
 * open and overdue.  Deterministic for a given seed. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "refdata.h"
#include "rv.h"
#include "text.h"
#include "users.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- deterministic randomness (splitmix64) ---- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in 0..n-1 (n > 0). */
static int rnd(int n)
{
	return (int)(rng_next() % (uint64_t)n);
}

/* True with probability pct/100. */
static bool chance(int pct)
{
	return rnd(100) < pct;
}

/* ---- reference data ---- */

static const char *const zones[] = {
	"Khu công nghệ cao Hòa Lạc", "KCN Thăng Long", "KCN Nội Bài", "KCN Quang Minh",
	"KCN Bắc Thăng Long", "KCN Sài Đồng B", "KCN Thạch Thất – Quốc Oai", "KCN Phú Nghĩa",
	"KCN Nam Thăng Long", "Khu công nghiệp hỗ trợ Nam Hà Nội",
};

static const struct {
	const char *code, *kind, *name;
} agencies[] = {
	{ "BQL", "board", "Ban Quản lý các Khu công nghệ cao và Khu công nghiệp thành phố Hà Nội" },
	{ "STC", "department", "Sở Tài chính" },
	{ "SXD", "department", "Sở Xây dựng" },
	{ "SCT", "department", "Sở Công Thương" },
	{ "SNNMT", "department", "Sở Nông nghiệp và Môi trường" },
	{ "SKHCN", "department", "Sở Khoa học và Công nghệ" },
	{ "SNV", "department", "Sở Nội vụ" },
	{ "CT", "tax", "Cục Thuế thành phố Hà Nội" },
	{ "CATP", "police", "Công an thành phố Hà Nội" },
	{ "EVN", "utility", "Tổng công ty Điện lực TP Hà Nội" },
	{ "NUOC", "utility", "Công ty Nước sạch Hà Nội" },
	{ "VNPT", "utility", "VNPT Hà Nội" },
	{ "UBND-HL", "commune", "UBND xã Hòa Lạc" },
	{ "UBND-QO", "commune", "UBND xã Quốc Oai" },
	{ "UBND-QM", "commune", "UBND xã Quang Minh" },
	{ "UBND-PN", "commune", "UBND xã Phú Nghĩa" },
	{ "BCT", "ministry", "Bộ Công Thương" },
	{ "BXD", "ministry", "Bộ Xây dựng" },
};

/* Per category (seed.c's order): title templates and the usual lead
 * agency (an index into agencies[]; -1: a commune). */
static const struct {
	const char *code;
	int lead;
	const char *titles[3];
} topics[] = {
	{ "tthc", 0, { "Đề nghị rút ngắn thời gian cấp giấy chứng nhận đăng ký đầu tư",
	               "Kiến nghị hướng dẫn thủ tục điều chỉnh dự án đầu tư",
	               "Đề nghị cấp giấy phép lao động cho chuyên gia nước ngoài" } },
	{ "dat-dai", 4, { "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", "Vướng mắc thủ tục gia hạn thuê đất",
	                  "Kiến nghị xác định giá đất thuê" } },
	{ "quy-hoach", 2, { "Đề nghị điều chỉnh quy hoạch chi tiết 1/500", "Kiến nghị về chỉ giới xây dựng nhà xưởng",
	                    "Đề nghị chấp thuận phương án kiến trúc" } },
	{ "ha-tang-trong", 0, { "Đề nghị sửa chữa đường nội bộ khu công nghiệp", "Kiến nghị về hệ thống thoát nước mưa",
	                        "Đề nghị bổ sung chiếu sáng đường nội khu" } },
	{ "ha-tang-ngoai", 2, { "Đề nghị đầu tư tuyến đường kết nối ngoài hàng rào",
	                        "Kiến nghị xử lý ngập úng đường gom", "Đề nghị lắp đặt đèn tín hiệu giao thông" } },
	{ "dien", 9, { "Đề nghị cấp điện ổn định cho nhà xưởng", "Kiến nghị về tình trạng mất điện đột xuất",
	               "Đề nghị nâng công suất trạm biến áp" } },
	{ "nuoc", 10, { "Đề nghị đảm bảo áp lực nước sạch", "Kiến nghị về chất lượng nước cấp",
	                "Đề nghị đấu nối đường ống cấp nước" } },
	{ "vien-thong", 11, { "Đề nghị nâng cấp đường truyền cáp quang", "Kiến nghị về chất lượng sóng di động",
	                      "Đề nghị hạ ngầm cáp viễn thông" } },
	{ "moi-truong", 4, { "Đề nghị hướng dẫn cấp giấy phép môi trường", "Kiến nghị về thu gom chất thải rắn",
	                     "Đề nghị kiểm tra trạm xử lý nước thải tập trung" } },
	{ "pccc", 8, { "Đề nghị thẩm duyệt thiết kế phòng cháy chữa cháy", "Kiến nghị nghiệm thu hệ thống PCCC",
	               "Đề nghị hướng dẫn diễn tập chữa cháy" } },
	{ "logistics", 3, { "Đề nghị hỗ trợ thông quan hàng hóa", "Kiến nghị về chi phí vận chuyển container",
	                    "Đề nghị bố trí bãi đỗ xe tải" } },
	{ "lao-dong", 6, { "Đề nghị hỗ trợ tuyển dụng lao động kỹ thuật", "Kiến nghị về đào tạo nghề cho công nhân",
	                   "Đề nghị hướng dẫn chính sách bảo hiểm xã hội" } },
	{ "nha-o", 2, { "Đề nghị bố trí nhà ở cho người lao động", "Kiến nghị về thiết chế công đoàn",
	                "Đề nghị xây dựng nhà trẻ cho con công nhân" } },
	{ "thue", 7, { "Đề nghị hoàn thuế giá trị gia tăng", "Kiến nghị hướng dẫn ưu đãi thuế thu nhập doanh nghiệp",
	               "Vướng mắc hóa đơn điện tử" } },
	{ "gpmb", -1, { "Đề nghị đẩy nhanh giải phóng mặt bằng", "Kiến nghị bàn giao mặt bằng còn lại",
	                "Vướng mắc bồi thường hỗ trợ tái định cư" } },
	{ "khac", 0, { "Kiến nghị về an ninh trật tự khu công nghiệp", "Đề nghị hỗ trợ xúc tiến thương mại",
	               "Đề nghị tổ chức đối thoại doanh nghiệp" } },
};

static const char *const firms[] = {
	"Đất Việt", "Ánh Dương", "Hòa Phát", "Minh Long", "Sao Mai", "Thành Công", "Phú Thái", "Hồng Hà",
	"Tân Á", "Việt Hưng", "An Phát", "Đông Á", "Thăng Long", "Kim Khí", "Bình Minh", "Quang Trung",
	"Trường Sơn", "Hải Đăng", "Nam Việt", "Hưng Thịnh", "Tiến Đạt", "Vạn Xuân", "Lạc Hồng", "Đại Dương",
	"Phương Đông", "Hoàng Gia", "Sông Đà", "Bắc Hà", "Toàn Cầu", "Tín Nghĩa", "Điện tử Hanel", "Canon",
	"Panasonic", "Sumitomo", "Toyota Boshoku", "Yamaha", "Foxconn", "Ohara", "Nidec", "Terumo",
};
static const char *const firm_forms[] = { "Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV" };
static const char *const firm_tails[] = { "Việt Nam", "Hà Nội", "Công nghệ", "Sản xuất", "Thương mại", "" };

static const char *const families[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô" };
static const char *const middles[] = { "Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hữu", "Ngọc" };
static const char *const givens[] = { "An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Mai",
	                              "Nam", "Phương", "Quân", "Sơn", "Thảo", "Tuấn", "Yến", "Khoa" };
static const char *const results[] = {
	"Đã làm việc với doanh nghiệp và hướng dẫn hoàn thiện hồ sơ.",
	"Cơ quan chủ trì đã xử lý dứt điểm theo đề nghị của doanh nghiệp.",
	"Đã trả lời bằng văn bản, nêu rõ căn cứ pháp lý và lộ trình thực hiện.",
	"Một phần kiến nghị đã được giải quyết, phần còn lại thuộc thẩm quyền của Bộ.",
};
static const char *const outcomes[] = { "resolved", "resolved", "partly_resolved", "explained", "declined" };
static const char *const channels[] = { "conference", "written", "written", "phone", "online", "online", "direct" };

enum { STAFF, OFFICIAL, NACTORS };
static const char *const actors[NACTORS] = { "lan", "hung" };

static int die_rv(struct rv *rv, const char *what)
{
	fprintf(stderr, "fill: %s: %s\n", what, rv_message(rv));
	return 1;
}

/* Parks, agencies, enterprises and two users through the core API. */
static int add_refdata(struct rv *rv, int n_enterprises)
{
	for (size_t i = 0; i < ARRAY_LEN(zones); i++)
		if (zone_add(rv, zones[i]))
			return die_rv(rv, "zone add");
	for (size_t i = 0; i < ARRAY_LEN(agencies); i++)
		if (agency_add(rv, agencies[i].name, agencies[i].code, agencies[i].kind))
			return die_rv(rv, "agency add");
	for (int i = 0; i < n_enterprises; i++) {
		char name[200], tax[16];
		const char *tail = firm_tails[i / (int)ARRAY_LEN(firms) % (int)ARRAY_LEN(firm_tails)];
		snprintf(name, sizeof name, "%s %s%s%s%s", firm_forms[i % (int)ARRAY_LEN(firm_forms)],
		         firms[i % (int)ARRAY_LEN(firms)], *tail ? " " : "", tail,
		         i >= (int)(ARRAY_LEN(firms) * ARRAY_LEN(firm_tails)) ? " Mới" : "");
		snprintf(tax, sizeof tax, "01%08d", 10000 + i);
		if (enterprise_add(rv, name, tax, zones[i % (int)ARRAY_LEN(zones)], NULL))
			return die_rv(rv, "enterprise add");
	}
	if (user_add(rv, actors[STAFF], "staff", NULL, NULL) || user_add(rv, actors[OFFICIAL], "official", NULL, NULL))
		return die_rv(rv, "user add");
	return 0;
}

/* ---- petitions ---- */

struct loader {
	sqlite3 *db;
	const struct calendar *cal;
	rv_date today;
	sqlite3_stmt *ins_petition, *ins_history, *ins_coord, *ins_extension, *set_seq;
	int64_t id;
	int64_t version; /* the petition's version after the write being recorded */
	int64_t history_rows;
	char at[21];     /* timestamp of the write being recorded */
	const char *actor;
	int n_enterprises;
};

static void stamp(struct loader *L, rv_date d, int minute_of_day)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(L->at, sizeof L->at, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, dd, 1 + minute_of_day / 60 % 9,
	         minute_of_day % 60, rnd(60));
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "fill: %s: %s\n", what, sqlite3_errmsg(db));
		return 1;
	}
	return 0;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static int hist(struct loader *L, const char *action, const char *field, const char *from, const char *to,
                const char *note)
{
	sqlite3_stmt *st = L->ins_history;
	sqlite3_bind_int64(st, 1, L->id);
	sqlite3_bind_int64(st, 2, L->version);
	sqlite3_bind_text(st, 3, L->at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, "root", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, L->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
	bind_opt(st, 7, field);
	bind_opt(st, 8, from);
	bind_opt(st, 9, to);
	bind_opt(st, 10, note);
	L->history_rows++;
	return step_done(L->db, st, "history");
}

/* What one petition became; filled by plan_life(), written by write_one(). */
struct life {
	int topic, enterprise, lead, coord[2], ncoord, rating, outcome, late_days;
	const char *status;
	rv_date received, assigned, deadline, original, extended_at, answered, closed;
	bool classified_later, started, extended, rejected, withdrawn, refer;
	char person[64], title[300], body[700], code[48];
};

/* Chooses a fate by age: old petitions are mostly closed, some still open
 * (and so overdue), recent ones spread over the whole workflow. */
static void plan_life(struct loader *L, struct life *f, rv_date received)
{
	memset(f, 0, sizeof *f);
	f->received = received;
	f->topic = rnd((int)ARRAY_LEN(topics));
	f->enterprise = 1 + rnd(L->n_enterprises);
	int age = (int)(L->today - received), r = rnd(100);
	enum { RECEIVED, CLASSIFIED, ASSIGNED, STARTED, ANSWERED, CLOSED, REJECTED, WITHDRAWN } stage;
	if (age > 90)
		stage = r < 3 ? REJECTED : r < 5 ? WITHDRAWN : r < 8 ? STARTED : r < 10 ? ASSIGNED : r < 20 ? ANSWERED : CLOSED;
	else if (age > 30)
		stage = r < 3 ? REJECTED : r < 5 ? WITHDRAWN : r < 17 ? STARTED : r < 25 ? ASSIGNED : r < 50 ? ANSWERED : CLOSED;
	else
		stage = r < 3 ? REJECTED : r < 5 ? WITHDRAWN : r < 15 ? RECEIVED : r < 25 ? CLASSIFIED : r < 50 ? ASSIGNED
		      : r < 75 ? STARTED : r < 90 ? ANSWERED : CLOSED;
	f->classified_later = chance(40);
	f->rejected = stage == REJECTED;
	f->withdrawn = stage == WITHDRAWN;
	f->refer = f->rejected && chance(60);
	static const char *const names[] = { "received", "classified", "assigned", "in_progress",
		                             "answered", "closed", "rejected", "withdrawn" };
	f->status = names[stage];
	if (stage == RECEIVED || stage == CLASSIFIED)
		f->classified_later = true; /* RECEIVED: no category yet */
	if (stage < ASSIGNED || stage >= REJECTED)
		return;
	int lead = topics[f->topic].lead;
	if (lead < 0 || chance(15))
		lead = lead < 0 ? 12 + rnd(4) : rnd((int)ARRAY_LEN(agencies));
	f->lead = lead;
	if (chance(30)) {
		f->coord[f->ncoord++] = (lead + 1 + rnd((int)ARRAY_LEN(agencies) - 1)) % (int)ARRAY_LEN(agencies);
		if (chance(30) && (f->coord[1] = (f->coord[0] + 1) % (int)ARRAY_LEN(agencies)) != lead)
			f->ncoord++;
	}
	snprintf(f->person, sizeof f->person, "%s %s %s", families[rnd((int)ARRAY_LEN(families))],
	         middles[rnd((int)ARRAY_LEN(middles))], givens[rnd((int)ARRAY_LEN(givens))]);
	f->assigned = calendar_add_workdays(L->cal, received, 1 + rnd(3));
	if (f->assigned > L->today)
		f->assigned = L->today;
	int within = strcmp(topics[f->topic].code, "dat-dai") == 0 || lead >= 12 ? 20 : 15;
	f->deadline = f->original = calendar_add_workdays(L->cal, f->assigned, within);
	f->started = stage >= STARTED;
	rv_date done = calendar_add_workdays(L->cal, f->assigned, within * (30 + rnd(100)) / 100);
	if (f->started && chance(10)) {
		f->extended = true;
		f->extended_at = calendar_add_workdays(L->cal, f->assigned, within / 2);
		if (f->extended_at > L->today)
			f->extended_at = L->today;
		f->deadline = calendar_add_workdays(L->cal, f->original, 10);
		if (done <= f->extended_at)
			done = f->extended_at + 1;
	}
	if (stage < ANSWERED)
		return;
	f->answered = done > L->today ? L->today : done;
	f->late_days = calendar_workdays_between(L->cal, f->deadline, f->answered);
	f->outcome = rnd((int)ARRAY_LEN(outcomes));
	if (stage == CLOSED) {
		f->closed = f->answered + 1 + rnd(10);
		if (f->closed > L->today)
			f->closed = L->today;
		f->rating = chance(80) ? (chance(60) ? 4 + rnd(2) : 1 + rnd(3)) : 0;
	}
}

static const char *date_or_null(rv_date d, char buf[static 11])
{
	return d == RV_DATE_NONE || d == 0 ? NULL : date_iso(d, buf);
}

/* The history the workflow would have written for f, version by version. */
static int write_history(struct loader *L, const struct life *f, const char *category)
{
	char a[11], b[11];
	int err = 0;
	L->version = 1;
	L->actor = actors[STAFF];
	stamp(L, f->received, rnd(480));
	err |= hist(L, "create", NULL, NULL, f->code, NULL);
	if (category && !f->classified_later)
		err |= hist(L, "set", "category", NULL, category, NULL);
	if (category && f->classified_later) {
		L->version++;
		err |= hist(L, "set", "category", NULL, category, NULL);
		err |= hist(L, "classify", "status", "received", "classified", NULL);
	}
	const char *prev = category && f->classified_later ? "classified" : "received";
	if (f->rejected || f->withdrawn) {
		L->version++;
		if (f->rejected) {
			err |= hist(L, "set", "reject_reason", NULL, "Ngoài thẩm quyền giải quyết của Ban Quản lý", NULL);
			if (f->refer)
				err |= hist(L, "set", "refer_to", NULL, "Bộ Kế hoạch và Đầu tư", NULL);
			err |= hist(L, "set", "decided_by", NULL, actors[OFFICIAL], NULL);
		}
		return err | hist(L, f->rejected ? "reject" : "withdraw", "status", prev, f->status, NULL);
	}
	if (!f->assigned)
		return err;
	L->version++;
	stamp(L, f->assigned, rnd(480));
	err |= hist(L, "set", "lead_agency", NULL, agencies[f->lead].code, NULL);
	if (f->ncoord) {
		char joined[64];
		const char *c0 = agencies[f->coord[0]].code, *c1 = f->ncoord > 1 ? agencies[f->coord[1]].code : NULL;
		if (c1 && strcmp(c1, c0) < 0) {
			const char *t = c0;
			c0 = c1;
			c1 = t;
		}
		snprintf(joined, sizeof joined, "%s%s%s", c0, c1 ? ", " : "", c1 ? c1 : "");
		err |= hist(L, "set", "coordinating_agencies", NULL, joined, NULL);
	}
	err |= hist(L, "set", "responsible_person", NULL, f->person, NULL);
	err |= hist(L, "set", "assigned", NULL, date_iso(f->assigned, a), NULL);
	err |= hist(L, "set", "deadline", NULL, date_iso(f->original, a), NULL);
	err |= hist(L, "set", "original_deadline", NULL, date_iso(f->original, a), NULL);
	err |= hist(L, "assign", "status", prev, "assigned", NULL);
	if (f->started) {
		L->version++;
		L->actor = actors[STAFF];
		stamp(L, f->assigned + 1 > L->today ? L->today : f->assigned + 1, rnd(480));
		err |= hist(L, "start", "status", "assigned", "in_progress", NULL);
	}
	if (f->extended) {
		L->version++;
		L->actor = actors[OFFICIAL];
		stamp(L, f->extended_at, rnd(480));
		const char *why = "Cần ý kiến thống nhất của cơ quan phối hợp";
		err |= hist(L, "set", "deadline", date_iso(f->original, a), date_iso(f->deadline, b), NULL);
		err |= hist(L, "extend", "deadline", date_iso(f->original, a), date_iso(f->deadline, b), why);
		err |= hist(L, "extend", "status", "in_progress", "in_progress", why);
		L->actor = actors[STAFF];
	}
	if (!f->answered)
		return err;
	L->version++;
	stamp(L, f->answered, rnd(480));
	char late[12];
	snprintf(late, sizeof late, "%d", f->late_days);
	err |= hist(L, "set", "result", NULL, results[f->outcome % (int)ARRAY_LEN(results)], NULL);
	err |= hist(L, "set", "outcome", NULL, outcomes[f->outcome], NULL);
	err |= hist(L, "set", "answered", NULL, date_iso(f->answered, a), NULL);
	err |= hist(L, "set", "late_days", NULL, late, NULL);
	err |= hist(L, "answer", "status", f->started ? "in_progress" : "assigned", "answered", NULL);
	if (!f->closed)
		return err;
	L->version++;
	stamp(L, f->closed, rnd(480));
	if (f->rating) {
		char rating[4];
		snprintf(rating, sizeof rating, "%d", f->rating);
		err |= hist(L, "set", "rating", NULL, rating, NULL);
	}
	err |= hist(L, "set", "closed", NULL, date_iso(f->closed, a), NULL);
	return err | hist(L, "close", "status", "answered", "closed", NULL);
}

static int write_one(struct loader *L, struct life *f, int64_t seq)
{
	char rec[11], asg[11], dl[11], od[11], ans[11], cls[11], uuid[37], created[21];
	int y;
	date_to_ymd(f->received, &y, NULL, NULL);
	snprintf(f->code, sizeof f->code, "KN-%04d-%05lld", y, (long long)seq);
	snprintf(uuid, sizeof uuid, "%08x-%04x-4%03x-a%03x-%012llx", (unsigned)rng_next(), (unsigned)rnd(65536),
	         (unsigned)rnd(4096), (unsigned)rnd(4096), (unsigned long long)(rng_next() & 0xffffffffffffULL));
	const char *zone = zones[(f->enterprise - 1) % (int)ARRAY_LEN(zones)];
	if (chance(50))
		snprintf(f->title, sizeof f->title, "%s tại %s", topics[f->topic].titles[rnd(3)], zone);
	else
		snprintf(f->title, sizeof f->title, "%s", topics[f->topic].titles[rnd(3)]);
	snprintf(f->body, sizeof f->body,
	         "Doanh nghiệp phản ánh: %s. Căn cứ công văn số %d/%d/CV-DN ngày %s, doanh nghiệp đề nghị "
	         "cơ quan có thẩm quyền xem xét, giải quyết sớm để ổn định sản xuất, kinh doanh.",
	         f->title, 100 + rnd(9900), y, date_vn(f->received, rec));
	date_iso(f->received, rec);
	bool has_category = !f->classified_later || strcmp(f->status, "received") != 0;
	const char *category = has_category ? topics[f->topic].code : NULL;
	sqlite3_stmt *st = L->ins_petition;
	stamp(L, f->received, 0);
	memcpy(created, L->at, sizeof created);
	/* The final version: count the writes write_history() will make. */
	int64_t version = 1 + (category && f->classified_later) + (f->rejected || f->withdrawn) + (f->assigned != 0) +
	                  f->started + f->extended + (f->answered != 0) + (f->closed != 0);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, f->enterprise);
	sqlite3_bind_text(st, 4, channels[rnd((int)ARRAY_LEN(channels))], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, rec, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, f->title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, f->body, -1, SQLITE_TRANSIENT);
	bind_opt(st, 8, category);
	bind_opt(st, 9, f->assigned ? agencies[f->lead].code : NULL);
	bind_opt(st, 10, f->assigned ? f->person : NULL);
	bind_opt(st, 11, date_or_null(f->assigned, asg));
	bind_opt(st, 12, date_or_null(f->deadline, dl));
	bind_opt(st, 13, date_or_null(f->original, od));
	sqlite3_bind_text(st, 14, f->status, -1, SQLITE_STATIC);
	bind_opt(st, 15, f->answered ? results[f->outcome % (int)ARRAY_LEN(results)] : NULL);
	bind_opt(st, 16, f->answered ? outcomes[f->outcome] : NULL);
	bind_opt(st, 17, date_or_null(f->answered, ans));
	if (f->answered)
		sqlite3_bind_int(st, 18, f->late_days);
	else
		sqlite3_bind_null(st, 18);
	if (f->rating)
		sqlite3_bind_int(st, 19, f->rating);
	else
		sqlite3_bind_null(st, 19);
	bind_opt(st, 20, date_or_null(f->closed, cls));
	bind_opt(st, 21, f->rejected ? "Ngoài thẩm quyền giải quyết của Ban Quản lý" : NULL);
	bind_opt(st, 22, f->refer ? "Bộ Kế hoạch và Đầu tư" : NULL);
	bind_opt(st, 23, f->rejected ? actors[OFFICIAL] : NULL);
	sqlite3_bind_int64(st, 24, version);
	sqlite3_bind_text(st, 25, created, -1, SQLITE_TRANSIENT);
	if (step_done(L->db, st, "petition"))
		return 1;
	L->id = sqlite3_last_insert_rowid(L->db);
	for (int i = 0; i < f->ncoord; i++) {
		sqlite3_bind_int64(L->ins_coord, 1, L->id);
		sqlite3_bind_text(L->ins_coord, 2, agencies[f->coord[i]].code, -1, SQLITE_STATIC);
		if (step_done(L->db, L->ins_coord, "coordinating agency"))
			return 1;
	}
	if (f->extended) {
		char at[21];
		stamp(L, f->extended_at, 30);
		memcpy(at, L->at, sizeof at);
		st = L->ins_extension;
		sqlite3_bind_int64(st, 1, L->id);
		sqlite3_bind_text(st, 2, date_iso(f->original, od), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, date_iso(f->deadline, dl), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, "Cần ý kiến thống nhất của cơ quan phối hợp", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, actors[OFFICIAL], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, at, -1, SQLITE_TRANSIENT);
		if (step_done(L->db, st, "extension"))
			return 1;
	}
	if (write_history(L, f, category))
		return 1;
	if (L->version != version) {
		fprintf(stderr, "fill: internal: version %lld != %lld for %s\n", (long long)L->version,
		        (long long)version, f->code);
		return 1;
	}
	return 0;
}

/* roviec_fold for the search triggers, as every roviec connection has it. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	char *f = s ? text_fold(s) : NULL;
	if (f)
		sqlite3_result_text(ctx, f, -1, free);
	else
		sqlite3_result_null(ctx);
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) == SQLITE_OK)
		return 0;
	fprintf(stderr, "fill: %s\n", sqlite3_errmsg(db));
	return 1;
}

static int exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK)
		return 0;
	fprintf(stderr, "fill: %s: %s\n", sql, err ? err : "?");
	sqlite3_free(err);
	return 1;
}

static int load(struct loader *L, const char *path, long n)
{
	if (sqlite3_open_v2(path, &L->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return fprintf(stderr, "fill: cannot open %s\n", path), 1;
	sqlite3_busy_timeout(L->db, 10000);
	sqlite3_create_function_v2(L->db, "roviec_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold, NULL,
	                           NULL, NULL);
	int err = exec(L->db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
	err |= prepare(L->db,
	               "INSERT INTO petitions(uuid, code, enterprise_id, channel, received, title, body, category_id, "
	               "lead_agency_id, responsible_person, assigned, deadline, original_deadline, status, result, "
	               "outcome, answered, late_days, rating, closed, reject_reason, refer_to, decided_by, version, "
	               "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	               "(SELECT id FROM categories WHERE code = ?8), (SELECT id FROM agencies WHERE code = ?9), "
	               "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25)",
	               &L->ins_petition);
	err |= prepare(L->db, "INSERT INTO history(petition_id, version, at, os_login, actor, action, field, old, new, "
	                      "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &L->ins_history);
	err |= prepare(L->db, "INSERT OR IGNORE INTO petition_agencies(petition_id, agency_id) "
	                      "SELECT ?1, id FROM agencies WHERE code = ?2", &L->ins_coord);
	err |= prepare(L->db, "INSERT INTO extensions(petition_id, old_deadline, new_deadline, reason, actor, at) "
	                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &L->ins_extension);
	err |= prepare(L->db, "INSERT INTO code_sequences(year, last) VALUES (?1, ?2) "
	                      "ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)", &L->set_seq);
	if (err)
		return 1;
	/* Received dates rise with the id over three years up to today. */
	rv_date first = L->today - 3 * 365;
	int year = 0;
	int64_t seq = 0;
	err = exec(L->db, "BEGIN");
	for (long i = 0; i < n && !err; i++) {
		rv_date received = first + (rv_date)((int64_t)(L->today - first) * i / (n > 1 ? n - 1 : 1));
		int y;
		date_to_ymd(received, &y, NULL, NULL);
		if (y != year) {
			year = y;
			seq = 0;
		}
		struct life f;
		plan_life(L, &f, received);
		err = write_one(L, &f, ++seq);
		sqlite3_bind_int(L->set_seq, 1, year);
		sqlite3_bind_int64(L->set_seq, 2, seq);
		err |= step_done(L->db, L->set_seq, "code sequence");
		if (!err && (i + 1) % 50000 == 0) {
			err = exec(L->db, "COMMIT; BEGIN");
			fprintf(stderr, "fill: %ld petitions\n", i + 1);
		}
	}
	err |= exec(L->db, err ? "ROLLBACK" : "COMMIT");
	sqlite3_finalize(L->ins_petition);
	sqlite3_finalize(L->ins_history);
	sqlite3_finalize(L->ins_coord);
	sqlite3_finalize(L->ins_extension);
	sqlite3_finalize(L->set_seq);
	err |= exec(L->db, "PRAGMA wal_checkpoint(TRUNCATE)");
	sqlite3_close(L->db);
	return err;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	long n = 1000;
	unsigned long seed = 2026;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--db") == 0)
			path = argv[i + 1];
		else if (strcmp(argv[i], "--petitions") == 0)
			n = strtol(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0)
			seed = strtoul(argv[i + 1], NULL, 10);
	}
	if (!path || n < 1 || argc % 2 == 0) {
		fprintf(stderr, "usage: bench_fill --db FILE --petitions N [--seed S]   (the file must not exist)\n");
		return 2;
	}
	FILE *exists = fopen(path, "rb");
	if (exists) {
		fclose(exists);
		fprintf(stderr, "fill: %s exists; give a new file\n", path);
		return 2;
	}
	rng_state = seed;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct rv *rv = rv_open(&(struct rv_open_options){ .path = path, .create = true });
	if (!rv || rv_status(rv))
		return rv ? die_rv(rv, "open") : 1;
	struct loader L = { .cal = rv_calendar(rv), .today = rv_today(rv) };
	L.n_enterprises = (int)(n / 50 < 60 ? 60 : n / 50 > 3000 ? 3000 : n / 50);
	int err = add_refdata(rv, L.n_enterprises);
	if (!err)
		err = load(&L, path, n);
	rv_close(&rv);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!err)
		printf("Added %ld petitions (%lld history rows) in %.1f s.\n", n, (long long)L.history_rows, secs);
	return err;
}
