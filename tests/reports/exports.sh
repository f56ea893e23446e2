#!/usr/bin/env bash
# exports.sh — CSV (BOM, CRLF, quoting), XLSX (read back with openpyxl),
# JSON (the whole database) and Open311 exports of the fixed dataset, with
# and without filters; a failed export leaves no file behind.
source "$(dirname "$0")/lib.sh"
build_dataset
PY3=/usr/bin/python3 # Debian's python3, which has python3-openpyxl

# ---- CSV ----
rv export --format csv --output "$T/all.csv"
assert_status 0 "export csv"
assert_eq "csv: the count on stderr" "Exported 7 petitions to $T/all.csv." "$ERR"
assert_eq "csv: starts with the UTF-8 BOM" "efbbbf" "$(head -c 3 "$T/all.csv" | od -An -tx1 | tr -d ' \n')"
assert_eq "csv: every line ends in CRLF" "0" "$(tr -d '\n' <"$T/all.csv" | grep -c . >/dev/null; grep -c $'[^\r]$' "$T/all.csv" || true)"
cat >"$T/check_csv.py" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
print(len(rows))
by = {r["code"]: r for r in rows}
if "KN-2026-00002" not in by:
    sys.exit(0)
p = by["KN-2026-00002"]
print(p["enterprise"], p["lead_agency"], p["coordinating_agencies"], p["deadline"], p["original_deadline"],
      p["late_days"], p["rating"], p["conference"], sep="|")
print(by["KN-2026-00004"]["overdue"], by["KN-2026-00004"]["days_overdue"], by["KN-2026-00003"]["answered_in_session"], sep="|")
PY
assert_eq "csv: seven petitions, Vietnamese intact, fields" \
	"$(printf '7\nCông ty CP Điện tử Hòa Lạc|SXD|BQL|2026-03-31|2026-03-17|2|3|1\n1|15|1')" \
	"$(python3 "$T/check_csv.py" "$T/all.csv")"

rv export --format csv --output "$T/sxd.csv" --agency SXD --status in_progress
assert_status 0 "export csv with filters"
assert_eq "csv filtered: only KN-2026-00004" "1" "$(python3 "$T/check_csv.py" "$T/sxd.csv" | head -1)"
rv export --format csv --output "$T/conf.csv" --conference 1
assert_eq "csv --conference 1: four petitions" "4" "$(python3 "$T/check_csv.py" "$T/conf.csv" | head -1)"

# ---- XLSX, read back by an independent reader ----
rv export --format xlsx --output "$T/book.xlsx" --from 01/01/2026 --to 30/06/2026
assert_status 0 "export xlsx"
if $PY3 -c 'import openpyxl' 2>/dev/null; then
	cat >"$T/check_xlsx.py" <<'PY'
import datetime, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("|".join(wb.sheetnames))
ws = wb["Petitions"]
rows = list(ws.iter_rows(values_only=True))
print(len(rows) - 1, rows[0][0], rows[0][10])
r = [x for x in rows if x[0] == "KN-2026-00004"][0]
print(r[2], r[7], r[10] == datetime.datetime(2026, 3, 25), r[12], ws.freeze_panes, ws.auto_filter.ref)
ag = [x for x in wb["Agencies"].iter_rows(values_only=True) if x[0] == "SXD"][0]
print(ag[2], ag[5], ag[6], ag[8])
per = list(wb["Period"].iter_rows(values_only=True))
march = [x for x in per if x[0] == "2026-03"][0]
print(march[1], march[2], march[4])
print(wb["Period"].cell(1, 1).value)
print(ws.page_setup.paperSize, ws.page_setup.orientation, wb["Summary"]["B4"].value)
PY
	assert_eq "xlsx: sheets, rows, dates, numbers, formats" "$(cat <<'X'
Summary|Agencies|Categories|Period|Petitions
7 Code Deadline
Công ty TNHH Canon Việt Nam SXD True 15 B2 A1:R8
2 1 8.5 3
5 2 2
Report to superiors, 01/01/2026 – 30/06/2026
9 landscape 7
X
)" "$($PY3 "$T/check_xlsx.py" "$T/book.xlsx" 2>&1)"
else
	fail "xlsx: python3-openpyxl is missing (scripts/deps installs it)"
fi

# ---- JSON: the whole database ----
rv export --format json --output "$T/all.json"
assert_status 0 "export json"
json_expect "$T/all.json" <<'X'
format                        "roviec-export"
format_version                1
#zones                        2
#agencies                     3
#enterprises                  3
#categories                   16
#conferences                  1
conferences[0].agencies       "SXD, EVN, BQL"
#users                        1
code_sequences[0].last        7
#petitions                    7
petitions[1].code             "KN-2026-00002"
petitions[1].extensions[0].new_deadline "2026-03-31"
petitions[1].extensions[0].reason "Chờ phương án bồi thường"
petitions[4].conference_uuid  null
petitions[0].created_at       "2026-03-02T03:00:00Z"
petitions[0].updated_at       "2026-03-20T03:00:00Z"
#petitions[0].history         17
X
json_check "json: the schema version (3 or later)" "$T/all.json" 'd["schema_version"] >= 3'
json_check "json: every history row has at, actor, os_login, version" "$T/all.json" \
	'all(all(k in h for k in ("at","actor","os_login","version","action")) for p in d["petitions"] for h in p["history"])'
json_check "json: conference uuid of KN-2026-00001" "$T/all.json" \
	'd["petitions"][0]["conference_uuid"] == d["conferences"][0]["uuid"]'

# ---- Open311 GeoReport v2 ----
rv export --format open311 --output "$T/georeport.json"
assert_status 0 "export open311"
json_check "open311: every required field on every request" "$T/georeport.json" \
	'all(all(k in r for k in ("service_request_id","status","status_notes","service_name","service_code","description","agency_responsible","service_notice","requested_datetime","updated_datetime","expected_datetime","address","lat","long","media_url")) for r in d)'
json_expect "$T/georeport.json" <<'X'
#                          7
[0].service_request_id     "KN-2026-00001"
[0].status                 "closed"
[0].status_notes           "Đã đóng điện trạm"
[0].service_code           "dien"
[0].service_name           "Electricity"
[0].agency_responsible     "EVN Hà Nội"
[0].requested_datetime     "2026-03-02T00:00:00+07:00"
[0].expected_datetime      "2026-03-17T23:59:59+07:00"
[0].updated_datetime       "2026-03-20T03:00:00Z"
[0].address                "KCN Thăng Long"
[3].status                 "open"
[4].status_notes           "Không thuộc thẩm quyền"
[6].service_code           null
X

# ---- refusals ----
rv export --format pdf --output "$T/x.pdf"
assert_status 2 "unknown format"
assert_err 'roviec: format: "pdf" is not an export format (csv, xlsx, json, open311, html)'
rv export --format csv --output "$T/nodir/x.csv"
assert_status 1 "unwritable output"
assert_eq "no file, no temporary left behind" "" "$(ls "$T" | grep -c 'nodir\|part' | grep -v '^0$' || true)"
rv export --format csv --output "$T/bad.csv" --agency NOPE
assert_status 3 "unknown agency filter"
assert_eq "a refused export leaves no file" "no" "$([ -e "$T/bad.csv" ] && echo yes || echo no)"
rv export --format csv
assert_status 2 "--output is required"
finish
