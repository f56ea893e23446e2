# config.sh — the configuration file seen from the command line: each key
# has its effect, the command line and the environment win over the file,
# and a bad file stops every command with one line naming the file, the
# line and the key (exit 2, database unchanged).  lib.sh points
# ROVIEC_CONFIG at $T/config; XDG_CONFIG_HOME is exercised by unsetting it.
. "$(dirname "$0")/lib.sh"

CONF=$ROVIEC_CONFIG
conf() { printf '%s\n' "$@" >"$CONF"; }

rv init
rv enterprise add "Công ty A" --tax-code 0101234567
rv petition add --enterprise 0101234567 --title "Một" --received 05/01/2026
assert_ok "a small database"
FP=$(db_fingerprint)

# ---- database ----
ALT="$T/alt.db"
conf "# the board's database" "database = $ALT"
unset ROVIEC_DB
rv petition list
assert_status 3 "the file's database is used, and like --db not created by list"
assert_err "roviec: database $ALT does not exist; create it with: roviec init"
assert_eq "the file's database: not created" "no" "$([ -e "$ALT" ] && echo yes || echo no)"
rv init
assert_ok "init creates the file's database"
assert_eq "the file's database exists now" "yes" "$([ -e "$ALT" ] && echo yes || echo no)"
rv petition list --json
assert_eq "the file's database is empty" "[]" "$OUT"
export ROVIEC_DB="$T/roviec.db"
rv petition list --json
assert_match "ROVIEC_DB wins over the file" '"KN-2026-00001"' "$OUT"
unset ROVIEC_DB
rv --db "$T/roviec.db" petition list --json
assert_match "--db wins over the file" '"KN-2026-00001"' "$OUT"
export ROVIEC_DB="$T/roviec.db"

# ---- date_format ----
conf "date_format = iso"
rv petition list
assert_match "date_format = iso: the list shows 2026-01-05" "2026-01-05" "$OUT"
rv petition show KN-2026-00001
assert_match "date_format = iso: show too" "2026-01-05" "$OUT"
rv petition list --csv
assert_ok "csv under iso"
conf "date_format = dd/mm/yyyy"
rv petition list
assert_match "date_format = dd/mm/yyyy: 05/01/2026" "05/01/2026" "$OUT"
: >"$CONF"
rv petition list
assert_match "default: 05/01/2026" "05/01/2026" "$OUT"

# ---- language ----
conf "language = vi"
rv --help
assert_match "language = vi under LANG=C.UTF-8: Vietnamese" "kiến nghị" "$(head -1 "$OUT_FILE")"
LANG=en_US.UTF-8 LC_ALL="" rv --help
assert_match "a locale naming a language wins over the file" "enterprises' petitions" "$(head -1 "$OUT_FILE")"
rv --lang en --help
assert_match "--lang wins over the file" "enterprises' petitions" "$(head -1 "$OUT_FILE")"
conf "language = en"
LANG=vi_VN.UTF-8 LC_ALL="" rv --help
assert_match "LANG=vi_VN wins over language = en" "kiến nghị" "$(head -1 "$OUT_FILE")"

# ---- due_soon: the default of remind --within ----
rv agency add "Ban Quản lý" --code BQL
rv petition classify KN-2026-00001 --category thue
rv petition assign KN-2026-00001 --lead BQL --person "Chị Lan" --within 5
assert_ok "assign: deadline 5 working days ahead"
conf "due_soon = 2"
rv remind
assert_contains "due_soon = 2: nothing due within 2 days" "Nothing is overdue or due soon." "$OUT"
conf "due_soon = 10"
rv remind
assert_contains "due_soon = 10: due within 10 working days" "Due within 10 working days (1):" "$OUT"
rv remind --within 2
assert_contains "--within wins over the file" "Nothing is overdue or due soon." "$OUT"
FP=$(db_fingerprint)

# ---- the user's file under XDG_CONFIG_HOME, and HOME/.config ----
unset ROVIEC_CONFIG
export XDG_CONFIG_HOME="$T/xdgconf"
mkdir -p "$XDG_CONFIG_HOME/roviec" "$HOME/.config/roviec"
printf 'date_format = iso\n' >"$XDG_CONFIG_HOME/roviec/config"
rv petition list
assert_match "XDG_CONFIG_HOME/roviec/config is read" "2026-01-05" "$OUT"
unset XDG_CONFIG_HOME
printf 'date_format = iso\n' >"$HOME/.config/roviec/config"
rv petition list
assert_match "HOME/.config/roviec/config without XDG_CONFIG_HOME" "2026-01-05" "$OUT"
printf 'date_format = iso\ncolour = on\n' >"$HOME/.config/roviec/config"
rv petition list
assert_refused 2 "roviec: $HOME/.config/roviec/config:2: colour: unknown key (known: database, language, due_soon, color, date_format)" "$FP" "unknown key in the user's file"
rm "$HOME/.config/roviec/config"
export ROVIEC_CONFIG="$CONF"

# ---- bad files: one line, exit 2, nothing changed, for every command ----
bad() { # DESC MESSAGE-AFTER-"roviec: $CONF:" LINE...
	local desc=$1 msg=$2
	shift 2
	printf '%s\n' "$@" >"$CONF"
	rv petition start KN-2026-00001
	assert_refused 2 "roviec: $CONF:$msg" "$FP" "$desc"
}
bad "unknown key" '2: colour: unknown key (known: database, language, due_soon, color, date_format)' "# x" "colour = on"
bad "no =" '1: "language vi" has no "=" (expected: key = value)' "language vi"
bad "bad language" '1: language: "fr" is not a language (vi or en)' "language = fr"
bad "bad due_soon" '3: due_soon: "soon" is not a number of working days from 0 to 60' "" "" "due_soon = soon"
bad "bad color" '1: color: "yes" is not on or off' "color = yes"
bad "bad date_format" '1: date_format: "mm/dd" is not a date format (dd/mm/yyyy or iso)' "date_format = mm/dd"
bad "relative database" '1: database: "x.db" is not an absolute path' "database = x.db"
bad "control characters shown" '1: language: "vi^[[2J" is not a language (vi or en)' $'language = vi\e[2J'
printf 'color = on\nlanguage = v\xffi\n' >"$CONF"
rv petition start KN-2026-00001
assert_refused 2 "roviec: $CONF:2: language: the line is not valid UTF-8" "$FP" "invalid UTF-8"
rv --version
assert_status 2 "even --version stops on a bad file"
: >"$CONF"
rv petition show KN-2026-00001
assert_ok "a good file again: the command runs"

finish
