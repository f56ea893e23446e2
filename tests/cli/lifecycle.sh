# lifecycle.sh — one petition through its whole life with the exact
# command forms of the specification (issue 2), reference data first, then
# `petition show CODE --json` checked field by field, history row by row.
. "$(dirname "$0")/lib.sh"

# ---- database and reference data ----
rv init
assert_ok "init on a new database"
assert_out "Created a new database; $ME is its administrator."
rv init
assert_ok "init again"
assert_out "The database is up to date."

rv zone add "Khu công nghệ cao Hòa Lạc"
assert_ok "zone add"
assert_out "" "zone add prints nothing"
rv zone add "KCN Thăng Long"
assert_ok "zone add (2)"
rv zone list
assert_ok "zone list"
assert_out "Park                       Enterprises
KCN Thăng Long                       0
Khu công nghệ cao Hòa Lạc            0"

rv agency add "Ban Quản lý các Khu công nghệ cao và Khu công nghiệp" --code BQL --kind board
assert_ok "agency add --code --kind"
rv agency add "Sở Xây dựng" --kind department
assert_ok "agency add without --code (initials)"
rv agency add "Sở Tài chính" --code stc --kind department
assert_ok "agency add, lower-case code"
rv agency add "EVN Hà Nội" --code EVN --kind utility
assert_ok "agency add (4)"
rv agency list
assert_ok "agency list"
assert_out "Code  Agency                                                Kind
BQL   Ban Quản lý các Khu công nghệ cao và Khu công nghiệp  management board
EVN   EVN Hà Nội                                            utility company
STC   Sở Tài chính                                          city department
SXD   Sở Xây dựng                                           city department"

rv enterprise add "Công ty TNHH Điện tử Hòa Lạc" --tax-code 0101234567 --zone "Khu công nghệ cao Hòa Lạc" --contact "Nguyễn Văn An, 0912 345 678"
assert_ok "enterprise add with --zone and --contact"
rv enterprise add "Công ty CP Cơ khí Thăng Long" --tax-code 0107654321-001 --zone "KCN Thăng Long"
assert_ok "enterprise add, branch tax code"
rv enterprise list
assert_ok "enterprise list"
assert_out "Tax code        Enterprise                    Park                       Contact
0107654321-001  Công ty CP Cơ khí Thăng Long  KCN Thăng Long
0101234567      Công ty TNHH Điện tử Hòa Lạc  Khu công nghệ cao Hòa Lạc  Nguyễn Văn An, 0912 345 678"
rv zone list
assert_out "Park                       Enterprises
KCN Thăng Long                       1
Khu công nghệ cao Hòa Lạc            1" "zone list counts enterprises"

rv category add cap-phep --vi "Cấp phép xây dựng" --en "Building permits" --within 10
assert_ok "category add"
rv category list --json
assert_ok "category list --json"
json_expect "$OUT_FILE" <<'EOF'
#[] 17
[0].code "tthc"
[0].label_vi "Thủ tục hành chính"
[0].within_days 15
[1].code "dat-dai"
[1].label_vi "Đất đai"
[1].label_en "Land"
[1].within_days 20
[16].code "cap-phep"
[16].label_vi "Cấp phép xây dựng"
[16].label_en "Building permits"
[16].within_days 10
EOF

rv user add chuyenvien --role staff
assert_ok "user add staff"
rv user add dn --role enterprise --enterprise 0101234567
assert_ok "user add enterprise"
rv user add lienlac --role agency --agency bql
assert_ok "user add agency"
rv user list
assert_ok "user list"
assert_out "$(printf '%-10s  %-14s  %-6s  %s\n' Login Role Agency Enterprise chuyenvien "board staff" "" "" dn enterprise "" 0101234567 lienlac "agency liaison" BQL "" "$ME" administrator "" "" | sed 's/ *$//')"

# ---- the petition's life: each command bumps the version by one ----
export ROVIEC_NOW=2026-01-08T02:00:00Z
rv petition add --enterprise 0101234567 --title "Đề nghị hỗ trợ thủ tục đất đai" \
	--body "Doanh nghiệp chưa được giao đất.
Kính đề nghị Ban xem xét." --channel conference
assert_ok "petition add"
assert_match "petition add prints the tracking code and the PIN" '^KN-2026-00001  PIN [0-9]{8}$' "$OUT"
CODE=${OUT%% *}

ROVIEC_NOW=2026-01-08T02:10:00Z rv petition classify "$CODE" --category dat-dai
assert_ok "classify"
assert_out "$CODE: classified, version 2"

ROVIEC_NOW=2026-01-08T02:20:00Z rv petition assign "$CODE" --lead BQL --coordinate SXD --coordinate stc --person "Trần Thị Bình" --within 3
assert_ok "assign --coordinate twice --within 3"
assert_out "$CODE: assigned, version 3, deadline 12/01/2026" "assign: Thu 08/01/2026 + 3 working days = Mon 12/01/2026 (Sat 10/01 worked)"

ROVIEC_TODAY=2026-01-09 ROVIEC_NOW=2026-01-09T01:00:00Z rv petition start "$CODE"
assert_ok "start"
assert_out "$CODE: in progress, version 4, deadline 12/01/2026"

ROVIEC_TODAY=2026-01-09 ROVIEC_NOW=2026-01-09T08:30:00Z rv petition answer "$CODE" --result "Đã bàn giao mặt bằng cho doanh nghiệp." --outcome resolved
assert_ok "answer"
assert_out "$CODE: answered, version 5"

ROVIEC_TODAY=2026-01-12 ROVIEC_NOW=2026-01-12T03:00:00Z rv petition close "$CODE" --rating 5 --feedback "Rất hài lòng"
assert_ok "close --rating 5 --feedback"
assert_out "$CODE: closed, version 6"

ROVIEC_TODAY=2026-01-12 rv petition show "$CODE" --json
assert_ok "show --json"
SHOW1="$T/show1.json"
cp "$OUT_FILE" "$SHOW1"
json_check "every documented field is present" "$SHOW1" \
	'{"code","uuid","title","body","status","category","channel","enterprise","zone","received","lead_agency","coordinating_agencies","responsible_person","deadline","original_deadline","overdue","days_overdue","result","outcome","answered","closed","rating","feedback","version","extensions","history"} <= set(d)'
json_check "uuid is a canonical lower-case UUID" "$SHOW1" \
	're.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", d["uuid"]) is not None'
json_check "every history row has at, actor, action, from, to, note" "$SHOW1" \
	'all({"at","actor","action","from","to","note"} <= set(h) for h in d["history"])'
json_check "history timestamps are ISO 8601 UTC" "$SHOW1" \
	'all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", h["at"]) for h in d["history"])'
json_expect "$SHOW1" <<EOF
code "$CODE"
title "Đề nghị hỗ trợ thủ tục đất đai"
body "Doanh nghiệp chưa được giao đất.\nKính đề nghị Ban xem xét."
status "closed"
category "dat-dai"
channel "conference"
enterprise.name "Công ty TNHH Điện tử Hòa Lạc"
enterprise.tax_code "0101234567"
#enterprise 2
zone "Khu công nghệ cao Hòa Lạc"
received "2026-01-08"
lead_agency "BQL"
coordinating_agencies ["STC", "SXD"]
responsible_person "Trần Thị Bình"
deadline "2026-01-12"
original_deadline "2026-01-12"
overdue false
days_overdue 0
result "Đã bàn giao mặt bằng cho doanh nghiệp."
outcome "resolved"
answered "2026-01-09"
closed "2026-01-12"
rating 5
feedback "Rất hài lòng"
version 6
extensions []
#history 20
EOF

# One row per change, in order: (at, actor, action, field, from, to, note).
HIST='import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for h in d["history"]:
    print("|".join("" if h.get(k) is None else str(h[k]) for k in ("at", "actor", "action", "field", "from", "to", "note")))'
assert_eq "history rows, in order" "2026-01-08T02:00:00Z|$ME|create|||$CODE|
2026-01-08T02:10:00Z|$ME|set|category||dat-dai|
2026-01-08T02:10:00Z|$ME|classify|status|received|classified|
2026-01-08T02:20:00Z|$ME|set|lead_agency||BQL|
2026-01-08T02:20:00Z|$ME|set|coordinating_agencies||STC, SXD|
2026-01-08T02:20:00Z|$ME|set|responsible_person||Trần Thị Bình|
2026-01-08T02:20:00Z|$ME|set|assigned||2026-01-08|
2026-01-08T02:20:00Z|$ME|set|deadline||2026-01-12|
2026-01-08T02:20:00Z|$ME|set|original_deadline||2026-01-12|
2026-01-08T02:20:00Z|$ME|assign|status|classified|assigned|
2026-01-09T01:00:00Z|$ME|start|status|assigned|in_progress|
2026-01-09T08:30:00Z|$ME|set|result||Đã bàn giao mặt bằng cho doanh nghiệp.|
2026-01-09T08:30:00Z|$ME|set|outcome||resolved|
2026-01-09T08:30:00Z|$ME|set|answered||2026-01-09|
2026-01-09T08:30:00Z|$ME|set|late_days||0|
2026-01-09T08:30:00Z|$ME|answer|status|in_progress|answered|
2026-01-12T03:00:00Z|$ME|set|rating||5|
2026-01-12T03:00:00Z|$ME|set|feedback||Rất hài lòng|
2026-01-12T03:00:00Z|$ME|set|closed||2026-01-12|
2026-01-12T03:00:00Z|$ME|close|status|answered|closed|" "$("$PYTHON" -c "$HIST" "$SHOW1")"
assert_eq "history versions: one per command, the last is the petition's version" \
	"1 2 2 3 3 3 3 3 3 3 4 5 5 5 5 5 6 6 6 6" "$(json_val "$SHOW1" '" ".join(str(h["version"]) for h in d["history"])' | tr -d '"')"

# The same petition as people read it.
ROVIEC_TODAY=2026-01-12 rv petition show "$CODE"
assert_ok "show"
assert_out "$CODE  Đề nghị hỗ trợ thủ tục đất đai  [closed]

Enterprise:            Công ty TNHH Điện tử Hòa Lạc (0101234567)
Park:                  Khu công nghệ cao Hòa Lạc
Channel:               conference
Received:              08/01/2026
Category:              Land
Lead agency:           Ban Quản lý các Khu công nghệ cao và Khu công nghiệp (BQL)
Coordinating:          STC, SXD
Responsible person:    Trần Thị Bình
Deadline:              12/01/2026
Body:                  Doanh nghiệp chưa được giao đất.
                       Kính đề nghị Ban xem xét.
Result:                Đã bàn giao mặt bằng cho doanh nghiệp.
Outcome:               resolved
Answered:              09/01/2026
Timeliness:            on time
Satisfaction:          5/5
Feedback:              Rất hài lòng
Closed:                12/01/2026

History:
  08/01/2026 09:00  $ME  Created: $CODE
  08/01/2026 09:10  $ME  Category: — → Land
  08/01/2026 09:10  $ME  Classified: received → classified
  08/01/2026 09:20  $ME  Lead agency: — → BQL
  08/01/2026 09:20  $ME  Coordinating agencies: — → STC, SXD
  08/01/2026 09:20  $ME  Person: — → Trần Thị Bình
  08/01/2026 09:20  $ME  Assigned on: — → 08/01/2026
  08/01/2026 09:20  $ME  Deadline: — → 12/01/2026
  08/01/2026 09:20  $ME  Original deadline: — → 12/01/2026
  08/01/2026 09:20  $ME  Assigned: classified → assigned
  09/01/2026 08:00  $ME  Work started: assigned → in progress
  09/01/2026 15:30  $ME  Result: — → Đã bàn giao mặt bằng cho doanh nghiệp.
  09/01/2026 15:30  $ME  Outcome: — → resolved
  09/01/2026 15:30  $ME  Answered on: — → 09/01/2026
  09/01/2026 15:30  $ME  Working days late: — → 0
  09/01/2026 15:30  $ME  Answered: in progress → answered
  12/01/2026 10:00  $ME  Rating: — → 5/5
  12/01/2026 10:00  $ME  Feedback: — → Rất hài lòng
  12/01/2026 10:00  $ME  Closed on: — → 12/01/2026
  12/01/2026 10:00  $ME  Closed: answered → closed"

# The enterprise sees its own petition (read-only role check of show).
ROVIEC_TODAY=2026-01-12 rv --as dn petition show "$CODE" --json
assert_ok "the enterprise can show its own petition"
json_expect "$OUT_FILE" <<EOF
code "$CODE"
version 6
EOF

# ---- unsatisfied: reopen, answer again, close again ----
FP=$(db_fingerprint)
ROVIEC_TODAY=2026-01-12 ROVIEC_NOW=2026-01-12T04:00:00Z rv petition reopen "$CODE" --reason "Doanh nghiệp chưa nhận được văn bản"
if [ "$STATUS" -eq 1 ] && [[ $ERR == *"CHECK constraint failed"* ]]; then
	# KNOWN BUG: (workflow.c, wf_reopen) reopening an answered or closed
	# petition clears result/outcome while the row's status is still
	# answered/closed, which the petitions CHECK constraint refuses; the
	# command fails with exit 1 "database error while updating the
	# petition: CHECK constraint failed: …".  Nothing is written, at least.
	known_bug "reopen a closed petition (exit 1: CHECK constraint failed)"
	assert_eq "the failed reopen wrote nothing" "$FP" "$(db_fingerprint)"
	known_bug "answer the reopened petition again"
	known_bug "close the reopened petition again"
	known_bug "show --json after reopen, answer, close"
else
	assert_ok "reopen --reason"
	assert_out "$CODE: in progress, version 7, deadline 12/01/2026"
	ROVIEC_TODAY=2026-01-12 rv petition show "$CODE" --json
	json_expect "$OUT_FILE" <<EOF
status "in_progress"
version 7
result null
outcome null
answered null
closed null
rating null
feedback null
deadline "2026-01-12"
original_deadline "2026-01-12"
EOF
	json_check "one reopen row: closed → in_progress, with the reason as note" "$OUT_FILE" \
		'[(h["field"], h["from"], h["to"], h["note"], h["version"]) for h in d["history"] if h["action"] == "reopen"] == [("status", "closed", "in_progress", "Doanh nghiệp chưa nhận được văn bản", 7)]'
	json_check "reopen: the cleared answer stays in the history" "$OUT_FILE" \
		'[(h["from"], h["to"]) for h in d["history"][20:] if h["field"] == "result"] == [("Đã bàn giao mặt bằng cho doanh nghiệp.", None)]'
	ROVIEC_TODAY=2026-01-12 rv petition show "$CODE"
	assert_contains "show: a cleared value reads old → —" \
		"  12/01/2026 11:00  $ME  Result: Đã bàn giao mặt bằng cho doanh nghiệp. → —" "$OUT"
	assert_contains "show: the reopen row and its reason" "  12/01/2026 11:00  $ME  Reopened: closed → in progress
      Doanh nghiệp chưa nhận được văn bản" "$OUT"
	assert_eq "show: no line ends in a blank" "" "$(grep -n ' $' "$OUT_FILE" || true)"

	ROVIEC_TODAY=2026-01-12 ROVIEC_NOW=2026-01-12T05:00:00Z rv petition answer "$CODE" --result "Đã gửi lại văn bản số 12/BQL." --outcome partly_resolved
	assert_ok "answer again"
	assert_out "$CODE: answered, version 8"
	ROVIEC_TODAY=2026-01-12 ROVIEC_NOW=2026-01-12T06:00:00Z rv petition close "$CODE" --rating 4 --feedback "Đã nhận"
	assert_ok "close again"
	assert_out "$CODE: closed, version 9"
	ROVIEC_TODAY=2026-01-12 rv petition show "$CODE" --json
	json_expect "$OUT_FILE" <<EOF
status "closed"
version 9
result "Đã gửi lại văn bản số 12/BQL."
outcome "partly_resolved"
answered "2026-01-12"
closed "2026-01-12"
rating 4
feedback "Đã nhận"
deadline "2026-01-12"
original_deadline "2026-01-12"
EOF
	json_check "history grows in order, the last row is the final close" "$OUT_FILE" \
		'[h["action"] for h in d["history"] if h["field"] == "status"][-3:] == ["reopen", "answer", "close"] and d["history"][-1]["version"] == 9 and [h["at"] for h in d["history"]] == sorted(h["at"] for h in d["history"])'
fi

# A write can print the petition as JSON (--json after any move).
C2=$(ROVIEC_NOW=2026-01-08T09:00:00Z "$ROVIEC" petition add --enterprise 0107654321-001 --title "Mất điện kéo dài" --category dien --channel phone --received 07/01/2026)
C2=${C2%% *} # the receipt: code and PIN
assert_eq "second petition gets the next code" "KN-2026-00002" "$C2"
rv petition assign "$C2" --lead evn --person "Lê Văn Cường" --json
assert_ok "assign --json"
json_expect "$OUT_FILE" <<EOF
code "KN-2026-00002"
status "assigned"
category "dien"
channel "phone"
received "2026-01-07"
lead_agency "EVN"
coordinating_agencies []
deadline "2026-01-28"
original_deadline "2026-01-28"
version 2
EOF
json_check "write --json omits the history" "$OUT_FILE" '"history" not in d'

finish
