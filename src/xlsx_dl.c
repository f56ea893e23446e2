/* xlsx_dl.c — libxlsxwriter, loaded when the first workbook is made.
 *
 * libxlsxwriter pulls in libcrypto, libminizip and libz: linked normally,
 * every roviec process maps and relocates them (about 140 page faults, a
 * third of a short command's start) although only `export --format xlsx`
 * uses them.  So roviec does not link the library: this file defines the
 * few functions export_xlsx.c calls (their prototypes come from
 * <xlsxwriter.h>, so the compiler checks every signature) and forwards
 * each to the real one, found with dlopen/dlsym on first use.
 *
 * Contract: workbook_new_opt() returns NULL when the library cannot be
 * loaded (after one line on stderr naming it), so the caller's usual
 * "cannot create" error follows and nothing else is called; every other
 * function is only reached through a workbook, hence after a load that
 * succeeded.  The soname is the one the build linked against
 * (XLSXWRITER_SONAME, from meson), else the development name. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "config.h"
#include "i18n.h"

#ifndef XLSXWRITER_SONAME
#define XLSXWRITER_SONAME "libxlsxwriter.so"
#endif

static void *lib;

/* The library's handle, opened once; NULL (with a message) when missing. */
static void *library(void)
{
	static int tried;
	if (lib || tried)
		return lib;
	tried = 1;
	lib = dlopen(XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		lib = dlopen("libxlsxwriter.so", RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		fprintf(stderr, _("roviec: cannot load %s for xlsx export: %s\n"), XLSXWRITER_SONAME, dlerror());
	return lib;
}

/* The address of name in the library; aborts when a loaded library lacks
 * it (a mismatched install: continuing would call through NULL). */
static void *sym(const char *name)
{
	void *p = library() ? dlsym(lib, name) : NULL;
	if (!p) {
		fprintf(stderr, _("roviec: %s has no %s\n"), XLSXWRITER_SONAME, name);
		abort();
	}
	return p;
}

/* FWD(ret, name, (params), (args)): defines name forwarding to the real
 * one; FWD_VOID the same for a function returning nothing. */
#define FWD_BODY(ret, name, params)       \
	static ret(*real) params;         \
	if (!real)                        \
		*(void **)&real = sym(#name);
#define FWD(ret, name, params, args) \
	ret name params                \
	{                              \
		FWD_BODY(ret, name, params) \
		return real args;      \
	}
#define FWD_VOID(name, params, args) \
	void name params               \
	{                              \
		FWD_BODY(void, name, params) \
		real args;             \
	}

lxw_workbook *workbook_new_opt(const char *filename, lxw_workbook_options *options)
{
	static lxw_workbook *(*real)(const char *, lxw_workbook_options *);
	if (!real) {
		if (!library())
			return NULL;
		*(void **)&real = sym("workbook_new_opt");
	}
	return real(filename, options);
}

FWD(lxw_error, workbook_close, (lxw_workbook * workbook), (workbook))
FWD(lxw_format *, workbook_add_format, (lxw_workbook * workbook), (workbook))
FWD(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook * workbook, const char *sheetname),
    (workbook, sheetname))
FWD(char *, lxw_strerror, (lxw_error error_num), (error_num))

FWD_VOID(format_set_bold, (lxw_format * format), (format))
FWD_VOID(format_set_text_wrap, (lxw_format * format), (format))
FWD_VOID(format_set_border, (lxw_format * format, uint8_t style), (format, style))
FWD_VOID(format_set_align, (lxw_format * format, uint8_t alignment), (format, alignment))
FWD_VOID(format_set_num_format, (lxw_format * format, const char *num_format), (format, num_format))
FWD_VOID(format_set_font_size, (lxw_format * format, double size), (format, size))
FWD_VOID(format_set_bg_color, (lxw_format * format, lxw_color_t color), (format, color))

FWD(lxw_error, worksheet_write_string,
    (lxw_worksheet * ws, lxw_row_t row, lxw_col_t col, const char *string, lxw_format *format),
    (ws, row, col, string, format))
FWD(lxw_error, worksheet_write_number,
    (lxw_worksheet * ws, lxw_row_t row, lxw_col_t col, double number, lxw_format *format),
    (ws, row, col, number, format))
FWD(lxw_error, worksheet_write_blank, (lxw_worksheet * ws, lxw_row_t row, lxw_col_t col, lxw_format *format),
    (ws, row, col, format))
FWD(lxw_error, worksheet_write_datetime,
    (lxw_worksheet * ws, lxw_row_t row, lxw_col_t col, lxw_datetime *datetime, lxw_format *format),
    (ws, row, col, datetime, format))
FWD(lxw_error, worksheet_set_column,
    (lxw_worksheet * ws, lxw_col_t first, lxw_col_t last, double width, lxw_format *format),
    (ws, first, last, width, format))
FWD(lxw_error, worksheet_autofilter,
    (lxw_worksheet * ws, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col),
    (ws, first_row, first_col, last_row, last_col))
FWD(lxw_error, worksheet_repeat_rows, (lxw_worksheet * ws, lxw_row_t first, lxw_row_t last), (ws, first, last))
FWD_VOID(worksheet_freeze_panes, (lxw_worksheet * ws, lxw_row_t row, lxw_col_t col), (ws, row, col))
FWD_VOID(worksheet_fit_to_pages, (lxw_worksheet * ws, uint16_t width, uint16_t height), (ws, width, height))
FWD_VOID(worksheet_set_landscape, (lxw_worksheet * ws), (ws))
FWD_VOID(worksheet_set_paper, (lxw_worksheet * ws, uint8_t paper), (ws, paper))
