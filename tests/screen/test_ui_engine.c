/* test_ui_engine.c — the dispatcher, driven directly without a terminal:
 * the key table, global actions, the view stack, the search prompt,
 * dialogs and status messages. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dialog.h"
#include "help.h"
#include "keys.h"
#include "view.h"

struct probe {
	int requests;
	int resumes;
	int closes;
	enum action last;
	char query[64];
	enum search_dir dir;
	int searches;
	int choice;
};

static struct probe P;

static const struct key_help probe_keys[] = {
	{ ACT_DOWN, NULL, NULL, true },
	{ ACT_NONE, NULL, NULL, false },
};

static bool probe_open(struct view *v, void *arg)
{
	v->data = arg;
	return true;
}

static void probe_close(struct view *v)
{
	(void)v;
	P.closes++;
}

static void probe_draw(struct view *v)
{
	(void)v;
}

static int probe_request(struct view *v, const struct ui_event *ev)
{
	P.requests++;
	P.last = ev->act;
	if (ev->act == ACT_DOWN) {
		ui_info(v->ui, "moved %d", P.requests);
		return RD_ALL;
	}
	return RD_IGNORED;
}

static int probe_resume(struct view *v)
{
	(void)v;
	P.resumes++;
	return RD_ALL;
}

static int probe_search(struct view *v, const char *q, enum search_dir dir)
{
	(void)v;
	snprintf(P.query, sizeof P.query, "%s", q);
	P.dir = dir;
	P.searches++;
	return RD_ALL;
}

static bool refuse_open(struct view *v, void *arg)
{
	(void)arg;
	ui_error(v->ui, "refused");
	return false;
}

static const struct view_ops probe_ops = {
	.name = "Probe", .keys = probe_keys, .open = probe_open, .close = probe_close,
	.draw = probe_draw, .request = probe_request, .resume = probe_resume,
	.search = probe_search,
};

static const struct view_ops refuse_ops = {
	.name = "Refuse", .keys = probe_keys, .open = refuse_open,
	.draw = probe_draw, .request = probe_request,
};

static int send(struct ui *ui, enum action a)
{
	struct ui_event ev = { .act = a };
	return ui_dispatch(ui, &ev);
}

static void send_char(struct ui *ui, wchar_t c)
{
	struct ui_event ev = { .act = ACT_INSERT, .ch = c };
	ui_dispatch(ui, &ev);
}

static int setup(void **state)
{
	(void)state;
	memset(&P, 0, sizeof P);
	return 0;
}

static void test_key_table(void **state)
{
	char buf[64];
	(void)state;
	assert_int_equal(keys_lookup(false, 'j', KM_NAV), ACT_DOWN);
	assert_int_equal(keys_lookup(false, 'j', KM_TEXT), ACT_INSERT);
	assert_int_equal(keys_lookup(false, 'x', KM_NAV), ACT_CHAR);
	assert_int_equal(keys_lookup(false, 0x15, KM_NAV), ACT_HALF_UP);   /* ^U */
	assert_int_equal(keys_lookup(false, 0x15, KM_TEXT), ACT_KILL_LINE);
	assert_int_equal(keys_lookup(false, 0x04, KM_NAV), ACT_HALF_DOWN); /* ^D */
	assert_int_equal(keys_lookup(false, 0x1b, KM_TEXT), ACT_BACK);
	assert_int_equal(keys_lookup(false, 0x9b, KM_TEXT), ACT_NONE);     /* C1 */
	assert_int_equal(keys_lookup(false, 0x01, KM_NAV), ACT_NONE);
	assert_string_equal(keys_names(ACT_DOWN, KM_NAV, false, buf, sizeof buf), "j, Down");
	assert_string_equal(keys_names(ACT_ENTER, KM_NAV, false, buf, sizeof buf), "Enter");
	assert_string_equal(keys_names(ACT_BACK, KM_TEXT, true, buf, sizeof buf), "Esc");
	assert_string_equal(keys_names(ACT_INSERT, KM_TEXT, false, buf, sizeof buf), "");
	assert_string_equal(keys_names(ACT_DOWN, KM_NAV, false, buf, 4), "j");
	assert_string_equal(action_label(ACT_INSERT), "");
	assert_string_equal(action_label(ACT_DOWN), "Move down");
}

static void test_empty_stack(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	assert_null(ui_top(ui));
	assert_int_equal(send(ui, ACT_DOWN), RD_NONE);
	assert_int_equal(send(ui, ACT_QUIT), RD_NONE);
	ui_free(&ui);
	assert_null(ui);
	ui_free(&ui);
}

static void test_open_refused(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	assert_null(ui_push(ui, &refuse_ops, NULL));
	assert_null(ui_top(ui));
	ui_free(&ui);
}

static void test_back_pops_and_resumes(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	struct view *a = ui_push(ui, &probe_ops, NULL);
	struct view *b = ui_push(ui, &probe_ops, NULL);
	assert_ptr_equal(ui_below(ui, b), a);
	assert_int_equal(send(ui, ACT_DOWN), RD_ALL);
	assert_int_equal(P.last, ACT_DOWN);
	assert_true(send(ui, ACT_BACK) & RD_ALL);   /* ignored by b: global back */
	assert_ptr_equal(ui_top(ui), a);
	assert_int_equal(P.closes, 1);
	assert_int_equal(P.resumes, 1);
	send(ui, ACT_BACK);
	assert_null(ui_top(ui));
	assert_int_equal(P.closes, 2);
	ui_free(&ui);
}

static void test_help_overlay(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	struct view *v = ui_push(ui, &probe_ops, NULL);
	send(ui, ACT_HELP);
	assert_ptr_equal(ui_top(ui)->ops, &view_help_ops);
	send(ui, ACT_HELP);  /* ? again closes it */
	assert_ptr_equal(ui_top(ui), v);
	assert_int_equal(P.resumes, 1);
	ui_free(&ui);
	assert_int_equal(P.closes, 1);
}

static void test_search_prompt(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	struct view *v = ui_push(ui, &probe_ops, NULL);
	send(ui, ACT_SEARCH_NEXT);  /* nothing searched yet: no call */
	assert_int_equal(P.searches, 0);
	send(ui, ACT_SEARCH);
	assert_ptr_not_equal(ui_top(ui), v);
	send_char(ui, L'đ');
	send_char(ui, L'a');
	assert_string_equal(P.query, "đa");
	assert_int_equal(P.dir, SEARCH_TYPING);
	send(ui, ACT_BACKSPACE);
	assert_string_equal(P.query, "đ");
	send(ui, ACT_ENTER);
	assert_ptr_equal(ui_top(ui), v);
	assert_int_equal(P.dir, SEARCH_DONE);
	send(ui, ACT_SEARCH_PREV);
	assert_string_equal(P.query, "đ");
	assert_int_equal(P.dir, SEARCH_PREV);
	/* a cancelled prompt restores the previous query */
	send(ui, ACT_SEARCH);
	send_char(ui, L'x');
	assert_string_equal(P.query, "đx");
	send(ui, ACT_BACK);
	assert_ptr_equal(ui_top(ui), v);
	assert_string_equal(P.query, "đ");
	assert_int_equal(P.dir, SEARCH_DONE);
	ui_free(&ui);
}

static int record_choice(void *ctx, int choice)
{
	(void)ctx;
	P.choice = choice;
	return RD_ALL;
}

static void test_dialogs(void **state)
{
	static const char *const buttons[] = { "Keep", "Take", "Cancel" };
	static const char *const items[] = { "Đất đai", "Điện", "Nước" };
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	struct view *v = ui_push(ui, &probe_ops, NULL);
	assert_true(dialog_ask(ui, "Conflict", "changed\x1b[2J", buttons, 3, 0, record_choice, NULL));
	send(ui, ACT_RIGHT);
	send(ui, ACT_DOWN);   /* swallowed by the dialog */
	assert_int_equal(P.requests, 0);
	send(ui, ACT_ENTER);
	assert_int_equal(P.choice, 1);
	assert_ptr_equal(ui_top(ui), v);
	dialog_ask(ui, "Conflict", "x", buttons, 3, 2, record_choice, NULL);
	send(ui, ACT_BACK);
	assert_int_equal(P.choice, -1);
	dialog_menu(ui, "Lĩnh vực", items, 3, 0, record_choice, NULL);
	struct ui_event n = { .act = ACT_CHAR, .ch = L'n' };
	ui_dispatch(ui, &n);
	send(ui, ACT_ENTER);
	assert_int_equal(P.choice, 2);
	dialog_menu(ui, "Lĩnh vực", items, 3, 0, record_choice, NULL);
	struct ui_event d = { .act = ACT_CHAR, .ch = L'd' };  /* d finds Đ */
	ui_dispatch(ui, &d);
	send(ui, ACT_ENTER);
	assert_int_equal(P.choice, 1);
	ui_free(&ui);
}

static void test_message_lifetime(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	ui_push(ui, &probe_ops, NULL);
	assert_true(send(ui, ACT_DOWN) & RD_ALL);  /* sets "moved 1" */
	/* the next key clears it (the status line must be redrawn) */
	assert_true(send(ui, ACT_CHAR) & RD_STATUS);
	ui_free(&ui);
}

static void test_quit(void **state)
{
	struct ui *ui = ui_new(NULL, NULL);
	(void)state;
	ui_push(ui, &probe_ops, NULL);
	send(ui, ACT_QUIT);
	ui_free(&ui);
	assert_int_equal(P.closes, 1);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_key_table, setup),
		cmocka_unit_test_setup(test_empty_stack, setup),
		cmocka_unit_test_setup(test_open_refused, setup),
		cmocka_unit_test_setup(test_back_pops_and_resumes, setup),
		cmocka_unit_test_setup(test_help_overlay, setup),
		cmocka_unit_test_setup(test_search_prompt, setup),
		cmocka_unit_test_setup(test_dialogs, setup),
		cmocka_unit_test_setup(test_message_lifetime, setup),
		cmocka_unit_test_setup(test_quit, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
