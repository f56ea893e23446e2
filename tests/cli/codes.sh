# codes.sh — tracking codes past 99,999 a year (KN-2026-100000, 14
# characters): `petition list` shows them whole and aligned, the code
# column as wide as the widest code shown (13 while none is longer), and
# --sort code orders them by number, not text, both ways.
. "$(dirname "$0")/lib.sh"

export ROVIEC_TODAY=2026-01-08
rv init
assert_ok "init"
"$ROVIEC" enterprise add "Ánh Dương" --tax-code 0100000001
"$ROVIEC" enterprise add "Bình Minh" --tax-code 0100000002

add() { # add TAXCODE RECEIVED TITLE → the new code
	"$ROVIEC" petition add --enterprise "$1" --received "$2" --title "$3" | cut -d" " -f1
}
# The number jumps the way a busy year's does (code_sequences is the
# per-year counter intake reads).
jump() { sqlite3 "$ROVIEC_DB" "UPDATE code_sequences SET last = $2 WHERE year = $1"; }

A=$(add 0100000001 20/12/2025 "Năm trước")
jump 2025 99998
B=$(add 0100000002 21/12/2025 "Năm trước, số lớn")
C=$(add 0100000001 22/12/2025 "Năm trước, sáu chữ số")
D=$(add 0100000002 02/01/2026 "Đầu năm")
jump 2026 99998
E=$(add 0100000001 03/01/2026 "Số 99.999")
F=$(add 0100000002 04/01/2026 "Số 100.000")
G=$(add 0100000001 05/01/2026 "Số 100.001")
assert_eq "codes issued past 99,999" \
	"KN-2025-00001 KN-2025-99999 KN-2025-100000 KN-2026-00001 KN-2026-99999 KN-2026-100000 KN-2026-100001" \
	"$A $B $C $D $E $F $G"

rv petition list --sort code
assert_ok "list by code"
assert_out "Code            Received    Enterprise                  Category          Lead      Deadline    Status                      Title
KN-2025-00001   20/12/2025  Ánh Dương                                                           received                    Năm trước
KN-2025-99999   21/12/2025  Bình Minh                                                           received                    Năm trước, số lớn
KN-2025-100000  22/12/2025  Ánh Dương                                                           received                    Năm trước, sáu chữ số
KN-2026-00001   02/01/2026  Bình Minh                                                           received                    Đầu năm
KN-2026-99999   03/01/2026  Ánh Dương                                                           received                    Số 99.999
KN-2026-100000  04/01/2026  Bình Minh                                                           received                    Số 100.000
KN-2026-100001  05/01/2026  Ánh Dương                                                           received                    Số 100.001" \
	"codes whole, aligned, in numeric order (not text order)"

rv petition list --sort -code --limit 3
assert_ok "list by code, descending"
assert_out "Code            Received    Enterprise                  Category          Lead      Deadline    Status                      Title
KN-2026-100001  05/01/2026  Ánh Dương                                                           received                    Số 100.001
KN-2026-100000  04/01/2026  Bình Minh                                                           received                    Số 100.000
KN-2026-99999   03/01/2026  Ánh Dương                                                           received                    Số 99.999" \
	"descending: the largest number first"

# Only 13-character codes shown: the column stays 13 wide.
rv petition list --sort code --limit 2
assert_ok "list of short codes"
assert_out "Code           Received    Enterprise                  Category          Lead      Deadline    Status                      Title
KN-2025-00001  20/12/2025  Ánh Dương                                                           received                    Năm trước
KN-2025-99999  21/12/2025  Bình Minh                                                           received                    Năm trước, số lớn" \
	"the code column follows the widest code shown"

# Every line of the table has its second column at the same place.
rv petition list
cols=$(awk '{ print index($0, "Received") ? index($0, "Received") : match($0, /[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9][0-9][0-9]/) }' \
	<<<"$OUT" | sort -u)
assert_eq "default order: every row aligned with the header" "17" "$cols"

# Machine formats carry the code as stored.
rv petition list --sort -code --limit 1 --csv
assert_match "CSV: the code whole" $'\n"KN-2026-100001",' "$OUT"
rv petition list --sort -code --limit 1 --json
assert_eq "JSON: the code whole" '"KN-2026-100001"' "$(json_val "$OUT_FILE" 'd[0]["code"]')"

# The spreadsheet's code column fits the widest code issued (14 + 2).
PY3=/usr/bin/python3 # Debian's python3, which has python3-openpyxl
if [ -x "$PY3" ] && "$PY3" -c 'import openpyxl' 2>/dev/null; then
	rv export --format xlsx --output "$T/book.xlsx"
	assert_status 0 "export xlsx"
	assert_eq "xlsx: the code column fits KN-2026-100001" "16 True" "$("$PY3" -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Petitions"]
codes = [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
print(int(ws.column_dimensions["A"].width), "KN-2026-100001" in codes)
' "$T/book.xlsx" 2>&1)"
fi

finish
