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

/* Days that break the plain Monday–Friday week (holidays.kind). */
#define RV_HOLIDAY_KINDS(X) \
	X(HK_OFF,  "off",  "day off",             "Ngày nghỉ") \
	X(HK_WORK, "work", "make-up working day", "Ngày làm bù")

/* What a history row records (history.action).  "set" changes one field
 * (the field names the change); the others move the status — or, for
 * extend, the deadline — and create/import/pin stand alone. */
#define RV_HISTORY_ACTIONS(X) \
	X(HA_CREATE,   "create",   "Created",           "Tiếp nhận kiến nghị") \
	X(HA_IMPORT,   "import",   "Imported",          "Nhập từ tệp") \
	X(HA_SET,      "set",      "Changed",           "Cập nhật") \
	X(HA_CLASSIFY, "classify", "Classified",        "Phân loại") \
	X(HA_ASSIGN,   "assign",   "Assigned",          "Giao xử lý") \
	X(HA_START,    "start",    "Work started",      "Bắt đầu xử lý") \
	X(HA_ANSWER,   "answer",   "Answered",          "Trả lời") \
	X(HA_CLOSE,    "close",    "Closed",            "Hoàn thành") \
	X(HA_REJECT,   "reject",   "Rejected",          "Không tiếp nhận") \
	X(HA_WITHDRAW, "withdraw", "Withdrawn",         "Rút kiến nghị") \
	X(HA_REOPEN,   "reopen",   "Reopened",          "Mở lại") \
	X(HA_EXTEND,   "extend",   "Deadline extended", "Gia hạn") \
	X(HA_PIN,      "pin",      "PIN issued",        "Cấp mã PIN")

/* The fields a history row names (history.field), with how their values
 * read to a person (enum history_value). */
#define RV_HISTORY_FIELDS(X) \
	X(HF_STATUS,      "status",                "Status",                "Trạng thái",             HV_STATUS) \
	X(HF_CATEGORY,    "category",              "Category",              "Lĩnh vực",               HV_CATEGORY) \
	X(HF_LEAD,        "lead_agency",           "Lead agency",           "Cơ quan chủ trì",        HV_TEXT) \
	X(HF_COORD,       "coordinating_agencies", "Coordinating agencies", "Cơ quan phối hợp",       HV_TEXT) \
	X(HF_PERSON,      "responsible_person",    "Person",                "Người xử lý",            HV_TEXT) \
	X(HF_ASSIGNED,    "assigned",              "Assigned on",           "Ngày giao",              HV_DATE) \
	X(HF_DEADLINE,    "deadline",              "Deadline",              "Hạn xử lý",              HV_DATE) \
	X(HF_ORIGINAL,    "original_deadline",     "Original deadline",     "Hạn ban đầu",            HV_DATE) \
	X(HF_RESULT,      "result",                "Result",                "Kết quả",                HV_TEXT) \
	X(HF_OUTCOME,     "outcome",               "Outcome",               "Mức độ giải quyết",      HV_OUTCOME) \
	X(HF_ANSWERED,    "answered",              "Answered on",           "Ngày trả lời",           HV_DATE) \
	X(HF_LATE,        "late_days",             "Working days late",     "Số ngày trễ",            HV_TEXT) \
	X(HF_RATING,      "rating",                "Rating",                "Mức độ hài lòng",        HV_RATING) \
	X(HF_FEEDBACK,    "feedback",              "Feedback",              "Ý kiến doanh nghiệp",    HV_TEXT) \
	X(HF_CLOSED,      "closed",                "Closed on",             "Ngày hoàn thành",        HV_DATE) \
	X(HF_REASON,      "reject_reason",         "Rejected because",      "Lý do không tiếp nhận",  HV_TEXT) \
	X(HF_REFER,       "refer_to",              "Refer to",              "Chuyển đến",             HV_TEXT) \
	X(HF_DECIDED,     "decided_by",            "Decided by",            "Người quyết định",       HV_TEXT) \
	X(HF_CONFERENCE,  "conference",            "Conference",            "Hội nghị",               HV_TEXT) \
	X(HF_IN_SESSION,  "answered_in_session",   "Answered in session",   "Trả lời tại hội nghị",   HV_BOOL)

#define RV_ENUM_NAME4(name, db, en, vi) name,
#define RV_ENUM_NAME5(name, db, en, vi, open) name,

enum status { RV_STATUSES(RV_ENUM_NAME5) ST_COUNT };
enum channel { RV_CHANNELS(RV_ENUM_NAME4) CH_COUNT };
enum outcome { RV_OUTCOMES(RV_ENUM_NAME4) OC_COUNT };
enum role { RV_ROLES(RV_ENUM_NAME4) ROLE_COUNT };
enum agency_kind { RV_AGENCY_KINDS(RV_ENUM_NAME4) AK_COUNT };
enum holiday_kind { RV_HOLIDAY_KINDS(RV_ENUM_NAME4) HK_COUNT };
enum history_action { RV_HISTORY_ACTIONS(RV_ENUM_NAME4) HA_COUNT };
enum history_field { RV_HISTORY_FIELDS(RV_ENUM_NAME5) HF_COUNT };
/* How a history field's values read: as stored, a date, a status or
 * outcome label, a category label, yes/no, or a rating out of 5. */
enum history_value { HV_TEXT, HV_DATE, HV_STATUS, HV_OUTCOME, HV_CATEGORY, HV_BOOL, HV_RATING };

/* One description per closed set: the strings of each member. */
struct enum_set {
	const char *what;        /* "status", "channel", … (for messages) */
	int count;
	const char *const *db;   /* database/CLI strings */
	const char *const *en;   /* English labels */
	const char *const *vi;   /* Vietnamese labels */
};

extern const struct enum_set status_set, channel_set, outcome_set, role_set, agency_kind_set;
extern const struct enum_set holiday_kind_set, history_action_set, history_field_set;

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

/* How values of history field f read (HV_TEXT when out of range). */
enum history_value history_field_value(enum history_field f);

#endif
