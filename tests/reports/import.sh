#!/usr/bin/env bash
# import.sh — CSV files as Excel saves them: BOM, CRLF, quoted fields with
# commas and line breaks, DD/MM/YYYY, Vietnamese headers and names with or
# without accents, ';' separators; broken files report every bad row with
# its line and reason and change nothing; re-importing adds nothing.
source "$(dirname "$0")/lib.sh"
build_dataset
crlf() { sed 's/$/\r/'; }

# ---- a good file, saved by Excel ----
{
	printf '\xef\xbb\xbf'
	crlf <<'X'
Mã số thuế,Doanh nghiệp,Khu công nghiệp,Nội dung kiến nghị,Chi tiết,Lĩnh vực,Hình thức,Ngày tiếp nhận,Cơ quan chủ trì,Cơ quan phối hợp,Cán bộ xử lý,Thời hạn
0100000001,,,"Xin cấp điện, gấp","Dòng 1
Dòng 2, có dấu phẩy và ""ngoặc kép""",Dien,Truc tuyen,05/04/2026,evn ha noi,"So Xay dung; BQL",Nguyễn Văn B,20/04/2026
0100000009,Công ty TNHH Mới Hòa Lạc,Khu công nghệ cao Hòa Lạc,Nước sạch cho nhà máy,,nuoc,,6/4/2026,,,,
0100000002,,,Thuế nhập khẩu,,THUẾ,văn bản,2026-04-07,,,,

0100000003,,,Đường vào KCN ngập,,Hạ tầng ngoài hàng rào,,08/04/2026,Sở Xây Dựng,,Lê Văn D,22/04/2026
X
} >"$T/excel.csv"
fp=$(db_fingerprint)
rv import "$T/excel.csv" --dry-run
assert_status 0 "dry run of a good file"
assert_out "Dry run: 4 rows read, 4 would be added, 0 already present, 0 bad; nothing written."
assert_eq "dry run writes nothing" "$fp" "$(db_fingerprint)"
rv import "$T/excel.csv"
assert_status 0 "import of a good file"
assert_out "4 rows read: 4 added, 0 already present, 0 bad."
rv petition show KN-2026-00008 --json
cp "$OUT_FILE" "$T/p8.json"
json_expect "$T/p8.json" <<'X'
title                  "Xin cấp điện, gấp"
body                   "Dòng 1\nDòng 2, có dấu phẩy và \"ngoặc kép\""
category               "dien"
channel                "online"
received               "2026-04-05"
lead_agency            "EVN"
coordinating_agencies  ["BQL", "SXD"]
responsible_person     "Nguyễn Văn B"
deadline               "2026-04-20"
status                 "assigned"
version                1
history[0].action      "create"
history[0].note        "imported from excel.csv, line 2"
history[1].to          "assigned"
X
rv petition show KN-2026-00009 --json
cp "$OUT_FILE" "$T/p9.json"
json_expect "$T/p9.json" <<'X'
enterprise.name        "Công ty TNHH Mới Hòa Lạc"
zone                   "Khu công nghệ cao Hòa Lạc"
received               "2026-04-06"
status                 "classified"
history[0].note        "imported from excel.csv, line 4"
X
rv petition show KN-2026-00011 --json
cp "$OUT_FILE" "$T/p11.json"
json_expect "$T/p11.json" <<'X'
category      "ha-tang-ngoai"
lead_agency   "SXD"
history[0].note "imported from excel.csv, line 7"
X

fp=$(db_fingerprint)
rv import "$T/excel.csv"
assert_status 0 "importing the same file again"
assert_out "4 rows read: 0 added, 4 already present, 0 bad."
assert_eq "re-import adds nothing" "$fp" "$(db_fingerprint)"

# ---- ';' as separator (Excel in a decimal-comma locale), LF only ----
printf 'mst;tieu de;linh vuc;ngay tiep nhan\n0100000002;Xin giấy phép PCCC;pccc;09/04/2026\n' >"$T/semi.csv"
rv import "$T/semi.csv"
assert_out "1 rows read: 1 added, 0 already present, 0 bad." "';' separated, headers without accents"

# ---- a broken file: every bad row, its line, its reason; nothing written ----
{
	printf '\xef\xbb\xbf'
	crlf <<'X'
Mã số thuế,Nội dung kiến nghị,Lĩnh vực,Ngày tiếp nhận,Cơ quan chủ trì,Cán bộ xử lý,Thời hạn,Trạng thái
0100000001,Hàng tốt,dien,10/04/2026,,,,
0100000001,Ngày sai,dien,31/02/2026,,,,
0100000404,Doanh nghiệp lạ,dien,10/04/2026,,,,
0100000001,"Lĩnh vực lạ",không có,10/04/2026,,,,
0100000001,Cơ quan lạ,dien,10/04/2026,Sở Không Tồn Tại,Ai đó,30/04/2026,
0100000001,"Nhiều
dòng, cơ quan lạ",dien,10/04/2026,Sở Không Tồn Tại,Ai đó,30/04/2026,
0100000001,,dien,10/04/2026,,,,
0100000001,Thiếu cán bộ,dien,10/04/2026,EVN,,30/04/2026,đang xử lý
0100000001,Ngày mai,dien,16/04/2026,,,,
0100000001,Hạn trước ngày nhận,dien,10/04/2026,EVN,An,01/04/2026,
X
} >"$T/broken.csv"
fp=$(db_fingerprint)
rv import "$T/broken.csv"
assert_status 2 "a file with bad rows is refused"
assert_eq "every bad row with its line and reason" "$(cat <<X
$T/broken.csv:3: Ngày tiếp nhận: "31/02/2026" is not a date (DD/MM/YYYY or YYYY-MM-DD)
$T/broken.csv:4: Mã số thuế: "0100000404" is no known enterprise (give its name in a column "Doanh nghiệp" to add it)
$T/broken.csv:5: Lĩnh vực: "không có" matches no category by code or name (see: roviec category list)
$T/broken.csv:6: Cơ quan chủ trì: "Sở Không Tồn Tại" matches no agency by code or name (see: roviec agency list)
$T/broken.csv:7: Nội dung kiến nghị: "Nhiều^M^Jdòng, cơ quan lạ" contains a control character (byte 8)
$T/broken.csv:9: Nội dung kiến nghị: is required
$T/broken.csv:10: Cán bộ xử lý: required for a petition that is in_progress
$T/broken.csv:11: Ngày tiếp nhận: "16/04/2026" is after today
$T/broken.csv:12: Thời hạn: "01/04/2026" is before the received date
roviec: $T/broken.csv: 9 bad rows, nothing imported
X
)" "$ERR"
assert_eq "nothing imported, not even the good row" "$fp" "$(db_fingerprint)"
rv import "$T/broken.csv" --skip-bad
assert_status 0 "--skip-bad imports the good rows"
assert_out "10 rows read: 1 added, 0 already present, 9 bad."

# ---- files that are not CSV petitions ----
fp=$(db_fingerprint)
printf 'a,b\n1,2\n' >"$T/noheader.csv"
rv import "$T/noheader.csv"
assert_status 2 "a file without the required columns"
assert_contains "names the required columns" "noheader.csv:1: header: a column for the tax code" "$ERR"
printf 'mst,tieu de\n0100000001,"not closed\n' >"$T/quote.csv"
rv import "$T/quote.csv"
assert_status 2 "an unclosed quote"
assert_contains "reports the unclosed quote at its line" 'quote.csv:2: a quoted field is not closed' "$ERR"
: >"$T/empty.csv"
rv import "$T/empty.csv"
assert_status 2 "an empty file"
rv import "$T/nothere.csv"
assert_status 3 "a missing file"
rv import "$T/notes.txt"
assert_status 2 "neither .csv nor .json"
assert_eq "refused imports change nothing" "$fp" "$(db_fingerprint)"
finish
