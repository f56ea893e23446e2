/* complete.c — see complete.h. */
#include "complete.h"

#include <stdio.h>
#include <string.h>

#include "enums.h"
#include "i18n.h"
#include "rows.h"
#include "rv_internal.h"
#include "users.h"

/* ?1 is the prefix; the petitions' visibility clause takes ?2..?4.  A range
 * on the value (not LIKE) keeps the UNIQUE index usable and treats % and _
 * as themselves. */
#define PREFIX(col) col " >= ?1 AND " col " < ?1 || char(1114111)"

static const struct {
	const char *kind;
	const struct enum_set *set; /* a closed set, or NULL */
	const char *sql;            /* a database kind */
} kinds[] = {
	{ "agencies", NULL, "SELECT code FROM agencies WHERE " PREFIX("code") " ORDER BY code LIMIT 500" },
	{ "categories", NULL, "SELECT code FROM categories WHERE " PREFIX("code") " ORDER BY code LIMIT 500" },
	{ "zones", NULL, "SELECT name FROM zones WHERE " PREFIX("name") " ORDER BY sort_key LIMIT 500" },
	{ "enterprises", NULL,
	  "SELECT tax_code FROM enterprises WHERE " PREFIX("tax_code") " AND (?2 <> 1 OR id = ?3)"
	  " ORDER BY tax_code LIMIT 500" }, /* an enterprise account: its own */
	{ "petitions", NULL,
	  "SELECT p.code FROM petitions p WHERE " PREFIX("p.code") " AND " RV_SCOPE_SQL
	  " ORDER BY p.code DESC LIMIT 500" },
	{ "conferences", NULL,
	  "SELECT CAST(id AS TEXT) FROM conferences WHERE " PREFIX("CAST(id AS TEXT)") " ORDER BY id DESC LIMIT 500" },
	{ "statuses", &status_set, NULL },
	{ "outcomes", &outcome_set, NULL },
	{ "channels", &channel_set, NULL },
	{ "kinds", &agency_kind_set, NULL },
	{ "roles", &role_set, NULL },
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static int find(const char *kind)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kind && strcmp(kinds[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

bool complete_known(const char *kind)
{
	return find(kind) >= 0;
}

const struct enum_set *complete_closed(const char *kind)
{
	int k = find(kind);
	return k >= 0 ? kinds[k].set : NULL;
}

const char *complete_kinds(char *buf, int size)
{
	int used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NKINDS && used < size; i++) {
		int n = snprintf(buf + used, (size_t)(size - used), "%s%s", i ? ", " : "", kinds[i].kind);
		if (n < 0)
			break;
		used += n;
	}
	return buf;
}

static const struct rows_col value_col[] = { { "value", N_("Value"), COL_TEXT } };

enum rv_code complete_list(struct rv *rv, const char *kind, const char *prefix, struct rows **out)
{
	*out = NULL;
	int k = find(kind);
	if (k < 0 || !kinds[k].sql)
		return rv_fail(rv, RV_EINPUT, "kind", _("kind: \"%s\" has no database values"), kind ? kind : "");
	enum rv_code code = users_require(rv, PERM_READ);
	if (code)
		return code;
	sqlite3_stmt *st = db_stmt(rv, kinds[k].sql);
	if (!st)
		return rv->code;
	sqlite3_bind_text(st, 1, prefix ? prefix : "", -1, SQLITE_TRANSIENT);
	if (strstr(kinds[k].sql, "?2"))
		petition_bind_scope(rv, st, 2);
	*out = rows_new(value_col, 1);
	if (!*out)
		return rv_fail(rv, RV_EIO, NULL, _("out of memory"));
	return db_fill_rows(rv, st, *out);
}
