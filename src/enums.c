/* enums.c — string tables generated from the X-macro lists in enums.h. */
#include "enums.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

#define DB4(name, db, en, vi) db,
#define EN4(name, db, en, vi) en,
#define VI4(name, db, en, vi) vi,
#define DB5(name, db, en, vi, open) db,
#define EN5(name, db, en, vi, open) en,
#define VI5(name, db, en, vi, open) vi,
#define OPEN5(name, db, en, vi, open) open,

#define SET4(var, what_, LIST, n) \
	static const char *const var##_db[] = { LIST(DB4) }; \
	static const char *const var##_en[] = { LIST(EN4) }; \
	static const char *const var##_vi[] = { LIST(VI4) }; \
	const struct enum_set var = { what_, n, var##_db, var##_en, var##_vi };

static const char *const status_db[] = { RV_STATUSES(DB5) };
static const char *const status_en[] = { RV_STATUSES(EN5) };
static const char *const status_vi[] = { RV_STATUSES(VI5) };
static const bool status_open[] = { RV_STATUSES(OPEN5) };
const struct enum_set status_set = { "status", ST_COUNT, status_db, status_en, status_vi };

SET4(channel_set, "channel", RV_CHANNELS, CH_COUNT)
SET4(outcome_set, "outcome", RV_OUTCOMES, OC_COUNT)
SET4(role_set, "role", RV_ROLES, ROLE_COUNT)
SET4(agency_kind_set, "kind", RV_AGENCY_KINDS, AK_COUNT)
SET4(holiday_kind_set, "kind", RV_HOLIDAY_KINDS, HK_COUNT)
SET4(history_action_set, "action", RV_HISTORY_ACTIONS, HA_COUNT)

static const char *const hfield_db[] = { RV_HISTORY_FIELDS(DB5) };
static const char *const hfield_en[] = { RV_HISTORY_FIELDS(EN5) };
static const char *const hfield_vi[] = { RV_HISTORY_FIELDS(VI5) };
#define HV5(name, db, en, vi, value) value,
static const enum history_value hfield_value[] = { RV_HISTORY_FIELDS(HV5) };
const struct enum_set history_field_set = { "field", HF_COUNT, hfield_db, hfield_en, hfield_vi };

int enum_parse(const struct enum_set *set, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < set->count; i++)
		if (strcmp(set->db[i], s) == 0)
			return i;
	return -1;
}

const char *enum_db(const struct enum_set *set, int v)
{
	return v >= 0 && v < set->count ? set->db[v] : NULL;
}

const char *enum_label(const struct enum_set *set, int v)
{
	if (v < 0 || v >= set->count)
		return "?";
	return i18n_vietnamese() ? set->vi[v] : set->en[v];
}

const char *enum_list(const struct enum_set *set, char *buf, int size)
{
	int used = 0;
	buf[0] = '\0';
	for (int i = 0; i < set->count && used < size; i++)
		used += snprintf(buf + used, (size_t)(size - used), "%s%s", i ? ", " : "", set->db[i]);
	return buf;
}

bool status_is_open(enum status st)
{
	return (int)st >= 0 && st < ST_COUNT && status_open[st];
}

enum history_value history_field_value(enum history_field f)
{
	return (int)f >= 0 && f < HF_COUNT ? hfield_value[f] : HV_TEXT;
}
