# access.sh — the access matrix: every role × every command path, driven
# by the table below.  Each cell runs on a fresh copy of one fixture
# database and proves one of:
#   ok  exit 0; a write changed the database and its history names the
#       acting user (actor) beside the OS login; what a scoped role reads
#       (stdout and any exported file) never names a petition outside its
#       scope (tracking code or title marker);
#   P   exit 5, one line naming which roles may do it, nothing on stdout,
#       database unchanged;
#   N   exit 3, database unchanged, and exactly the message an unknown
#       tracking code gets — an out-of-scope petition is indistinguishable
#       from one that does not exist.
# Every refusal that names a petition is also compared with the same
# command on a code that does not exist: same status, same message.
#
# Fixture: agencies A1 A2 A3, enterprises E1 (0100000001) E2 (0100000002)
#   P1  E1  assigned   lead A1, coordinating A2   (conference C)
#   P2  E2  received
#   P3  E1  answered   lead A1
#   P4  E2  assigned   lead A3                    (conference C)
# Roles: admin (the OS login, no --as), st staff, of official, ag1 (A1),
# ag2 (A2), ag3 (A3), en1 (E1), en2 (E2).
. "$(dirname "$0")/lib.sh"

ROLES=(admin st of ag1 ag2 ag3 en1 en2)
# Petitions each role may see (the scope), by fixture name.
declare -A SEES=(
	[admin]="P1 P2 P3 P4" [st]="P1 P2 P3 P4" [of]="P1 P2 P3 P4"
	[ag1]="P1 P3" [ag2]="P1" [ag3]="P4" [en1]="P1 P3" [en2]="P2 P4"
)

TPL="$T/fixture.db"
export ROVIEC_DB="$TPL"
rv init
assert_ok "init"
"$ROVIEC" zone add "KCN Ma Trận"
for a in A1 A2 A3; do "$ROVIEC" agency add "Ban $a" --code "$a" --kind board; done
"$ROVIEC" enterprise add "Công ty Một" --tax-code 0100000001 --zone "KCN Ma Trận"
"$ROVIEC" enterprise add "Công ty Hai" --tax-code 0100000002
"$ROVIEC" user add st --role staff
"$ROVIEC" user add of --role official
for a in 1 2 3; do "$ROVIEC" user add "ag$a" --role agency --agency "A$a"; done
"$ROVIEC" user add en1 --role enterprise --enterprise 0100000001
"$ROVIEC" user add en2 --role enterprise --enterprise 0100000002
declare -A CODE
# petition add prints "CODE  PIN NNNNNNNN": the code is the first word.
add() {
	CODE[$1]=$("$ROVIEC" petition add --enterprise "$2" --title "MARK$1 kiến nghị" --category dien --received 05/01/2026)
	CODE[$1]=${CODE[$1]%% *}
}
add P1 0100000001
add P2 0100000002
add P3 0100000001
add P4 0100000002
"$ROVIEC" petition assign "${CODE[P1]}" --lead A1 --coordinate A2 --person "Ông Một" >/dev/null
"$ROVIEC" petition assign "${CODE[P3]}" --lead A1 --person "Bà Ba" >/dev/null
"$ROVIEC" petition answer "${CODE[P3]}" --result "Đã xử lý" --outcome resolved >/dev/null
"$ROVIEC" petition assign "${CODE[P4]}" --lead A3 --person "Ông Bốn" >/dev/null
C=$("$ROVIEC" conference add --title "Hội nghị đối thoại" --date 06/01/2026)
"$ROVIEC" conference link "$C" "${CODE[P1]}" "${CODE[P4]}" >/dev/null
printf 'Mã số thuế,Nội dung kiến nghị,Ngày tiếp nhận\n0100000001,Nhập từ tệp,07/01/2026\n' >"$T/in.csv"
# A JSON export of another database (importing this one's own export adds
# nothing, so it would prove nothing).
ROVIEC_DB="$T/other.db" "$ROVIEC" init >/dev/null
ROVIEC_DB="$T/other.db" "$ROVIEC" enterprise add "Công ty Ba" --tax-code 0100000003
for i in 1 2 3 4 5; do
	ROVIEC_DB="$T/other.db" "$ROVIEC" petition add --enterprise 0100000003 --title "Từ nơi khác $i" >/dev/null
done
ROVIEC_DB="$T/other.db" "$ROVIEC" export --format json --search "nơi khác 5" --output "$T/in.json"
# A backup of the fixture with one more zone: restoring it changes the
# database (restoring the fixture's own backup would prove nothing).
cp "$TPL" "$T/bak-src.db"
ROVIEC_DB="$T/bak-src.db" "$ROVIEC" zone add "KCN Sao lưu"
ROVIEC_DB="$T/bak-src.db" "$ROVIEC" backup "$T/in.bak" >/dev/null
assert_eq "fixture" "KN-2026-00001 KN-2026-00002 KN-2026-00003 KN-2026-00004" \
	"${CODE[P1]} ${CODE[P2]} ${CODE[P3]} ${CODE[P4]}"
UNKNOWN=KN-2026-09999

export ROVIEC_DB="$T/work.db"
# A fresh copy of the fixture only when the last cell may have written:
# "unchanged" is first checked byte for byte against the fixture file (no
# WAL left behind), then, failing that, by the content fingerprint.
DIRTY=yes
fresh() {
	if [ "$DIRTY" = yes ]; then
		rm -f "$ROVIEC_DB" "$ROVIEC_DB-wal" "$ROVIEC_DB-shm"
		cp "$TPL" "$ROVIEC_DB"
		DIRTY=no
	fi
}
fresh
FP=$(db_fingerprint)
# Sets NOW_FP (not in a subshell: it also marks the copy dirty).
unchanged() {
	if [ ! -s "$ROVIEC_DB-wal" ] && cmp -s "$TPL" "$ROVIEC_DB"; then
		NOW_FP=$FP
	else
		DIRTY=yes
		NOW_FP=$(db_fingerprint)
	fi
}

# The matrix.  Columns: one expectation per role in the order of ROLES,
# then "|" and the command.  @P1…@P4 are the fixture petitions, @C the
# conference, @OUT a file the command writes (checked for leaks too),
# @CSV/@JSON import files.
MATRIX=$(
	cat <<'EOF'
# admin st of ag1 ag2 ag3 en1 en2 | command      (I: exit 2, bad input)
ok ok ok ok ok N  ok N  | petition show @P1
ok ok ok ok ok N  ok N  | petition show @P1 --json
ok ok ok N  N  N  N  ok | petition show @P2
ok ok ok ok N  N  ok N  | petition show @P3 --json
ok ok ok ok ok ok ok ok | petition list
ok ok ok ok ok ok ok ok | petition list --json
ok ok ok ok ok ok ok ok | petition list --csv --status assigned,answered
ok ok ok ok ok ok ok ok | petition list --csv --enterprise 0100000002
ok ok ok ok ok ok ok ok | petition list --json --search MARKP2
ok ok ok ok ok ok ok ok | petition list --csv --agency A3
ok ok ok ok ok ok ok ok | petition list --csv --conference @C
ok ok ok ok ok ok ok ok | petition list --csv --overdue
ok ok ok ok ok ok ok ok | petition list --count
ok ok ok P  P  P  P  P  | petition add --enterprise 0100000001 --title Mới
ok ok ok P  P  P  P  P  | petition add --enterprise 0100000002 --title Mới --json
ok ok ok P  P  P  P  P  | petition classify @P2 --category nuoc
ok ok ok P  P  P  P  P  | petition assign @P2 --lead A1 --person Người
ok ok ok ok ok N  P  P  | petition start @P1
ok ok ok N  N  ok P  P  | petition start @P4 --json
ok ok ok ok ok N  P  P  | petition answer @P1 --result Xong --outcome resolved
ok ok ok P  P  P  ok N  | petition close @P3 --rating 4
ok ok ok P  P  P  I  I  | petition close @P3
ok ok ok P  P  P  P  P  | petition reject @P2 --reason Sai
ok ok ok P  P  P  P  P  | petition withdraw @P2
ok ok ok P  P  P  P  P  | petition reopen @P3 --reason Lại
ok P  ok P  P  P  P  P  | petition extend @P1 --due 2026-03-02 --reason Thêm
ok ok ok P  P  P  P  P  | report summary
ok ok ok P  P  P  P  P  | report agencies --csv
ok ok ok P  P  P  P  P  | report categories --json
ok ok ok P  P  P  P  P  | report period
ok ok ok ok ok ok ok ok | report conference @C
ok ok ok P  P  P  P  P  | export --format xlsx --output @OUT
ok ok ok P  P  P  P  P  | export --format html --conference @C --output @OUT
ok ok ok ok ok ok ok ok | export --format csv --output @OUT
ok ok ok ok ok ok ok ok | export --format json --output @OUT
ok ok ok ok ok ok ok ok | export --format open311 --output @OUT
ok ok ok ok ok ok P  P  | remind --within 30
ok ok ok ok ok ok ok ok | conference list
ok ok ok ok ok ok ok ok | conference show @C
ok ok ok ok ok ok ok ok | conference show @C --json
ok ok ok P  P  P  P  P  | conference add --title Mới --date 2026-01-07
ok ok ok P  P  P  P  P  | conference link @C @P2
ok ok ok P  P  P  P  P  | conference answer @C @P1 --result Xong --outcome resolved
ok ok ok P  P  P  P  P  | zone add KCN-Mới
ok ok ok P  P  P  P  P  | agency add Ban-Mới --code A9
ok ok ok P  P  P  P  P  | enterprise add Công-ty-Mới --tax-code 0100000009
ok ok ok P  P  P  P  P  | category add moi --vi Mới --en New
ok ok ok ok ok ok ok ok | agency list
ok ok ok ok ok ok ok ok | category list --csv
ok P  P  P  P  P  P  P  | user add moi --role staff
ok P  P  P  P  P  P  P  | user list
ok P  P  P  P  P  P  P  | holiday add 2026-05-04 --name Nghỉ
ok ok ok ok ok ok ok ok | holiday list
ok ok ok P  P  P  P  P  | import @CSV
ok P  P  P  P  P  P  P  | import @JSON
ok ok ok P  P  P  P  P  | verify
ok ok ok P  P  P  P  P  | verify --checkpoint
ok ok ok P  P  P  P  P  | verify --json
ok ok ok P  P  P  P  P  | backup @OUT
ok P  P  P  P  P  P  P  | restore @BAK
ok ok ok P  P  P  P  P  | petition pin @P1
ok ok ok P  P  P  P  P  | petition pin @P4
ok ok ok P  P  P  P  P  | petition add --enterprise 0100000001 --title Mới --conference @C
EOF
)

# Fills in the placeholders of one command (words split on spaces; the
# fixture never needs a space inside an argument).
expand() {
	local w
	ARGS=()
	for w in $1; do
		case $w in
		@P[1-4]) ARGS+=("${CODE[${w#@}]}") ;;
		@C) ARGS+=("$C") ;;
		@OUT) ARGS+=("$T/out.file") ;;
		@CSV) ARGS+=("$T/in.csv") ;;
		@JSON) ARGS+=("$T/in.json") ;;
		@BAK) ARGS+=("$T/in.bak") ;;
		*) ARGS+=("$w") ;;
		esac
	done
}

as_role() {
	local role=$1
	shift
	rm -f "$T/out.file"
	if [ "$role" = admin ]; then rv "$@"; else rv --as "$role" "$@"; fi
}

# LEAKS: the petitions (codes or title markers) in the text $1 that
# role $2 must never read.
leaks() {
	local text=$1 role=$2 p
	LEAKS=""
	for p in P1 P2 P3 P4; do
		case " ${SEES[$role]} " in *" $p "*) continue ;; esac
		if [[ $text == *"${CODE[$p]}"* || $text == *"MARK$p"* ]]; then LEAKS="$LEAKS $p"; fi
	done
}

cells=0
while IFS= read -r line; do
	case $line in '#'* | '') continue ;; esac
	read -r -a expect <<<"${line%%|*}"
	cmd=${line#*| }
	[ "${#expect[@]}" -eq "${#ROLES[@]}" ] || { fail "matrix row has ${#expect[@]} cells: $line"; continue; }
	expand "$cmd"
	is_write=no
	case $cmd in
	petition\ show* | petition\ list* | report* | export* | remind* | conference\ list* | conference\ show* | *\ list* | verify* | backup*) ;;
	*) is_write=yes ;;
	esac
	for i in "${!ROLES[@]}"; do
		role=${ROLES[$i]} want=${expect[$i]}
		who=$role
		[ "$role" = admin ] && who=$ME
		desc="$role: $cmd"
		cells=$((cells + 1))
		fresh
		as_role "$role" "${ARGS[@]}"
		case $want in
		ok)
			if [ "$STATUS" -eq 0 ]; then pass "$desc: allowed"; else fail "$desc: allowed" "$(_last)"; fi
			if [ "$is_write" = yes ]; then
				unchanged
				DIRTY=yes
				if [ "$NOW_FP" != "$FP" ]; then pass "$desc: wrote"; else fail "$desc: wrote" "$(_last)"; fi
				if [[ $cmd == petition* && $cmd != *add* ]] || [[ $cmd == conference\ answer* ]]; then
					assert_eq "$desc: history names actor and OS login" "$who|$ME" \
						"$(sqlite3 "$ROVIEC_DB" 'SELECT actor, os_login FROM history ORDER BY id DESC LIMIT 1')"
				fi
			else
				seen=$OUT
				[ -f "$T/out.file" ] && seen="$seen$(LC_ALL=C tr -d '\0' <"$T/out.file")"
				leaks "$seen" "$role"
				assert_eq "$desc: nothing outside the scope" "" "$LEAKS"
			fi
			;;
		P | N | I)
			code=5
			[ "$want" = N ] && code=3
			[ "$want" = I ] && code=2
			if [ "$STATUS" -eq "$code" ]; then pass "$desc: exit $code"; else fail "$desc: exit $code" "$(_last)"; fi
			if [ "$want" = P ]; then
				assert_match "$desc: names the roles that may" "^roviec: .* may not .*; allowed roles: [a-z, ]+$" "$ERR"
			fi
			assert_eq "$desc: nothing on stdout" "" "$OUT"
			unchanged
			assert_eq "$desc: database unchanged" "$FP" "$NOW_FP"
			# A petition outside the role's scope: the same command on a code
			# that does not exist must say exactly the same.
			pet=""
			[[ $cmd =~ @P[1-4] ]] && pet=${BASH_REMATCH[0]}
			if [ -n "$pet" ] && [[ " ${SEES[$role]} " != *" ${pet#@} "* ]]; then
				real=${CODE[${pet#@}]}
				got="$STATUS ${ERR//$real/CODE}"
				expand "${cmd//$pet/$UNKNOWN}"
				fresh
				as_role "$role" "${ARGS[@]}"
				assert_eq "$desc: same answer as an unknown code" "$STATUS ${ERR//$UNKNOWN/CODE}" "$got"
				expand "$cmd"
			fi
			;;
		*) fail "$desc: bad expectation $want" ;;
		esac
	done
done <<<"$MATRIX"
echo "# $cells matrix cells"

# ---- counts are scoped ----
fresh
declare -A COUNT=([admin]=4 [st]=4 [of]=4 [ag1]=2 [ag2]=1 [ag3]=1 [en1]=2 [en2]=2)
for role in "${ROLES[@]}"; do
	as_role "$role" petition list --count
	assert_eq "$role: petition list --count" "${COUNT[$role]}" "$OUT"
	as_role "$role" export --format json --output "$T/out.file"
	assert_eq "$role: export json holds exactly its petitions" "${COUNT[$role]}" \
		"$(json_val "$T/out.file" 'len(d["petitions"])')"
done

# ---- an enterprise sees its own record among the enterprises ----
# (list, completion and the JSON export's reference part; staff see all)
fresh
declare -A ENTS=([admin]="0100000001 0100000002" [st]="0100000001 0100000002" [ag1]="0100000001 0100000002"
	[en1]="0100000001" [en2]="0100000002")
for role in admin st ag1 en1 en2; do
	as_role "$role" enterprise list --csv
	assert_eq "$role: enterprise list" "${ENTS[$role]}" "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | sort | xargs)"
	as_role "$role" complete enterprises
	assert_eq "$role: complete enterprises" "${ENTS[$role]}" "$(printf '%s\n' "$OUT" | xargs)"
	as_role "$role" export --format json --output "$T/out.file"
	assert_eq "$role: export json enterprises" "${ENTS[$role]}" \
		"$(json_val "$T/out.file" '" ".join(sorted(e["tax_code"] for e in d["enterprises"]))' | tr -d '"')"
done

# ---- lookup: for everyone (it ignores --as and needs no user row) ----
fresh
rv petition pin "${CODE[P4]}"
assert_ok "petition pin prints a new PIN"
PIN=${OUT##* }
printf '%s\n%s\n' "${CODE[P4]}" "$PIN" >"$T/look.in"
printf '%s\n%s\n' "${CODE[P4]}" 00000000 >"$T/look.bad"
H3=$(sqlite3 "$ROVIEC_DB" 'SELECT count(*), max(id) FROM history; SELECT count(*), max(version) FROM petitions')
for role in "${ROLES[@]}"; do
	if [ "$role" = admin ]; then rv_in "$T/look.in" lookup; else rv_in "$T/look.in" --as "$role" lookup; fi
	assert_status 0 "$role: lookup with the right PIN"
	assert_match "$role: lookup shows the petition" "MARKP4" "$OUT"
	if [ "$role" = admin ]; then rv_in "$T/look.bad" lookup; else rv_in "$T/look.bad" --as "$role" lookup; fi
	assert_status 3 "$role: lookup with a wrong PIN"
	assert_eq "$role: wrong PIN, the not-found message" "roviec: no petition matches this tracking code and PIN" "$ERR"
done
assert_eq "lookups wrote no history and changed no petition" "$H3" \
	"$(sqlite3 "$ROVIEC_DB" 'SELECT count(*), max(id) FROM history; SELECT count(*), max(version) FROM petitions')"
DIRTY=yes

# ---- --as is honoured only for an administrator, and names both ----
rv --as st petition show "${CODE[P1]}"
assert_status 0 "admin may act as staff"
"$ROVIEC" --as st petition start "${CODE[P1]}" >/dev/null
assert_eq "history keeps both names" "st|$ME" "$(sqlite3 "$ROVIEC_DB" 'SELECT actor, os_login FROM history ORDER BY id DESC LIMIT 1')"
sqlite3 "$ROVIEC_DB" "UPDATE users SET role = 'staff' WHERE login = '$ME'"
FP2=$(db_fingerprint)
rv --as of petition extend "${CODE[P1]}" --due 2026-03-02 --reason "Thêm"
assert_refused 5 "roviec: --as: only an administrator may act as another user" "$FP2" "a staff login using --as"

finish
