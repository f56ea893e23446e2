# completion.sh — bash completion (completion/roviec.bash) driven the way
# bash drives it: bash-completion and the file are sourced, COMP_WORDS and
# COMP_CWORD set, _roviec called, COMPREPLY compared.  Live values come
# from a demo-free database built here, through `roviec complete`, which
# must stay quiet and never create a database.
. "$(dirname "$0")/lib.sh"

SRC=${ROVIEC_SOURCE_ROOT:?ROVIEC_SOURCE_ROOT must name the source tree}
BC=/usr/share/bash-completion/bash_completion
if [ ! -r "$BC" ]; then
	echo "1..0 # SKIP bash-completion is not installed (scripts/deps --test)"
	exit 0
fi

rv init
rv zone add "Khu công nghiệp Bắc Thăng Long"
rv zone add "Khu công nghệ cao Hòa Lạc"
rv agency add "Sở Xây dựng" --code SXD
rv agency add "Sở Tài chính" --code STC
rv category add thue --vi "Thuế" --en "Tax"
rv enterprise add "Công ty A" --tax-code 0101234567 --zone "Khu công nghệ cao Hòa Lạc"
rv petition add --enterprise 0101234567 --title "Một"
rv petition add --enterprise 0101234567 --title "Hai"
assert_ok "a small database"

set +eu # bash-completion is not written for set -eu
# shellcheck disable=SC1090
. "$BC"
# shellcheck disable=SC1091
. "$SRC/completion/roviec.bash"
ROVIEC_DIR=$(dirname "$ROVIEC")
PATH="$ROVIEC_DIR:$PATH"

# comp WORD... : completes the last word; REPLY holds the sorted replies,
# one a line.
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_roviec
	REPLY=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
}
expect() { # DESC EXPECTED(space-separated) WORD...
	local desc=$1 want
	want=$(tr ' ' '\n' <<<"$2" | sed '/^$/d' | sort)
	shift 2
	comp "$@"
	assert_eq "$desc" "$want" "$REPLY"
}

expect "commands" "petition" roviec pet
expect "every command and help, hidden complete left out" \
	"agency backup category conference demo enterprise export help holiday import init lookup petition remind report restore tui user verify zone" roviec ""
expect "global options" "--db --as --lang --no-color --help --version" roviec --
expect "--lang values" "vi en" roviec --lang ""
expect "subcommands of petition" "add assign answer classify close extend list pin reject reopen show start withdraw" roviec petition ""
expect "subcommands of report (a|b list)" "summary agencies categories period conference" roviec report ""
expect "options of petition assign only" "--lead --coordinate --person --within --due --expect-version --json --help" \
	roviec petition assign KN-2026-00001 --
expect "options of report" "--from --to --json --csv --help" roviec report agencies --
expect "help COMMAND" "petition" roviec help pe
expect "live: petition codes" "KN-2026-00001 KN-2026-00002" roviec petition show KN
expect "live: petition codes by prefix" "KN-2026-00002" roviec petition assign KN-2026-00002
expect "live: agency codes after --lead" "SXD STC" roviec petition assign KN-2026-00001 --lead S
expect "live: agency codes after --coordinate" "STC" roviec petition assign KN-2026-00001 --coordinate ST
expect "live: category codes" "thue tthc" roviec petition list --category t
expect "live: enterprise tax codes" "0101234567" roviec petition add --enterprise 01
expect "closed set: statuses" "received classified assigned in_progress answered closed rejected withdrawn" \
	roviec petition list --status ""
expect "closed set: outcomes" "resolved partly_resolved explained declined" roviec petition answer KN-2026-00001 --outcome ""
expect "closed set: outcomes by prefix" "partly_resolved" roviec petition answer KN-2026-00001 --outcome p
expect "closed set: roles" "admin agency" roviec user add bob --role a
expect "export formats" "open311" roviec export --format o
comp roviec petition list --zone 'Khu\ công\ nghiệp'
assert_eq "zone names with spaces, quoted" 'Khu\ công\ nghiệp\ Bắc\ Thăng\ Long' "$REPLY"
comp roviec petition list --zone K
assert_eq "zone names: every park" 2 "${#COMPREPLY[@]}"
expect "free-text option: nothing" "" roviec petition add --title ""

# --db on the line wins over ROVIEC_DB.
OTHER="$T/other.db"
"$ROVIEC" --db "$OTHER" init >/dev/null 2>&1
"$ROVIEC" --db "$OTHER" agency add "Công an" --code CATP >/dev/null 2>&1
expect "--db on the line is used" "CATP" roviec --db "$OTHER" petition list --agency C
expect "ROVIEC_DB otherwise" "" roviec petition list --agency C

# Quiet and harmless: a missing database gives nothing and is not created.
MISSING="$T/missing.db"
expect "missing database: nothing" "" roviec --db "$MISSING" petition show KN
assert_eq "missing database: not created" "no" "$([ -e "$MISSING" ] && echo yes || echo no)"
set -u
rv --db "$MISSING" complete agencies
assert_eq "roviec complete on a missing database: silent" "" "$OUT$ERR"
assert_eq "roviec complete on a missing database: non-zero" "yes" "$([ "$STATUS" -ne 0 ] && echo yes || echo no)"
rv complete statuses in
assert_out "in_progress" "complete statuses PREFIX, without a database"
rv complete frobs
assert_status 2 "complete: unknown kind is a usage error"
rv --help
assert_eq "complete is hidden from --help" "no" "$(grep -q '^  complete' "$OUT_FILE" && echo yes || echo no)"

finish
