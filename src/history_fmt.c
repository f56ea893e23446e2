/* history_fmt.c — one history row as a person reads it (history_fmt.h). */
#include "history_fmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "enums.h"
#include "i18n.h"
#include "rv_internal.h"

char *history_when(const char *at, char out[static 20])
{
	int y, mo, d, h, mi, s;
	char z;
	struct tm tm = { 0 }, local;

	if (!at || strlen(at) != 20 || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
	    z != 'Z')
		goto raw;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	time_t t = timegm(&tm);
	if (t == (time_t)-1 || !localtime_r(&t, &local))
		goto raw;
	char date[11];
	if (!*date_display(date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday), date))
		goto raw;
	snprintf(out, 20, "%s %02d:%02d", date, local.tm_hour, local.tm_min);
	return out;
raw:
	snprintf(out, 20, "%s", at ? at : "");
	return out;
}

/* The category's label in the interface language, into buf; NULL when
 * there is no such category. */
static const char *category_label(struct rv *rv, const char *code, char *buf, size_t size)
{
	sqlite3_stmt *st = db_stmt(rv, "SELECT CASE WHEN ?2 THEN label_vi ELSE label_en END FROM categories "
	                               "WHERE code = ?1");
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, i18n_vietnamese());
	const char *label = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
		label = buf;
	}
	sqlite3_reset(st);
	return label;
}

/* Value s of a field whose values read as v, as people read it (buf
 * holds what needs building). */
static const char *value(struct rv *rv, enum history_value v, const char *s, char *buf, size_t size)
{
	rv_date d;
	int i;

	if (!s)
		return "—";
	switch (v) {
	case HV_DATE:
		return date_parse_iso(s, &d) && *date_display(d, buf) ? buf : s;
	case HV_STATUS:
		return (i = enum_parse(&status_set, s)) >= 0 ? enum_label(&status_set, i) : s;
	case HV_OUTCOME:
		return (i = enum_parse(&outcome_set, s)) >= 0 ? enum_label(&outcome_set, i) : s;
	case HV_CATEGORY: {
		const char *label = category_label(rv, s, buf, size);
		return label ? label : s;
	}
	case HV_BOOL:
		if (strcmp(s, "1") == 0)
			return i18n_vietnamese() ? "có" : "yes";
		if (strcmp(s, "0") == 0)
			return i18n_vietnamese() ? "không" : "no";
		return s;
	case HV_RATING:
		snprintf(buf, size, "%s/5", s);
		return buf;
	case HV_TEXT:
		break;
	}
	return s;
}

/* The field an action changes by its nature (its label is not repeated). */
static int implied_field(int action)
{
	switch (action) {
	case HA_CLASSIFY: case HA_ASSIGN: case HA_START: case HA_ANSWER: case HA_CLOSE:
	case HA_REJECT: case HA_WITHDRAW: case HA_REOPEN: case HA_IMPORT:
		return HF_STATUS;
	case HA_EXTEND:
		return HF_DEADLINE;
	default:
		return -1;
	}
}

char *history_describe(struct rv *rv, const struct history_entry *h)
{
	int action = enum_parse(&history_action_set, h->action);
	int field = enum_parse(&history_field_set, h->field);
	enum history_value kind = field >= 0 ? history_field_value(field) : HV_TEXT;
	char head[160];

	if (action == HA_SET && field >= 0)
		snprintf(head, sizeof head, "%s", enum_label(&history_field_set, field));
	else if (action >= 0 && (!h->field || field == implied_field(action)))
		snprintf(head, sizeof head, "%s", enum_label(&history_action_set, action));
	else if (action >= 0 && field >= 0)
		snprintf(head, sizeof head, "%s · %s", enum_label(&history_action_set, action),
		         enum_label(&history_field_set, field));
	else /* unknown to this version (a newer one's rows, via import): as stored */
		snprintf(head, sizeof head, "%s%s%s", h->action ? h->action : "?", h->field ? " " : "",
		         h->field ? h->field : "");

	char a[200], b[200];
	const char *from = value(rv, kind, h->from, a, sizeof a), *to = value(rv, kind, h->to, b, sizeof b);
	bool bare = !h->from && !h->to, created = !h->from && (action == HA_CREATE || action == HA_IMPORT);
	int n = bare      ? snprintf(NULL, 0, "%s", head)
	        : created ? snprintf(NULL, 0, "%s: %s", head, to)
	                  : snprintf(NULL, 0, "%s: %s → %s", head, from, to);
	char *out = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (out && bare)
		snprintf(out, (size_t)n + 1, "%s", head);
	else if (out && created)
		snprintf(out, (size_t)n + 1, "%s: %s", head, to);
	else if (out)
		snprintf(out, (size_t)n + 1, "%s: %s → %s", head, from, to);
	return out;
}
