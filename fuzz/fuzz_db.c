/* fuzz_db.c — see fuzz_db.h. */
#include "fuzz_db.h"

#include <stdio.h>
#include <stdlib.h>

#include "refdata.h"

struct rv *fuzz_db(void)
{
	static struct rv *rv;
	if (rv)
		return rv;
	const char *tmp = getenv("TMPDIR");
	char dir[512];
	snprintf(dir, sizeof dir, "%s/roviec-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	char path[600];
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	struct rv_open_options o = { .path = path, .create = true };
	rv = rv_open(&o);
	if (!rv || rv_status(rv) != RV_OK ||
	    zone_add(rv, "KCN Thăng Long") || agency_add(rv, "Ban Quản lý", "BQL", "board") ||
	    agency_add(rv, "Sở Xây dựng", "SXD", "department") ||
	    enterprise_add(rv, "Công ty TNHH Ánh Dương", "0100000001", "KCN Thăng Long", NULL) ||
	    enterprise_add(rv, "Công ty CP Đại Việt", "0100000002", NULL, NULL)) {
		fprintf(stderr, "fuzz_db: %s\n", rv ? rv_message(rv) : "out of memory");
		abort();
	}
	return rv;
}
