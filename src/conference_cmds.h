/* conference_cmds.h — what other commands reuse of cmd_conference.c:
 * `report conference ID --json` prints what `conference show ID --json`
 * prints. */
#ifndef ROVIEC_CONFERENCE_CMDS_H
#define ROVIEC_CONFERENCE_CMDS_H

#include "cli.h"

/* Prints conference `id` (its number) with its follow-up table as JSON
 * (conf_json) on c->out, the rows streamed a page at a time.  Returns 0; the exit status after reporting the
 * session's error (cli_fail); or RV_EIO when c->out could not be written. */
int conference_print_json(struct cli *c, const char *id);

/* How many follow-up rows `conference show` and `report conference` read
 * at a time (512; ROVIEC_CONF_PAGE, 1 to 100000, for tests that force
 * paging boundaries): what they hold in memory, whatever the size of the
 * conference. */
int conference_page(void);

#endif
