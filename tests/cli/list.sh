# list.sh — `petition list`: every filter, every sort order both ways,
# --limit, --count, --json, --csv; the aligned table (display width,
# Vietnamese names, dd/mm/yyyy dates) and Vietnamese alphabetical order in
# the reference-data lists.
. "$(dirname "$0")/lib.sh"

export ROVIEC_TODAY=2026-03-10
rv init
assert_ok "init"
for z in "KCN Thăng Long" "Khu công nghệ cao Hòa Lạc" "KCN Nội Bài"; do
	"$ROVIEC" zone add "$z"
done
"$ROVIEC" agency add "Ban Quản lý các KCN" --code QL --kind board
"$ROVIEC" agency add "Điện lực EVN Hà Nội" --code EVN --kind utility
"$ROVIEC" agency add "Sở Xây dựng" --code SXD --kind department
"$ROVIEC" agency add "Ủy ban nhân dân xã Hòa Lạc" --code HOALAC --kind commune

# Enterprises, added in an order that is neither alphabetical nor by tax code.
i=0
while IFS='|' read -r name zone; do
	i=$((i + 1))
	if [ -n "$zone" ]; then
		"$ROVIEC" enterprise add "$name" --tax-code "$(printf '01000000%02d' "$i")" --zone "$zone"
	else
		"$ROVIEC" enterprise add "$name" --tax-code "$(printf '01000000%02d' "$i")"
	fi
done <<'EOF'
Ánh Dương|KCN Thăng Long
An Bình|Khu công nghệ cao Hòa Lạc
Ăng Ten|KCN Nội Bài
Âu Việt|KCN Thăng Long
Đại Việt|Khu công nghệ cao Hòa Lạc
Dũng Tiến|KCN Nội Bài
Zeta|
Hóa Phát|
Hoa Phát|
Họa Phát|
Hòa Phát|
Hõa Phát|
Hỏa Phát|
Ưu Việt|
Uy Tín|
Ơn Huệ|
Ô Tô Việt|
Ong Vàng|
Yên Bình|
EOF

rv enterprise list
assert_ok "enterprise list"
assert_out "Tax code    Enterprise  Park                       Contact
0100000002  An Bình     Khu công nghệ cao Hòa Lạc
0100000001  Ánh Dương   KCN Thăng Long
0100000003  Ăng Ten     KCN Nội Bài
0100000004  Âu Việt     KCN Thăng Long
0100000006  Dũng Tiến   KCN Nội Bài
0100000005  Đại Việt    Khu công nghệ cao Hòa Lạc
0100000009  Hoa Phát
0100000011  Hòa Phát
0100000013  Hỏa Phát
0100000012  Hõa Phát
0100000008  Hóa Phát
0100000010  Họa Phát
0100000018  Ong Vàng
0100000017  Ô Tô Việt
0100000016  Ơn Huệ
0100000015  Uy Tín
0100000014  Ưu Việt
0100000019  Yên Bình
0100000007  Zeta" "enterprise list: a ă â … d đ … o ô ơ … u ư, tones ngang < huyền < hỏi < ngã < sắc < nặng"
rv enterprise list --zone "KCN Nội Bài" --json
assert_ok "enterprise list --zone --json"
json_check "enterprise list --zone --json: the park's enterprises in order" "$OUT_FILE" \
	'd == [{"tax_code": "0100000003", "name": "Ăng Ten", "zone": "KCN Nội Bài", "contact": None}, {"tax_code": "0100000006", "name": "Dũng Tiến", "zone": "KCN Nội Bài", "contact": None}]'
rv enterprise list --zone "KCN Thăng Long" --csv
assert_ok "enterprise list --csv"
assert_eq "enterprise list --csv: header and rows (RFC 4180, CRLF)" \
	"$(printf '"tax_code","name","zone","contact"\r\n"0100000001","Ánh Dương","KCN Thăng Long",""\r\n"0100000004","Âu Việt","KCN Thăng Long",""\r')" "$OUT"
rv zone list
assert_out "Park                       Enterprises
KCN Nội Bài                          2
KCN Thăng Long                       2
Khu công nghệ cao Hòa Lạc            2" "zone list in Vietnamese order"
rv agency list
assert_out "Code    Agency                      Kind
QL      Ban Quản lý các KCN         management board
EVN     Điện lực EVN Hà Nội         utility company
SXD     Sở Xây dựng                 city department
HOALAC  Ủy ban nhân dân xã Hòa Lạc  commune" "agency list by name, Vietnamese order"

# ---- seven petitions, each different in every filtered column ----
add() { # add TAXCODE RECEIVED TITLE [CATEGORY]
	local extra=()
	if [ $# -gt 3 ]; then extra=(--category "$4"); fi
	"$ROVIEC" petition add --enterprise "$1" --received "$2" --title "$3" "${extra[@]}" | cut -d" " -f1
}
P1=$(add 0100000001 02/03/2026 "Chậm giao đất, vướng đất đai" dat-dai)
P2=$(add 0100000005 2026-03-03 "Mất điện thường xuyên" dien)
P3=$(add 0100000002 04/03/2026 "Cấp nước sạch")
P4=$(add 0100000006 05/03/2026 "Hỗ trợ thủ tục ĐẤT ĐAI cho nhà xưởng" dat-dai)
P5=$(add 0100000001 06/03/2026 "Nhà ở cho công nhân khu công nghiệp Thăng Long giai đoạn 2" nha-o)
P6=$(add 0100000004 09/03/2026 "Ðất dự án mở rộng" khac)
P7=$(add 0100000003 09/03/2026 "Xin rút kiến nghị")
assert_eq "seven tracking codes" "KN-2026-00001 KN-2026-00002 KN-2026-00003 KN-2026-00004 KN-2026-00005 KN-2026-00006 KN-2026-00007" "$P1 $P2 $P3 $P4 $P5 $P6 $P7"
"$ROVIEC" petition assign "$P1" --lead QL --person "Nguyễn Văn An" --due 2026-04-15 >/dev/null
ROVIEC_TODAY=2026-03-03 "$ROVIEC" petition assign "$P2" --lead evn --person "Trần Bình" --due 05/03/2026 >/dev/null
"$ROVIEC" petition start "$P2" >/dev/null
ROVIEC_TODAY=2026-03-05 "$ROVIEC" petition assign "$P4" --lead SXD --person "Lê Cường" --due 20/03/2026 >/dev/null
ROVIEC_TODAY=2026-03-09 "$ROVIEC" petition answer "$P4" --result "Đã hướng dẫn" --outcome explained >/dev/null
"$ROVIEC" petition assign "$P6" --lead HOALAC --person "Phạm Dung" --within 2 >/dev/null
"$ROVIEC" petition withdraw "$P7" >/dev/null

HEADER="Code           Received    Enterprise                  Category          Lead      Deadline    Status                      Title"
rv petition list
assert_ok "petition list"
assert_out "$HEADER
$P7  09/03/2026  Ăng Ten                                                             withdrawn                   Xin rút kiến nghị
$P6  09/03/2026  Âu Việt                     Other             HOALAC    12/03/2026  assigned                    Ðất dự án mở rộng
$P5  06/03/2026  Ánh Dương                   Worker housing                          received                    Nhà ở cho công nhân khu công nghiệp Thă…
$P4  05/03/2026  Dũng Tiến                   Land              SXD       20/03/2026  answered                    Hỗ trợ thủ tục ĐẤT ĐAI cho nhà xưởng
$P3  04/03/2026  An Bình                                                             received                    Cấp nước sạch
$P2  03/03/2026  Đại Việt                    Electricity       EVN       05/03/2026  in progress, 3 days late    Mất điện thường xuyên
$P1  02/03/2026  Ánh Dương                   Land              QL        15/04/2026  assigned                    Chậm giao đất, vướng đất đai" "the table: newest first, aligned by display width, dd/mm/yyyy"
"$PYTHON" - "$OUT_FILE" >"$T/widths" <<'EOF'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
starts = [0, 15, 27, 55, 73, 83, 95, 123]
ok = True
for line in lines:
    for col in starts[1:]:
        # the character before each column start is a blank separator
        prefix = ""
        w = 0
        for c in line:
            if w >= col:
                break
            prefix += c
            w = width(prefix)
        if width(prefix) != col or not prefix.endswith("  "):
            ok = False
print("aligned" if ok else "misaligned")
EOF
assert_eq "every column starts at the same display column" "aligned" "$(cat "$T/widths")"

# codes ARGS…: the petitions `petition list --csv ARGS…` returns, as P1…P7
# (one process per call: the parsing is bash's own).
declare -A NAME=([$P1]=P1 [$P2]=P2 [$P3]=P3 [$P4]=P4 [$P5]=P5 [$P6]=P6 [$P7]=P7)
codes() {
	local line names=() header=1
	"$ROVIEC" petition list --csv "$@" >"$T/codes.csv"
	while IFS= read -r line; do
		if [ "$header" = 1 ]; then header=0; continue; fi
		line=${line%%,*}
		line=${line//\"/}
		names+=("${NAME[$line]:-$line}")
	done <"$T/codes.csv"
	echo "${names[*]}"
}

# ---- filters ----
assert_eq "--status received (intake with a category stays received)" "P5 P3" "$(codes --status received)"
assert_eq "--status assigned" "P6 P1" "$(codes --status assigned)"
assert_eq "--status assigned,in_progress" "P6 P2 P1" "$(codes --status assigned,in_progress)"
assert_eq "--status withdrawn" "P7" "$(codes --status withdrawn)"
assert_eq "--overdue" "P2" "$(codes --overdue)"
assert_eq "--due-within 2" "P6" "$(codes --due-within 2)"
assert_eq "--due-within 30 (open only, not overdue)" "P6 P1" "$(codes --due-within 30)"
assert_eq "--agency QL" "P1" "$(codes --agency QL)"
assert_eq "--agency evn (any case)" "P2" "$(codes --agency evn)"
assert_eq "--category dat-dai" "P4 P1" "$(codes --category dat-dai)"
assert_eq "--enterprise 0100000001" "P5 P1" "$(codes --enterprise 0100000001)"
assert_eq "--zone" "P3 P2" "$(codes --zone "Khu công nghệ cao Hòa Lạc")"
assert_eq '--search "dat dai" finds "đất đai" and "ĐẤT ĐAI"' "P4 P1" "$(codes --search "dat dai")"
assert_eq '--search "ĐẤT" finds the look-alike "Ðất" (U+00D0) too' "P6 P4 P1" "$(codes --search "ĐẤT")"
assert_eq '--search "mat dien" (accents and case)' "P2" "$(codes --search "MAT DIEN")"
assert_eq '--search a word prefix' "P5" "$(codes --search "cong nh")"
assert_eq '--search by enterprise name' "P5 P1" "$(codes --search "anh duong")"
assert_eq '--search by tracking code' "P3" "$(codes --search "$P3")"
assert_eq '--search with nothing found' "" "$(codes --search "không có")"
assert_eq "filters combine" "P1" "$(codes --category dat-dai --status assigned --zone "KCN Thăng Long")"

# ---- sort orders, both ways (ties: by id, in the sort's direction) ----
assert_eq "default: -received" "P7 P6 P5 P4 P3 P2 P1" "$(codes)"
assert_eq "--sort received" "P1 P2 P3 P4 P5 P6 P7" "$(codes --sort received)"
assert_eq "--sort -received" "P7 P6 P5 P4 P3 P2 P1" "$(codes --sort -received)"
assert_eq "--sort code" "P1 P2 P3 P4 P5 P6 P7" "$(codes --sort code)"
assert_eq "--sort -code" "P7 P6 P5 P4 P3 P2 P1" "$(codes --sort -code)"
assert_eq "--sort deadline (none last)" "P2 P6 P4 P1 P3 P5 P7" "$(codes --sort deadline)"
assert_eq "--sort -deadline" "P7 P5 P3 P1 P4 P6 P2" "$(codes --sort -deadline)"
assert_eq "--sort enterprise (Vietnamese order)" "P3 P1 P5 P7 P6 P4 P2" "$(codes --sort enterprise)"
assert_eq "--sort -enterprise" "P2 P4 P6 P7 P5 P1 P3" "$(codes --sort -enterprise)"
assert_eq "--sort category (the categories' order)" "P1 P4 P2 P5 P6 P3 P7" "$(codes --sort category)"
assert_eq "--sort -category" "P7 P3 P6 P5 P2 P4 P1" "$(codes --sort -category)"
assert_eq "--sort agency (by name, none last)" "P1 P2 P4 P6 P3 P5 P7" "$(codes --sort agency)"
assert_eq "--sort -agency" "P7 P5 P3 P6 P4 P2 P1" "$(codes --sort -agency)"
assert_eq "--sort status (workflow order)" "P3 P5 P1 P6 P2 P4 P7" "$(codes --sort status)"
assert_eq "--sort -status" "P7 P4 P2 P6 P1 P5 P3" "$(codes --sort -status)"
assert_eq "--sort +code" "P1 P2 P3 P4 P5 P6 P7" "$(codes --sort +code)"

# ---- --limit, --count ----
assert_eq "--limit 2" "P7 P6" "$(codes --limit 2)"
assert_eq "--sort code --limit 3" "P1 P2 P3" "$(codes --sort code --limit 3)"
assert_eq "--limit larger than the list" "P1 P2 P3 P4 P5 P6 P7" "$(codes --sort code --limit 100)"
rv petition list --count
assert_ok "--count"
assert_out "7"
rv petition list --count --category dat-dai
assert_out "2" "--count with a filter"
rv petition list --count --search "không có"
assert_out "0" "--count of nothing"

# ---- JSON ----
rv petition list --json --sort code
assert_ok "--json"
json_check "--json is an array of 7 petitions in order" "$OUT_FILE" \
	'isinstance(d, list) and [p["code"] for p in d] == ["'"$P1"'", "'"$P2"'", "'"$P3"'", "'"$P4"'", "'"$P5"'", "'"$P6"'", "'"$P7"'"]'
json_check "--json objects carry the documented fields" "$OUT_FILE" \
	'all({"code","uuid","title","body","status","category","channel","enterprise","zone","received","lead_agency","coordinating_agencies","responsible_person","deadline","original_deadline","overdue","days_overdue","result","outcome","answered","closed","rating","feedback","version","extensions"} <= set(p) for p in d)'
json_check "--json dates are ISO" "$OUT_FILE" \
	'all(re.fullmatch(r"\d{4}-\d\d-\d\d", p[k]) for p in d for k in ("received", "deadline", "original_deadline", "answered", "closed") if p[k] is not None)'
json_expect "$OUT_FILE" <<EOF
[1].code "$P2"
[1].status "in_progress"
[1].received "2026-03-03"
[1].deadline "2026-03-05"
[1].overdue true
[1].days_overdue 3
[1].lead_agency "EVN"
[1].responsible_person "Trần Bình"
[1].enterprise.name "Đại Việt"
[1].enterprise.tax_code "0100000005"
[1].zone "Khu công nghệ cao Hòa Lạc"
[3].status "answered"
[3].answered "2026-03-09"
[3].outcome "explained"
[3].overdue false
[5].title "Ðất dự án mở rộng"
[6].status "withdrawn"
[6].category null
[6].zone "KCN Nội Bài"
EOF
rv petition list --json --search "không có"
assert_ok "--json with no match"
assert_out "[]" "--json with no match is an empty array"

# ---- CSV ----
rv petition list --csv --enterprise 0100000001 --sort code
assert_ok "--csv"
printf '%s\r\n' \
	'"code","status","received","tax_code","enterprise","category","lead_agency","responsible_person","deadline","original_deadline","overdue","days_overdue","title"' \
	"\"$P1\",\"assigned\",\"2026-03-02\",\"0100000001\",\"Ánh Dương\",\"dat-dai\",\"QL\",\"Nguyễn Văn An\",\"2026-04-15\",\"2026-04-15\",\"0\",\"0\",\"Chậm giao đất, vướng đất đai\"" \
	"\"$P5\",\"received\",\"2026-03-06\",\"0100000001\",\"Ánh Dương\",\"nha-o\",\"\",\"\",\"\",\"\",\"0\",\"0\",\"Nhà ở cho công nhân khu công nghiệp Thăng Long giai đoạn 2\"" >"$T/expected.csv"
assert_eq "--csv: header and rows, ISO dates, CRLF (byte for byte)" "$(sha256sum <"$T/expected.csv")" "$(sha256sum <"$OUT_FILE")"
rv petition list --csv --search "không có"
printf '%s\r\n' '"code","status","received","tax_code","enterprise","category","lead_agency","responsible_person","deadline","original_deadline","overdue","days_overdue","title"' >"$T/expected.csv"
assert_eq "--csv with no match: the header only" "$(sha256sum <"$T/expected.csv")" "$(sha256sum <"$OUT_FILE")"

# ---- refused filters: one message, nothing on stdout ----
FP=$(db_fingerprint)
rv petition list --status open
assert_refused 2 'roviec: status: "open" is not a valid status (one of: received, classified, assigned, in_progress, answered, closed, rejected, withdrawn)' "$FP" "--status open"
rv petition list --sort title
assert_refused 2 "roviec: sort: \"title\" is not a sort order (received, code, deadline, enterprise, category, agency, status; '-' before it for descending)" "$FP" "--sort title"
rv petition list --limit 0
assert_refused 2 'roviec: limit: "0" is not a whole number from 1 to 100000000' "$FP" "--limit 0"
rv petition list --due-within -1
assert_refused 2 'roviec: due-within: "-1" is not a whole number from 0 to 365' "$FP" "--due-within -1"
rv petition list --agency XYZ
assert_refused 3 'roviec: agency: no agency with code "XYZ" (see: roviec agency list)' "$FP" "--agency unknown"
rv petition list --category xyz --csv
assert_refused 3 'roviec: category: no category with code "xyz" (see: roviec category list)' "$FP" "--category unknown (--csv: not even the header)"
rv petition list --enterprise 0199999999
assert_refused 3 'roviec: enterprise: no enterprise with tax code "0199999999" (see: roviec enterprise list)' "$FP" "--enterprise unknown"
rv petition list --zone "KCN Không Có" --json
assert_refused 3 'roviec: zone: no park named "KCN Không Có" (see: roviec zone list)' "$FP" "--zone unknown"

finish
