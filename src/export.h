/* export.h — petitions and reports out to the formats officials and other
 * systems use.
 *
 *   csv      UTF-8 with a byte-order mark and CRLF line ends (Excel shows
 *            Vietnamese correctly), one row per petition, ISO dates;
 *   xlsx     a workbook (libxlsxwriter): a formatted sheet per report —
 *            Summary, Agencies, Categories, Period (month by month) — and
 *            the petitions themselves;
 *   json     everything, re-importable by `roviec import`: reference data,
 *            users (for an administrator), code counters, conferences and
 *            each petition with its history, extensions and conference;
 *   open311  GeoReport v2 service requests (a JSON array);
 *   html     one self-contained file (inline CSS and SVG charts) of a
 *            conference's follow-up or of a period, printable on A4.
 *
 * Petitions are streamed one at a time (keyset pages of the list query, or
 * id order for a whole-database export), so memory stays flat whatever the
 * number of petitions.  The file is written beside its final name and
 * renamed into place only when complete: a failed export never leaves a
 * truncated file behind. */
#ifndef ROVIEC_EXPORT_H
#define ROVIEC_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "petition.h"
#include "query.h"
#include "rv.h"

#define EXPORT_FORMATS(X) \
	X(EXPORT_CSV,     "csv") \
	X(EXPORT_XLSX,    "xlsx") \
	X(EXPORT_JSON,    "json") \
	X(EXPORT_OPEN311, "open311") \
	X(EXPORT_HTML,    "html")

#define EXPORT_ENUM(name, str) name,
enum export_format { EXPORT_FORMATS(EXPORT_ENUM) EXPORT_FORMAT_COUNT };

struct export_options {
	enum export_format format;
	const char *path;              /* the file to write */
	const struct pq_filter *filter; /* NULL: every petition, in id order */
	rv_date from, to;              /* xlsx/html period (RV_DATE_NONE: the last six months) */
	const char *conference;        /* html: a conference's follow-up instead of a period */
};

/* Parses "csv" … "html". */
enum rv_code export_parse_format(struct rv *rv, const char *s, enum export_format *out);

/* Writes the export; *count receives the number of petitions written. */
enum rv_code export_run(struct rv *rv, const struct export_options *o, int64_t *count);

/* ---- for the export writers (export_*.c) ---- */

/* Calls fn for each petition (loaded with history) the options select;
 * stops at the first non-RV_OK return. */
typedef enum rv_code (*export_fn)(struct rv *rv, const struct petition *p, void *ctx);
enum rv_code export_each(struct rv *rv, const struct export_options *o, export_fn fn, void *ctx);

/* What petition_load leaves out: request id, timestamps, conference uuid. */
struct petition_extra {
	char *request_id;
	char *created_at;
	char *updated_at;
	char *conference_uuid;
	char *extension_ids;   /* "3,9": the ids of its extensions, in order */
};
enum rv_code export_extra(struct rv *rv, int64_t petition_id, struct petition_extra *x);
void export_extra_free(struct petition_extra *x);

/* "SXD, BQL" for the coordinating agencies (malloc'd). */
char *export_coordinating(const struct petition *p);

enum rv_code export_csv(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count);
enum rv_code export_json(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count);
enum rv_code export_open311(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count);
enum rv_code export_html(struct rv *rv, const struct export_options *o, FILE *out, int64_t *count);
/* XLSX writes the file itself (libxlsxwriter owns it): path is the
 * temporary name. */
enum rv_code export_xlsx(struct rv *rv, const struct export_options *o, const char *path, int64_t *count);

#endif
