# deadlines.sh — working-day deadlines through the command line: --within
# across Tết 2026 and make-up Saturdays, --due in both date forms (rolled
# to a working day), the category default, extensions that keep the
# original deadline, and overdue derived from "today" (never stored).
. "$(dirname "$0")/lib.sh"

rv init
assert_ok "init"
# Reports on a database with no agency yet: an empty board once passed a
# null array to qsort (undefined behaviour, caught by UBSan in CI).
rv report agencies
assert_ok "report agencies with no agency"
rv report summary
assert_ok "report summary with no agency"
"$ROVIEC" zone add "KCN Quang Minh" >/dev/null
"$ROVIEC" agency add "Ban Quản lý" --code BQL --kind board >/dev/null
"$ROVIEC" enterprise add "Công ty TNHH Cơ khí Quang Minh" --tax-code 0100000001 --zone "KCN Quang Minh" >/dev/null
rv category add cap-phep --vi "Cấp phép" --en "Permits" --within 7
assert_ok "category add --within 7"

# new_petition TITLE [CATEGORY]: adds and classifies on ROVIEC_TODAY; prints the code.
new_petition() {
	local code
	code=$("$ROVIEC" petition add --enterprise 0100000001 --title "$1" | cut -d" " -f1)
	"$ROVIEC" petition classify "$code" --category "${2:-dat-dai}" >/dev/null
	echo "$code"
}

# deadline_of CODE: the deadline and original deadline in the JSON.
deadline_of() {
	"$ROVIEC" petition show "$1" --json >"$T/d.json"
	json_val "$T/d.json" 'd["deadline"] + " " + d["original_deadline"]' | tr -d '"'
}

# ---- assignment on Wed 11/02/2026, just before Tết (14–22/02 off) ----
export ROVIEC_TODAY=2026-02-11 ROVIEC_NOW=2026-02-11T02:00:00Z
P1=$(new_petition "Một")
rv petition assign "$P1" --lead BQL --person "Phạm Văn Dũng" --within 10
assert_ok "assign --within 10 before Tết"
assert_out "$P1: assigned, version 3, deadline 04/03/2026" "Wed 11/02/2026 + 10 working days = Wed 04/03/2026 (Tết skipped)"
assert_eq "JSON deadline and original deadline" "2026-03-04 2026-03-04" "$(deadline_of "$P1")"

P2=$(new_petition "Hai")
rv petition assign "$P2" --lead BQL --person "Phạm Văn Dũng" --due 20/03/2026
assert_ok "assign --due DD/MM/YYYY"
assert_out "$P2: assigned, version 3, deadline 20/03/2026"

P3=$(new_petition "Ba")
rv petition assign "$P3" --lead BQL --person "Phạm Văn Dũng" --due 2026-03-21
assert_ok "assign --due YYYY-MM-DD on a Saturday"
assert_out "$P3: assigned, version 3, deadline 23/03/2026" "a deadline on Sat 21/03 moves to Mon 23/03 (Civil Code art. 148)"

P4=$(new_petition "Bốn" dat-dai)
rv petition assign "$P4" --lead BQL --person "Phạm Văn Dũng"
assert_ok "assign without --within or --due"
assert_out "$P4: assigned, version 3, deadline 18/03/2026" "the category default: đất đai, 20 working days"

P5=$(new_petition "Năm")
rv petition assign "$P5" --lead BQL --person "Phạm Văn Dũng" --due 14/02/2026
assert_ok "assign --due on the first day of Tết"
assert_out "$P5: assigned, version 3, deadline 23/02/2026" "a deadline in Tết moves to the first working day after it"

P6=$(new_petition "Sáu" cap-phep)
rv petition assign "$P6" --lead BQL --person "Phạm Văn Dũng"
assert_ok "assign with a new category's default"
assert_out "$P6: assigned, version 3, deadline 27/02/2026" "cap-phep: 7 working days"

P7=$(new_petition "Bảy")
rv petition assign "$P7" --lead BQL --person "Phạm Văn Dũng" --within 10
assert_ok "assign (P7)"

# Refusals change nothing.
P8=$(new_petition "Tám")
FP=$(db_fingerprint)
rv petition assign "$P8" --lead BQL --person X --within 10 --due 2026-03-01
assert_refused 2 "roviec: due: give either --within or --due, not both" "$FP" "--within and --due together"
rv petition assign "$P8" --lead BQL --person X --due 11/02/2026
assert_refused 2 "roviec: due: 11/02/2026 is not after today (11/02/2026)" "$FP" "--due today"
rv petition assign "$P8" --lead BQL --person X --within 0
assert_refused 2 'roviec: within: "0" is not a whole number from 1 to 365' "$FP" "--within 0"
rv petition assign "$P8" --lead BQL --person X --within ba
assert_refused 2 'roviec: within: "ba" is not a whole number from 1 to 365' "$FP" "--within not a number"
rv petition assign "$P8" --lead BQL --person X --due 2026-3-1
assert_refused 2 'roviec: due: "2026-3-1" is not a date (DD/MM/YYYY or YYYY-MM-DD)' "$FP" "--due with one-digit ISO month"

# ---- extensions keep the original deadline and every extension ----
export ROVIEC_TODAY=2026-03-02 ROVIEC_NOW=2026-03-02T03:00:00Z
rv petition extend "$P1" --due 18/03/2026 --reason "Chờ ý kiến Sở Xây dựng"
assert_ok "extend"
assert_out "$P1: assigned, version 4, deadline 18/03/2026"
ROVIEC_NOW=2026-03-16T03:00:00Z ROVIEC_TODAY=2026-03-16 rv petition extend "$P1" --due 2026-03-28 --reason "Bổ sung hồ sơ"
assert_ok "extend again (to a Saturday)"
assert_out "$P1: assigned, version 5, deadline 30/03/2026"
rv petition show "$P1" --json
assert_ok "show --json after two extensions"
json_expect "$OUT_FILE" <<EOF
deadline "2026-03-30"
original_deadline "2026-03-04"
#extensions 2
extensions[0].old_deadline "2026-03-04"
extensions[0].new_deadline "2026-03-18"
extensions[0].reason "Chờ ý kiến Sở Xây dựng"
extensions[0].by "$ME"
extensions[0].at "2026-03-02T03:00:00Z"
extensions[1].old_deadline "2026-03-18"
extensions[1].new_deadline "2026-03-30"
extensions[1].reason "Bổ sung hồ sơ"
extensions[1].at "2026-03-16T03:00:00Z"
version 5
overdue false
EOF
json_check "each extension is in the history with its reason" "$OUT_FILE" \
	'[(h["from"], h["to"], h["note"]) for h in d["history"] if h["action"] == "extend" and h["field"] == "deadline"] == [("2026-03-04", "2026-03-18", "Chờ ý kiến Sở Xây dựng"), ("2026-03-18", "2026-03-30", "Bổ sung hồ sơ")]'
N_ROWS=$(json_val "$OUT_FILE" 'sum(1 for h in d["history"] if h["field"] == "deadline" and (h["from"], h["to"]) == ("2026-03-04", "2026-03-18"))')
if [ "$N_ROWS" = 2 ]; then
	# KNOWN BUG: (workflow.c, wf_extend) one extension writes three history
	# rows — "set deadline A → B", "extend deadline A → B" (the same change
	# twice) and "extend status: assigned → assigned" (no change at all).
	known_bug "one history row for the deadline change of an extension (got 2)"
else
	assert_eq "one history row for the deadline change of an extension" 1 "$N_ROWS"
fi
rv petition show "$P1"
assert_contains "show: the deadline says what it was" "Deadline:              30/03/2026 (originally 04/03/2026)" "$OUT"
assert_contains "show: first extension" "Extensions:            04/03/2026 → 18/03/2026: Chờ ý kiến Sở Xây dựng ($ME)" "$OUT"
assert_contains "show: second extension" "                       18/03/2026 → 30/03/2026: Bổ sung hồ sơ ($ME)" "$OUT"

FP=$(db_fingerprint)
rv petition extend "$P1" --due 27/03/2026 --reason "Sớm hơn"
assert_refused 2 "roviec: due: 27/03/2026 is not after the current deadline 30/03/2026" "$FP" "extend to an earlier date"
rv petition extend "$P1" --due 31/02/2026 --reason "x"
assert_refused 2 'roviec: due: "31/02/2026" is not a date (DD/MM/YYYY or YYYY-MM-DD)' "$FP" "extend to 31/02/2026"
rv petition extend "$P8" --due 31/03/2026 --reason "x"
assert_refused 2 "roviec: $P8 is classified: cannot extend it; allowed now: classify, assign, reject, withdraw" "$FP" "extend a classified petition"

# P7 answered two working days late (deadline 04/03, answered Fri 06/03).
ROVIEC_TODAY=2026-03-06 rv petition answer "$P7" --result "Đã trả lời" --outcome explained
assert_ok "answer late"
rv petition show "$P7" --json
json_expect "$OUT_FILE" <<'EOF'
late_days 2
overdue false
days_overdue 0
EOF

# ---- overdue is derived from today ----
export ROVIEC_TODAY=2026-03-10
rv petition list --overdue
assert_ok "list --overdue"
assert_out "Code           Received    Enterprise                  Category          Lead      Deadline    Status                      Title
$P6  11/02/2026  Công ty TNHH Cơ khí Quang…  Permits           BQL       27/02/2026  assigned, 7 days late       Sáu
$P5  11/02/2026  Công ty TNHH Cơ khí Quang…  Land              BQL       23/02/2026  assigned, 11 days late      Năm"
rv petition list --overdue --count
assert_out "2" "list --overdue --count"
rv petition show "$P5" --json
json_expect "$OUT_FILE" <<'EOF'
overdue true
days_overdue 11
deadline "2026-02-23"
EOF
rv petition show "$P5"
assert_contains "show says how late, in working days" "Deadline:              23/02/2026 — OVERDUE by 11 working days" "$OUT"
rv petition list --overdue --json
json_check "list --overdue --json: days_overdue per petition" "$OUT_FILE" \
	'[(p["code"], p["overdue"], p["days_overdue"]) for p in d] == [("'"$P6"'", True, 7), ("'"$P5"'", True, 11)]'
ROVIEC_TODAY=2026-02-23 rv petition list --overdue --count
assert_out "0" "not overdue on the deadline itself"
ROVIEC_TODAY=2026-02-24 rv petition list --overdue --count
assert_out "1" "overdue the working day after the deadline"
# One day late is "1 day late", not "1 days late" (list, show, report, remind).
ROVIEC_TODAY=2026-02-24 rv petition list --overdue
assert_contains "list: one day late, singular" "assigned, 1 day late " "$OUT"
ROVIEC_TODAY=2026-02-24 rv petition show "$P5"
assert_contains "show: one working day, singular" "Deadline:              23/02/2026 — OVERDUE by 1 working day
" "$OUT
"
ROVIEC_TODAY=2026-02-24 rv remind --within 1
assert_contains "remind: one working day late, singular" "deadline 23/02/2026, 1 working day late" "$OUT"
assert_contains "remind: due within one working day, singular" "petitions due within 1 working day," "$OUT"
ROVIEC_TODAY=2026-04-01 rv petition list --overdue --count
assert_out "6" "every open petition past its deadline (answered P7 is not)"

# --due-within N: open, deadline from today to today + N working days.
rv petition list --due-within 8 --sort deadline
assert_ok "list --due-within 8"
assert_out "Code           Received    Enterprise                  Category          Lead      Deadline    Status                      Title
$P4  11/02/2026  Công ty TNHH Cơ khí Quang…  Land              BQL       18/03/2026  assigned                    Bốn
$P2  11/02/2026  Công ty TNHH Cơ khí Quang…  Land              BQL       20/03/2026  assigned                    Hai" "Tue 10/03 + 8 working days = Fri 20/03"
rv petition list --due-within 9 --count
assert_out "3" "--due-within 9 reaches Mon 23/03"
rv petition list --due-within 0 --count
assert_out "0" "--due-within 0: due today only"
ROVIEC_TODAY=2026-03-18 rv petition list --due-within 0 --csv
assert_eq "--due-within 0 --csv on the deadline day" "code,status,received,tax_code,enterprise,category,lead_agency,responsible_person,deadline,original_deadline,overdue,days_overdue,title
$P4,assigned,2026-02-11,0100000001,Công ty TNHH Cơ khí Quang Minh,dat-dai,BQL,Phạm Văn Dũng,2026-03-18,2026-03-18,0,0,Bốn" "$(tr -d '\r"' <"$OUT_FILE")"

# ---- make-up Saturday 22/08/2026 and the September break ----
ROVIEC_TODAY=2026-08-21 P9=$(new_petition "Chín")
ROVIEC_TODAY=2026-08-21 rv petition assign "$P9" --lead BQL --person X --within 1
assert_out "$P9: assigned, version 3, deadline 22/08/2026" "Fri 21/08 + 1 = the make-up Saturday 22/08"
ROVIEC_TODAY=2026-08-27 P10=$(new_petition "Mười")
ROVIEC_TODAY=2026-08-27 rv petition assign "$P10" --lead BQL --person X --within 6
assert_out "$P10: assigned, version 3, deadline 09/09/2026" "Thu 27/08 + 6 skips 31/08, 01/09, 02/09"

# ---- the calendar stays editable (Tết 2027 was not announced) ----
ROVIEC_TODAY=2027-02-04 P11=$(new_petition "Mười một")
ROVIEC_TODAY=2027-02-04 rv petition assign "$P11" --lead BQL --person X --within 2
assert_out "$P11: assigned, version 3, deadline 08/02/2027" "Thu 04/02/2027 + 2, no Tết 2027 yet"
rv holiday add 05/02/2027 --name "Tết Nguyên đán"
assert_ok "holiday add DD/MM/YYYY"
rv holiday add 2027-02-08 --name "Tết Nguyên đán"
assert_ok "holiday add YYYY-MM-DD"
rv holiday add 2027-01-30 --name "Làm bù" --work
assert_ok "holiday add --work (a Saturday)"
rv holiday list --year 2027
assert_out "Date        Kind                 Name
01/01/2027  day off              Tết Dương lịch
30/01/2027  make-up working day  Làm bù
05/02/2027  day off              Tết Nguyên đán
08/02/2027  day off              Tết Nguyên đán
16/04/2027  day off              Giỗ Tổ Hùng Vương
30/04/2027  day off              Ngày Giải phóng miền Nam
03/05/2027  day off              Nghỉ bù Quốc tế Lao động
02/09/2027  day off              Quốc khánh" "holiday list --year 2027"
ROVIEC_TODAY=2027-02-04 P12=$(new_petition "Mười hai")
ROVIEC_TODAY=2027-02-04 rv petition assign "$P12" --lead BQL --person X --within 2
assert_out "$P12: assigned, version 3, deadline 10/02/2027" "the new days off are skipped"
ROVIEC_TODAY=2027-01-28 P13=$(new_petition "Mười ba")
ROVIEC_TODAY=2027-01-28 rv petition assign "$P13" --lead BQL --person X --within 2
assert_out "$P13: assigned, version 3, deadline 30/01/2027" "the new make-up Saturday counts"
FP=$(db_fingerprint)
rv holiday add 2027-01-10 --name "Chủ nhật" --work
assert_refused 2 "roviec: date: a make-up working day (--work) must be a Saturday" "$FP" "holiday add --work on a Sunday"
rv holiday add 2027-01-16 --name "Thứ bảy"
assert_refused 2 "roviec: date: a day off must be a weekday (a weekend is already off)" "$FP" "holiday add off on a Saturday"

finish
