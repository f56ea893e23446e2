/* cmd_petition.c — roviec petition SUBCOMMAND: intake and every workflow
 * move.  Listing and showing live in cmd_petition_list.c and
 * cmd_petition_show.c.  Each subcommand is one row of the table below:
 * its options and the function that runs it. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "i18n.h"
#include "input.h"
#include "output.h"
#include "petition_cmds.h"
#include "pin.h"
#include "workflow.h"

#define EXPECT { "expect-version", true, false }
#define JSON { "json", false, false }

/* Reads all of standard input (for --body -).  NULL on error. */
static char *read_stdin(size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, stdin);
		n += got;
		if (got == 0)
			break;
		if (n == cap) {
			if (cap > (size_t)64 << 20) /* far beyond any limit: stop reading */
				break;
			char *grown = realloc(buf, cap * 2 + 1);
			if (!grown) {
				free(buf);
				return NULL;
			}
			buf = grown;
			cap *= 2;
		}
	}
	if (buf && ferror(stdin)) { /* a read error is not an empty body */
		free(buf);
		return NULL;
	}
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

/* --expect-version N: 0 when absent. */
static bool expect_version(struct cli *c, const struct args *a, int64_t *v)
{
	long n = 0;
	*v = 0;
	if (args_has(a, "expect-version") &&
	    input_int(c->rv, "expect-version", args_get(a, "expect-version"), 1, 2147483647L, &n))
		return false;
	*v = n;
	return true;
}

/* After a successful write: the petition's code and new version, or the
 * petition as JSON with --json (plus "pin" when pin is not NULL: the PIN
 * just issued, null when none was). */
static int report_pin(struct cli *c, const struct args *a, const char *code, const char *pin)
{
	struct petition *p = NULL;
	if (petition_load(c->rv, code, 0, &p) != RV_OK)
		return cli_fail(c);
	if (args_has(a, "json")) {
		json_t *j = petition_json(p, false);
		if (j && pin)
			json_object_set_new(j, "pin", *pin ? json_string(pin) : json_null());
		out_json(c->out, j);
		json_decref(j);
	} else {
		char d[11];
		fprintf(c->out, _("%s: %s, version %lld"), p->code, enum_label(&status_set, (int)p->status),
		        (long long)p->version);
		if (p->deadline != RV_DATE_NONE && status_is_open(p->status))
			fprintf(c->out, _(", deadline %s"), date_vn(p->deadline, d));
		fputc('\n', c->out);
	}
	petition_free(&p);
	return 0;
}

static int report(struct cli *c, const struct args *a, const char *code)
{
	return report_pin(c, a, code, NULL);
}

/* The receipt line of a new or re-issued PIN: "KN-2026-00001  PIN 12345678",
 * the code alone when no PIN was issued (a --request-id retry). */
static int receipt(struct cli *c, const struct args *a, const char *code, char pin[static PIN_BUF])
{
	int st = 0;
	if (args_has(a, "json"))
		st = report_pin(c, a, code, pin);
	else if (*pin)
		fprintf(c->out, "%s  %s %s\n", code, _("PIN"), pin);
	else
		fprintf(c->out, "%s\n", code);
	sodium_memzero(pin, PIN_BUF);
	return st;
}

static int do_add(struct cli *c, const struct args *a)
{
	if (a->npos != 0)
		return cli_usage(&cmd_petition, _("petition add takes no positional arguments"));
	if (!args_has(a, "enterprise") || !args_has(a, "title"))
		return cli_usage(&cmd_petition, _("petition add needs --enterprise TAXCODE and --title TEXT"));
	struct intake_args in = {
		.enterprise = args_get(a, "enterprise"),
		.title = args_get(a, "title"),
		.body = args_get(a, "body"),
		.category = args_get(a, "category"),
		.channel = args_get(a, "channel"),
		.received = args_get(a, "received"),
		.request_id = args_get(a, "request-id"),
		.conference = args_get(a, "conference"),
	};
	char *stdin_body = NULL;
	if (in.body && strcmp(in.body, "-") == 0) {
		stdin_body = read_stdin(&in.body_len);
		if (!stdin_body)
			return fprintf(stderr, _("roviec: body: cannot read standard input (--body -): %s\n"), strerror(errno)),
			       RV_EIO;
		in.body = stdin_body;
		if (in.body_len == 0)
			in.body = NULL;
	}
	char code[RV_CODE_MAX], pin[PIN_BUF];
	in.pin = pin;
	enum rv_code rc = wf_add(c->rv, &in, code);
	free(stdin_body);
	if (rc)
		return cli_fail(c);
	return receipt(c, a, code, pin);
}

/* petition pin CODE: a new PIN for an enterprise that lost its receipt. */
static int do_pin(struct cli *c, const struct args *a)
{
	if (a->npos != 1)
		return cli_usage(&cmd_petition, _("petition pin takes one tracking code"));
	char pin[PIN_BUF], code[RV_CODE_MAX];
	if (pin_reissue(c->rv, a->pos[0], pin, code))
		return cli_fail(c);
	return receipt(c, a, code, pin);
}

/* Every workflow move: validate the arity, run, report. */
static int move(struct cli *c, const struct args *a, enum wf_action act)
{
	if (a->npos != 1)
		return cli_usage(&cmd_petition, _("petition %s takes one tracking code"), wf_action_name(act));
	int64_t v;
	if (!expect_version(c, a, &v))
		return cli_fail(c);
	const char *code = a->pos[0];
	enum rv_code rc = RV_OK;
	switch (act) {
	case WF_CLASSIFY:
		if (!args_has(a, "category"))
			return cli_usage(&cmd_petition, _("petition classify needs --category CODE"));
		rc = wf_classify(c->rv, code, v, args_get(a, "category"));
		break;
	case WF_ASSIGN: {
		if (!args_has(a, "lead") || !args_has(a, "person"))
			return cli_usage(&cmd_petition, _("petition assign needs --lead AGENCY and --person TEXT"));
		struct assign_args as = {
			.lead = args_get(a, "lead"),
			.coordinating = a->repeated,
			.n_coordinating = a->nrepeated,
			.person = args_get(a, "person"),
			.within = args_get(a, "within"),
			.due = args_get(a, "due"),
		};
		rc = wf_assign(c->rv, code, v, &as);
		break;
	}
	case WF_START:
		rc = wf_start(c->rv, code, v);
		break;
	case WF_ANSWER:
		if (!args_has(a, "result") || !args_has(a, "outcome"))
			return cli_usage(&cmd_petition, _("petition answer needs --result TEXT and --outcome OUTCOME"));
		rc = wf_answer(c->rv, code, v, args_get(a, "result"), args_get(a, "outcome"));
		break;
	case WF_CLOSE:
		rc = wf_close(c->rv, code, v, args_get(a, "rating"), args_get(a, "feedback"));
		break;
	case WF_REJECT:
		if (!args_has(a, "reason"))
			return cli_usage(&cmd_petition, _("petition reject needs --reason TEXT"));
		rc = wf_reject(c->rv, code, v, args_get(a, "reason"), args_get(a, "refer-to"));
		break;
	case WF_WITHDRAW:
		rc = wf_withdraw(c->rv, code, v, args_get(a, "note"));
		break;
	case WF_REOPEN:
		if (!args_has(a, "reason"))
			return cli_usage(&cmd_petition, _("petition reopen needs --reason TEXT"));
		rc = wf_reopen(c->rv, code, v, args_get(a, "reason"));
		break;
	case WF_EXTEND:
		if (!args_has(a, "due") || !args_has(a, "reason"))
			return cli_usage(&cmd_petition, _("petition extend needs --due DATE and --reason TEXT"));
		rc = wf_extend(c->rv, code, v, args_get(a, "due"), args_get(a, "reason"));
		break;
	default:
		break;
	}
	return rc ? cli_fail(c) : report(c, a, code);
}

static int do_classify(struct cli *c, const struct args *a) { return move(c, a, WF_CLASSIFY); }
static int do_assign(struct cli *c, const struct args *a) { return move(c, a, WF_ASSIGN); }
static int do_start(struct cli *c, const struct args *a) { return move(c, a, WF_START); }
static int do_answer(struct cli *c, const struct args *a) { return move(c, a, WF_ANSWER); }
static int do_close(struct cli *c, const struct args *a) { return move(c, a, WF_CLOSE); }
static int do_reject(struct cli *c, const struct args *a) { return move(c, a, WF_REJECT); }
static int do_withdraw(struct cli *c, const struct args *a) { return move(c, a, WF_WITHDRAW); }
static int do_reopen(struct cli *c, const struct args *a) { return move(c, a, WF_REOPEN); }
static int do_extend(struct cli *c, const struct args *a) { return move(c, a, WF_EXTEND); }

static const struct arg_spec add_spec[] = {
	{ "enterprise", true, false }, { "title", true, false }, { "body", true, false },
	{ "category", true, false }, { "channel", true, false }, { "received", true, false },
	{ "request-id", true, false }, { "conference", true, false }, JSON,
};
static const struct arg_spec classify_spec[] = { { "category", true, false }, EXPECT, JSON };
static const struct arg_spec assign_spec[] = {
	{ "lead", true, false }, { "coordinate", true, true }, { "person", true, false },
	{ "within", true, false }, { "due", true, false }, EXPECT, JSON,
};
static const struct arg_spec plain_spec[] = { EXPECT, JSON };
static const struct arg_spec pin_spec[] = { JSON };
static const struct arg_spec answer_spec[] = { { "result", true, false }, { "outcome", true, false }, EXPECT, JSON };
static const struct arg_spec close_spec[] = { { "rating", true, false }, { "feedback", true, false }, EXPECT, JSON };
static const struct arg_spec reject_spec[] = { { "reason", true, false }, { "refer-to", true, false }, EXPECT, JSON };
static const struct arg_spec withdraw_spec[] = { { "note", true, false }, EXPECT, JSON };
static const struct arg_spec reopen_spec[] = { { "reason", true, false }, EXPECT, JSON };
static const struct arg_spec extend_spec[] = { { "due", true, false }, { "reason", true, false }, EXPECT, JSON };

static const struct cmd_sub subs[] = {
	CLI_SUB("add", add_spec, do_add),
	CLI_SUB("classify", classify_spec, do_classify),
	CLI_SUB("assign", assign_spec, do_assign),
	CLI_SUB("start", plain_spec, do_start),
	CLI_SUB("answer", answer_spec, do_answer),
	CLI_SUB("close", close_spec, do_close),
	CLI_SUB("reject", reject_spec, do_reject),
	CLI_SUB("withdraw", withdraw_spec, do_withdraw),
	CLI_SUB("reopen", reopen_spec, do_reopen),
	CLI_SUB("extend", extend_spec, do_extend),
	CLI_SUB("pin", pin_spec, do_pin),
	{ "show", petition_show_spec, PETITION_SHOW_NSPEC, petition_show },
	{ "list", petition_list_spec, PETITION_LIST_NSPEC, petition_list },
};

static int run(struct cli *c, int argc, char **argv)
{
	return cli_dispatch_sub(c, &cmd_petition, subs, sizeof subs / sizeof subs[0], argc, argv);
}

const struct cmd_entry cmd_petition = {
	"petition",
	N_("roviec petition add --enterprise TAXCODE --title TEXT [--body TEXT|-] [--category CODE]\n"
	   "                    [--channel conference|written|phone|online|direct] [--received DATE]\n"
	   "                    [--request-id ID] [--conference ID] [--json]\n"
	   "                                                   prints the tracking code and the PIN\n"
	   "roviec petition classify CODE --category CODE\n"
	   "roviec petition assign CODE --lead AGENCY [--coordinate AGENCY]... --person TEXT [--within N | --due DATE]\n"
	   "roviec petition start CODE\n"
	   "roviec petition answer CODE --result TEXT --outcome resolved|partly_resolved|explained|declined\n"
	   "roviec petition close CODE [--rating 1-5] [--feedback TEXT]\n"
	   "roviec petition reject CODE --reason TEXT [--refer-to TEXT]\n"
	   "roviec petition withdraw CODE [--note TEXT]\n"
	   "roviec petition reopen CODE --reason TEXT\n"
	   "roviec petition extend CODE --due DATE --reason TEXT\n"
	   "roviec petition pin CODE [--json]   a new PIN for roviec lookup (the old one stops working)\n"
	   "roviec petition show CODE [--json]\n"
	   "roviec petition list [--status S] [--overdue] [--due-within N] [--agency CODE] [--category CODE]\n"
	   "                     [--enterprise TAXCODE] [--zone NAME] [--search TEXT] [--sort [-]FIELD]\n"
	   "                     [--conference ID] [--limit N] [--json | --csv]\n"
	   "Every write accepts --expect-version N (refused with exit 4 if the petition changed since)\n"
	   "and --json (print the petition afterwards).  Dates: DD/MM/YYYY or YYYY-MM-DD."),
	N_("petitions: intake, workflow, show, list"),
	0, run,
};
