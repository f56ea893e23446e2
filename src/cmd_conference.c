/* cmd_conference.c — roviec conference add|list|show|link|answer: dialogue
 * conferences and the follow-up of the petitions raised at them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "conference.h"
#include "conference_cmds.h"
#include "i18n.h"
#include "input.h"
#include "output.h"
#include "report.h"

static const struct arg_spec add_spec[] = {
	{ "title", true, false }, { "date", true, false }, { "zone", true, false }, { "place", true, false },
	{ "theme", true, false }, { "chair", true, false }, { "agency", true, true }, { "json", false, false },
};
static const struct arg_spec list_spec[] = { { "json", false, false }, { "csv", false, false } };
static const struct arg_spec show_spec[] = { { "json", false, false }, { "csv", false, false } };
static const struct arg_spec link_spec[] = {
	{ "answered-in-session", false, false }, { "expect-version", true, false },
};
static const struct arg_spec answer_spec[] = { { "result", true, false }, { "outcome", true, false } };

int conference_page(void)
{
	const char *e = getenv("ROVIEC_CONF_PAGE");
	long v = e ? strtol(e, NULL, 10) : 0;
	return v > 0 && v <= 100000 ? (int)v : 512;
}

/* The follow-up rows after the head, a page at a time; 0, RV_EIO on a
 * write error, or -1 on a read error (the session holds it). */
static int json_rows(struct cli *c, int64_t id)
{
	char after[RV_CODE_MAX] = "";
	int page = conference_page();
	bool any = false;
	for (;;) {
		struct followup_row *rows = NULL;
		size_t n = 0;
		if (conf_page(c->rv, id, any ? after : NULL, false, page, &rows, &n))
			return -1;
		int w = 0;
		for (size_t i = 0; !w && i < n; i++) {
			json_t *o = conf_row_json(&rows[i]);
			w = o ? out_json_member(c->out, o, !any) : -1;
			json_decref(o);
			any = true;
		}
		if (n)
			snprintf(after, sizeof after, "%s", rows[n - 1].code);
		conf_rows_free(rows, n);
		if (w)
			return RV_EIO;
		if (n < (size_t)page)
			return out_json_close(c->out, any) ? RV_EIO : 0;
	}
}

int conference_print_json(struct cli *c, const char *id)
{
	struct conference *conf = NULL;
	if (conf_load_head(c->rv, id, &conf))
		return cli_fail(c);
	json_t *j = conf_json(conf);
	json_object_del(j, "petitions");
	int w = j ? out_json_open(c->out, j, "petitions") : -1;
	json_decref(j);
	int64_t num = conf->id;
	conf_free(&conf);
	if (w)
		return RV_EIO;
	w = json_rows(c, num);
	return w < 0 ? cli_fail(c) : w;
}

static int show(struct cli *c, const char *id, enum out_format fmt)
{
	if (fmt == OUT_JSON)
		return conference_print_json(c, id);
	struct report *r = NULL;
	if (report_conference_paged(c->rv, id, conference_page(), &r))
		return cli_fail(c);
	int w = report_print(c->out, r, fmt);
	report_free(&r);
	if (w && rv_status(c->rv))
		return cli_fail(c);
	return w == 0 ? 0 : RV_EIO;
}

static int do_add(struct cli *c, const struct args *a)
{
	if (a->npos)
		return cli_usage(&cmd_conference, _("conference add takes no positional arguments"));
	if (!args_has(a, "title") || !args_has(a, "date"))
		return cli_usage(&cmd_conference, _("conference add needs --title TEXT and --date DATE"));
	struct conference_args ca = {
		.title = args_get(a, "title"),
		.date = args_get(a, "date"),
		.zone = args_get(a, "zone"),
		.place = args_get(a, "place"),
		.theme = args_get(a, "theme"),
		.chair = args_get(a, "chair"),
		.agencies = a->repeated,
		.n_agencies = a->nrepeated,
	};
	int64_t id;
	if (conf_add(c->rv, &ca, &id))
		return cli_fail(c);
	if (args_has(a, "json")) {
		char buf[24];
		snprintf(buf, sizeof buf, "%lld", (long long)id);
		return show(c, buf, OUT_JSON);
	}
	fprintf(c->out, "%lld\n", (long long)id);
	return 0;
}

static int do_list(struct cli *c, const struct args *a)
{
	if (a->npos)
		return cli_usage(&cmd_conference, _("conference list takes no positional arguments"));
	struct rows *rows = NULL;
	enum rv_code rc = conf_list(c->rv, &rows);
	return cli_print_rows(c, a, rc, rows);
}

static int do_show(struct cli *c, const struct args *a)
{
	if (a->npos != 1)
		return cli_usage(&cmd_conference, _("conference show takes one conference number"));
	if (args_has(a, "json") && args_has(a, "csv"))
		return cli_usage(&cmd_conference, _("give --json or --csv, not both"));
	return show(c, a->pos[0], args_has(a, "json") ? OUT_JSON : args_has(a, "csv") ? OUT_CSV : OUT_TABLE);
}

static int do_link(struct cli *c, const struct args *a)
{
	if (a->npos < 2)
		return cli_usage(&cmd_conference, _("conference link takes a conference number and one or more tracking codes"));
	long v = 0;
	if (args_has(a, "expect-version") &&
	    input_int(c->rv, "expect-version", args_get(a, "expect-version"), 1, 2147483647L, &v))
		return cli_fail(c);
	if (v && a->npos > 2)
		return cli_usage(&cmd_conference, _("--expect-version applies to one petition at a time"));
	for (size_t i = 1; i < a->npos; i++)
		if (conf_link(c->rv, a->pos[0], a->pos[i], v, args_has(a, "answered-in-session")))
			return cli_fail(c);
	fprintf(c->out, a->npos == 2 ? _("Linked %zu petition to conference %s.\n")
	                             : _("Linked %zu petition(s) to conference %s.\n"),
	        a->npos - 1, a->pos[0]);
	return 0;
}

static int do_answer(struct cli *c, const struct args *a)
{
	if (a->npos != 2)
		return cli_usage(&cmd_conference, _("conference answer takes a conference number and one tracking code"));
	if (!args_has(a, "result") || !args_has(a, "outcome"))
		return cli_usage(&cmd_conference, _("conference answer needs --result TEXT and --outcome OUTCOME"));
	if (conf_answer(c->rv, a->pos[0], a->pos[1], args_get(a, "result"), args_get(a, "outcome")))
		return cli_fail(c);
	fprintf(c->out, _("%s answered in the session of conference %s.\n"), a->pos[1], a->pos[0]);
	return 0;
}

static const struct cmd_sub subs[] = {
	CLI_SUB("add", add_spec, do_add),
	CLI_SUB("list", list_spec, do_list),
	CLI_SUB("show", show_spec, do_show),
	CLI_SUB("link", link_spec, do_link),
	CLI_SUB("answer", answer_spec, do_answer),
};

static int run(struct cli *c, int argc, char **argv)
{
	return cli_dispatch_sub(c, &cmd_conference, subs, sizeof subs / sizeof subs[0], argc, argv);
}

const struct cmd_entry cmd_conference = {
	"conference",
	N_("roviec conference add --title TEXT --date DATE [--zone NAME] [--place TEXT] [--theme TEXT]\n"
	   "                      [--chair TEXT] [--agency CODE]...          prints the conference number\n"
	   "roviec conference list [--json | --csv]\n"
	   "roviec conference show ID [--json | --csv]   the follow-up table (the five clears, status, result)\n"
	   "roviec conference link ID CODE... [--answered-in-session] [--expect-version N]\n"
	   "roviec conference answer ID CODE --result TEXT --outcome OUTCOME\n"
	   "                                            an answer given in the session itself\n"
	   "A petition belongs to one conference; linking it again moves it.  --answered-in-session marks\n"
	   "an answered petition's answer as given in the session."),
	N_("dialogue conferences and their follow-up table"),
	0, run,
};
