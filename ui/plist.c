/* plist.c — see plist.h.
 *
 * Rows are moved out of each fetched page into rows of their own (the
 * page's copy is zeroed, so pq_page_free() does not free what we keep); a
 * row's cursor is the keyset anchor of the next fetch. */
#include "plist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enums.h"
#include "i18n.h"
#include "text.h"

struct plist {
	struct ui *ui;
	struct rv *rv;
	struct pq_filter filter;
	char *search, *agency, *category, *zone, *conference;  /* owned; the filter points here */
	plist_draw_fn draw_row;
	struct list *list;
	int code_width;
	char *pending_search;  /* typed, applied at the next pause */
	bool search_due;
};

static void free_pq_row(struct pq_row *r)
{
	free(r->enterprise);
	free(r->category);
	free(r->category_code);
	free(r->lead);
	free(r->title);
	pq_cursor_clear(&r->cursor);
	free(r);
}

static int fetch(void *ctx, const void *anchor, enum list_dir dir, int max, void **out)
{
	struct plist *p = ctx;
	const struct pq_row *a = anchor;
	struct pq_page *page = NULL;
	int n = 0;

	if (pq_fetch(p->rv, &p->filter, a ? &a->cursor : NULL, dir == LIST_BACKWARD,
	             max, &page) != RV_OK) {
		ui_error(p->ui, "%s", rv_message(p->rv));
		return -1;
	}
	for (int i = 0; i < page->n; i++) {
		/* pages come in display order; backward wants nearest first */
		int k = dir == LIST_BACKWARD ? page->n - 1 - i : i;
		struct pq_row *r = malloc(sizeof *r);
		if (!r)
			break;
		*r = page->rows[k];
		memset(&page->rows[k], 0, sizeof page->rows[k]);
		if ((int)strlen(r->code) > p->code_width)
			p->code_width = (int)strlen(r->code);
		out[n++] = r;
	}
	pq_page_free(&page);
	return n;
}

static void free_row(void *ctx, void *row)
{
	(void)ctx;
	free_pq_row(row);
}

static void draw_row(void *ctx, const void *row, int y, int x, int width, bool selected)
{
	struct plist *p = ctx;
	p->draw_row(p, row, y, x, width, selected);
}

static long count(void *ctx)
{
	struct plist *p = ctx;
	int64_t n = -1;

	/* a broad search can match most of a million rows: counting them would
	 * freeze the screen, and the list shows its length once it reaches
	 * the end anyway */
	if (p->filter.search)
		return -1;

	if (pq_count(p->rv, &p->filter, &n) != RV_OK)
		return -1;
	return (long)n;
}

static bool same_row(void *ctx, const void *a, const void *b)
{
	(void)ctx;
	return ((const struct pq_row *)a)->id == ((const struct pq_row *)b)->id;
}

struct plist *plist_new(struct ui *ui, plist_draw_fn draw, const char *empty_text)
{
	struct plist *p = calloc(1, sizeof *p);
	struct list_source src = {
		.fetch = fetch, .free_row = free_row, .draw_row = draw_row,
		.count = count, .same_row = same_row, .empty_text = empty_text,
	};

	if (!p)
		return NULL;
	p->ui = ui;
	p->rv = ui_rv(ui);
	p->draw_row = draw;
	p->code_width = 13;
	pq_filter_init(&p->filter);
	p->list = list_new(&src, p);
	if (!p->list) {
		free(p);
		return NULL;
	}
	return p;
}

void plist_free(struct plist **pp)
{
	struct plist *p = pp ? *pp : NULL;

	if (!p)
		return;
	list_free(&p->list);
	free(p->pending_search);
	free(p->search);
	free(p->agency);
	free(p->category);
	free(p->zone);
	free(p->conference);
	free(p);
	*pp = NULL;
}

struct list *plist_list(struct plist *p)
{
	return p->list;
}

struct ui *plist_ui(struct plist *p)
{
	return p->ui;
}

const struct pq_filter *plist_filter(const struct plist *p)
{
	return &p->filter;
}

const struct pq_row *plist_selected(struct plist *p)
{
	return list_selected(p->list);
}

/* Replaces *slot with a copy of s (NULL for NULL or ""); returns it. */
static const char *set_str(char **slot, const char *s)
{
	free(*slot);
	*slot = s && s[0] ? strdup(s) : NULL;
	return *slot;
}

int plist_code_width(const struct plist *p)
{
	return p->code_width;
}

int plist_idle(struct plist *p)
{
	if (p->search_due) {
		p->search_due = false;
		plist_set_search(p, p->pending_search);
		return RD_ALL;
	}
	return list_idle(p->list) ? RD_ALL : RD_IGNORED;
}

void plist_search_now(struct plist *p, const char *text)
{
	const char *cur = p->filter.search ? p->filter.search : "";

	p->search_due = false;
	if (strcmp(cur, text ? text : "") != 0)
		plist_set_search(p, text);
}

int plist_search(struct plist *p, const char *query, enum search_dir dir)
{
	struct ui_event step = { .act = dir == SEARCH_PREV ? ACT_UP : ACT_DOWN };

	if (dir == SEARCH_TYPING) {
		plist_search_later(p, query);
		return RD_NONE;
	}
	if (dir == SEARCH_DONE) {
		plist_search_now(p, query);
		return RD_ALL;
	}
	return list_request(plist_list(p), &step);
}

void plist_search_later(struct plist *p, const char *text)
{
	set_str(&p->pending_search, text);
	p->search_due = true;
}

void plist_set_search(struct plist *p, const char *text)
{
	p->filter.search = set_str(&p->search, text);
	list_reload(p->list);
}

void plist_set_agency(struct plist *p, const char *code)
{
	p->filter.agency = set_str(&p->agency, code);
	list_reload(p->list);
}

void plist_set_category(struct plist *p, const char *code)
{
	p->filter.category = set_str(&p->category, code);
	list_reload(p->list);
}

void plist_set_zone(struct plist *p, const char *name)
{
	p->filter.zone = set_str(&p->zone, name);
	list_reload(p->list);
}

void plist_set_status_mask(struct plist *p, unsigned mask)
{
	p->filter.status_mask = mask;
	list_reload(p->list);
}

void plist_set_overdue(struct plist *p, bool overdue)
{
	p->filter.overdue = overdue;
	list_reload(p->list);
}

void plist_set_due_within(struct plist *p, int days)
{
	p->filter.due_within = days;
	list_reload(p->list);
}

void plist_set_sort(struct plist *p, enum pq_sort sort, bool descending)
{
	p->filter.sort = sort;
	p->filter.descending = descending;
	list_reload(p->list);
}

void plist_clear(struct plist *p)
{
	enum pq_sort sort = p->filter.sort;
	bool desc = p->filter.descending;

	set_str(&p->search, NULL);
	set_str(&p->agency, NULL);
	set_str(&p->category, NULL);
	set_str(&p->zone, NULL);
	set_str(&p->conference, NULL);
	pq_filter_init(&p->filter);
	p->filter.sort = sort;
	p->filter.descending = desc;
	list_reload(p->list);
}

void plist_apply(struct plist *p, const struct pq_filter *nf)
{
	enum pq_sort sort = p->filter.sort;
	bool desc = p->filter.descending;
	char *search = nf->search ? strdup(nf->search) : NULL;
	char *agency = nf->agency ? strdup(nf->agency) : NULL;
	char *category = nf->category ? strdup(nf->category) : NULL;
	char *zone = nf->zone ? strdup(nf->zone) : NULL;
	char *conference = nf->conference ? strdup(nf->conference) : NULL;

	p->filter = *nf;
	p->filter.sort = sort;
	p->filter.descending = desc;
	p->filter.enterprise = NULL;
	p->filter.search = set_str(&p->search, search);
	p->filter.agency = set_str(&p->agency, agency);
	p->filter.category = set_str(&p->category, category);
	p->filter.zone = set_str(&p->zone, zone);
	p->filter.conference = set_str(&p->conference, conference);
	free(search);
	free(agency);
	free(category);
	free(zone);
	free(conference);
	list_reload(p->list);
}

/* Appends "sep item" to buf. */
static void add_part(char *buf, size_t size, const char *item)
{
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s", len ? " · " : "", item);
}

void plist_describe(const struct plist *p, char *buf, size_t size)
{
	const struct pq_filter *f = &p->filter;
	char part[256];

	buf[0] = '\0';
	unsigned open_mask = 0;
	for (int s = 0; s < ST_COUNT; s++)
		if (status_is_open((enum status)s))
			open_mask |= 1u << s;
	if (f->status_mask == open_mask) {
		add_part(buf, size, _("open"));
	} else if (f->status_mask) {
		char names[200] = "";
		for (int s = 0; s < ST_COUNT; s++)
			if (f->status_mask & (1u << s))
				add_part(names, sizeof names, enum_label(&status_set, s));
		snprintf(part, sizeof part, _("status: %s"), names);
		add_part(buf, size, part);
	}
	if (f->overdue)
		add_part(buf, size, _("overdue"));
	if (f->due_within >= 0) {
		snprintf(part, sizeof part,
		         ngettext("due within %d working day", "due within %d working days", f->due_within),
		         f->due_within);
		add_part(buf, size, part);
	}
	if (f->agency) {
		snprintf(part, sizeof part, _("agency: %s"), f->agency);
		add_part(buf, size, part);
	}
	if (f->category) {
		snprintf(part, sizeof part, _("category: %s"), f->category);
		add_part(buf, size, part);
	}
	if (f->zone) {
		snprintf(part, sizeof part, _("zone: %s"), f->zone);
		add_part(buf, size, part);
	}
	if (f->conference) {
		snprintf(part, sizeof part, _("conference: %s"), f->conference);
		add_part(buf, size, part);
	}
	if (f->search) {
		snprintf(part, sizeof part, _("search: “%s”"), f->search);
		add_part(buf, size, part);
	}
}

const char *fmt_decimal(double v, char *buf, size_t size)
{
	snprintf(buf, size, "%.1f", v);
	if (i18n_vietnamese()) {
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
	return buf;
}

const char *fmt_date(rv_date d, char buf[static 11])
{
	if (d == RV_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	return date_display(d, buf);
}

const char *fmt_status(enum status st, bool overdue, int days_overdue, char *buf, size_t size)
{
	if (overdue && days_overdue > 0)
		snprintf(buf, size, ngettext("%d day late", "%d days late", days_overdue), days_overdue);
	else if (overdue)
		snprintf(buf, size, "%s", _("overdue"));
	else
		snprintf(buf, size, "%s", enum_label(&status_set, (int)st));
	return buf;
}

static int due_soon_days = PLIST_DUE_SOON_DAYS;

int plist_due_soon_days(void)
{
	return due_soon_days;
}

void plist_set_due_soon_days(int days)
{
	due_soon_days = days;
}

enum style petition_style(struct rv *rv, enum status st, rv_date deadline, bool overdue)
{
	if (overdue)
		return ST_OVERDUE;
	if (!status_is_open(st))
		return st == ST_CLOSED || st == ST_ANSWERED ? ST_DONE : ST_DIM;
	if (deadline != RV_DATE_NONE && rv &&
	    calendar_workdays_between(rv_calendar(rv), rv_today(rv), deadline) <= due_soon_days)
		return ST_DUE_SOON;
	return ST_NORMAL;
}

/* Legal forms, folded, longest first; each followed by a space. */
static const char *const legal_forms[] = {
	"cong ty tnhh mot thanh vien ", "cong ty trach nhiem huu han ", "cong ty tnhh mtv ",
	"cong ty tnhh ", "cong ty co phan ", "cong ty cp ", "cong ty ",
};

const char *short_enterprise_name(const char *name)
{
	if (!name)
		return "";
	char *folded = text_fold(name);
	const char *rest = name;
	if (!folded)
		return name;
	for (size_t i = 0; i < UI_ARRAY_LEN(legal_forms); i++) {
		size_t n = strlen(legal_forms[i]);
		if (strncmp(folded, legal_forms[i], n) != 0)
			continue;
		/* as many words in name as in the legal form */
		int words = 0;
		for (size_t k = 0; k < n; k++)
			words += legal_forms[i][k] == ' ';
		while (words > 0 && *rest) {
			if (*rest++ == ' ')
				words--;
		}
		break;
	}
	free(folded);
	return *rest ? rest : name;
}

const char *fmt_count(long long n, char *buf, size_t size)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
	size_t o = 0;

	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 1 < size)
			buf[o++] = '.';
		if (o + 1 < size)
			buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}
