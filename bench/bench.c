/* bench.c — roviec's benchmark harness (issue 6): how to measure.
 *
 *   bench --db FILE [--runs R] [--label TEXT] [--md FILE] [--tsv FILE]
 *         [--sqlite3 PATH] [--roviec PATH] [--only TEXT] [--no-writes]
 *   bench exec [--runs R] -- COMMAND [ARG…]
 *
 * The first form measures every operation of ops.c on FILE: R runs of each
 * (default 15), each run in a forked child (cold, then warm on the same
 * session), reporting the median and maximum wall time in ms and the peak
 * resident memory in MB (the child's ru_maxrss from wait4).  An operation
 * whose first cold run takes over 2 s gets 3 runs (1 past 5 s), and no
 * warm run past 1 s.  The floor is the same question in plain SQL (ops.c)
 * through the SQLite library alone, on a plain read-only connection, timed
 * the same way (cold in a fresh process, then warm): roviec's time over it
 * is the price of roviec itself.  With --sqlite3 the harness also asks the sqlite3
 * shell, one fresh shell per run (".timer on", after the schema is
 * loaded; the shell reports whole milliseconds); with --roviec it times
 * command-line calls end to end against the shell given the same question
 * as an argument.  Writes run on a copy of FILE.
 * Results: a Markdown table (stdout, or --md) and TSV rows (--tsv,
 * appended, header when the file is new).
 *
 * The second form runs a command R times (stdout to /dev/null) and prints
 * "median_ms<TAB>max_ms<TAB>peak_mb<TAB>exit_status": bench/run uses it
 * for taskwarrior and for whole commands. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench.h"

enum { MAX_RUNS = 101, MAX_OPS = 96, MAX_CLI = 16 };
#define TARGET_READ_MS 16.0
#define TARGET_STARTUP_MS 50.0
#define TARGET_WRITE_MS 10.0
#define TARGET_PEAK_MB 32.0
#define TARGET_CLI_RATIO 1.2

double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median of n values (sorts them); NAN when n is 0. */
static double median(double *v, int n)
{
	if (n <= 0)
		return NAN;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double maximum(const double *v, int n)
{
	double m = NAN;
	for (int i = 0; i < n; i++)
		if (isnan(m) || v[i] > m)
			m = v[i];
	return m;
}

/* The resident size of this process in MB (it is inherited by every
 * forked child, so it is the floor of each peak). */
static double resident_mb(void)
{
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f && fscanf(f, "%ld %ld", &pages, &resident) != 2)
		resident = 0;
	if (f)
		fclose(f);
	return (double)resident * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
}

/* Slow operations get fewer runs: 3 past 2 s, 1 past 5 s. */
static int fewer_runs(int runs, double first_ms)
{
	int cap = first_ms > 5000 ? 1 : 3;
	return runs < cap ? runs : cap;
}

struct result {
	int runs;
	double median, max, warm, peak_mb;
	double raw, raw_warm; /* the plain SQL through the SQLite library, no roviec */
	double shell;         /* the plain SQL in a fresh sqlite3 shell (".timer", 1 ms steps) */
	bool failed;
};

/* ---- in-process operations, one forked child per run ---- */

/* The child: time the operation cold (fresh session), then warm. */
static void child_run(const struct ctx *c, const struct op *o, int run, int fd)
{
	double t[2] = { NAN, NAN };
	enum rv_code rc = RV_OK;
	if (o->kind == OP_STARTUP) {
		double t0 = now_ms();
		rc = o->fn(NULL, c, o, 2 * run);
		t[0] = now_ms() - t0;
	} else {
		const char *path = o->kind == OP_WRITE ? c->write_db : c->db;
		struct rv *rv = rv_open(&(struct rv_open_options){ .path = path });
		rc = rv ? rv_status(rv) : RV_EIO;
		if (!rc) {
			double t0 = now_ms();
			rc = o->fn(rv, c, o, 2 * run);
			t[0] = now_ms() - t0;
		}
		/* Writes always run twice: the next write operation changes
		 * the petitions this one changed, both of them. */
		if (!rc && (t[0] < 1000 || o->kind == OP_WRITE)) {
			double t0 = now_ms();
			rc = o->fn(rv, c, o, 2 * run + 1);
			t[1] = now_ms() - t0;
		}
		if (rc)
			fprintf(stderr, "bench: %s: %s\n", o->name, rv ? rv_message(rv) : "out of memory");
		rv_close(&rv);
	}
	ssize_t w = write(fd, t, sizeof t);
	_exit(rc || w != (ssize_t)sizeof t ? 1 : 0);
}

static void measure(const struct ctx *c, const struct op *o, int runs, struct result *res)
{
	double cold[MAX_RUNS], warm[MAX_RUNS];
	int nw = 0;
	memset(res, 0, sizeof *res);
	for (int r = 0; r < runs; r++) {
		int fds[2];
		if (pipe(fds) != 0) {
			res->failed = true;
			return;
		}
		fflush(NULL);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			child_run(c, o, r, fds[1]);
		}
		close(fds[1]);
		double t[2] = { NAN, NAN };
		ssize_t got = pid > 0 ? read(fds[0], t, sizeof t) : -1;
		close(fds[0]);
		int status = 0;
		struct rusage ru;
		memset(&ru, 0, sizeof ru);
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) ||
		    got != (ssize_t)sizeof t) {
			res->failed = true;
			return;
		}
		double mb = (double)ru.ru_maxrss / 1024.0;
		if (mb > res->peak_mb)
			res->peak_mb = mb;
		cold[res->runs++] = t[0];
		if (!isnan(t[1]))
			warm[nw++] = t[1];
		if (r == 0 && t[0] > 2000)
			runs = fewer_runs(runs, t[0]);
	}
	res->max = maximum(cold, res->runs);
	res->median = median(cold, res->runs);
	res->warm = median(warm, nw);
}

/* ---- the floor: the same question through SQLite alone ---- */

/* Runs every statement of sql, reading each column of each row as text
 * (what printing it needs); false on an error. */
static bool run_sql(sqlite3 *db, const char *sql)
{
	const char *tail = sql;
	while (tail && *tail) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db, tail, -1, &st, &tail) != SQLITE_OK)
			return false;
		if (!st)
			break;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++)
				(void)sqlite3_column_text(st, i);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return false;
	}
	return true;
}

/* The child of a raw-floor run: a plain read-only connection (for
 * startup the open is timed too), cold then warm. */
static void raw_child(const struct ctx *c, const struct op *o, int fd)
{
	double t[2] = { NAN, NAN };
	sqlite3 *db = NULL;
	double t0 = now_ms();
	bool ok = sqlite3_open_v2(c->db, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
	if (ok && o->kind != OP_STARTUP) {
		ok = run_sql(db, "SELECT count(*) FROM sqlite_schema");
		t0 = now_ms();
	}
	ok = ok && run_sql(db, o->floor);
	t[0] = now_ms() - t0;
	if (ok && o->kind != OP_STARTUP && t[0] < 1000) {
		t0 = now_ms();
		ok = run_sql(db, o->floor);
		t[1] = now_ms() - t0;
	}
	if (!ok)
		fprintf(stderr, "bench: floor of %s: %s\n", o->name, db ? sqlite3_errmsg(db) : "?");
	sqlite3_close(db);
	ssize_t w = write(fd, t, sizeof t);
	_exit(!ok || w != (ssize_t)sizeof t ? 1 : 0);
}

static void measure_raw(const struct ctx *c, const struct op *o, int runs, struct result *res)
{
	double cold[MAX_RUNS], warm[MAX_RUNS];
	int n = 0, nw = 0;
	res->raw = res->raw_warm = NAN;
	if (!o->floor[0])
		return;
	for (int r = 0; r < runs; r++) {
		int fds[2];
		if (pipe(fds) != 0)
			return;
		fflush(NULL);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			raw_child(c, o, fds[1]);
		}
		close(fds[1]);
		double t[2] = { NAN, NAN };
		ssize_t got = pid > 0 ? read(fds[0], t, sizeof t) : -1;
		close(fds[0]);
		int status = 0;
		if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) ||
		    got != (ssize_t)sizeof t)
			return;
		cold[n++] = t[0];
		if (!isnan(t[1]))
			warm[nw++] = t[1];
		if (r == 0 && t[0] > 2000)
			runs = fewer_runs(runs, t[0]);
	}
	res->raw = median(cold, n);
	res->raw_warm = median(warm, nw);
}

/* ---- external commands ---- */

/* Runs argv with stdin from `input` (may be NULL: /dev/null) and stdout
 * either to /dev/null or, when `out` is not NULL, read into *out
 * (malloc'd).  Returns the wall time in ms, or NAN on failure; *peak_mb
 * gets the child's peak memory. */
static double run_cmd(char *const argv[], const char *input, char **out, double *peak_mb, int *exit_status)
{
	int in_fds[2] = { -1, -1 }, out_fds[2] = { -1, -1 };
	if ((input && pipe(in_fds) != 0) || (out && pipe(out_fds) != 0))
		return NAN;
	fflush(NULL);
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(input ? in_fds[0] : null, 0);
		dup2(out ? out_fds[1] : null, 1);
		for (int i = 0; i < 2; i++) {
			if (in_fds[i] >= 0)
				close(in_fds[i]);
			if (out_fds[i] >= 0)
				close(out_fds[i]);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (input) {
		close(in_fds[0]);
		size_t len = strlen(input);
		ssize_t w = pid > 0 ? write(in_fds[1], input, len) : 0;
		(void)w;
		close(in_fds[1]);
	}
	if (out) {
		close(out_fds[1]);
		size_t cap = 4096, len = 0;
		char *buf = malloc(cap);
		ssize_t r;
		while (buf && (r = read(out_fds[0], buf + len, cap - len - 1)) > 0) {
			len += (size_t)r;
			if (cap - len < 2048) {
				char *grown = realloc(buf, cap *= 2);
				if (!grown) {
					free(buf);
					buf = NULL;
				}
				buf = grown;
			}
		}
		if (buf)
			buf[len] = '\0';
		*out = buf;
		close(out_fds[0]);
	}
	int status = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return NAN;
	double ms = now_ms() - t0;
	if (peak_mb)
		*peak_mb = (double)ru.ru_maxrss / 1024.0;
	if (exit_status)
		*exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return ms;
}

/* The query's own time in a fresh sqlite3 shell: the sum of its
 * "Run Time: real" lines, after a statement that loads the schema. */
static double shell_query_ms(const char *sqlite3, const char *db, const char *sql)
{
	char *argv[] = { (char *)sqlite3, (char *)"-bail", (char *)db, NULL };
	size_t len = strlen(sql) + 128;
	char *script = malloc(len), *out = NULL;
	if (!script)
		return NAN;
	snprintf(script, len, "SELECT count(*) FROM sqlite_schema;\n.timer on\n%s\n", sql);
	int status = 0;
	double wall = run_cmd(argv, script, &out, NULL, &status);
	free(script);
	double sum = 0;
	int lines = 0;
	for (char *p = out; p && (p = strstr(p, "Run Time: real ")); p++, lines++)
		sum += strtod(p + 15, NULL) * 1000.0;
	free(out);
	return isnan(wall) || status || !lines ? NAN : sum;
}

static void measure_shell(const char *sqlite3, const struct ctx *c, const struct op *o, int runs,
                          struct result *res)
{
	double v[MAX_RUNS];
	int n = 0;
	res->shell = NAN;
	if (!sqlite3 || !o->floor[0] || o->kind == OP_STARTUP) /* the shell cannot time its own open */
		return;
	for (int r = 0; r < runs; r++) {
		double ms = shell_query_ms(sqlite3, c->db, o->floor);
		if (isnan(ms))
			return;
		v[n++] = ms;
		if (r == 0 && ms > 2000)
			runs = fewer_runs(runs, ms);
	}
	res->shell = median(v, n);
}

/* R runs of a whole command (fewer when slow: *done gets how many):
 * median, max, peak; false on a failed run. */
static bool time_cmd(char *const argv[], int runs, double *med, double *max, double *peak, int *done)
{
	double v[MAX_RUNS];
	int n = 0;
	*peak = 0;
	for (int r = 0; r < runs; r++) {
		double mb = 0;
		int status = 0;
		double ms = run_cmd(argv, NULL, NULL, &mb, &status);
		if (isnan(ms) || status) {
			fprintf(stderr, "bench: %s exited with %d\n", argv[0], status);
			return false;
		}
		v[n++] = ms;
		if (mb > *peak)
			*peak = mb;
		if (r == 0 && ms > 2000)
			runs = fewer_runs(runs, ms);
	}
	*max = maximum(v, n);
	*med = median(v, n);
	if (done)
		*done = n;
	return true;
}

/* ---- output ---- */

static void fmt_ms(char *buf, size_t size, double ms)
{
	if (isnan(ms))
		snprintf(buf, size, "–");
	else if (ms < 10)
		snprintf(buf, size, "%.2f", ms);
	else if (ms < 100)
		snprintf(buf, size, "%.1f", ms);
	else
		snprintf(buf, size, "%.0f", ms);
}

static double target_of(const struct op *o)
{
	return o->kind == OP_STARTUP ? TARGET_STARTUP_MS : o->kind == OP_WRITE ? TARGET_WRITE_MS : TARGET_READ_MS;
}

static FILE *open_tsv(const char *path)
{
	if (!path)
		return NULL;
	struct stat sb;
	bool fresh = stat(path, &sb) != 0 || sb.st_size == 0;
	FILE *f = fopen(path, "a");
	if (f && fresh)
		fprintf(f, "size\tsection\toperation\truns\tmedian_ms\tmax_ms\twarm_median_ms\tpeak_mb\tfloor_ms\t"
		           "ratio\tshell_ms\ttarget\tmet\n");
	return f;
}

static void print_ops(FILE *md, FILE *tsv, const char *label, const struct op *ops, const struct result *res,
                      int n, bool shell)
{
	fprintf(md, "| operation | runs | median ms | max ms | warm ms | peak MB | SQLite ms | × SQLite | "
	            "warm SQLite ms | %starget |\n", shell ? "sqlite3 shell ms | " : "");
	fprintf(md, "|---|--:|--:|--:|--:|--:|--:|--:|--:|%s---|\n", shell ? "--:|" : "");
	for (int i = 0; i < n; i++) {
		const struct result *r = &res[i];
		char med[16], max[16], warm[16], raw[16], raw_warm[16], sh[16], ratio[16] = "–";
		double target = target_of(&ops[i]);
		fmt_ms(med, sizeof med, r->failed ? NAN : r->median);
		fmt_ms(max, sizeof max, r->failed ? NAN : r->max);
		fmt_ms(warm, sizeof warm, r->failed ? NAN : r->warm);
		fmt_ms(raw, sizeof raw, r->raw);
		fmt_ms(raw_warm, sizeof raw_warm, r->raw_warm);
		fmt_ms(sh, sizeof sh, r->shell);
		if (!r->failed && !isnan(r->raw) && r->raw > 0)
			snprintf(ratio, sizeof ratio, "%.2f", r->median / r->raw);
		bool met = !r->failed && r->median <= target && r->peak_mb <= TARGET_PEAK_MB;
		fprintf(md, "| %s | %d | %s | %s | %s | %.1f | %s | %s | %s | ", ops[i].name, r->runs, med, max, warm,
		        r->peak_mb, raw, ratio, raw_warm);
		if (shell)
			fprintf(md, "%s | ", sh);
		fprintf(md, "%s ≤%.0f ms%s |\n", r->failed ? "FAILED" : met ? "✓" : "✗", target,
		        r->peak_mb > TARGET_PEAK_MB ? ", ✗ >32 MB" : "");
		if (tsv)
			fprintf(tsv, "%s\top\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.1f\t%.3f\t%s\t%.3f\t%.0f\t%s\n", label, ops[i].name,
			        r->runs, r->failed ? NAN : r->median, r->failed ? NAN : r->max, r->warm, r->peak_mb, r->raw,
			        strcmp(ratio, "–") ? ratio : "", r->shell, target, r->failed ? "failed" : met ? "yes" : "no");
	}
	for (int i = 0; i < n; i++)
		if (ops[i].note[0])
			fprintf(md, "%s- %s: %s\n", i == 0 ? "\n" : "", ops[i].name, ops[i].note);
}

/* ---- the two modes ---- */

static int exec_main(int argc, char **argv)
{
	int runs = 5, i = 2;
	for (; i < argc && strcmp(argv[i], "--"); i++)
		if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
	if (i + 1 >= argc || runs < 1 || runs >= MAX_RUNS) {
		fprintf(stderr, "usage: bench exec [--runs R] -- COMMAND [ARG...]\n");
		return 2;
	}
	double med, max, peak;
	if (!time_cmd(argv + i + 1, runs, &med, &max, &peak, NULL)) {
		printf("nan\tnan\tnan\t1\n");
		return 1;
	}
	printf("%.3f\t%.3f\t%.1f\t0\n", med, max, peak);
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: bench --db FILE [--runs R] [--label TEXT] [--md FILE] [--tsv FILE] "
	                "[--sqlite3 PATH] [--roviec PATH] [--only TEXT] [--no-writes]\n"
	                "       bench exec [--runs R] -- COMMAND [ARG...]\n");
}

struct options {
	const char *db, *label, *md, *tsv, *sqlite3, *roviec, *only;
	int runs;
	bool writes;
};

static bool parse(int argc, char **argv, struct options *o)
{
	*o = (struct options){ .label = "", .runs = 15, .writes = true };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **slot = strcmp(a, "--db") == 0        ? &o->db
		                    : strcmp(a, "--label") == 0   ? &o->label
		                    : strcmp(a, "--md") == 0      ? &o->md
		                    : strcmp(a, "--tsv") == 0     ? &o->tsv
		                    : strcmp(a, "--sqlite3") == 0 ? &o->sqlite3
		                    : strcmp(a, "--roviec") == 0  ? &o->roviec
		                    : strcmp(a, "--only") == 0    ? &o->only
		                                                  : NULL;
		if (strcmp(a, "--no-writes") == 0) {
			o->writes = false;
		} else if (strcmp(a, "--runs") == 0 && v) {
			o->runs = atoi(v);
			i++;
		} else if (slot && v) {
			*slot = v;
			i++;
		} else {
			return false;
		}
	}
	return o->db && o->runs >= 1 && o->runs < MAX_RUNS / 2;
}

static void run_cli(FILE *md, FILE *tsv, const struct options *opt, const struct ctx *c)
{
	static struct cli_case cases[MAX_CLI];
	int n = cli_build(c, cases, MAX_CLI);
	fprintf(md, "\nCommand line, end to end (process start to exit, output to /dev/null), against the "
	            "sqlite3 shell given the same question as an argument:\n\n");
	fprintf(md, "| command | runs | roviec ms | max ms | peak MB | sqlite3 ms | × shell | ≤1.2× |\n");
	fprintf(md, "|---|--:|--:|--:|--:|--:|--:|---|\n");
	for (int i = 0; i < n; i++) {
		if (opt->only && !strstr(cases[i].name, opt->only))
			continue;
		char *rargv[20] = { (char *)opt->roviec };
		for (int a = 0; cases[i].argv[a] && a < 18; a++)
			rargv[a + 1] = cases[i].argv[a];
		char *sargv[] = { (char *)opt->sqlite3, (char *)"-bail", (char *)c->db, cases[i].sql, NULL };
		double rm = NAN, rx = NAN, rp = 0, sm = NAN, sx = NAN, sp = 0;
		int done = 0;
		bool ok = time_cmd(rargv, opt->runs, &rm, &rx, &rp, &done) &&
		          time_cmd(sargv, opt->runs, &sm, &sx, &sp, NULL);
		char a[16], b[16], s[16];
		fmt_ms(a, sizeof a, ok ? rm : NAN);
		fmt_ms(b, sizeof b, ok ? rx : NAN);
		fmt_ms(s, sizeof s, ok ? sm : NAN);
		double ratio = ok ? rm / sm : NAN;
		fprintf(md, "| `%s` | %d | %s | %s | %.1f | %s | %.2f | %s |\n", cases[i].what, done, a, b, rp, s,
		        ratio, !ok ? "FAILED" : ratio <= TARGET_CLI_RATIO ? "✓" : "✗");
		if (tsv)
			fprintf(tsv, "%s\tcli\t%s\t%d\t%.3f\t%.3f\t\t%.1f\t%.3f\t%.2f\t%.3f\t1.2x\t%s\n", opt->label,
			        cases[i].what, done, rm, rx, rp, sm, ratio, sm, !ok ? "failed" : ratio <= TARGET_CLI_RATIO ? "yes" : "no");
		fflush(md);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "exec") == 0)
		return exec_main(argc, argv);
	struct options opt;
	if (!parse(argc, argv, &opt)) {
		usage();
		return 2;
	}
	static struct ctx c;
	static struct op ops[MAX_OPS];
	static struct result res[MAX_OPS];
	double t0 = now_ms();
	if (ctx_prepare(&c, opt.db, opt.runs, opt.writes)) {
		ctx_free(&c);
		return 1;
	}
	/* Give back what the preparation freed, so children start small. */
	malloc_trim(0);
	double parent_mb = resident_mb();
	fprintf(stderr, "bench: %lld petitions; prepared in %.1f s; %.1f MB resident before forking\n", c.total,
	        (now_ms() - t0) / 1000, parent_mb);
	int n = ops_build(&c, ops, MAX_OPS), kept = 0;
	for (int i = 0; i < n; i++)
		if (!opt.only || strstr(ops[i].name, opt.only))
			ops[kept++] = ops[i];
	n = kept;
	int failures = 0;
	for (int i = 0; i < n; i++) {
		measure(&c, &ops[i], opt.runs, &res[i]);
		measure_raw(&c, &ops[i], opt.runs, &res[i]);
		measure_shell(opt.sqlite3, &c, &ops[i], opt.runs, &res[i]);
		failures += res[i].failed;
		fprintf(stderr, "bench: %-28s %9.2f ms (max %.2f, warm %.2f) %5.1f MB  SQLite %.2f ms, shell %.0f ms\n",
		        ops[i].name, res[i].median, res[i].max, res[i].warm, res[i].peak_mb, res[i].raw, res[i].shell);
	}
	FILE *md = opt.md ? fopen(opt.md, "a") : stdout;
	FILE *tsv = open_tsv(opt.tsv);
	if (!md || (opt.tsv && !tsv)) {
		fprintf(stderr, "bench: cannot write the results: %s\n", strerror(errno));
		ctx_free(&c);
		return 1;
	}
	fprintf(md, "\n### %s (%lld petitions)\n\nIn process, through the core API (median and max of cold runs: a "
	            "fresh session per run; warm: the same call again on that session):\n\n",
	        *opt.label ? opt.label : opt.db, c.total);
	print_ops(md, tsv, opt.label, ops, res, n, opt.sqlite3 != NULL);
	fprintf(md, "\nDeep pages start after row %lld. Search words: common \"%s\" (%lld petitions), rare \"%s\" "
	            "(%lld), two words \"%s\" (%lld).",
	        c.deep, c.common, c.common_n, c.rare, c.rare_n, c.phrase, c.phrase_n);
	fprintf(md, " Petition with history: %s (%lld history rows). Filters: agency %s, category %s, park %s.",
	        c.code, c.code_history, c.agency, c.category, c.zone);
	fprintf(md, " Peak MB is the forked child's ru_maxrss (the harness held %.1f MB when it forked; shared "
	            "libraries already loaded are not counted, see the command-line peaks for whole processes).\n",
	        parent_mb);
	if (opt.roviec && opt.sqlite3)
		run_cli(md, tsv, &opt, &c);
	if (md != stdout)
		fclose(md);
	if (tsv)
		fclose(tsv);
	ctx_free(&c);
	return failures ? 1 : 0;
}
