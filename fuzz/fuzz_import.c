/* fuzz_import.c — libFuzzer harness: the CSV or JSON importer (parse and
 * validate every row, --dry-run) on a throw-away database.  Built twice:
 * FUZZ_JSON selects the JSON format.  Nothing may crash, leak or trip a
 * sanitizer; a refused file must leave an error message; the database is
 * never changed (dry run). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_db.h"
#include "import_internal.h"

#ifdef FUZZ_JSON
#define FORMAT_JSON true
#define FILE_NAME "fuzz.json"
#else
#define FORMAT_JSON false
#define FILE_NAME "fuzz.csv"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rv *rv = fuzz_db();
	struct import_options o = { .path = FILE_NAME, .dry_run = true, .skip_bad = (size & 1) != 0 };
	struct import_result res;
	memset(&res, 0, sizeof res);
	rv_clear_error(rv);
	enum rv_code rc = import_data(rv, &o, FORMAT_JSON, (const char *)data, size, &res);
	if (rc != RV_OK && rc != RV_EINPUT)
		abort(); /* only bad input may be refused: no I/O or internal error */
	if (res.written && res.added > 0)
		abort(); /* a dry run wrote */
	if (res.bad < 0 || res.added < 0 || res.n_errors > IMPORT_MAX_ERRORS)
		abort();
	import_result_free(&res);
	rv_clear_error(rv);
	return 0;
}
