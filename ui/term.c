/* term.c — full-screen mode, input decoding and the restore guarantees.
 *
 * State is file-static because a terminal is a process-wide resource and
 * the signal handler must reach the restore sequence without locks: it is
 * computed once in term_start(), before any handler is installed, and only
 * read afterwards. */
#include "term.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"

#define DOUBLE_CLICK_MS 400
/* Within a paste the bytes after ESC normally arrive in the same burst; a
 * busy terminal may split it, and this only bounds the wait at the very
 * end of a paste whose end never comes (as long as the engine waits). */
#define PASTE_LOOKAHEAD_MS 1000
#define PENDING_MAX 8
/* How long a character's later bytes may take to follow its first (a slow
 * link may split a typed character between two reads). */
#define CHAR_REST_MS 1000

static const int caught_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT,
};

static struct {
	SCREEN *screen;
	bool colors;
	bool cursor_shown;
	bool atexit_done;
	struct termios saved_tty;
	char restore[512];
	size_t restore_len;
	struct sigaction old_actions[UI_ARRAY_LEN(caught_signals)];
	long last_click_ms;
	int last_click_y, last_click_x;
	/* Inside a bracketed paste: keypad off, so no byte is decoded as a
	 * key; term_read() itself looks for the closing ESC[201~. */
	bool pasting;
	bool paste_cr;  /* the last pasted character was CR */
	/* characters read ahead while matching, returned before new input */
	struct pending { int r; wint_t wc; } pending[PENDING_MAX];
	size_t npending;
} T;

/* Read by the signal handler: non-zero while full-screen mode is on. */
static volatile sig_atomic_t term_active;

/* Appends terminfo capability `cap` (padding "$<…>" removed) to the
 * restore sequence; absent capabilities are skipped. */
static void restore_add_cap(const char *cap)
{
	const char *s = tigetstr(cap);

	if (s == NULL || s == (const char *)-1)
		return;
	for (; *s && T.restore_len + 1 < sizeof T.restore; s++) {
		if (s[0] == '$' && s[1] == '<') {
			const char *end = strchr(s, '>');
			if (end) {
				s = end;
				continue;
			}
		}
		T.restore[T.restore_len++] = *s;
	}
	T.restore[T.restore_len] = '\0';
}

static void restore_add(const char *s)
{
	size_t n = strlen(s);

	if (T.restore_len + n < sizeof T.restore) {
		memcpy(T.restore + T.restore_len, s, n + 1);
		T.restore_len += n;
	}
}

/* Async-signal-safe: write(2), tcsetattr(3), signal(2) and raise(3) only. */
static void on_fatal_signal(int sig)
{
	int saved_errno = errno;

	if (term_active) {
		term_active = 0;
		size_t off = 0;
		while (off < T.restore_len) {
			ssize_t n = write(STDOUT_FILENO, T.restore + off, T.restore_len - off);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			off += (size_t)n;
		}
		tcsetattr(STDIN_FILENO, TCSANOW, &T.saved_tty);
	}
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved_errno;
}

static void install_signal_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < UI_ARRAY_LEN(caught_signals); i++) {
		sigaction(caught_signals[i], NULL, &T.old_actions[i]);
		/* a signal the parent chose to ignore stays ignored */
		if (T.old_actions[i].sa_handler == SIG_IGN)
			continue;
		sigaction(caught_signals[i], &sa, NULL);
	}
}

static void restore_signal_handlers(void)
{
	for (size_t i = 0; i < UI_ARRAY_LEN(caught_signals); i++)
		if (T.old_actions[i].sa_handler != SIG_IGN)
			sigaction(caught_signals[i], &T.old_actions[i], NULL);
}

static void term_atexit(void)
{
	term_stop();
}

/* Lets ^S and ^Q reach the program (they would otherwise freeze output). */
static void disable_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
}

static bool no_color_env(void)
{
	const char *v = getenv("NO_COLOR");
	return v != NULL && v[0] != '\0';
}

bool term_start(bool no_color, char *err, size_t err_size)
{
	if (T.screen)
		return true;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, err_size, "%s", _("the interface needs a terminal (stdin and stdout must be a tty)"));
		return false;
	}
	if (tcgetattr(STDIN_FILENO, &T.saved_tty) != 0) {
		snprintf(err, err_size, _("cannot read the terminal settings: %s"), strerror(errno));
		return false;
	}
	T.screen = newterm(NULL, stdout, stdin);
	if (T.screen == NULL) {
		const char *term = getenv("TERM");
		snprintf(err, err_size, _("cannot start the terminal interface for TERM=%s"),
		         term ? term : "");
		return false;
	}
	set_term(T.screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	disable_flow_control();

	T.colors = !no_color && !no_color_env() && has_colors() && start_color() == OK;
	if (T.colors)
		use_default_colors();
	draw_init(T.colors);

	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	define_key("\033[200~", keys_paste_begin_code());
	define_key("\033[201~", keys_paste_end_code());

	T.restore_len = 0;
	restore_add("\033[?2004l\033[?1006l\033[?1002l\033[?1000l");
	restore_add_cap("sgr0");
	restore_add_cap("cnorm");
	restore_add_cap("rmkx");
	restore_add_cap("rmcup");

	curs_set(0);
	T.cursor_shown = false;
	putp("\033[?2004h"); /* bracketed paste: a paste arrives as one burst */
	/* putp() goes through stdio, not curses' own buffer: without this the
	 * mode reached the terminal only at exit, and pastes came unbracketed */
	fflush(stdout);

	install_signal_handlers();
	term_active = 1;
	if (!T.atexit_done) {
		atexit(term_atexit);
		T.atexit_done = true;
	}
	return true;
}

void term_stop(void)
{
	if (!T.screen)
		return;
	term_active = 0;
	putp("\033[?2004l");
	curs_set(1);
	endwin();
	restore_signal_handlers();
	delscreen(T.screen);
	T.screen = NULL;
	fflush(stdout);
}

bool term_has_colors(void)
{
	return T.colors;
}

void term_size(int *rows, int *cols)
{
	*rows = T.screen ? LINES : 0;
	*cols = T.screen ? COLS : 0;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Fills the mouse part of ev; ACT_NONE for events the interface ignores. */
static void decode_mouse(struct ui_event *ev)
{
	MEVENT me;

	if (getmouse(&me) != OK) {
		ev->act = ACT_NONE;
		return;
	}
	ev->y = me.y;
	ev->x = me.x;
	if (me.bstate & BUTTON4_PRESSED) {
		ev->mouse = MOUSE_WHEEL_UP;
	} else if (me.bstate & BUTTON5_PRESSED) {
		ev->mouse = MOUSE_WHEEL_DOWN;
	} else if (me.bstate & BUTTON1_PRESSED) {
		long now = now_ms();
		ev->mouse = MOUSE_CLICK;
		ev->repeat_click = now - T.last_click_ms < DOUBLE_CLICK_MS &&
		                   me.y == T.last_click_y && me.x == T.last_click_x;
		/* a third click starts a new pair */
		T.last_click_ms = ev->repeat_click ? 0 : now;
		T.last_click_y = me.y;
		T.last_click_x = me.x;
	} else {
		ev->act = ACT_NONE;
	}
}

/* True when the terminal has bytes for us that ncurses has not read. */
static bool input_waiting(void)
{
	struct pollfd p = { .fd = fileno(stdin), .events = POLLIN };
	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* The next character: read ahead first, then the terminal. */
static int next_wch(wint_t *wc, int timeout_ms)
{
	if (T.npending) {
		int r = T.pending[0].r;
		*wc = T.pending[0].wc;
		T.npending--;
		memmove(T.pending, T.pending + 1, T.npending * sizeof T.pending[0]);
		return r;
	}
	/* Inside a paste never poll: a character split between two reads
	 * (a busy machine, a slow link) would be lost by a get_wch that may
	 * not wait for its other bytes.  Bytes of a paste follow each other;
	 * only a paste whose end never comes waits the full lookahead. */
	if (T.pasting && timeout_ms >= 0 && timeout_ms < PASTE_LOOKAHEAD_MS)
		timeout_ms = PASTE_LOOKAHEAD_MS;
	/* Draining what was typed (timeout 0) must not poll either: ncurses
	 * drops the bytes of a character it has begun when the next one is
	 * not there yet, and loses its place in what follows.  When the
	 * terminal has sent something, wait for the rest of its character
	 * (a whole character returns at once); when it has not, timeout 0
	 * only hands over what ncurses itself holds. */
	if (!T.pasting && timeout_ms == 0 && input_waiting())
		timeout_ms = CHAR_REST_MS;
	timeout(timeout_ms);
	return get_wch(wc);
}

/* Gives back what was read ahead, in order, before the pending ones
 * (at most PENDING_MAX in all: lookahead is bounded, see below). */
static void unread(const struct pending *p, size_t n)
{
	if (n == 0 || T.npending + n > PENDING_MAX)
		return;
	memmove(T.pending + n, T.pending, T.npending * sizeof T.pending[0]);
	memcpy(T.pending, p, n * sizeof p[0]);
	T.npending += n;
}

static void paste_mode(bool on)
{
	T.pasting = on;
	T.paste_cr = false;
	keypad(stdscr, on ? FALSE : TRUE);
}

/* Inside a paste, after ESC: true (and the rest consumed) when ESC starts
 * the closing "[201~"; otherwise what was read ahead is given back. */
static bool paste_end_follows(void)
{
	static const char rest[] = "[201~";
	struct pending got[sizeof rest];
	size_t n = 0;

	while (n < sizeof rest - 1) {
		struct pending *g = &got[n];
		g->r = next_wch(&g->wc, PASTE_LOOKAHEAD_MS);
		if (g->r == ERR)
			break;
		n++;
		if (g->r == KEY_CODE_YES || g->wc != (wint_t)rest[n - 1])
			break;
	}
	if (n == sizeof rest - 1 && got[n - 1].r != KEY_CODE_YES && got[n - 1].wc == (wint_t)'~')
		return true;
	unread(got, n);
	return false;
}

/* One character of a paste, taken literally: every byte up to ESC[201~
 * is text (ACT_INSERT), controls included; CR LF and a lone CR become LF.
 * What a field does with controls is the field's business (edit.h). */
static void read_pasted(struct ui_event *ev, wint_t wc)
{
	bool after_cr = T.paste_cr;

	T.paste_cr = wc == '\r';
	ev->act = ACT_INSERT;
	ev->ch = (wchar_t)wc;
	if (wc == 033 && paste_end_follows()) {
		paste_mode(false);
		ev->act = ACT_PASTE_END;
		ev->ch = 0;
	} else if (wc == '\r') {
		ev->ch = L'\n';
	} else if (wc == '\n' && after_cr) {
		ev->act = ACT_NONE;  /* the LF of CR LF: one newline, not two */
		ev->ch = 0;
	}
}

bool term_read(struct ui_event *ev, enum key_mode mode, int timeout_ms)
{
	wint_t wc;
	int r;

	memset(ev, 0, sizeof *ev);
	if (!T.screen)
		return false;
	r = next_wch(&wc, timeout_ms);
	if (r == ERR) {
		/* a paste whose end never came (the engine gives up too) */
		if (T.pasting && timeout_ms != 0)
			paste_mode(false);
		return false;
	}
	if (T.pasting && r != KEY_CODE_YES) {
		read_pasted(ev, wc);
		return true;
	}
	ev->act = keys_lookup(r == KEY_CODE_YES, (int)wc, mode);
	if (r != KEY_CODE_YES)
		ev->ch = (wchar_t)wc;
	if (ev->act == ACT_MOUSE)
		decode_mouse(ev);
	else if (ev->act == ACT_PASTE_BEGIN)
		paste_mode(true);
	return true;
}

void term_frame_begin(void)
{
	erase();
}

void term_frame_end(int cursor_y, int cursor_x)
{
	bool show = cursor_y >= 0 && cursor_y < LINES && cursor_x >= 0 && cursor_x < COLS;

	if (show != T.cursor_shown) {
		curs_set(show ? 1 : 0);
		T.cursor_shown = show;
	}
	if (show)
		move(cursor_y, cursor_x);
	else
		move(LINES - 1, 0);
	refresh();
}

void term_invalidate(void)
{
	clearok(curscr, TRUE);
}
