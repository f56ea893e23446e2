# messages_vi.sh — Vietnamese first, for every message: under a Vietnamese
# locale (LANG=vi_VN.UTF-8, which the test machine need not have installed)
# the usage errors of the global options and of a command's options and
# arguments, a missing database, a permission refusal (with the permission
# and the role names translated) are exact Vietnamese sentences, and human
# tables show decimals with a comma while CSV and JSON keep the dot; the
# same calls under C.UTF-8 stay English with a dot, and --lang overrides
# the locale both ways.
. "$(dirname "$0")/lib.sh"

# The same command in Vietnamese (the locale's language, not --lang).
vi() { LANG=vi_VN.UTF-8 LC_ALL="" LC_MESSAGES="" rv "$@"; }

rv init
"$ROVIEC" agency add "Ban A1" --code A1 --kind board >/dev/null
"$ROVIEC" enterprise add "Công ty Một" --tax-code 0100000001 >/dev/null
"$ROVIEC" user add en1 --role enterprise --enterprise 0100000001 >/dev/null
"$ROVIEC" user add st --role staff >/dev/null
# Two closed petitions rated 4 and 5: the agencies report's average
# satisfaction is 4.5, printed with two decimals.
for rating in 4 5; do
	code=$("$ROVIEC" petition add --enterprise 0100000001 --title "Cấp điện $rating" --category dien --received 05/01/2026)
	code=${code%% *}
	"$ROVIEC" petition assign "$code" --lead A1 --person "Ông Một" >/dev/null
	"$ROVIEC" petition answer "$code" --result "Đã cấp điện" --outcome resolved >/dev/null
	"$ROVIEC" petition close "$code" --rating "$rating" >/dev/null
done
FP=$(db_fingerprint)

# --- usage errors -----------------------------------------------------------
vi --bogus
assert_refused 2 "roviec: không có tùy chọn --bogus (xem: roviec --help)" "$FP" "vi: unknown global option"
rv --bogus
assert_refused 2 "roviec: unknown option --bogus (see: roviec --help)" "$FP" "C: unknown global option"

vi --db
assert_refused 2 "roviec: tùy chọn --db cần một giá trị" "$FP" "vi: global option without its value"

vi --lang xx report summary
assert_refused 2 'roviec: --lang: "xx" không phải là ngôn ngữ (vi hoặc en)' "$FP" "vi: --lang names no language"

vi petition list --bogus
assert_refused 2 "roviec petition: petition list: không có tùy chọn --bogus (xem: roviec petition --help)" "$FP" \
	"vi: unknown option of a subcommand"
rv petition list --bogus
assert_refused 2 "roviec petition: petition list: unknown option --bogus (see: roviec petition --help)" "$FP" \
	"C: unknown option of a subcommand"

vi petition list --status
assert_refused 2 "roviec petition: petition list: tùy chọn --status cần một giá trị (xem: roviec petition --help)" \
	"$FP" "vi: option without its value"

vi petition assign
assert_refused 2 "roviec petition: petition assign cần đúng một mã theo dõi (xem: roviec petition --help)" "$FP" \
	"vi: wrong argument count"
rv petition assign
assert_refused 2 "roviec petition: petition assign takes one tracking code (see: roviec petition --help)" "$FP" \
	"C: wrong argument count"
rv --lang vi petition assign
assert_refused 2 "roviec petition: petition assign cần đúng một mã theo dõi (xem: roviec petition --help)" "$FP" \
	"--lang vi under C.UTF-8: Vietnamese"
vi --lang en petition assign
assert_refused 2 "roviec petition: petition assign takes one tracking code (see: roviec petition --help)" "$FP" \
	"--lang en under vi_VN: English"

vi report nonsense
assert_refused 2 'roviec report: không có báo cáo "nonsense" (summary, agencies, categories, period, conference SỐ) (xem: roviec report --help)' \
	"$FP" "vi: unknown report"

# --- a missing database -------------------------------------------------------
ROVIEC_DB="$T/none.db" vi report summary
assert_err "roviec: cơ sở dữ liệu $T/none.db không tồn tại; tạo mới bằng lệnh: roviec init" "vi: missing database"
assert_status 3 "vi: missing database: exit 3"
ROVIEC_DB="$T/none.db" rv report summary
assert_err "roviec: database $T/none.db does not exist; create it with: roviec init" "C: missing database"
if [ -e "$T/none.db" ]; then fail "a missing database is not created"; else pass "a missing database is not created"; fi

# --- permission refusals: the permission and the roles in the language -------
vi --as en1 report agencies
assert_refused 5 "roviec: en1 (vai trò Doanh nghiệp) không có quyền: xem báo cáo và bảng theo dõi của lãnh đạo; các vai trò được phép: Quản trị, Chuyên viên, Lãnh đạo" \
	"$FP" "vi: permission refusal"
rv --as en1 report agencies
assert_refused 5 "roviec: en1 (role enterprise) may not see reports and the officials' board; allowed roles: admin, staff, official" \
	"$FP" "C: permission refusal"
vi --as st user add x --role staff
assert_refused 5 "roviec: st (vai trò Chuyên viên) không có quyền: quản lý người dùng và ngày nghỉ lễ; các vai trò được phép: Quản trị" \
	"$FP" "vi: refusal naming one allowed role"

# --- decimals: a comma in Vietnamese tables, a dot everywhere else ------------
vi report agencies
assert_ok "vi: report agencies"
row=$(grep '^A1 ' "$OUT_FILE" || true)
assert_match "vi: table decimals with a comma" ' 0,00 +0 +4,50$' "$row"
rv report agencies
row=$(grep '^A1 ' "$OUT_FILE" || true)
assert_match "C: table decimals with a dot" ' 0\.00 +0 +4\.50$' "$row"

vi report summary
line=$(grep 'trung vị' "$OUT_FILE" || true)
assert_match "vi: a single-row section's decimal with a comma" ':  *[0-9]+,[0-9]{2}$' "$line"
rv report summary
line=$(grep 'Median working days' "$OUT_FILE" || true)
assert_match "C: a single-row section's decimal with a dot" ':  *[0-9]+\.[0-9]{2}$' "$line"

vi report agencies --csv
assert_contains "vi: CSV keeps the dot" '"0.00","0","4.50"' "$OUT"
vi report agencies --json
json_check "vi: JSON keeps numbers" "$OUT_FILE" 'd[0]["avg_rating"] == 4.5 and d[0]["avg_days_late"] == 0'
assert_contains "vi: JSON has no decimal comma" '"avg_rating": 4.5' "$OUT"

# Closed sets in tables: roles and agency kinds by their labels; CSV keeps
# the stored strings (what --role and --kind take).
vi agency list
assert_match "vi: agency kind by label" '^A1 +Ban A1 +Ban Quản lý$' "$(grep '^A1 ' "$OUT_FILE")"
vi user list
assert_match "vi: role by label" '^en1 +Doanh nghiệp ' "$(grep '^en1 ' "$OUT_FILE")"
rv user list
assert_match "C: role by label" '^st +board staff$' "$(grep '^st ' "$OUT_FILE")"
vi holiday list --year 2026
assert_match "vi: holiday kind by label" '^01/01/2026 +Ngày nghỉ +Tết Dương lịch$' "$(grep '^01/01/2026 ' "$OUT_FILE")"
vi holiday list --year 2026 --csv
assert_contains "vi: CSV keeps the stored holiday kind" '"2026-01-01","off",' "$OUT"
vi agency list --csv
assert_contains "vi: CSV keeps the stored kind" '"A1","Ban A1","board"' "$OUT"
vi user list --json
json_check "vi: JSON keeps the stored role" "$OUT_FILE" '[u["role"] for u in d if u["login"] == "en1"] == ["enterprise"]'

assert_eq "every refusal left the database unchanged" "$FP" "$(db_fingerprint)"
finish
