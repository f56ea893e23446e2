# intake_conference.sh — `petition add --conference ID`: the new petition is
# linked to the conference in the same transaction as its creation (one
# "set conference" history row at version 1, in the follow-up table and the
# conference filter of `petition list`); a bad or unknown conference number
# is refused with one line naming the field, and nothing is written.
. "$(dirname "$0")/lib.sh"

export ROVIEC_TODAY=2026-03-10
rv init
assert_ok "init"
"$ROVIEC" zone add "KCN Thăng Long" >/dev/null
"$ROVIEC" enterprise add "Công ty TNHH Ánh Dương" --tax-code 0100000001 --zone "KCN Thăng Long" >/dev/null
rv conference add --title "Đối thoại KCN Thăng Long" --date 02/03/2026 --zone "KCN Thăng Long"
assert_out "1" "conference added"

rv petition add --enterprise 0100000001 --title "Đất đai" --category dat-dai --conference 1
assert_ok "petition add --conference"
code=${OUT%% *}
assert_eq "tracking code" "KN-2026-00001" "$code"

rv petition show "$code" --json
assert_ok "show"
assert_eq "version 1: one change" "1" "$(json_val "$OUT_FILE" 'd["version"]')"
assert_eq "history: set conference, from none to 1, at version 1" '[["set", null, "1", 1]]' \
	"$(json_val "$OUT_FILE" '[[h["action"], h["from"], h["to"], h["version"]] for h in d["history"] if h["field"] == "conference"]')"
assert_eq "history: three rows (create, category, conference)" "3" "$(json_val "$OUT_FILE" 'len(d["history"])')"

rv conference show 1 --json
assert_ok "conference show"
assert_eq "in the follow-up table" "[\"$code\"]" "$(json_val "$OUT_FILE" '[p["code"] for p in d["petitions"]]')"
rv petition list --conference 1 --json
assert_ok "petition list --conference"
assert_eq "found by the conference filter" "[\"$code\"]" "$(json_val "$OUT_FILE" '[p["code"] for p in d]')"

rv petition add --enterprise 0100000001 --title "Không hội nghị"
assert_ok "without --conference"
rv conference show 1 --json
assert_eq "not linked without --conference" "1" "$(json_val "$OUT_FILE" 'len(d["petitions"])')"

fp=$(db_fingerprint)
rv petition add --enterprise 0100000001 --title "Điện" --conference 9
assert_refused 3 "roviec: conference: no conference 9 (see: roviec conference list)" "$fp" "unknown conference"
rv petition add --enterprise 0100000001 --title "Điện" --conference abc
assert_status 2 "not a number: exit 2"
assert_match "not a number: names the field and the value" '^roviec: conference: .*abc' "$ERR"
assert_eq "not a number: nothing written" "$fp" "$(db_fingerprint)"

finish
