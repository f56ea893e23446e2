/* test_refdata.c — unit tests for src/refdata.c: parks, agencies,
 * enterprises, categories and holidays.  Refusals first (duplicates,
 * unknown codes, bad values, roles that may not), then lists in Vietnamese
 * alphabetical order, type-ahead look-ups, and the holiday calendar that
 * deadlines are computed on. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "refdata.h"
#include "workflow.h"

/* Column col of every row, joined by " | ". */
static char *column(const struct rows *r, int col)
{
	size_t cap = 64;
	for (size_t i = 0; i < r->n; i++)
		cap += strlen(rows_get(r, i, col) ? rows_get(r, i, col) : "∅") + 3;
	char *out = calloc(1, cap);
	assert_non_null(out);
	for (size_t i = 0; i < r->n; i++) {
		const char *v = rows_get(r, i, col);
		strcat(strcat(out, i ? " | " : ""), v ? v : "∅");
	}
	return out;
}

#define COLUMN_IS(r, col, want) do { \
		char *got_ = column(r, col); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

/* ---- parks ----------------------------------------------------------------- */

static void test_zones(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, zone_add(fx->rv, FX_ZONE_TL), RV_ECONFLICT, "name", "name: \"KCN Thăng Long\" already exists");
	FX_FAIL(fx, zone_add(fx->rv, " KCN Tha\xcc\x86ng Long "), RV_ECONFLICT, "name", /* NFD, padded */
	        "name: \"KCN Thăng Long\" already exists");
	FX_FAIL(fx, zone_add(fx->rv, NULL), RV_EINPUT, "name", "name: is required");
	FX_FAIL(fx, zone_add(fx->rv, "KCN\nmới"), RV_EINPUT, "name", NULL);
	fx_as(fx, "sxd1");
	FX_FAIL(fx, zone_add(fx->rv, "KCN mới"), RV_EPERM, "role",
	        "sxd1 (role agency) may not change reference data; allowed roles: admin, staff, official");
	fx_as(fx, NULL);
	assert_true(fx_hash(fx) == before);
	fx_idle(fx);
	static const char *const more[] = { "KCN Bắc Thăng Long", "KCN Sài Đồng B", "KCN Quang Minh",
		                            "KCN Phú Nghĩa", "KCN Nam Thăng Long", "Khu công nghiệp hỗ trợ Nam Hà Nội",
		                            "KCN Thạch Thất – Quốc Oai" };
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		FX_OK(fx, zone_add(fx->rv, more[i]));
	struct rows *r = NULL;
	FX_OK(fx, zone_list(fx->rv, &r));
	COLUMN_IS(r, 0, "KCN Bắc Thăng Long | KCN Nam Thăng Long | KCN Nội Bài | KCN Phú Nghĩa | KCN Quang Minh | "
	                "KCN Sài Đồng B | KCN Thạch Thất – Quốc Oai | KCN Thăng Long | Khu công nghệ cao Hòa Lạc | "
	                "Khu công nghiệp hỗ trợ Nam Hà Nội");
	COLUMN_IS(r, 1, "0 | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 1 | 0");
	assert_string_equal(r->cols[0].key, "name");
	assert_string_equal(r->cols[1].key, "enterprises");
	rows_free(&r);
	assert_null(r);
}

/* ---- agencies ---------------------------------------------------------------- */

static void test_agencies(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, agency_add(fx->rv, "Sở Xây dựng (trùng)", "sxd", NULL), RV_ECONFLICT, "code",
	        "code: \"SXD\" already exists");
	FX_FAIL(fx, agency_add(fx->rv, "Bộ Công Thương", "BCT", "bo"), RV_EINPUT, "kind",
	        "kind: \"bo\" is not a valid kind (one of: board, department, ministry, commune, utility, police, tax, other)");
	FX_FAIL(fx, agency_add(fx->rv, "Bộ Công Thương", "B C T", NULL), RV_EINPUT, "code", NULL);
	FX_FAIL(fx, agency_add(fx->rv, "", NULL, NULL), RV_EINPUT, "name", "name: must not be empty");
	fx_as(fx, "canon");
	FX_FAIL(fx, agency_add(fx->rv, "Bộ Công Thương", "BCT", "ministry"), RV_EPERM, "role", NULL);
	fx_as(fx, NULL);
	assert_true(fx_hash(fx) == before);
	/* codes made from the initials of the folded name, never reused */
	FX_OK(fx, agency_add(fx->rv, "Sân xe Đông", NULL, NULL));          /* SXD taken → SXD2 */
	FX_OK(fx, agency_add(fx->rv, "Sóc Xóm Dưới", NULL, "department")); /* → SXD3 */
	FX_OK(fx, agency_add(fx->rv, "Đội Quản lý thị trường", NULL, NULL)); /* Đ → D */
	FX_OK(fx, agency_add(fx->rv, "— ! —", NULL, NULL));                 /* no letter at all */
	FX_OK(fx, agency_add(fx->rv, "UBND xã Hòa Lạc", "ubnd-hl", "commune"));
	struct rows *r = NULL;
	FX_OK(fx, agency_list(fx->rv, &r));
	/* Vietnamese order of the names: punctuation first, B C Đ E, then
	 * Sân < Sóc < Sở Tài < Sở Xây (a < o < ơ), U */
	COLUMN_IS(r, 0, "AG | BQL | CA | DQLTT | EVN | SXD2 | SXD3 | STC | SXD | UBND-HL");
	COLUMN_IS(r, 2, "other | board | police | other | utility | other | department | department | department | "
	                "commune");
	rows_free(&r);
}

static void test_agency_find(void **state)
{
	struct fx *fx = *state;
	struct rows *r = NULL;
	FX_OK(fx, agency_find(fx->rv, "sx", 10, &r));      /* code prefix */
	COLUMN_IS(r, 0, "SXD");
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, "sở", 10, &r));      /* folded name contains */
	COLUMN_IS(r, 0, "STC | SXD");
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, "XÂY", 10, &r));
	COLUMN_IS(r, 0, "SXD");
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, "e", 10, &r));       /* exact code prefix before name matches */
	COLUMN_IS(r, 0, "EVN | BQL");
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, "e", 1, &r));
	COLUMN_IS(r, 0, "EVN");
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, "", 0, &r));         /* everything, unlimited */
	COLUMN_IS(r, 0, "BQL | CA | EVN | STC | SXD");
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, NULL, 3, &r));
	assert_int_equal(r->n, 3);
	rows_free(&r);
	FX_OK(fx, agency_find(fx->rv, "\"; DROP TABLE agencies; --", 10, &r));
	assert_int_equal(r->n, 0);
	rows_free(&r);
}

/* ---- enterprises ------------------------------------------------------------- */

static void test_enterprises(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, enterprise_add(fx->rv, "Canon 2", FX_TAX_CANON, NULL, NULL), RV_ECONFLICT, "tax-code",
	        "tax-code: \"0100000001\" already exists");
	FX_FAIL(fx, enterprise_add(fx->rv, "Mới", "12345", NULL, NULL), RV_EINPUT, "tax-code",
	        "tax-code: \"12345\" is not a tax code (10 digits, or 10 digits-NNN for a branch)");
	FX_FAIL(fx, enterprise_add(fx->rv, "Mới", "0109999999", "KCN Không Có", NULL), RV_ENOTFOUND, "zone",
	        "zone: no park named \"KCN Không Có\" (see: roviec zone list)");
	FX_FAIL(fx, enterprise_add(fx->rv, "Mới", "0109999999", NULL, "0912\x1b"), RV_EINPUT, "contact", NULL);
	FX_FAIL(fx, enterprise_add(fx->rv, NULL, "0109999999", NULL, NULL), RV_EINPUT, "name", "name: is required");
	assert_true(fx_hash(fx) == before);
	FX_OK(fx, enterprise_add(fx->rv, "Công ty TNHH Canon Việt Nam - Chi nhánh Quế Võ", "0100000001-001",
	                         FX_ZONE_TL, "  Phòng hành chính  "));
	FX_OK(fx, enterprise_add(fx->rv, "Ánh Sao", "0100000004", NULL, NULL));
	struct rows *r = NULL;
	FX_OK(fx, enterprise_list(fx->rv, NULL, &r));
	COLUMN_IS(r, 1, "Ánh Sao | Công ty Cổ phần Đất Việt | Công ty TNHH Ánh Dương | Công ty TNHH Canon Việt Nam | "
	                "Công ty TNHH Canon Việt Nam - Chi nhánh Quế Võ");
	COLUMN_IS(r, 2, "∅ | Khu công nghệ cao Hòa Lạc | KCN Nội Bài | KCN Thăng Long | KCN Thăng Long");
	COLUMN_IS(r, 3, "∅ | 0912 345 678 | ∅ | ∅ | Phòng hành chính");
	rows_free(&r);
	FX_OK(fx, enterprise_list(fx->rv, FX_ZONE_TL, &r));
	COLUMN_IS(r, 0, "0100000001 | 0100000001-001");
	rows_free(&r);
	FX_FAIL(fx, enterprise_list(fx->rv, "KCN Không Có", &r), RV_ENOTFOUND, "zone", NULL);
	FX_OK(fx, enterprise_find(fx->rv, "0100", 10, &r)); /* tax-code prefix */
	assert_int_equal(r->n, 5);
	rows_free(&r);
	FX_OK(fx, enterprise_find(fx->rv, "đất việt", 10, &r));
	COLUMN_IS(r, 0, FX_TAX_DATVIET);
	rows_free(&r);
	FX_OK(fx, enterprise_find(fx->rv, "ANH", 10, &r)); /* Ánh Sao, Ánh Dương, Chi nhánh */
	COLUMN_IS(r, 0, "0100000004 | 0100000003 | 0100000001-001");
	rows_free(&r);
	FX_OK(fx, enterprise_find(fx->rv, "canon", 1, &r));
	COLUMN_IS(r, 0, FX_TAX_CANON);
	rows_free(&r);
}

/* ---- categories ----------------------------------------------------------------- */

static void test_categories(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, category_add(fx->rv, "DAT-DAI", "Đất", "Land", NULL), RV_ECONFLICT, "code",
	        "code: \"dat-dai\" already exists");
	FX_FAIL(fx, category_add(fx->rv, "xuat nhap khau", "Xuất nhập khẩu", "Trade", NULL), RV_EINPUT, "code", NULL);
	FX_FAIL(fx, category_add(fx->rv, "xnk", "Xuất nhập khẩu", "Trade", "0"), RV_EINPUT, "within",
	        "within: \"0\" is not a whole number from 1 to 365");
	FX_FAIL(fx, category_add(fx->rv, "xnk", NULL, "Trade", NULL), RV_EINPUT, "vi", "vi: is required");
	FX_FAIL(fx, category_add(fx->rv, "xnk", "Xuất nhập khẩu", "", NULL), RV_EINPUT, "en", "en: must not be empty");
	assert_true(fx_hash(fx) == before);
	FX_OK(fx, category_add(fx->rv, "XNK", "Xuất nhập khẩu", "Import and export", "10"));
	FX_OK(fx, category_add(fx->rv, "ha-tang-so", "Hạ tầng số", "Digital infrastructure", NULL));
	struct rows *r = NULL;
	FX_OK(fx, category_list(fx->rv, &r));
	assert_int_equal(r->n, 18);
	/* the seeded ones in DOMAIN.md's order, then the added ones */
	assert_string_equal(rows_get(r, 0, 0), "tthc");
	assert_string_equal(rows_get(r, 1, 1), "Đất đai");
	assert_string_equal(rows_get(r, 1, 3), "20");
	assert_string_equal(rows_get(r, 15, 0), "khac");
	assert_string_equal(rows_get(r, 16, 0), "xnk");
	assert_string_equal(rows_get(r, 16, 3), "10");
	assert_string_equal(rows_get(r, 17, 3), "15"); /* default time limit */
	rows_free(&r);
	/* an added category's time limit is the assignment default */
	char code[RV_CODE_MAX];
	fx_add(fx, FX_TAX_CANON, "Thủ tục xuất khẩu", "xnk", NULL, code);
	struct assign_args a = { .lead = "STC", .person = "Hà" };
	FX_OK(fx, wf_assign(fx->rv, code, 0, &a));
	char *d = fx_text(fx, "SELECT deadline FROM petitions", NULL);
	assert_string_equal(d, "2026-01-21"); /* Thu 08/01 + 10 working days, Sat 10/01 worked */
	free(d);
}

/* ---- holidays --------------------------------------------------------------------- */

static void test_holidays(void **state)
{
	struct fx *fx = *state;
	uint64_t before = fx_hash(fx);
	FX_FAIL(fx, holiday_add(fx->rv, "2027-01-04", "Làm bù", true), RV_EINPUT, "date",
	        "date: a make-up working day (--work) must be a Saturday");
	FX_FAIL(fx, holiday_add(fx->rv, "2027-01-02", "Nghỉ", false), RV_EINPUT, "date",
	        "date: a day off must be a weekday (a weekend is already off)");
	FX_FAIL(fx, holiday_add(fx->rv, "2027-01-03", "Nghỉ", false), RV_EINPUT, "date", NULL);
	FX_FAIL(fx, holiday_add(fx->rv, "30/02/2027", "Nghỉ", false), RV_EINPUT, "date",
	        "date: \"30/02/2027\" is not a date (DD/MM/YYYY or YYYY-MM-DD)");
	FX_FAIL(fx, holiday_add(fx->rv, "2027-01-01", "", false), RV_EINPUT, "name", "name: must not be empty");
	fx_as(fx, "hung");
	FX_FAIL(fx, holiday_add(fx->rv, "2027-01-01", "Tết Dương lịch", false), RV_EPERM, "role",
	        "hung (role official) may not administer users and holidays; allowed roles: admin");
	fx_as(fx, NULL);
	assert_true(fx_hash(fx) == before);

	/* Tết 2027 is not announced yet.  Wed 03/02/2027 + 3 working days is
	 * Mon 08/02; once 08/02 is entered as a day off it is Tue 09/02 (the
	 * calendar is reloaded at once), and with Sat 06/02 a make-up working
	 * day it is that Saturday. */
	fx_reopen(fx, "2027-02-03");
	rv_date d;
	char buf[11];
	FX_OK(fx, wf_preview_deadline(fx->rv, "khac", "3", NULL, &d));
	assert_string_equal(date_iso(d, buf), "2027-02-08");
	FX_OK(fx, holiday_add(fx->rv, "08/02/2027", "Tết Nguyên đán", false));
	FX_OK(fx, wf_preview_deadline(fx->rv, "khac", "3", NULL, &d));
	assert_string_equal(date_iso(d, buf), "2027-02-09");
	FX_OK(fx, holiday_add(fx->rv, "2027-02-06", "Làm bù", true));
	FX_OK(fx, wf_preview_deadline(fx->rv, "khac", "3", NULL, &d));
	assert_string_equal(date_iso(d, buf), "2027-02-06");
	/* a due date on the new day off rolls forward */
	FX_OK(fx, wf_preview_deadline(fx->rv, NULL, NULL, "2027-02-08", &d));
	assert_string_equal(date_iso(d, buf), "2027-02-09");
	/* adding a day again replaces it */
	FX_OK(fx, holiday_add(fx->rv, "2027-02-08", "Tết Nguyên đán Đinh Mùi", false));
	struct rows *r = NULL;
	FX_OK(fx, holiday_list(fx->rv, 2027, &r));
	COLUMN_IS(r, 0, "2027-01-01 | 2027-02-06 | 2027-02-08 | 2027-04-16 | 2027-04-30 | 2027-05-03 | 2027-09-02");
	COLUMN_IS(r, 1, "off | work | off | off | off | off | off");
	assert_string_equal(rows_get(r, 2, 2), "Tết Nguyên đán Đinh Mùi");
	assert_int_equal(r->cols[0].type, COL_DATE);
	rows_free(&r);
	FX_OK(fx, holiday_list(fx->rv, 2026, &r));
	assert_int_equal(r->n, 19); /* the official 2026 schedule shipped in data/ */
	assert_string_equal(rows_get(r, 0, 0), "2026-01-01");
	assert_string_equal(rows_get(r, 2, 1), "work");
	rows_free(&r);
	FX_OK(fx, holiday_list(fx->rv, 1999, &r));
	assert_int_equal(r->n, 0);
	rows_free(&r);
	FX_OK(fx, holiday_list(fx->rv, 0, &r));
	assert_int_equal(r->n, (size_t)fx_int(fx, "SELECT count(*) FROM holidays", NULL));
	rows_free(&r);
}

/* ---- look-ups --------------------------------------------------------------------- */

static void test_lookups(void **state)
{
	struct fx *fx = *state;
	int64_t id = -7;
	FX_OK(fx, ref_agency_id(fx->rv, "lead", "evn", &id));
	assert_int_equal(id, 4);
	FX_FAIL(fx, ref_agency_id(fx->rv, "lead", NULL, &id), RV_ENOTFOUND, "lead",
	        "lead: no agency with code \"\" (see: roviec agency list)");
	FX_FAIL(fx, ref_agency_id(fx->rv, "lead", "EVN\x1b[m", &id), RV_ENOTFOUND, "lead",
	        "lead: no agency with code \"EVN^[[M\" (see: roviec agency list)");
	FX_OK(fx, ref_category_id(fx->rv, "category", "Dat-Dai", &id));
	assert_int_equal(id, 2);
	FX_FAIL(fx, ref_enterprise_id(fx->rv, "enterprise", " 0100000001", &id), RV_ENOTFOUND, "enterprise", NULL);
	FX_OK(fx, ref_zone_id(fx->rv, "zone", "KCN Nội Bài", &id));
	assert_int_equal(id, 3);
	FX_FAIL(fx, ref_zone_id(fx->rv, "zone", "kcn nội bài", &id), RV_ENOTFOUND, "zone", NULL);
	FX_FAIL(fx, ref_zone_id(fx->rv, "zone", "", &id), RV_EINPUT, "zone", "zone: must not be empty");
	assert_int_equal(id, 3);
	fx_idle(fx); /* no look-up left a statement active */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_zones, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_agencies, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_agency_find, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_enterprises, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_categories, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_holidays, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_lookups, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
