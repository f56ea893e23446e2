/* import.h — petitions in from the files officials have: CSV saved by
 * Excel, and roviec's own JSON export.
 *
 * CSV (libcsv): a byte-order mark, CRLF or LF, quoted fields holding
 * commas and line breaks, ',' or ';' as separator (Excel's choice in
 * locales with a decimal comma) are all accepted.  The header names the
 * columns, in English (the names of `roviec export --format csv`) or in
 * Vietnamese with or without accents ("Mã số thuế", "Lĩnh vực", "Co quan
 * chu tri"…; docs/reports.md lists them).  Dates are DD/MM/YYYY or
 * YYYY-MM-DD; categories, agencies, channels, statuses and outcomes are
 * matched by code or by name, accents and case ignored (text_fold).  An
 * enterprise not yet known is added when the row gives its name.  Each
 * petition gets a new tracking code and a "create" history row naming the
 * file and line.  Re-importing the same file adds nothing: a row is the
 * same petition as an earlier one when its request_id column matches, or
 * its code column names an existing petition, or — with neither — when
 * tax code, received date, title and body are the same (the key is kept
 * as the petition's request_id, "csv:…").
 *
 * JSON (the export of export.h): reference data, users, code counters,
 * conferences and petitions with their history, extensions and conference
 * link, each kept exactly (codes, uuids, versions, timestamps, history
 * rows); a petition whose uuid exists already is skipped.  Imported into a
 * new database it reproduces the exported one row for row (history rows
 * renumbered, in each petition's order: history is append-only).
 *
 * Every bad row is reported with its line (CSV) or its position in the
 * "petitions" array (JSON, 1-based) and the reason.  Everything happens in
 * one transaction: by default nothing is imported when any row is bad;
 * with skip_bad the good rows are; dry_run checks everything and writes
 * nothing. */
#ifndef ROVIEC_IMPORT_H
#define ROVIEC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rv.h"

struct import_options {
	const char *path;   /* .csv or .json */
	bool dry_run;
	bool skip_bad;
};

struct import_error {
	long line;          /* CSV line, or JSON petition number; 0 for the file itself */
	char *message;
};

struct import_result {
	int64_t rows;       /* petitions read */
	int64_t added;
	int64_t skipped;    /* already present */
	int64_t bad;
	struct import_error *errors; /* the first IMPORT_MAX_ERRORS bad rows */
	size_t n_errors;
	bool written;       /* committed (not a dry run, nothing refused) */
	double seconds;
};

#define IMPORT_MAX_ERRORS 1000

/* Imports the file.  Returns RV_OK when the file could be read and, unless
 * skip_bad, had no bad row; RV_EINPUT when rows were bad (see res->errors,
 * nothing written); other codes for a file that cannot be read at all. */
enum rv_code import_run(struct rv *rv, const struct import_options *o, struct import_result *res);
void import_result_free(struct import_result *res);

#endif
