# startup.sh — what a short command no longer pays for at start-up still
# works when it is needed:
#   - libxlsxwriter (with libcrypto, libminizip, libz behind it) is not
#     loaded by ordinary commands, and is loaded by `export --format xlsx`,
#     which still writes a real workbook (src/xlsx_dl.c);
#   - the locale is loaded only for the five categories roviec uses, and
#     with no locale in the environment only LC_CTYPE and LC_MESSAGES
#     become C.UTF-8 (src/i18n.c): Vietnamese text (NFC and decomposed),
#     wide characters, column widths, numbers and the Vietnamese catalogue
#     come out byte for byte as under LC_ALL=C.UTF-8.
. "$(dirname "$0")/lib.sh"

rv init
assert_ok "init"
"$ROVIEC" enterprise add "Công ty Điện Tử Việt" --tax-code 0100000001 >/dev/null
"$ROVIEC" petition add --enterprise 0100000001 --title "Đề nghị cấp điện 三相 cho nhà xưởng" --category dien \
	--received 05/01/2026 >/dev/null
"$ROVIEC" petition add --enterprise 0100000001 --title $'Tie\xcc\x82u \xc4\x91e\xcc\x82\xcc\x80 to\xcc\x82\xcc\x89 ho\xcc\x9b\xcc\xa3p (NFD)' --received 06/01/2026 \
	>/dev/null

# ---- libxlsxwriter only when an xlsx export starts ----
loaded() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -o 'file=[^ ]*' | sort -u | tr '\n' ' ' || true; }
LIBS=$(loaded "$ROVIEC" petition list)
assert_eq "petition list loads no libxlsxwriter" "" "$(grep -o 'libxlsxwriter[^ ]*' <<<"$LIBS" || true)"
assert_eq "petition list loads no libcrypto" "" "$(grep -o 'libcrypto[^ ]*' <<<"$LIBS" || true)"
assert_contains "petition list still loads libsqlite3 (the check sees loads)" "libsqlite3" "$LIBS"
LIBS=$(loaded "$ROVIEC" export --format xlsx --output "$T/out.xlsx")
assert_contains "xlsx export loads libxlsxwriter" "libxlsxwriter" "$LIBS"
rv export --format xlsx --output "$T/out2.xlsx"
assert_status 0 "xlsx export succeeds"
SHEETS=$("$PYTHON" -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
print(sum(1 for n in names if n.startswith("xl/worksheets/sheet")), "xl/workbook.xml" in names)
' "$T/out2.xlsx" 2>&1 || true)
assert_eq "the workbook is a real xlsx (five sheets)" "5 True" "$SHEETS"
TITLE=$("$PYTHON" -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print("cấp điện 三相" in z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in z.namelist()
      else any("cấp điện 三相" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")))
' "$T/out2.xlsx" 2>&1 || true)
assert_eq "the workbook holds the Vietnamese title" "True" "$TITLE"

# ---- no locale in the environment: same bytes as C.UTF-8 ----
bare() { env -u LANG -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LANGUAGE "$ROVIEC" "$@" 2>&1 || true; }
utf8() { LANG=C.UTF-8 LC_ALL=C.UTF-8 "$ROVIEC" "$@" 2>&1 || true; }
lang_only() { env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LANGUAGE LANG=C.UTF-8 "$ROVIEC" "$@" 2>&1 || true; }
for args in "petition list" "petition show KN-2026-00001" "petition show KN-2026-00002" \
	"--lang vi petition list" "--lang vi --help" "--lang vi petition show KN-2026-09999" "report summary"; do
	# shellcheck disable=SC2086 # args are words
	A=$(bare $args)
	# shellcheck disable=SC2086
	B=$(utf8 $args)
	assert_eq "no locale set: roviec $args as under C.UTF-8" "$B" "$A"
	# shellcheck disable=SC2086
	A=$(lang_only $args)
	assert_eq "LANG alone: roviec $args as under LC_ALL" "$B" "$A"
done
A=$(bare --lang vi petition show KN-2026-09999)
assert_match "no locale set: --lang vi still translates" "không" "$A"

finish
