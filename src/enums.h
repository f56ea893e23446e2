/* enums.h — the closed sets of roviec, each in one X-macro table.
 *
 * Each table row gives the enum name, the database/CLI/JSON string (the
 * same everywhere), the English label and the Vietnamese label.  The CHECK
 * constraints in schema.sql list the same strings; tests/test_enums.c
 * checks that the two agree.  Colours for statuses live in ui/. */
#ifndef ROVIEC_ENUMS_H
#define ROVIEC_ENUMS_H

#include <stdbool.h>

/* Petition status.  OPEN marks statuses in which a petition can be overdue. */
#define RV_STATUSES(X) \
	X(ST_RECEIVED,    "received",    "received",    "Tiếp nhận",     1) \
	X(ST_CLASSIFIED,  "classified",  "classified",  "Đã phân loại",  1) \
	X(ST_ASSIGNED,    "assigned",    "assigned",    "Đã giao xử lý", 1) \
	X(ST_IN_PROGRESS, "in_progress", "in progress", "Đang xử lý",    1) \
	X(ST_ANSWERED,    "answered",    "answered",    "Đã trả lời",    0) \
	X(ST_CLOSED,      "closed",      "closed",      "Hoàn thành",    0) \
	X(ST_REJECTED,    "rejected",    "rejected",    "Không tiếp nhận", 0) \
	X(ST_WITHDRAWN,   "withdrawn",   "withdrawn",   "Đã rút",        0)

#define RV_CHANNELS(X) \
	X(CH_CONFERENCE, "conference", "conference", "Hội nghị đối thoại") \
	X(CH_WRITTEN,    "written",    "written",    "Văn bản") \
	X(CH_PHONE,      "phone",      "phone",      "Điện thoại") \
	X(CH_ONLINE,     "online",     "online",     "Trực tuyến") \
	X(CH_DIRECT,     "direct",     "direct",     "Trực tiếp")

#define RV_OUTCOMES(X) \
	X(OC_RESOLVED,        "resolved",        "resolved",        "Đã giải quyết") \
	X(OC_PARTLY_RESOLVED, "partly_resolved", "partly resolved", "Giải quyết một phần") \
	X(OC_EXPLAINED,       "explained",       "explained",       "Đã giải thích") \
	X(OC_DECLINED,        "declined",        "declined",        "Không chấp nhận")

#define RV_ROLES(X) \
	X(ROLE_ADMIN,      "admin",      "administrator", "Quản trị") \
	X(ROLE_STAFF,      "staff",      "board staff",   "Chuyên viên") \
	X(ROLE_OFFICIAL,   "official",   "official",      "Lãnh đạo") \
	X(ROLE_AGENCY,     "agency",     "agency liaison", "Cán bộ đầu mối") \
	X(ROLE_ENTERPRISE, "enterprise", "enterprise",    "Doanh nghiệp")

#define RV_AGENCY_KINDS(X) \
	X(AK_BOARD,      "board",      "management board", "Ban Quản lý") \
	X(AK_DEPARTMENT, "department", "city department",  "Sở, ngành") \
	X(AK_MINISTRY,   "ministry",   "ministry",         "Bộ, ngành trung ương") \
	X(AK_COMMUNE,    "commune",    "commune",          "UBND xã, phường") \
	X(AK_UTILITY,    "utility",    "utility company",  "Doanh nghiệp dịch vụ") \
	X(AK_POLICE,     "police",     "police",           "Công an") \
	X(AK_TAX,        "tax",        "tax authority",    "Cơ quan thuế") \
	X(AK_OTHER,      "other",      "other",            "Khác")

#define RV_ENUM_NAME4(name, db, en, vi) name,
#define RV_ENUM_NAME5(name, db, en, vi, open) name,

enum status { RV_STATUSES(RV_ENUM_NAME5) ST_COUNT };
enum channel { RV_CHANNELS(RV_ENUM_NAME4) CH_COUNT };
enum outcome { RV_OUTCOMES(RV_ENUM_NAME4) OC_COUNT };
enum role { RV_ROLES(RV_ENUM_NAME4) ROLE_COUNT };
enum agency_kind { RV_AGENCY_KINDS(RV_ENUM_NAME4) AK_COUNT };

/* One description per closed set: the strings of each member. */
struct enum_set {
	const char *what;        /* "status", "channel", … (for messages) */
	int count;
	const char *const *db;   /* database/CLI strings */
	const char *const *en;   /* English labels */
	const char *const *vi;   /* Vietnamese labels */
};

extern const struct enum_set status_set, channel_set, outcome_set, role_set, agency_kind_set;

/* The member whose database string is s, or -1.  NULL-safe. */
int enum_parse(const struct enum_set *set, const char *s);
/* The database string of member v (NULL when out of range). */
const char *enum_db(const struct enum_set *set, int v);
/* The label of member v in the interface language (see i18n.h). */
const char *enum_label(const struct enum_set *set, int v);
/* "received, classified, …" into buf: for "allowed values" messages. */
const char *enum_list(const struct enum_set *set, char *buf, int size);

/* True for the statuses in which a petition is still being handled (and so
 * can be overdue): received, classified, assigned, in_progress. */
bool status_is_open(enum status st);

#endif
