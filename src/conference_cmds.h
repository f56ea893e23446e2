/* conference_cmds.h — what other commands reuse of cmd_conference.c:
 * `report conference ID --json` prints what `conference show ID --json`
 * prints. */
#ifndef ROVIEC_CONFERENCE_CMDS_H
#define ROVIEC_CONFERENCE_CMDS_H

#include "cli.h"

/* Prints conference `id` (its number) with its follow-up table as JSON
 * (conf_json) on c->out.  Returns 0; the exit status after reporting the
 * session's error (cli_fail); or RV_EIO when c->out could not be written. */
int conference_print_json(struct cli *c, const char *id);

#endif
