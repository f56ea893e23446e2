# lookup.sh — the enterprise PIN and `roviec lookup` end to end: petition
# add prints the tracking code with a PIN (and "code"/"pin" in JSON, no
# second PIN on a --request-id retry); the right PIN shows that one
# petition; a wrong PIN and an unknown code give byte-identical answers;
# 5 failures lock the code (even the right PIN) until 15 minutes later
# (ROVIEC_NOW); lookup takes no arguments, ignores --as, needs no user
# row, refuses hostile input visibly, and changes nothing but its
# counters; petition pin re-issues a lost PIN.
. "$(dirname "$0")/lib.sh"

rv init
"$ROVIEC" zone add "KCN Thăng Long"
"$ROVIEC" agency add "Sở Xây dựng" --code SXD --kind department
"$ROVIEC" enterprise add "Công ty TNHH Hòa Bình" --tax-code 0100000001 --zone "KCN Thăng Long"
"$ROVIEC" user add canbo --role staff >/dev/null
"$ROVIEC" user add hoabinh --role enterprise --enterprise 0100000001 >/dev/null

# The database without the lookup counters: what lookup must never change.
fp_but_counters() {
	local h
	h=$(sqlite3 "$ROVIEC_DB" 'PRAGMA user_version' .dump | grep -v '^INSERT INTO lookup_failures' | sha256sum)
	echo "${h%% *}"
}
# A refused lookup: exit 2, the one-line message, nothing but the prompts
# on stdout, the database unchanged.
lookup_refused() {
	local msg=$1 fp=$2 desc=$3
	assert_status 2 "$desc: exit 2"
	assert_err "$msg" "$desc: message"
	assert_match "$desc: only the prompts on stdout" '^Tracking code: (
PIN: )?$' "$OUT"
	assert_eq "$desc: database unchanged" "$fp" "$(db_fingerprint)"
}
# look CODE PIN: runs roviec lookup with the two lines on standard input.
look() {
	printf '%s\n%s\n' "$1" "$2" >"$T/in"
	rv_in "$T/in" lookup
}

# ---- intake: the receipt ----
rv petition add --enterprise 0100000001 --title "Đề nghị cấp điện cho nhà xưởng" --category dien
assert_ok "petition add"
assert_match "petition add prints the tracking code and an 8-digit PIN" '^KN-2026-00001  PIN [0-9]{8}$' "$OUT"
CODE=${OUT%% *}
PIN=${OUT##* }
assert_eq "no table holds the PIN in clear" "" "$(sqlite3 "$ROVIEC_DB" .dump | grep -F "$PIN" || true)"
assert_match "only an Argon2id hash is stored" '^\$argon2id\$v=19\$m=19456,t=2,p=1\$' \
	"$(sqlite3 "$ROVIEC_DB" 'SELECT hash FROM petition_pins')"

rv petition add --enterprise 0100000001 --title "Cấp nước" --request-id req-7 --json
assert_ok "petition add --json"
json_check "JSON has the code" "$OUT_FILE" 'd["code"] == "KN-2026-00002"'
json_check "JSON has an 8-digit pin" "$OUT_FILE" 'isinstance(d["pin"], str) and len(d["pin"]) == 8 and d["pin"].isdigit()'
PIN2=$(json_val "$OUT_FILE" 'd["pin"]' | tr -d '"')
HASH2=$(sqlite3 "$ROVIEC_DB" "SELECT hash FROM petition_pins WHERE petition_id = 2")
rv petition add --enterprise 0100000001 --title "Cấp nước" --request-id req-7 --json
assert_ok "the same --request-id again"
json_check "a retry answers the same code" "$OUT_FILE" 'd["code"] == "KN-2026-00002"'
json_check "a retry issues no second PIN (null)" "$OUT_FILE" 'd["pin"] is None'
assert_eq "a retry keeps the first PIN's hash" "$HASH2" "$(sqlite3 "$ROVIEC_DB" "SELECT hash FROM petition_pins WHERE petition_id = 2")"
rv petition add --enterprise 0100000001 --title "Cấp nước" --request-id req-7
assert_out "KN-2026-00002" "a plain retry prints the code alone"

"$ROVIEC" petition assign "$CODE" --lead SXD --person "Nguyễn Văn An" --within 3 >/dev/null
FP=$(fp_but_counters)

# ---- the right PIN ----
look "$CODE" "$PIN"
assert_ok "the right PIN"
assert_out "Tracking code: 
PIN: 
Tracking code:   KN-2026-00001
Title:           Đề nghị cấp điện cho nhà xưởng
Received:        08/01/2026
Status:          assigned
Lead agency:     Sở Xây dựng (SXD)
Deadline:        12/01/2026" "the petition's status, lead agency and deadline"
look "  kn-2026-00002 " "$PIN2"
assert_ok "the code in lower case with blanks, the JSON PIN"
assert_contains "shows that petition" "Title:           Cấp nước" "$OUT"

# ---- unknown code and wrong PIN: the same answer ----
WRONG=$(printf '%08d' $(((10#$PIN + 1) % 100000000)))
look "$CODE" "$WRONG"
assert_status 3 "a wrong PIN: exit 3"
cp "$OUT_FILE" "$T/wrong.out"
cp "$ERR_FILE" "$T/wrong.err"
assert_err "roviec: no petition matches this tracking code and PIN" "a wrong PIN: one line"
look KN-2026-09999 "$WRONG"
assert_status 3 "an unknown code: exit 3"
assert_eq "stdout byte-identical for unknown code and wrong PIN" "$(od -c "$T/wrong.out")" "$(od -c "$OUT_FILE")"
assert_eq "stderr byte-identical for unknown code and wrong PIN" "$(od -c "$T/wrong.err")" "$(od -c "$ERR_FILE")"
assert_eq "failures changed nothing but the counters" "$FP" "$(fp_but_counters)"
assert_eq "both were counted" "KN-2026-00001|1
KN-2026-09999|1" "$(sqlite3 "$ROVIEC_DB" 'SELECT code, failures FROM lookup_failures ORDER BY code')"

# ---- five failures lock the code for 15 minutes ----
for i in 2 3 4 5; do look "$CODE" "$WRONG"; done
assert_status 3 "the fifth wrong PIN"
look "$CODE" "$PIN"
assert_status 5 "locked: even the right PIN is refused (exit 5)"
assert_err "roviec: too many wrong PINs for this code; try again in 15 minutes"
assert_eq "nothing shown while locked" "Tracking code: 
PIN: " "$OUT"
for i in 2 3 4 5; do look KN-2026-09999 "$WRONG"; done
look KN-2026-09999 "$PIN"
assert_err "roviec: too many wrong PINs for this code; try again in 15 minutes" "an unknown code locks the same way"
printf '%s\n%s\n' "$CODE" "$PIN" >"$T/in"
ROVIEC_NOW=2026-01-08T02:14:59Z rv_in "$T/in" lookup
assert_status 5 "still locked after 14 min 59 s"
ROVIEC_NOW=2026-01-08T02:15:00Z rv_in "$T/in" lookup
assert_ok "unlocked 15 minutes later"
assert_contains "shows the petition again" "Tracking code:   KN-2026-00001" "$OUT"
assert_eq "lookups changed nothing but the counters" "$FP" "$(fp_but_counters)"

# ---- a terminal is not needed, arguments and --as are not taken ----
rv lookup petition list
assert_refused 2 "roviec lookup: lookup takes no arguments (see: roviec lookup --help)" "$(db_fingerprint)" "lookup with arguments"
look "$CODE" "$PIN"
cp "$OUT_FILE" "$T/plain.out"
printf '%s\n%s\n' "$CODE" "$PIN" >"$T/in"
rv_in "$T/in" --as hoabinh lookup
assert_ok "--as is ignored (an admin's --as would act; lookup does not care)"
assert_eq "same answer with --as" "$(cat "$T/plain.out")" "$OUT"
sqlite3 "$ROVIEC_DB" "DELETE FROM users WHERE login = '$ME'"
rv_in "$T/in" lookup
assert_ok "lookup needs no user row for the OS login"
rv petition list
assert_status 5 "while other commands need one"
sqlite3 "$ROVIEC_DB" "INSERT INTO users(login, role) VALUES ('$ME', 'admin')"

# ---- hostile input: refused in one visible line, nothing counted ----
FP=$(db_fingerprint)
look "$(printf 'KN\033]52;c;QUFB\a')" 1
lookup_refused 'roviec: code: "KN^[]52;c;QUFB^G" contains a control character (byte 3)' "$FP" "an OSC 52 escape as the code"
assert_no_bytes "no escape reaches the terminal" "$ERR_FILE" 1b 07
look "$CODE" "$(printf '1\xc2\x9b2')"
assert_status 2 "a C1 control in the PIN is refused"
assert_no_bytes "no C1 reaches the terminal" "$ERR_FILE" c29b
head -c 5000 /dev/zero | tr '\0' 'A' >"$T/in"
rv_in "$T/in" lookup
lookup_refused "roviec: code: is too long" "$FP" "a 5000-byte line"
printf 'KN\0-1\n1\n' >"$T/in"
rv_in "$T/in" lookup
lookup_refused "roviec: code: contains a NUL byte" "$FP" "a NUL byte"
rv_in /dev/null lookup
lookup_refused "roviec: code: no input" "$FP" "no input at all"
printf '%s\n' "$CODE" >"$T/in"
rv_in "$T/in" lookup
lookup_refused "roviec: pin: no input" "$FP" "a code and no PIN"

# ---- a lost PIN ----
rv --as hoabinh petition pin "$CODE"
assert_status 5 "an enterprise cannot re-issue a PIN"
rv --as canbo petition pin kn-2026-00001
assert_ok "staff re-issue a PIN"
assert_match "the receipt line" '^KN-2026-00001  PIN [0-9]{8}$' "$OUT"
NEWPIN=${OUT##* }
if [ "$NEWPIN" != "$PIN" ]; then
	look "$CODE" "$PIN"
	assert_status 3 "the old PIN stops working"
else
	pass "the old PIN stops working (the new one happens to be equal)"
fi
look "$CODE" "$NEWPIN"
assert_ok "the new PIN works"
assert_eq "history records the re-issue, version unchanged" "2|canbo|pin" \
	"$(sqlite3 "$ROVIEC_DB" "SELECT version, actor, action FROM history WHERE petition_id = 1 ORDER BY id DESC LIMIT 1")"
rv --as canbo petition pin KN-2026-00002 --json
json_check "petition pin --json: code and pin" "$OUT_FILE" 'd["code"] == "KN-2026-00002" and len(d["pin"]) == 8'

finish
