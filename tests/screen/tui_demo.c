/* tui_demo.c — the view engine on synthetic data, for screen tests.
 *
 * Exercises the engine without a database: a list of a million rows served
 * by keyset paging (row ids), a detail screen with wrapped text, a form
 * with a one-line and a multi-line field whose committed text is shown
 * code point by code point (to check NFC composition), a menu and a
 * question dialog.  Some rows hold control characters and bidi overrides,
 * which must appear as visible escapes.  Not user-facing: no gettext. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "draw.h"
#include "edit.h"
#include "list.h"
#include "text.h"
#include "tui.h"
#include "u8.h"
#include "view.h"

#define DEMO_ROWS 1000000L

static const char *const titles[] = {
	"Đất đai: chậm cấp giấy chứng nhận quyền sử dụng đất",
	"Điện: mất điện kéo dài tại KCN Thăng Long",
	"Hạ tầng ngoài hàng rào: đường vào KCN Quang Minh xuống cấp",
	"Thủ tục hành chính: hồ sơ môi trường bị trả lại",
	"Nhà ở cho người lao động tại Khu công nghệ cao Hòa Lạc",
	"Nu\xcc\x9bo\xcc\x9b\xcc\x81" "c: a\xcc\x81p lu\xcc\x9b\xcc\xa3" "c nu\xcc\x9bo\xcc\x9b\xcc\x81" "c yê\xcc\x81u (NFD)",
	"Phòng cháy chữa cháy: thẩm duyệt kéo dài",
	"Tiêu đề \x1b[31mĐỎ\x1b[0m\r\bxóa",
	"Bidi \xe2\x80\xae" "cba\xe2\x80\xac kết thúc \xc2\x9b" "C1",
	"Viễn thông: 漢字 rộng hai cột",
};

static const char *const statuses[] = { "Tiếp nhận", "Đang xử lý", "Đã trả lời", "Hoàn thành" };

struct demo_row {
	long id;
};

static const char *row_title(long id)
{
	return titles[(size_t)(id - 1) % UI_ARRAY_LEN(titles)];
}

/* ---- the list ---- */

static int demo_fetch(void *ctx, const void *anchor, enum list_dir dir, int max, void **out)
{
	const struct demo_row *a = anchor;
	long id;
	int n = 0;

	(void)ctx;
	if (dir == LIST_FORWARD)
		id = a ? a->id + 1 : 1;
	else
		id = a ? a->id - 1 : DEMO_ROWS;
	while (n < max && id >= 1 && id <= DEMO_ROWS) {
		struct demo_row *r = malloc(sizeof *r);
		if (!r)
			break;
		r->id = id;
		out[n++] = r;
		id += dir == LIST_FORWARD ? 1 : -1;
	}
	return n;
}

static void demo_free_row(void *ctx, void *row)
{
	(void)ctx;
	free(row);
}

static void demo_draw_row(void *ctx, const void *row, int y, int x, int w, bool sel)
{
	const struct demo_row *r = row;
	char code[32];
	enum style st = sel ? ST_SELECTED : ST_NORMAL;
	int cw = 16, sw = w >= 60 ? 12 : 0;

	(void)ctx;
	snprintf(code, sizeof code, "KN-2026-%07ld", r->id);
	draw_text(y, x, cw, code, st, false);
	draw_text(y, x + cw, w - cw - sw, row_title(r->id), st, false);
	if (sw)
		draw_text(y, x + w - sw, sw, statuses[r->id % 4], st, false);
}

static long demo_count(void *ctx)
{
	(void)ctx;
	return DEMO_ROWS;
}

static bool demo_same(void *ctx, const void *a, const void *b)
{
	(void)ctx;
	return ((const struct demo_row *)a)->id == ((const struct demo_row *)b)->id;
}

static bool demo_match(void *ctx, const void *row, const char *query)
{
	char *t = text_fold(row_title(((const struct demo_row *)row)->id));
	char *q = text_fold(query);
	bool m = t && q && strstr(t, q) != NULL;

	(void)ctx;
	free(t);
	free(q);
	return m;
}

static const struct list_source demo_source = {
	.fetch = demo_fetch,
	.free_row = demo_free_row,
	.draw_row = demo_draw_row,
	.count = demo_count,
	.same_row = demo_same,
	.match = demo_match,
	.empty_text = "No rows",
};

static const struct key_help list_keys[] = {
	{ ACT_ENTER, "Open", NULL, true },
	{ ACT_SEARCH, "Search", NULL, true },
	{ ACT_NEW, "Form", NULL, true },
	{ ACT_ACTIONS, "Menu", NULL, true },
	{ ACT_SORT, "Ask", NULL, true },
	{ ACT_HELP, "Help", NULL, true },
	{ ACT_BACK, "Quit", NULL, true },
	{ ACT_DOWN, NULL, NULL, false },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_PAGE_DOWN, NULL, NULL, false },
	{ ACT_PAGE_UP, NULL, NULL, false },
	{ ACT_HALF_DOWN, NULL, NULL, false },
	{ ACT_HALF_UP, NULL, NULL, false },
	{ ACT_HOME, NULL, NULL, false },
	{ ACT_END, NULL, NULL, false },
	{ ACT_SEARCH_NEXT, NULL, NULL, false },
	{ ACT_SEARCH_PREV, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

extern const struct view_ops demo_detail_ops, demo_form_ops;

static bool demo_list_open(struct view *v, void *arg)
{
	(void)arg;
	v->data = list_new(&demo_source, v);
	return v->data != NULL;
}

static void demo_list_close(struct view *v)
{
	struct list *l = v->data;
	list_free(&l);
}

static void list_view_draw(struct view *v)
{
	struct rect r = v->area;
	draw_text(r.y, r.x, 16, "Code", ST_HEADER, false);
	draw_text(r.y, r.x + 16, r.w - 16, "Title", ST_HEADER, false);
	r.y++;
	r.h--;
	list_draw(v->data, &r);
}

static int menu_done(void *ctx, int choice)
{
	struct view *v = ctx;
	ui_info(v->ui, "Menu choice: %d", choice);
	return RD_ALL;
}

static int demo_list_request(struct view *v, const struct ui_event *ev)
{
	static const char *const items[] = { "Phân loại", "Giao xử lý", "Bắt đầu", "Trả lời", "Đóng" };
	static const char *const buttons[] = { "Keep mine", "Take theirs", "Cancel" };
	const struct demo_row *r;

	switch (ev->act) {
	case ACT_ENTER:
		r = list_selected(v->data);
		if (r)
			ui_push(v->ui, &demo_detail_ops, (void *)r);
		return RD_ALL;
	case ACT_NEW:
		ui_push(v->ui, &demo_form_ops, NULL);
		return RD_ALL;
	case ACT_ACTIONS:
		dialog_menu(v->ui, "Actions", items, 5, 0, menu_done, v);
		return RD_ALL;
	case ACT_SORT:
		dialog_ask(v->ui, "Conflict",
		           "Someone else changed this petition while you were editing:\n"
		           "deadline 01/12/2026 → 15/12/2026 (by lan, 10:42)\n"
		           "title \x1b]0;pwned\x07 changed",
		           buttons, 3, 2, menu_done, v);
		return RD_ALL;
	default:
		return list_request(v->data, ev);
	}
}

static void list_status(struct view *v, char *buf, size_t size)
{
	snprintf(buf, size, "Row %ld of %ld", list_position(v->data) + 1, list_total(v->data));
}

static int list_search(struct view *v, const char *q, enum search_dir dir)
{
	const void *cur = list_selected(v->data);

	if (!q[0] || dir == SEARCH_DONE)
		return RD_ALL;
	if (dir == SEARCH_TYPING && cur && demo_match(NULL, cur, q))
		return RD_ALL;
	if (!list_find(v->data, q, dir != SEARCH_PREV, 100000))
		ui_error(v->ui, "Not found: %s", q);
	return RD_ALL;
}

static void list_resize(struct view *v)
{
	(void)v;
}

static int list_idle_step(struct view *v)
{
	return list_idle(v->data) ? RD_ALL : RD_IGNORED;
}

static const struct view_ops demo_list_ops = {
	.name = "Demo list",
	.keys = list_keys,
	.open = demo_list_open,
	.close = demo_list_close,
	.draw = list_view_draw,
	.request = demo_list_request,
	.status = list_status,
	.search = list_search,
	.resize = list_resize,
	.idle = list_idle_step,
};

/* ---- the detail ---- */

struct detail {
	long id;
	int scroll;
};

static const struct key_help detail_keys[] = {
	{ ACT_BACK, "Back", NULL, true },
	{ ACT_DOWN, "Scroll", NULL, true },
	{ ACT_HELP, "Help", NULL, true },
	{ ACT_UP, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static bool detail_open(struct view *v, void *arg)
{
	struct detail *d = calloc(1, sizeof *d);
	if (!d)
		return false;
	d->id = ((const struct demo_row *)arg)->id;
	v->data = d;
	return true;
}

static void detail_close(struct view *v)
{
	free(v->data);
}

static void detail_draw(struct view *v)
{
	struct detail *d = v->data;
	struct rect r = { v->area.y + 1, v->area.x + 2, v->area.h - 1, v->area.w - 4 };
	char head[64];

	snprintf(head, sizeof head, "KN-2026-%07ld", d->id);
	draw_text(v->area.y, v->area.x + 2, v->area.w - 4, head, ST_LABEL, false);
	char *body = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&body, &n);
	if (!f)
		return;
	fprintf(f, "%s\n\nDoanh nghiệp phản ánh: đường giao thông vào khu công nghiệp "
	        "xuống cấp nghiêm trọng, xe container không thể lưu thông vào mùa mưa. "
	        "Đề nghị Sở Xây dựng phối hợp với UBND xã Quang Minh sớm sửa chữa.\n"
	        "Dòng cuối cùng.", row_title(d->id));
	fclose(f);
	int total = draw_wrap(&(struct rect){ 0, 0, 0, r.w }, 0, body, ST_NORMAL);
	if (d->scroll > total - 1)
		d->scroll = total > 0 ? total - 1 : 0;
	draw_wrap(&r, d->scroll, body, ST_NORMAL);
	free(body);
}

static int detail_request(struct view *v, const struct ui_event *ev)
{
	struct detail *d = v->data;
	switch (ev->act) {
	case ACT_DOWN: d->scroll++; return RD_ALL;
	case ACT_UP: if (d->scroll > 0) d->scroll--; return RD_ALL;
	default: return RD_IGNORED;
	}
}

const struct view_ops demo_detail_ops = {
	.name = "Demo detail",
	.keys = detail_keys,
	.open = detail_open,
	.close = detail_close,
	.draw = detail_draw,
	.request = detail_request,
};

/* ---- the form ---- */

struct form {
	struct edit title, body;
	int focus;
};

static const struct key_help form_keys[] = {
	{ ACT_SUBMIT, "Save", NULL, true },
	{ ACT_NEXT_FIELD, "Next", NULL, true },
	{ ACT_BACK, "Cancel", NULL, true },
	{ ACT_HELP, "Help", NULL, true },
	{ ACT_BACKSPACE, NULL, NULL, false },
	{ ACT_KILL_LINE, NULL, NULL, false },
	{ ACT_NONE, NULL, NULL, false },
};

static bool form_open(struct view *v, void *arg)
{
	struct form *f = calloc(1, sizeof *f);
	(void)arg;
	if (!f)
		return false;
	edit_init(&f->title, false, 500);
	edit_init(&f->body, true, 100000);
	v->data = f;
	return true;
}

static void form_close(struct view *v)
{
	struct form *f = v->data;
	edit_free(&f->title);
	edit_free(&f->body);
	free(f);
}

static void form_draw(struct view *v)
{
	struct form *f = v->data;
	struct rect a = v->area;
	int cy, cx;

	draw_text(a.y + 1, a.x + 1, 8, "Title", ST_LABEL, false);
	struct rect tr = { a.y + 1, a.x + 9, 1, a.w - 10 };
	edit_draw(&f->title, &tr, f->focus == 0 ? ST_FIELD_FOCUS : ST_FIELD, &cy, &cx);
	if (f->focus == 0)
		ui_cursor(v->ui, cy, cx);
	draw_text(a.y + 3, a.x + 1, 8, "Body", ST_LABEL, false);
	struct rect br = { a.y + 3, a.x + 9, a.h - 4, a.w - 10 };
	edit_draw(&f->body, &br, f->focus == 1 ? ST_FIELD_FOCUS : ST_FIELD, &cy, &cx);
	if (f->focus == 1)
		ui_cursor(v->ui, cy, cx);
}

/* Appends "text" and its code points to the memstream. */
static void describe(FILE *out, const char *label, const struct edit *e)
{
	char *nfc = NULL;
	enum text_status st = edit_commit(e, &nfc, NULL);

	if (st != TEXT_OK) {
		fprintf(out, "%s: %s\n", label, text_status_str(st));
		return;
	}
	fprintf(out, "%s: %s (%zu bytes)\n", label, nfc, strlen(nfc));
	for (size_t off = 0, k = 0; nfc[off] && k < 12; k++) {
		int32_t cp;
		off += u8_decode(nfc, strlen(nfc), off, &cp);
		fprintf(out, "U+%04X ", (unsigned)cp);
	}
	fprintf(out, "\n");
	free(nfc);
}

static int form_request(struct view *v, const struct ui_event *ev)
{
	struct form *f = v->data;
	struct edit *e = f->focus ? &f->body : &f->title;
	int rd = edit_request(e, ev, ui_pasting(v->ui));

	if (rd != RD_IGNORED)
		return rd;
	switch (ev->act) {
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
	case ACT_ENTER:
	case ACT_DOWN:
	case ACT_UP:
		f->focus = !f->focus;
		return RD_ALL;
	case ACT_SUBMIT: {
		char *msg = NULL;
		size_t n = 0;
		FILE *out = open_memstream(&msg, &n);
		if (!out)
			return RD_NONE;
		describe(out, "Title", &f->title);
		describe(out, "Body", &f->body);
		fclose(out);
		dialog_message(v->ui, "Committed (NFC)", msg);
		free(msg);
		return RD_ALL;
	}
	default:
		return RD_IGNORED;
	}
}

static enum key_mode form_mode(struct view *v)
{
	(void)v;
	return KM_TEXT;
}

const struct view_ops demo_form_ops = {
	.name = "Demo form",
	.keys = form_keys,
	.open = form_open,
	.close = form_close,
	.draw = form_draw,
	.request = form_request,
	.mode = form_mode,
};

int main(int argc, char **argv)
{
	struct tui_options opt = { .no_color = argc > 1 && strcmp(argv[1], "--no-color") == 0 };
	struct ui *ui;
	int rc;

	setlocale(LC_ALL, "");
	ui = ui_new(NULL, &opt);
	if (!ui || !ui_push(ui, &demo_list_ops, NULL))
		return 1;
	ui_set_title_right(ui, "23/11/2026");
	rc = ui_run(ui);
	ui_free(&ui);
	return rc;
}
