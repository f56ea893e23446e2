/* cmd_lookup.c — roviec lookup: the enterprise status lookup, meant as the
 * forced command of an enterprise's SSH account (docs/deploy.md).
 *
 * It asks for a tracking code and a PIN (the PIN not echoed on a
 * terminal; without a terminal both are lines of standard input), answers
 * that one question and exits.  It takes no arguments, ignores --as, needs
 * no user row, never creates a database, and offers nothing else to run.
 * The answers are in lookup.h; this file only reads and prints. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "lookup.h"
#include "text.h"

#define LINE_MAX_BYTES 1024 /* beyond any valid code or PIN; longer lines are refused unread */

/* Reads one line of at most LINE_MAX_BYTES from in into buf (without the
 * newline or a CR before it).  Returns 0, or a message for the field. */
static const char *read_line(FILE *in, char buf[static LINE_MAX_BYTES + 1])
{
	size_t n = 0;
	int ch;
	while ((ch = getc(in)) != EOF && ch != '\n') {
		if (ch == '\0')
			return N_("contains a NUL byte");
		if (n == LINE_MAX_BYTES)
			return N_("is too long");
		buf[n++] = (char)ch;
	}
	if (ch == EOF && n == 0)
		return N_("no input");
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	return NULL;
}

/* Prompts on stdout and reads the answer.  With echo_off on a terminal the
 * typed text is not shown, and the signals that could leave the terminal
 * that way are held until it is restored. */
static const char *ask(struct cli *c, const char *prompt, bool echo_off, char buf[static LINE_MAX_BYTES + 1])
{
	bool tty = isatty(STDIN_FILENO);
	fprintf(c->out, "%s", prompt);
	fflush(c->out);
	struct termios old, quiet;
	sigset_t hold, prev;
	bool hid = echo_off && tty && tcgetattr(STDIN_FILENO, &old) == 0;
	if (hid) {
		sigemptyset(&hold);
		sigaddset(&hold, SIGINT);
		sigaddset(&hold, SIGQUIT);
		sigaddset(&hold, SIGTSTP);
		sigaddset(&hold, SIGHUP);
		sigaddset(&hold, SIGTERM);
		sigprocmask(SIG_BLOCK, &hold, &prev);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	const char *err = read_line(stdin, buf);
	if (hid) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		sigprocmask(SIG_SETMASK, &prev, NULL);
	}
	if (!tty || hid) /* the newline the reader's own typing did not show */
		fputc('\n', c->out);
	return err;
}

/* "Label:          value", the value made visible (multi-line: indented). */
static void line(FILE *out, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	char *vis = text_visible(value, true);
	int pad = 16 - text_width(label);
	fprintf(out, "%s:%*s", label, pad > 1 ? pad : 1, "");
	for (const char *p = vis ? vis : "?"; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fprintf(out, "%*s", 17, "");
	}
	fputc('\n', out);
	free(vis);
}

static void show(FILE *out, const struct lookup_view *v)
{
	char d[11], buf[512];
	line(out, _("Tracking code"), v->code);
	line(out, _("Title"), v->title);
	if (v->received != RV_DATE_NONE)
		line(out, _("Received"), date_vn(v->received, d));
	line(out, _("Status"), enum_label(&status_set, (int)v->status));
	if (v->lead_code) {
		snprintf(buf, sizeof buf, "%s (%s)", v->lead_name, v->lead_code);
		line(out, _("Lead agency"), buf);
	}
	if (v->deadline != RV_DATE_NONE)
		line(out, _("Deadline"), date_vn(v->deadline, d));
	if (v->answered != RV_DATE_NONE)
		line(out, _("Answered"), date_vn(v->answered, d));
	if (v->outcome >= 0)
		line(out, _("Outcome"), enum_label(&outcome_set, v->outcome));
	line(out, _("Result"), v->result);
}

static int run(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(&cmd_lookup, _("lookup takes no arguments"));
	/* No --as, no user row needed, never a new file. */
	struct rv_open_options o = { .path = c->db_path, .allow_unknown = true };
	c->rv = rv_open(&o);
	if (!c->rv)
		return fprintf(stderr, "%s", _("roviec: out of memory\n")), RV_EIO;
	if (rv_status(c->rv) != RV_OK)
		return cli_fail(c);
	static char code[LINE_MAX_BYTES + 1], pin[LINE_MAX_BYTES + 1];
	const char *err = ask(c, _("Tracking code: "), false, code);
	if (err) {
		fprintf(stderr, "roviec: code: %s\n", _(err));
		return RV_EINPUT;
	}
	err = ask(c, _("PIN: "), true, pin);
	if (err) {
		explicit_bzero(pin, sizeof pin);
		fprintf(stderr, "roviec: pin: %s\n", _(err));
		return RV_EINPUT;
	}
	enum lookup_outcome outcome;
	struct lookup_view v;
	int minutes;
	enum rv_code rc = lookup_run(c->rv, code, pin, &outcome, &v, &minutes);
	explicit_bzero(pin, sizeof pin);
	if (rc)
		return cli_fail(c);
	switch (outcome) {
	case LOOKUP_SHOWN:
		show(c->out, &v);
		lookup_view_free(&v);
		return 0;
	case LOOKUP_LOCKED:
		fprintf(stderr, minutes == 1 ? _("roviec: too many wrong PINs for this code; try again in %d minute\n")
		                             : _("roviec: too many wrong PINs for this code; try again in %d minutes\n"),
		        minutes);
		return RV_EPERM;
	case LOOKUP_NO_MATCH:
	default:
		fprintf(stderr, "%s", _("roviec: no petition matches this tracking code and PIN\n"));
		return RV_ENOTFOUND;
	}
}

const struct cmd_entry cmd_lookup = {
	"lookup",
	N_("roviec lookup   asks for a tracking code and its PIN and shows that petition's status,\n"
	   "                lead agency, deadline and result (5 wrong PINs lock the code for 15 minutes).\n"
	   "                Without a terminal it reads the code and the PIN as two lines of standard input."),
	N_("an enterprise's status lookup by tracking code and PIN"),
	CMD_NO_DB, run,
};
