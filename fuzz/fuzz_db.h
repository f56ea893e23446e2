/* fuzz_db.h — a throw-away database for the import harnesses.
 *
 * fuzz_db() opens (once per process) a fresh roviec database in a temporary
 * folder, created by this process (so its login is the administrator),
 * with a park, two agencies and two enterprises.  The harnesses import with
 * dry_run, so the database never changes between inputs. */
#ifndef ROVIEC_FUZZ_DB_H
#define ROVIEC_FUZZ_DB_H

#include "rv.h"

struct rv *fuzz_db(void);

#endif
