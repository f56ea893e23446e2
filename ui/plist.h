/* plist.h — petitions as a paged list (query.h behind list.h).
 *
 * Owns a filter and a list widget whose rows are struct pq_row fetched a
 * page at a time with keyset paging (pq_fetch from the cursor of the first
 * or last loaded row), so a million petitions scroll like ten.  The screen
 * that owns it draws the rows (draw_row) and changes the filter through the
 * setters, which reload the list.  Also the formatting helpers the
 * petition screens share (dates, status with days late, due-soon test). */
#ifndef ROVIEC_UI_PLIST_H
#define ROVIEC_UI_PLIST_H

#include <stdbool.h>

#include "draw.h"
#include "list.h"
#include "query.h"
#include "view.h"

/* Working days ahead that count as "due soon" on every screen: by default
 * PLIST_DUE_SOON_DAYS, else the configuration's due_soon (tui_main sets it
 * once, before the first screen). */
#define PLIST_DUE_SOON_DAYS 3
int plist_due_soon_days(void);
void plist_set_due_soon_days(int days);

struct plist;

typedef void (*plist_draw_fn)(struct plist *p, const struct pq_row *row, int y, int x,
                              int width, bool selected);

/* A list over the session of ui with an "everything" filter.  NULL when
 * out of memory.  plist_free accepts NULL and nulls the pointer. */
struct plist *plist_new(struct ui *ui, plist_draw_fn draw_row, const char *empty_text);
void plist_free(struct plist **p);

struct list *plist_list(struct plist *p);
struct ui *plist_ui(struct plist *p);
const struct pq_filter *plist_filter(const struct plist *p);
const struct pq_row *plist_selected(struct plist *p);
/* Widest tracking code fetched so far (at least 13: "KN-2026-00042"). */
int plist_code_width(const struct plist *p);
/* For the screen's view_ops.idle: applies a search typed meanwhile
 * (plist_search_later), else counts when a count is due. */
int plist_idle(struct plist *p);
/* Search as you type: remembers text and applies it at the next pause
 * in typing, so a query runs once per pause, not once per key. */
void plist_search_later(struct plist *p, const char *text);
/* The search is text from now on (a pending one is dropped); reloads only
 * when it differs from the search in force. */
void plist_search_now(struct plist *p, const char *text);
/* A petition screen's view_ops.search: typing searches at the next pause,
 * closing the prompt searches at once, n and N step through the rows
 * (every listed petition matches).  Returns RD_* flags. */
int plist_search(struct plist *p, const char *query, enum search_dir dir);

/* Filter setters: copy their strings (NULL or "" clears), reload. */
void plist_set_search(struct plist *p, const char *text);
void plist_set_agency(struct plist *p, const char *code);
void plist_set_category(struct plist *p, const char *code);
void plist_set_zone(struct plist *p, const char *name);
void plist_set_status_mask(struct plist *p, unsigned mask);
void plist_set_overdue(struct plist *p, bool overdue);
void plist_set_due_within(struct plist *p, int days);  /* -1: off */
void plist_set_sort(struct plist *p, enum pq_sort sort, bool descending);
void plist_clear(struct plist *p);                      /* all filters and search */
/* Replaces every filter field (not the sort) with nf's, copying its
 * strings, and reloads once. */
void plist_apply(struct plist *p, const struct pq_filter *nf);

/* A one-line description of the active filters ("" when none). */
void plist_describe(const struct plist *p, char *buf, size_t size);

/* Shared formatting. */
const char *fmt_date(rv_date d, char buf[static 11]);     /* dd/mm/yyyy, "" for none */
/* The status of a row for a person: "In progress", or "3 days late". */
const char *fmt_status(enum status st, bool overdue, int days_overdue, char *buf, size_t size);
/* The style a petition row is drawn in (overdue, due soon, done…). */
enum style petition_style(struct rv *rv, enum status st, rv_date deadline, bool overdue);
/* An enterprise name without its legal form ("Công ty TNHH Canon Việt
 * Nam" → "Canon Việt Nam"), for narrow columns; a pointer into name. */
const char *short_enterprise_name(const char *name);
/* 4.5 (4,5 in Vietnamese): one decimal */
const char *fmt_decimal(double v, char *buf, size_t size);
/* 1.234.567 */
const char *fmt_count(long long n, char *buf, size_t size);

#endif
