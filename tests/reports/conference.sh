#!/usr/bin/env bash
# conference.sh — conferences: add, list, link (history, versions, moving,
# in-session answers), the follow-up table, petition list --conference and
# the conference in the petition JSON; refusals change nothing.
source "$(dirname "$0")/lib.sh"
build_dataset

rv conference list --json
cp "$OUT_FILE" "$T/list.json"
json_expect "$T/list.json" <<'X'
#                1
[0].id           1
[0].date         "2026-03-02"
[0].zone         "KCN Thăng Long"
[0].petitions    4
[0].answered     3
[0].overdue      1
X

# ---- the follow-up table ----
rv conference show 1 --json
assert_ok "conference show --json"
cp "$OUT_FILE" "$T/show.json"
json_expect "$T/show.json" <<'X'
title                           "Hội nghị đối thoại doanh nghiệp KCN Thăng Long 2026"
chair                           "Phó Chủ tịch UBND Thành phố"
agencies                        ["BQL", "EVN", "SXD"]
progress.petitions              4
progress.answered               3
progress.answered_in_session    1
progress.answered_on_time       2
progress.overdue                1
progress.open                   1
progress.avg_rating             4.0
#petitions                      4
petitions[0].code               "KN-2026-00001"
petitions[0].lead_agency        "EVN"
petitions[0].rating             5
petitions[1].coordinating_agencies ["BQL"]
petitions[1].late_days          2
petitions[2].answered_in_session true
petitions[2].outcome            "explained"
petitions[3].code               "KN-2026-00004"
petitions[3].status             "in_progress"
petitions[3].overdue            true
petitions[3].days_overdue       15
petitions[3].responsible_person "Lê Văn Cường"
petitions[3].deadline           "2026-03-25"
X
rv conference show 1
assert_ok "conference show as a table"
assert_contains "table: overdue row" "in progress, 15 days late" "$OUT"
assert_contains "table: in-session answer" "answered (in session)" "$OUT"
assert_contains "table: progress" "Answered in the session: 1" "$OUT"
rv report conference 1 --csv
assert_contains "report conference --csv: the follow-up rows" "KN-2026-00004" "$OUT"

# ---- linking writes history and bumps the version ----
rv petition show KN-2026-00004 --json
cp "$OUT_FILE" "$T/p4.json"
json_expect "$T/p4.json" <<'X'
conference                  1
answered_in_session         false
X
json_check "link history row: set conference → 1" "$T/p4.json" \
	'any(h["action"] == "set" and h["field"] == "conference" and h["from"] is None and h["to"] == "1" for h in d["history"])'
v=$(json_val "$T/p4.json" 'd["version"]')
on 2026-04-15 conference add --title "Hội nghị Hòa Lạc" --date 20/04/2026 --zone "Khu công nghệ cao Hòa Lạc" --theme "Hạ tầng"
assert_eq "second conference gets number 2" "2" "$OUT"
rv conference link 2 KN-2026-00004 --expect-version "$v"
assert_ok "moving a petition to another conference"
rv petition show KN-2026-00004 --json
cp "$OUT_FILE" "$T/p4b.json"
json_check "version bumped by one" "$T/p4b.json" "d['version'] == $v + 1"
json_check "history: conference 1 → 2" "$T/p4b.json" \
	'd["history"][-1]["field"] == "conference" and d["history"][-1]["from"] == "1" and d["history"][-1]["to"] == "2"'
fp=$(db_fingerprint)
rv conference link 2 KN-2026-00004
assert_ok "linking again as it is"
assert_eq "linking again changes nothing" "$fp" "$(db_fingerprint)"

rv petition list --conference 1 --json
cp "$OUT_FILE" "$T/l1.json"
json_check "petition list --conference 1" "$T/l1.json" \
	'[p["code"] for p in d] == ["KN-2026-00003", "KN-2026-00002", "KN-2026-00001"]'
rv petition list --conference 2 --count
assert_out "1" "petition list --conference 2 --count"

# ---- answered in session ----
rv conference link 2 KN-2026-00002 --answered-in-session
assert_ok "flagging an answered petition"
rv petition show KN-2026-00002 --json
cp "$OUT_FILE" "$T/p2.json"
json_expect "$T/p2.json" <<'X'
conference           2
answered_in_session  true
X

# ---- refusals: exit status, message, nothing written ----
fp=$(db_fingerprint)
rv conference link 9 KN-2026-00001
assert_refused 3 "roviec: conference: no conference 9 (see: roviec conference list)" "$fp" "unknown conference"
rv conference link 1 KN-2026-00006 --answered-in-session
assert_refused 2 "roviec: KN-2026-00006 is assigned: only an answered petition can be marked answered in the session (record the answer with: roviec conference answer 1 KN-2026-00006 --result TEXT --outcome OUTCOME)" "$fp" "in-session flag on an unanswered petition"
rv conference link 1 KN-2026-00099
assert_refused 3 "roviec: no petition KN-2026-00099" "$fp" "unknown petition"
rv conference link 1 KN-2026-00004 --expect-version 1
assert_status 4 "stale --expect-version: conflict"
assert_eq "stale --expect-version: nothing written" "$fp" "$(db_fingerprint)"
rv conference add --title "X" --date 31/02/2026
assert_refused 2 'roviec: date: "31/02/2026" is not a date (DD/MM/YYYY or YYYY-MM-DD)' "$fp" "bad date"
rv conference add --title "X" --date 01/05/2026 --agency NOPE
assert_refused 3 'roviec: agency: no agency with code "NOPE" (see: roviec agency list)' "$fp" "unknown agency"
rv conference answer 1 KN-2026-00006 --result "Trả lời" --outcome nope
assert_status 2 "conference answer: bad outcome"
assert_eq "conference answer refused: nothing written (link rolled back)" "$fp" "$(db_fingerprint)"
rv conference show abc
assert_status 2 "conference show: not a number"
rv user add dn1 --role enterprise --enterprise 0100000002
rv --as dn1 conference show 1 --json
cp "$OUT_FILE" "$T/dn1.json"
json_check "an enterprise sees only its own petitions in the follow-up" "$T/dn1.json" \
	'[p["code"] for p in d["petitions"]] == []'
rv --as dn1 conference link 1 KN-2026-00007
assert_status 5 "an enterprise may not link"
finish
