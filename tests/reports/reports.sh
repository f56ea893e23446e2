#!/usr/bin/env bash
# reports.sh — every report against figures computed by hand on the fixed
# dataset of lib.sh (docs/reports.md walks through them).
source "$(dirname "$0")/lib.sh"
build_dataset

# ---- summary, all time ----
rv report summary --json
assert_ok "report summary --json"
cp "$OUT_FILE" "$T/summary.json"
json_expect "$T/summary.json" <<'X'
report                 "summary"
from                   null
received               7
answered               3
answered_on_time       2
overdue                1
open                   3
median_days_to_answer  10.0
#by_status             8
by_status[0].key       "received"
by_status[0].count     1
by_status[2].count     1
by_status[3].count     1
by_status[4].count     1
by_status[5].key       "closed"
by_status[5].count     2
by_status[6].count     1
by_status[7].count     0
#by_category           7
by_category[0].key     "tthc"
by_category[6].key     null
by_category[6].label   "(not classified)"
by_zone[0].key         "KCN Thăng Long"
by_zone[0].count       3
by_zone[1].key         "Khu công nghệ cao Hòa Lạc"
by_zone[1].count       2
by_zone[2].key         null
by_zone[2].count       2
by_channel[0].key      "conference"
by_channel[0].count    3
by_channel[1].count    1
X

# ---- summary over March: three answered in the month? no: P8 and P1 ----
rv report summary --from 01/03/2026 --to 31/03/2026 --json
cp "$OUT_FILE" "$T/summary-march.json"
json_expect "$T/summary-march.json" <<'X'
from                   "2026-03-01"
to                     "2026-03-31"
received               5
answered               2
answered_on_time       2
overdue                2
open                   1
median_days_to_answer  5.0
X

# ---- agencies, all time: the officials' board ----
rv report agencies --json
assert_ok "report agencies --json"
cp "$OUT_FILE" "$T/agencies.json"
json_check "agencies: exactly the documented fields" "$T/agencies.json" \
	'all(list(a.keys()) == ["agency","name","assigned","answered","answered_on_time","overdue","avg_days_late","extensions","avg_rating"] for a in d)'
json_expect "$T/agencies.json" <<'X'
#                      3
[0].agency             "SXD"
[0].name               "Sở Xây dựng"
[0].assigned           2
[0].answered           1
[0].answered_on_time   0
[0].overdue            1
[0].avg_days_late      8.5
[0].extensions         1
[0].avg_rating         3.0
[1].agency             "BQL"
[1].assigned           2
[1].answered           1
[1].answered_on_time   1
[1].overdue            0
[1].avg_days_late      0.0
[1].avg_rating         null
[2].agency             "EVN"
[2].avg_rating         5.0
X

# ---- agencies over March: aggregated from the petitions ----
rv report agencies --from 01/03/2026 --to 31/03/2026 --json
cp "$OUT_FILE" "$T/agencies-march.json"
json_expect "$T/agencies-march.json" <<'X'
[0].agency             "SXD"
[0].assigned           2
[0].answered           0
[0].overdue            2
[0].avg_days_late      15.0
[0].extensions         1
[0].avg_rating         null
[1].agency             "BQL"
[1].assigned           1
[1].answered           1
[1].answered_on_time   1
[2].agency             "EVN"
[2].avg_rating         5.0
X

# ---- categories ----
rv report categories --json
cp "$OUT_FILE" "$T/categories.json"
json_expect "$T/categories.json" <<'X'
#categories                        7
categories[2].category             "dien"
categories[2].answered             1
categories[2].median_days_to_answer 10.0
categories[2].avg_rating           5.0
categories[4].category             "gpmb"
categories[4].median_days_to_answer 23.0
categories[4].overdue              0
categories[1].category             "ha-tang-ngoai"
categories[1].overdue              1
categories[6].category             null
categories[6].open                 1
X

# ---- period: six months from January, month by month ----
rv report period --from 01/01/2026 --json
cp "$OUT_FILE" "$T/period.json"
json_expect "$T/period.json" <<'X'
from                      "2026-01-01"
to                        "2026-06-30"
received                  7
answered                  3
answered_on_time          2
overdue                   2
open                      3
median_days_to_answer     10.0
avg_rating                4.0
#months                   6
months[2].month           "2026-03"
months[2].received        5
months[2].answered        2
months[2].overdue         2
months[2].median_days_to_answer 5.0
months[2].avg_rating      5.0
months[3].month           "2026-04"
months[3].received        2
months[3].answered        1
months[3].answered_on_time 0
months[3].median_days_to_answer 23.0
months[0].received        0
months[0].median_days_to_answer null
agencies[0].agency        "SXD"
agencies[0].overdue       2
agencies[0].avg_days_late 8.5
categories[4].overdue     1
X

# period defaults: the six months ending today (15/04/2026)
rv report period --json
cp "$OUT_FILE" "$T/period-default.json"
json_expect "$T/period-default.json" <<'X'
from   "2025-11-01"
to     "2026-04-15"
#months 6
X

# ---- table and CSV forms ----
rv report agencies
assert_ok "report agencies as a table"
assert_contains "table: the SXD row, ranked first" "SXD   Sở Xây dựng" "$(sed -n 4p "$OUT_FILE")"
assert_contains "table: average days late" "8.50" "$OUT"
rv report agencies --csv
csv_rows() { python3 -c 'import csv, sys; [print("|".join(r)) for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))]' "$1"; }
assert_eq "csv: header" "agency|name|assigned|answered|answered_on_time|overdue|avg_days_late|extensions|avg_rating" \
	"$(csv_rows "$OUT_FILE" | head -1)"
assert_eq "csv: SXD" "SXD|Sở Xây dựng|2|1|0|1|8.50|1|3.00" "$(csv_rows "$OUT_FILE" | sed -n 2p)"
rv report summary --csv
assert_contains "summary csv: sections" "by_channel" "$OUT"
rv report period --from 01/01/2026
assert_contains "period table: month rows" "2026-03         5         2        2        2" "$OUT"

# ---- refusals ----
fp=$(db_fingerprint)
rv report weekly
assert_status 2 "unknown report: usage error"
rv report summary --from 31/02/2026
assert_refused 2 'roviec: from: "31/02/2026" is not a date (DD/MM/YYYY or YYYY-MM-DD)' "$fp" "bad --from"
rv report summary --from 01/05/2026 --to 01/04/2026
assert_refused 2 "roviec: from: 01/05/2026 is after to: 01/04/2026" "$fp" "from after to"
rv user add dn1 --role enterprise --enterprise 0100000001
rv --as dn1 report agencies
assert_status 5 "an enterprise may not read reports"
finish
