# badinput.sh — every refusal: the exit status (2 bad usage or input,
# 3 not found, 4 conflict, 5 not permitted), the exact one-line message on
# stderr naming the field and the value (control characters shown
# visibly, never raw), nothing on stdout, and a database that is byte for
# byte what it was (db_fingerprint hashes every table).
. "$(dirname "$0")/lib.sh"

rv init
assert_ok "init"
"$ROVIEC" zone add "KCN Thăng Long"
"$ROVIEC" agency add "Ban Quản lý" --code BQL --kind board
"$ROVIEC" agency add "Sở Xây dựng" --code SXD --kind department
"$ROVIEC" enterprise add "Công ty TNHH Ánh Dương" --tax-code 0100000001 --zone "KCN Thăng Long"
"$ROVIEC" enterprise add "Công ty CP Đại Việt" --tax-code 0100000002
"$ROVIEC" user add chuyenvien --role staff
"$ROVIEC" user add lanhdao --role official
"$ROVIEC" user add dn --role enterprise --enterprise 0100000001
"$ROVIEC" user add lienlac --role agency --agency SXD
P=$("$ROVIEC" petition add --enterprise 0100000001 --title "Tiếp nhận" | cut -d" " -f1)
PA=$("$ROVIEC" petition add --enterprise 0100000001 --title "Đã giao" --category dat-dai | cut -d" " -f1)
"$ROVIEC" petition assign "$PA" --lead BQL --person "Trần Thị Bình" --within 5 >/dev/null
PO=$("$ROVIEC" petition add --enterprise 0100000002 --title "Của doanh nghiệp khác" | cut -d" " -f1)
assert_eq "fixture petitions" "KN-2026-00001 KN-2026-00002 KN-2026-00003" "$P $PA $PO"
FP=$(db_fingerprint)
ADD=(petition add --enterprise 0100000001)

# ---- dates ----
rv "${ADD[@]}" --title "x" --received 31/02/2026
assert_refused 2 'roviec: received: "31/02/2026" is not a date (DD/MM/YYYY or YYYY-MM-DD)' "$FP" "a bad date"
rv "${ADD[@]}" --title "x" --received 2026-01-09
assert_refused 2 "roviec: received: 09/01/2026 is after today (08/01/2026)" "$FP" "received in the future"
rv petition assign "$PA" --lead BQL --person X --due 2026-02-30
assert_refused 2 'roviec: due: "2026-02-30" is not a date (DD/MM/YYYY or YYYY-MM-DD)' "$FP" "a bad --due"
ROVIEC_TODAY=2026-02-30 rv "${ADD[@]}" --title "x"
assert_refused 2 'roviec: ROVIEC_TODAY: "2026-02-30" is not a date (YYYY-MM-DD)' "$FP" "ROVIEC_TODAY not a date"
ROVIEC_TODAY=10/01/2026 rv "${ADD[@]}" --title "x"
assert_refused 2 'roviec: ROVIEC_TODAY: "10/01/2026" is not a date (YYYY-MM-DD)' "$FP" "ROVIEC_TODAY not ISO"

# ---- references that do not exist ----
rv petition classify "$P" --category nope
assert_refused 3 'roviec: category: no category with code "nope" (see: roviec category list)' "$FP" "classify: unknown category"
rv "${ADD[@]}" --title "x" --category nope
assert_refused 3 'roviec: category: no category with code "nope" (see: roviec category list)' "$FP" "add: unknown category"
rv petition assign "$PA" --lead NOPE --person X --within 3
assert_refused 3 'roviec: lead: no agency with code "NOPE" (see: roviec agency list)' "$FP" "unknown lead agency"
rv petition assign "$PA" --lead BQL --coordinate SXD --coordinate NOPE --person X --within 3
assert_refused 3 'roviec: coordinate: no agency with code "NOPE" (see: roviec agency list)' "$FP" "unknown coordinating agency"
rv petition add --enterprise 0999999999 --title "x"
assert_refused 3 'roviec: enterprise: no enterprise with tax code "0999999999" (see: roviec enterprise list)' "$FP" "unknown enterprise tax code"
rv enterprise add "Công ty Mới" --tax-code 0100000009 --zone "KCN Không Có"
assert_refused 3 'roviec: zone: no park named "KCN Không Có" (see: roviec zone list)' "$FP" "unknown park"
rv user add mot --role agency --agency NOPE
assert_refused 3 'roviec: agency: no agency with code "NOPE" (see: roviec agency list)' "$FP" "user add: unknown agency"
rv petition show KN-2026-99999
assert_refused 3 "roviec: no petition KN-2026-99999" "$FP" "unknown tracking code"
rv petition start KN-2026-99999
assert_refused 3 "roviec: no petition KN-2026-99999" "$FP" "move an unknown petition"
rv --db "$T/nope.db" zone list
assert_refused 3 "roviec: database $T/nope.db does not exist; create it with: roviec init" "$FP" "--db that does not exist"
assert_eq "--db that does not exist is not created" "no" "$([ -e "$T/nope.db" ] && echo yes || echo no)"

# ---- text: UTF-8, control characters, length ----
rv "${ADD[@]}" --title "$(printf 'Đất \xff đai')"
assert_refused 2 'roviec: title: "Đất <FF> đai" is not valid UTF-8 (byte 8)' "$FP" "invalid UTF-8 in --title"
assert_no_bytes "invalid UTF-8: the raw byte is not echoed" "$ERR_FILE" ff
rv "${ADD[@]}" --title "$(printf 'Đất\033[31m đai')"
assert_refused 2 'roviec: title: "Đất^[[31m đai" contains a control character (byte 7)' "$FP" "ESC in --title"
assert_no_bytes "ESC in --title: no raw ESC on stderr" "$ERR_FILE" 1b
rv "${ADD[@]}" --title "$(printf 'Đất\rđai')"
assert_refused 2 'roviec: title: "Đất^Mđai" contains a control character (byte 7)' "$FP" "CR in --title"
rv "${ADD[@]}" --title "$(printf 'Đất\tđai')"
assert_refused 2 'roviec: title: "Đất^Iđai" contains a control character (byte 7)' "$FP" "TAB in a single-line field"
rv "${ADD[@]}" --title "$(printf 'x\xc2\x9b2Jy')"
assert_refused 2 'roviec: title: "x<U+009B>2Jy" contains a control character (byte 2)' "$FP" "C1 CSI (U+009B) in --title"
assert_no_bytes "C1 CSI: no raw 0x9b on stderr" "$ERR_FILE" 9b
rv "${ADD[@]}" --title "$(printf 'chuông\a')"
assert_refused 2 'roviec: title: "chuông^G" contains a control character (byte 8)' "$FP" "BEL in --title"
assert_no_bytes "BEL: no raw BEL on stderr" "$ERR_FILE" 07
rv petition assign "$PA" --lead BQL --person "$(printf 'Trần\033]0;pwned\a')" --within 3
assert_refused 2 'roviec: person: "Trần^[]0;pwned^G" contains a control character (byte 7)' "$FP" "OSC sequence in --person"
assert_no_bytes "OSC sequence: no raw ESC or BEL on stderr" "$ERR_FILE" 1b 07
rv enterprise add "$(printf 'Công ty\033[2J')" --tax-code 0100000009
assert_refused 2 'roviec: name: "Công ty^[[2J" contains a control character (byte 9)' "$FP" "ESC in an enterprise name"
rv "${ADD[@]}" --title "   "
assert_refused 2 "roviec: title: must not be empty" "$FP" "blank --title"
rv "${ADD[@]}" --title "$(head -c 1001 /dev/zero | tr '\0' a)"
assert_refused 2 "roviec: title: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is too long (1001 bytes; at most 1000)" "$FP" "--title over 1000 bytes"
head -c 10485760 /dev/zero | tr '\0' 'a' >"$T/big.txt"
rv_in "$T/big.txt" "${ADD[@]}" --title "Nội dung dài" --body -
assert_refused 2 "roviec: body: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is too long (10485760 bytes; at most 65536)" "$FP" "10 MB --body - from a file"
rv_in / "${ADD[@]}" --title "Đọc lỗi" --body -
assert_refused 1 "roviec: body: cannot read standard input (--body -): Is a directory" "$FP" "--body - when standard input cannot be read (exit 1, not an empty body)"
printf 'ab\0cd' >"$T/nul.txt"
rv_in "$T/nul.txt" "${ADD[@]}" --title "NUL" --body -
assert_refused 2 'roviec: body: "ab" contains a control character (byte 3)' "$FP" "NUL in a body from stdin"
printf 'Dòng 1\n\033[2JDòng 2\n' >"$T/esc.txt"
rv_in "$T/esc.txt" "${ADD[@]}" --title "ESC" --body -
assert_refused 2 'roviec: body: "Dòng 1^J^[[2JDòng 2^J" contains a control character (byte 9)' "$FP" "ESC in a body from stdin"
assert_no_bytes "ESC in a body: no raw ESC on stderr" "$ERR_FILE" 1b
rv petition answer "$PA" --result "$(printf 'Đã xử lý\033[8m')" --outcome resolved
assert_refused 2 'roviec: result: "Đã xử lý^[[8m" contains a control character (byte 14)' "$FP" "ESC in --result"

# ---- codes and closed sets ----
rv enterprise add "Công ty Mới" --tax-code 12ab
assert_refused 2 'roviec: tax-code: "12ab" is not a tax code (10 digits, or 10 digits-NNN for a branch)' "$FP" "a bad tax code"
rv enterprise add "Công ty Mới" --tax-code 0100000009-1
assert_refused 2 'roviec: tax-code: "0100000009-1" is not a tax code (10 digits, or 10 digits-NNN for a branch)' "$FP" "a bad branch tax code"
rv agency add "Sở Mới" --code "B Q"
assert_refused 2 'roviec: code: "B Q" is not an agency code (1-16 letters, digits, . _ -)' "$FP" "a bad agency code"
rv category add "cat egory" --vi "Một" --en "One"
assert_refused 2 'roviec: code: "cat egory" is not a category code (1-32 letters, digits, -)' "$FP" "a bad category code"
rv category add ok-code --vi "Một" --en "One" --within 400
assert_refused 2 'roviec: within: "400" is not a whole number from 1 to 365' "$FP" "category --within 400"
rv petition close "$PA" --rating 6
assert_refused 2 'roviec: rating: "6" is not a whole number from 1 to 5' "$FP" "rating 6"
rv petition close "$PA" --rating 4.5
assert_refused 2 'roviec: rating: "4.5" is not a whole number from 1 to 5' "$FP" "rating 4.5"
rv petition list --status nope
assert_refused 2 'roviec: status: "nope" is not a valid status (one of: received, classified, assigned, in_progress, answered, closed, rejected, withdrawn)' "$FP" "an unknown status"
rv "${ADD[@]}" --title "x" --channel fax
assert_refused 2 'roviec: channel: "fax" is not a valid channel (one of: conference, written, phone, online, direct)' "$FP" "an unknown channel"
rv agency add "Sở Mới" --kind nope
assert_refused 2 'roviec: kind: "nope" is not a valid kind (one of: board, department, ministry, commune, utility, police, tax, other)' "$FP" "an unknown agency kind"
rv user add mot --role god
assert_refused 2 'roviec: role: "god" is not a valid role (one of: admin, staff, official, agency, enterprise)' "$FP" "an unknown role"
rv user add mot --role agency
assert_refused 2 "roviec: --agency: required for role agency" "$FP" "agency role without --agency"
rv petition start "$PA" --expect-version abc
assert_refused 2 'roviec: expect-version: "abc" is not a whole number from 1 to 2147483647' "$FP" "--expect-version not a number"

# ---- usage: options and arguments ----
rv "${ADD[@]}" --title "x" --bogus
assert_refused 2 "roviec petition: petition add: unknown option --bogus (see: roviec petition --help)" "$FP" "an unknown option"
rv "${ADD[@]}" --title "x" "--$(printf 'x\033[2J')"
assert_refused 2 "roviec petition: petition add: unknown option --x^[[2J (see: roviec petition --help)" "$FP" "an unknown option with ESC"
assert_no_bytes "unknown option with ESC: no raw ESC on stderr" "$ERR_FILE" 1b
rv petition add --title "x"
assert_refused 2 "roviec petition: petition add needs --enterprise TAXCODE and --title TEXT (see: roviec petition --help)" "$FP" "a missing required option"
rv petition add --title "x" --enterprise
assert_refused 2 "roviec petition: petition add: option --enterprise needs a value (see: roviec petition --help)" "$FP" "an option without its value"
rv "${ADD[@]}" --title "x" --title "y"
assert_refused 2 "roviec petition: petition add: option --title given twice (see: roviec petition --help)" "$FP" "an option given twice"
rv petition assign "$PA" --lead BQL
assert_refused 2 "roviec petition: petition assign needs --lead AGENCY and --person TEXT (see: roviec petition --help)" "$FP" "assign without --person"
rv petition answer "$PA" --result "x"
assert_refused 2 "roviec petition: petition answer needs --result TEXT and --outcome OUTCOME (see: roviec petition --help)" "$FP" "answer without --outcome"
rv petition reject "$PA"
assert_refused 2 "roviec petition: petition reject needs --reason TEXT (see: roviec petition --help)" "$FP" "reject without --reason"
rv petition start "$PA" "$P"
assert_refused 2 "roviec petition: petition start takes one tracking code (see: roviec petition --help)" "$FP" "two tracking codes"
rv petition frobnicate
assert_refused 2 'roviec petition: unknown petition subcommand "frobnicate" (see: roviec petition --help)' "$FP" "an unknown subcommand"
rv petition
assert_refused 2 'roviec petition: unknown petition subcommand "" (see: roviec petition --help)' "$FP" "petition without a subcommand"
rv conference frobnicate
assert_refused 2 'roviec conference: unknown conference subcommand "frobnicate" (see: roviec conference --help)' "$FP" "an unknown conference subcommand"
rv conference list --title x
assert_refused 2 'roviec conference: conference list: unknown option --title (see: roviec conference --help)' "$FP" "an option the conference subcommand does not take"
rv zone add
assert_refused 2 "roviec zone: expected: zone add NAME | zone list (see: roviec zone --help)" "$FP" "zone add without a name"
rv --as chuyenvien --as lanhdao "${ADD[@]}" --title "x"
assert_refused 2 "roviec: option --as given twice" "$FP" "--as given twice"
rv --lang "$(printf 'vi\033[2J')" zone list
assert_refused 2 'roviec: --lang: "vi^[[2J" is not a language (vi or en)' "$FP" "--lang with ESC"
assert_no_bytes "--lang with ESC: no raw ESC on stderr" "$ERR_FILE" 1b
rv "$(printf 'zone\033[2J')" list
assert_refused 2 'roviec: unknown command "zone^[[2J" (see: roviec --help)' "$FP" "an unknown command with ESC"
assert_no_bytes "unknown command with ESC: no raw ESC on stderr" "$ERR_FILE" 1b

# ---- the workflow: illegal moves, the five clears ----
rv petition start "$P"
assert_refused 2 "roviec: $P is received: cannot start it; allowed now: classify, assign, reject, withdraw" "$FP" "start a received petition"
rv petition close "$PA" --rating 5
assert_refused 2 "roviec: $PA is assigned: cannot close it; allowed now: assign, start, answer, reject, withdraw, extend" "$FP" "close an assigned petition"
rv petition reopen "$PA" --reason "x"
assert_refused 2 "roviec: $PA is assigned: cannot reopen it; allowed now: assign, start, answer, reject, withdraw, extend" "$FP" "reopen an assigned petition"
rv petition assign "$P" --lead BQL --person X --within 3
assert_refused 2 "roviec: $P has no category: classify it first (the task must be clear before it is assigned)" "$FP" "assign without a category"
rv petition assign "$PA" --lead BQL --coordinate BQL --person X --within 3
assert_refused 2 "roviec: coordinate: BQL is already the lead agency" "$FP" "the lead as coordinating agency"
rv petition answer "$PA" --result "x" --outcome maybe
assert_refused 2 'roviec: outcome: "maybe" is not a valid outcome (one of: resolved, partly_resolved, explained, declined)' "$FP" "an unknown outcome"
rv petition answer "$PA" --result "  " --outcome resolved
assert_refused 2 "roviec: result: must not be empty" "$FP" "an empty result"

# ---- conflicts ----
rv petition start "$PA" --expect-version 1
assert_refused 4 "roviec: $PA changed since version 1 (now 2), nothing was written: 2026-01-08T02:00:00Z $ME assign received → assigned (lead_agency, responsible_person, assigned, deadline, original_deadline)" \
	"$FP" "--expect-version stale: lists what changed and who"
rv enterprise add "Công ty Trùng" --tax-code 0100000001
assert_refused 4 'roviec: tax-code: "0100000001" already exists' "$FP" "a duplicate tax code"
rv zone add "KCN Thăng Long"
assert_refused 4 'roviec: name: "KCN Thăng Long" already exists' "$FP" "a duplicate park"
rv user add dn --role staff
assert_refused 4 "roviec: login: user dn already exists" "$FP" "a duplicate user"
rv category add dat-dai --vi "Đất" --en "Land"
assert_refused 4 'roviec: code: "dat-dai" already exists' "$FP" "a duplicate category"

# A stale version after a real change, by another user.
ROVIEC_NOW=2026-01-08T03:00:00Z "$ROVIEC" --as lanhdao petition start "$PA" >/dev/null
FP=$(db_fingerprint)
rv petition answer "$PA" --result "x" --outcome resolved --expect-version 2
assert_refused 4 "roviec: $PA changed since version 2 (now 3), nothing was written: 2026-01-08T03:00:00Z lanhdao start assigned → in_progress" "$FP" "--expect-version stale after another user's move"

# ---- roles (--as from the administrator) ----
rv --as dn petition assign "$PA" --lead BQL --person X --within 3
assert_refused 5 "roviec: dn (role enterprise) may not receive, classify, assign or reject petitions; allowed roles: admin, staff, official" "$FP" "an enterprise cannot assign"
rv --as dn "${ADD[@]}" --title "x"
assert_refused 5 "roviec: dn (role enterprise) may not receive, classify, assign or reject petitions; allowed roles: admin, staff, official" "$FP" "an enterprise cannot record a petition"
rv --as lienlac petition classify "$P" --category tthc
assert_refused 5 "roviec: lienlac (role agency) may not receive, classify, assign or reject petitions; allowed roles: admin, staff, official" "$FP" "an agency liaison cannot classify"
rv --as chuyenvien petition extend "$PA" --due 2026-02-27 --reason "x"
assert_refused 5 "roviec: chuyenvien (role staff) may not approve deadline extensions; allowed roles: admin, official" "$FP" "staff cannot approve an extension"
rv --as lienlac petition close "$PA" --rating 5
assert_refused 5 "roviec: lienlac (role agency) may not record satisfaction; allowed roles: admin, staff, official, enterprise" "$FP" "an agency liaison cannot close"
rv --as chuyenvien user add mot --role admin
assert_refused 5 "roviec: chuyenvien (role staff) may not administer users and holidays; allowed roles: admin" "$FP" "staff cannot add users"
rv --as chuyenvien holiday add 2026-12-31 --name "x"
assert_refused 5 "roviec: chuyenvien (role staff) may not administer users and holidays; allowed roles: admin" "$FP" "staff cannot add holidays"
rv --as dn zone add "KCN Mới"
assert_refused 5 "roviec: dn (role enterprise) may not change reference data; allowed roles: admin, staff, official" "$FP" "an enterprise cannot change reference data"
rv --as dn petition show "$PO"
assert_refused 3 "roviec: no petition $PO" "$FP" "an enterprise cannot see another enterprise's petition"
rv --as lienlac petition show "$PA"
assert_refused 3 "roviec: no petition $PA" "$FP" "an agency sees only what it leads or coordinates"
rv --as nobody zone list
assert_refused 3 'roviec: --as: no user "nobody" (roviec user list)' "$FP" "--as an unknown user"
rv --as "$(printf 'x\033[2J')" zone list
assert_refused 3 'roviec: --as: no user "x^[[2J" (roviec user list)' "$FP" "--as with ESC"
assert_no_bytes "--as with ESC: no raw ESC on stderr" "$ERR_FILE" 1b

# A database where the OS login is only staff, then not registered at all.
OTHER="$T/other.db"
"$ROVIEC" --db "$OTHER" init >/dev/null
"$ROVIEC" --db "$OTHER" user add chuyenvien --role staff
sqlite3 "$OTHER" "UPDATE users SET role = 'staff' WHERE login = '$ME'"
FP_OTHER=$(ROVIEC_DB=$OTHER db_fingerprint)
rv --db "$OTHER" --as chuyenvien zone add "KCN Mới"
assert_refused 5 "roviec: --as: only an administrator may act as another user" "$FP" "--as by a non-admin"
assert_eq "--as by a non-admin: that database unchanged too" "$FP_OTHER" "$(ROVIEC_DB=$OTHER db_fingerprint)"
rv --db "$OTHER" user add mot --role staff
assert_refused 5 "roviec: $ME (role staff) may not administer users and holidays; allowed roles: admin" "$FP" "a staff login cannot add users"
sqlite3 "$OTHER" "UPDATE users SET login = 'someone-else' WHERE login = '$ME'"
FP_OTHER=$(ROVIEC_DB=$OTHER db_fingerprint)
rv --db "$OTHER" zone list
assert_refused 5 "roviec: user $ME is not registered in this database; an administrator can add it: roviec user add $ME --role staff" "$FP" "an OS login that is not registered"
assert_eq "not registered: that database unchanged too" "$FP_OTHER" "$(ROVIEC_DB=$OTHER db_fingerprint)"

finish
