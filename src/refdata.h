/* refdata.h — the reference data petitions point at: parks (zones),
 * agencies, enterprises, categories, holidays.
 *
 * Adds validate every field (input.h) and write in one transaction.  Lists
 * come back as struct rows sorted in Vietnamese alphabetical order.  Look-ups
 * by code turn an unknown code into RV_ENOTFOUND with a message naming the
 * field and the code. */
#ifndef ROVIEC_REFDATA_H
#define ROVIEC_REFDATA_H

#include <stdint.h>

#include "rows.h"
#include "rv.h"

enum rv_code zone_add(struct rv *rv, const char *name);
enum rv_code zone_list(struct rv *rv, struct rows **out);       /* name, enterprises */

/* code NULL: made from the initials of the name ("Sở Xây dựng" → SXD). */
enum rv_code agency_add(struct rv *rv, const char *name, const char *code, const char *kind);
enum rv_code agency_list(struct rv *rv, struct rows **out);     /* code, name, kind */
/* Agencies whose code starts with or whose folded name contains `query`
 * (accent-insensitive), at most limit, best first: for type-ahead pickers. */
enum rv_code agency_find(struct rv *rv, const char *query, int limit, struct rows **out);

enum rv_code enterprise_add(struct rv *rv, const char *name, const char *tax_code, const char *zone,
                            const char *contact);
/* zone NULL for all. */
enum rv_code enterprise_list(struct rv *rv, const char *zone, struct rows **out); /* tax_code, name, zone, contact */
enum rv_code enterprise_find(struct rv *rv, const char *query, int limit, struct rows **out);

enum rv_code category_add(struct rv *rv, const char *code, const char *vi, const char *en,
                          const char *within);
enum rv_code category_list(struct rv *rv, struct rows **out);   /* code, label_vi, label_en, within_days */

enum rv_code holiday_add(struct rv *rv, const char *date, const char *name, bool work);
/* year 0 for all years. */
enum rv_code holiday_list(struct rv *rv, int year, struct rows **out); /* date, kind, name */

/* Id look-ups (field names the CLI option in messages). */
enum rv_code ref_agency_id(struct rv *rv, const char *field, const char *code, int64_t *id);
enum rv_code ref_category_id(struct rv *rv, const char *field, const char *code, int64_t *id);
enum rv_code ref_enterprise_id(struct rv *rv, const char *field, const char *tax_code, int64_t *id);
enum rv_code ref_zone_id(struct rv *rv, const char *field, const char *name, int64_t *id);

#endif
