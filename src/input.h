/* input.h — turning what a person typed into clean values.
 *
 * Every text a command or form receives passes through here: UTF-8
 * validation, NFC, control-character refusal, length limits, and parsing of
 * dates, numbers and closed-set values.  A failure records RV_EINPUT on the
 * session with a one-line message naming the field and showing the value
 * visibly quoted: `deadline: "31/02/2026" is not a date (DD/MM/YYYY)`. */
#ifndef ROVIEC_INPUT_H
#define ROVIEC_INPUT_H

#include <stddef.h>

#include "rv.h"
#include "text.h"

/* Length limits in bytes, after normalisation. */
#define LIMIT_NAME 400      /* names, persons, places */
#define LIMIT_TITLE 1000
#define LIMIT_TEXT 65536    /* body, result, reasons, feedback */
#define LIMIT_CODE 32

/* Cleans raw (NUL-terminated; len = strlen) into *out (malloc'd).  NULL raw
 * gives *out = NULL and is an error only when required; so is a value that
 * is empty after trimming. */
enum rv_code input_text(struct rv *rv, const char *field, const char *raw, enum text_kind kind,
                        size_t max, bool required, char **out);
/* The same for a buffer that may hold NUL bytes (a body read from stdin). */
enum rv_code input_text_len(struct rv *rv, const char *field, const char *raw, size_t len,
                            enum text_kind kind, size_t max, bool required, char **out);

enum rv_code input_date(struct rv *rv, const char *field, const char *raw, rv_date *out);
enum rv_code input_int(struct rv *rv, const char *field, const char *raw, long lo, long hi, long *out);
enum rv_code input_enum(struct rv *rv, const struct enum_set *set, const char *field, const char *raw,
                        int *out);

/* Codes: agency codes are upper-cased A–Z 0–9 . _ - (1–16); category codes
 * lower-cased a–z 0–9 - (1–32); tax codes are 10 digits, optionally
 * followed by -NNN for a branch.  *out is malloc'd. */
enum rv_code input_agency_code(struct rv *rv, const char *field, const char *raw, char **out);
enum rv_code input_category_code(struct rv *rv, const char *field, const char *raw, char **out);
enum rv_code input_tax_code(struct rv *rv, const char *field, const char *raw, char **out);

#endif
