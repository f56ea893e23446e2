/* demo_data.h — what the demo generator writes with: Hanoi's real parks
 * and agencies, name parts for enterprises and people, and per-category
 * templates for petition titles, bodies and answers, plus the small
 * template expander and random-number generator that fill them.
 *
 * Every string here is NFC UTF-8 without control characters other than
 * '\n' (the generator writes it directly, bypassing input.h), which
 * demo_data_check() verifies once per run.  Nothing here touches the
 * database or allocates. */
#ifndef ROVIEC_DEMO_DATA_H
#define ROVIEC_DEMO_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* ---- randomness: splitmix64, deterministic for a seed ---- */

struct demo_rng {
	uint64_t s;
};

static inline uint64_t demo_next(struct demo_rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* Uniform in 0 .. n-1 (n >= 1; 0 gives 0). */
static inline uint32_t demo_below(struct demo_rng *r, uint32_t n)
{
	return (uint32_t)(((demo_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [0, 1). */
static inline double demo_unit(struct demo_rng *r)
{
	return (double)(demo_next(r) >> 11) * 0x1.0p-53;
}

/* ---- reference data ---- */

struct demo_zone {
	const char *name;    /* the park's official name (zones.name) */
	const char *short_name; /* as petitions write it: "KCN Quang Minh" */
	const char *commune; /* agency code of the commune it lies in */
	int weight;          /* share of enterprises */
	int foreign_pct;     /* share of foreign-invested enterprises, % */
};
extern const struct demo_zone demo_zones[];
extern const size_t demo_nzones;

struct demo_agency {
	const char *code, *name, *kind;
};
extern const struct demo_agency demo_agencies[];
extern const size_t demo_nagencies;

/* Users the demo registers: login, role, agency code (role agency) or
 * the index of the enterprise (role enterprise, -1 otherwise). */
struct demo_user {
	const char *login, *role, *agency;
	int enterprise;
};
extern const struct demo_user demo_users[];
extern const size_t demo_nusers;

/* ---- petition templates ----
 *
 * Template slots, filled by demo_fill():
 *   $Z the park ("KCN Quang Minh")   $X an item of the category
 *   $F a resolution of the category  $A the lead agency's name
 *   $C the lead agency's code        $D an earlier date (dd/mm/yyyy)
 *   $K the dialogue conference date  $Y the year
 *   $1 a small count (2–9)           $2 a count 20–480
 *   $3 a count 500–5.000             $P a percentage 10–60
 *   $M an amount ("3,4 tỷ đồng")     $S a document number
 * Lead and coordinating agencies are space-separated codes; "@" stands
 * for the commune of the enterprise's park.  Lists end with NULL. */
/* One kind of petition: its title, the problem its body describes and
 * what the lead agency did about it ("đã …"), which stay together so a
 * petition reads as one story. */
struct demo_topic {
	const char *title, *problem, *fix;
};

struct demo_category {
	const char *code;
	int weight;        /* how often petitions fall in this category */
	const char *lead;  /* weighted by repetition */
	const char *coord;
	const struct demo_topic *topics; /* ends with a NULL title */
	const char *const *asks;         /* the closing request of a body */
	const char *const *items;        /* what $X names */
};
extern const struct demo_category demo_categories[];
extern const size_t demo_ncategories;

/* The profile for a category code; the "khac" profile for codes the demo
 * does not know (categories an administrator added). Never NULL. */
const struct demo_category *demo_category_find(const char *code);

/* Number of topics of a category. */
size_t demo_topic_count(const struct demo_category *c);

/* Results by outcome (index enum outcome), feedback by rating (index
 * rating - 1), petitions the Board does not accept (each with its own
 * title, body, category code — NULL: any — reason and where to turn),
 * withdrawal notes,
 * extension reasons, the conference preamble (the first line of the body
 * of a petition raised at a dialogue conference) and people's positions. */
extern const char *const *const demo_results[4];
extern const char *const *const demo_feedback[5];
struct demo_rejection {
	const char *title, *body, *category, *reason, *refer_to;
};
extern const struct demo_rejection demo_rejections[];
extern const size_t demo_nrejections;
extern const char *const demo_withdrawals[];
extern const char *const demo_extension_reasons[];
extern const char *const demo_conference_intro;
/* The demo's quarterly conferences: the title (followed by "quý III năm
 * 2026"), themes and chairs' positions
 * (NULL-terminated, taken in turn), and the place of those held at the
 * Board rather than in a park. */
extern const char *const demo_conference_title;
extern const char *const demo_conference_themes[];
extern const char *const demo_conference_chairs[];
extern const char *const demo_conference_place;
extern const char *const demo_positions[];

/* Number of entries of a NULL-terminated list. */
size_t demo_count(const char *const *list);

/* ---- generated names ---- */

/* How many distinct names demo_enterprise_name() can make for foreign-
 * invested or for domestic companies (together more than 5.000), and the
 * idx-th of them (idx < that number): "Công ty TNHH Aozora Precision Việt
 * Nam", "Công ty Cổ phần Bao bì Minh Long". */
size_t demo_enterprise_space(bool foreign);
void demo_enterprise_name(bool foreign, size_t idx, char *buf, size_t cap);

/* A Vietnamese full name ("Nguyễn Thị Thu Hà") chosen by x; *female (if
 * not NULL) tells Ông from Bà. */
void demo_person_name(uint64_t x, bool *female, char *buf, size_t cap);

/* ---- filling templates ---- */

struct demo_slots {
	const char *zone, *item, *fix, *agency, *agency_code;
	rv_date earlier, conference;
	int year;
};

/* Appends template t, its slots filled from s (numbers drawn from r), to
 * the NUL-terminated text in buf (capacity cap).  Never overflows: text
 * that does not fit is cut at a character boundary.  Returns the new
 * length. */
size_t demo_fill(char *buf, size_t cap, size_t len, const char *t, const struct demo_slots *s,
                 struct demo_rng *r);

/* Appends the plain text s the same way. */
size_t demo_append(char *buf, size_t cap, size_t len, const char *s);

/* False (and *bad names the first offending string) when a string of the
 * tables is not clean NFC text. */
bool demo_data_check(const char **bad);

#endif
