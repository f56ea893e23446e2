/* petition_cmds.h — the petition subcommands that live in files of their
 * own (cmd_petition_show.c, cmd_petition_list.c), for cmd_petition.c's
 * table. */
#ifndef ROVIEC_PETITION_CMDS_H
#define ROVIEC_PETITION_CMDS_H

#include "args.h"
#include "cli.h"

#define PETITION_SHOW_NSPEC 1
#define PETITION_LIST_NSPEC 14
extern const struct arg_spec petition_show_spec[PETITION_SHOW_NSPEC];
extern const struct arg_spec petition_list_spec[PETITION_LIST_NSPEC];

int petition_show(struct cli *c, const struct args *a);
int petition_list(struct cli *c, const struct args *a);

/* The filter and --limit of petition_list_spec's options (also used by
 * export); false after recording an error on the session. */
struct pq_filter;
bool petition_read_filter(struct cli *c, const struct args *a, struct pq_filter *f, long *limit);

#endif
