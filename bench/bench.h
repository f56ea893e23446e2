/* bench.h — the benchmark harness's two halves: ops.c knows what to
 * measure (the operations of issue 6, through the core API, and their
 * plain-SQL and command-line equivalents); bench.c knows how (a forked
 * child per run, wall time, peak memory, median and maximum, the tables).
 *
 * Every measured operation runs in a child process forked from a parent
 * that holds no database connection, so the child's ru_maxrss (wait4) is
 * that operation's peak memory, and a "cold" run starts with an empty
 * SQLite page cache, like a command-line call (the OS file cache stays
 * warm).  The same child then repeats the operation on its open session:
 * the "warm" time, which is what a long-running UI session sees. */
#ifndef ROVIEC_BENCH_H
#define ROVIEC_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "query.h"
#include "rv.h"

enum op_kind {
	OP_READ,    /* interactive read: target 16 ms */
	OP_STARTUP, /* open + first screen, timed from before rv_open: target 50 ms */
	OP_WRITE,   /* one durable write on the copy: target 10 ms */
};

struct ctx;
struct op;
typedef enum rv_code (*op_fn)(struct rv *rv, const struct ctx *c, const struct op *o, int run);

struct op {
	char name[48];
	char what[120];
	enum op_kind kind;
	op_fn fn;
	enum pq_sort sort;
	bool desc;
	int arg;
	char floor[4096]; /* the same question in plain SQL for the sqlite3 shell, or "" */
	char note[200];   /* printed under the table when not empty */
};

/* Facts about the database gathered once, before any child runs. */
struct ctx {
	const char *db;          /* the measured file (read-only use) */
	char write_db[4096];     /* a copy for the writes */
	char today[11], due_limit[11], extend_to[11];
	long long total;         /* petitions */
	long long deep;          /* depth of the "deep" page actually reached */
	struct pq_cursor cursor[PQ_SORT_COUNT][2]; /* [sort][descending]: the row just before the deep page */
	char common[64], rare[64], phrase[128];
	char typing[128];        /* the phrase as typed so far: its second word's first letter */
	long long common_n, rare_n, phrase_n;
	char code[32];           /* a petition with a typical history */
	long long code_history;
	char agency[32], tax[32], zone[256], category[40];
	char conference[24];     /* the conference with the most petitions ("" when none) */
	long long conference_n;  /* its petitions */
	char (*fresh)[32];       /* petitions added to the copy for the writes */
	int n_fresh;
};

/* ops.c */
int ctx_prepare(struct ctx *c, const char *db, int reps, bool writes);
void ctx_free(struct ctx *c);
/* Fills ops (room for max) with every operation; returns how many. */
int ops_build(const struct ctx *c, struct op *ops, int max);

/* The command-line commands timed end to end against the sqlite3 shell. */
struct cli_case {
	char name[48];
	char what[120];
	char *argv[16];   /* roviec's arguments after the program, NULL-terminated */
	char sql[4096];   /* the sqlite3 shell's question */
	char store[8][256];
};
int cli_build(const struct ctx *c, struct cli_case *cases, int max);

/* bench.c, for ops.c: a monotonic clock in milliseconds. */
double now_ms(void);

#endif
