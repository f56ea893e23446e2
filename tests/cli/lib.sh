# lib.sh — shared helpers for the end-to-end tests of the command line.
#
# Sourced by every tests/cli/*.sh script, which meson runs as
#     bash tests/cli/NAME.sh /path/to/build/roviec
# Output is TAP (meson test protocol 'tap'): one "ok N - …" or "not ok N - …"
# line per assertion, "ok N - … # SKIP …" for an assertion parked on a known
# bug, diagnostics as "# …" lines, the plan "1..N" at the end.
#
# Each script gets its own temporary directory ($T, removed on exit) holding
# its database ($ROVIEC_DB), HOME and XDG_DATA_HOME, so nothing outside it
# is ever touched.  LANG/LC_ALL are C.UTF-8 (English messages), ROVIEC_TODAY
# and ROVIEC_NOW pinned (dates and history timestamps are deterministic);
# a script may override them for one command: ROVIEC_TODAY=… rv petition …
#
#   rv ARGS…            runs roviec; sets STATUS, OUT, ERR (and the files
#                       $OUT_FILE, $ERR_FILE holding the exact bytes)
#   rv_in FILE ARGS…    the same with standard input from FILE
#   run CMD ARGS…       the same for any command
#   assert_eq DESC EXPECTED ACTUAL
#   assert_status N     STATUS of the last run
#   assert_out TEXT     exact stdout of the last run (trailing newlines aside)
#   assert_err TEXT     exact stderr (one line) of the last run
#   assert_ok           status 0 and empty stderr
#   assert_refused N MSG FP   status N, stderr exactly MSG (one line), empty
#                       stdout and the database fingerprint still FP
#   assert_match DESC REGEX TEXT, assert_contains DESC NEEDLE TEXT
#   assert_no_bytes DESC FILE HEX…   none of the byte sequences (1b, 9b,
#                       e280ae …) anywhere in FILE
#   db_fingerprint      hash of the schema version and every table's content
#   json_expect FILE    checks "PATH  JSON-VALUE" lines read from stdin
#                       against the JSON document in FILE (one assertion each)
#   json_check DESC FILE PYEXPR   PYEXPR (d = the document) must be true
#   json_val FILE PYEXPR          prints the value of PYEXPR as JSON
#   pass DESC, fail DESC [DIAG]   record an assertion decided by the script
#   known_bug DESC      records a SKIP for an assertion parked on a core bug;
#                       each use sits under a "# KNOWN BUG:" comment that says
#                       what fails and where, and is written so that it turns
#                       back into the real assertion once the bug is gone
#   finish              prints the plan; exit status 1 if anything failed
#
# Every helper is safe under set -euo pipefail: statuses are captured
# explicitly, never left to errexit.

set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: bash $0 /path/to/roviec" >&2
	exit 2
fi
ROVIEC=$1
case $ROVIEC in /*) ;; *) ROVIEC=$PWD/$ROVIEC ;; esac

T=$(mktemp -d "${TMPDIR:-/tmp}/roviec-cli.XXXXXX")
cleanup() { rm -rf "$T"; }
trap cleanup EXIT

export HOME="$T/home" XDG_DATA_HOME="$T/xdg"
mkdir -p "$HOME"
export ROVIEC_DB="$T/roviec.db"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=ICT-7 # history times show in local time: Vietnam, UTC+7
unset LC_MESSAGES LANGUAGE NO_COLOR ROVIEC_LOCALEDIR XDG_CONFIG_HOME
# No configuration file but the script's own (none unless it writes one),
# whatever /etc/roviec/config says on this machine.
export ROVIEC_CONFIG="$T/config"
# Pinned whatever the caller's environment says (meson pins the same).
export ROVIEC_TODAY=2026-01-08
export ROVIEC_NOW=2026-01-08T02:00:00Z
# Sanitizer builds: report every problem and fail loudly.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# shellcheck disable=SC2034 # used by the scripts
ME=$(id -un)
# The interpreter itself, not a version-manager shim in front of it (a
# pyenv shim costs most of a second per call).
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
OUT_FILE="$T/.stdout"
ERR_FILE="$T/.stderr"
STATUS=0
OUT=""
ERR=""
_N=0
_FAILED=0

_diag() { sed 's/^/# /' <<<"$*"; }

pass() { _N=$((_N + 1)); echo "ok $_N - $1"; }
fail() {
	_N=$((_N + 1))
	_FAILED=$((_FAILED + 1))
	echo "not ok $_N - $1"
	if [ $# -gt 1 ]; then _diag "$2"; fi
}
known_bug() { _N=$((_N + 1)); echo "ok $_N - $1 # SKIP known bug"; }

run() {
	STATUS=0
	"$@" >"$OUT_FILE" 2>"$ERR_FILE" || STATUS=$?
	OUT=$(<"$OUT_FILE")
	ERR=$(<"$ERR_FILE")
}
rv() { run "$ROVIEC" "$@"; }
rv_in() {
	local input=$1
	shift
	STATUS=0
	"$ROVIEC" "$@" <"$input" >"$OUT_FILE" 2>"$ERR_FILE" || STATUS=$?
	OUT=$(<"$OUT_FILE")
	ERR=$(<"$ERR_FILE")
}

_last() { printf 'command status %s\nstdout:\n%s\nstderr:\n%s' "$STATUS" "$(head -c 2000 "$OUT_FILE")" "$(head -c 2000 "$ERR_FILE")"; }

assert_eq() {
	if [ "$2" == "$3" ]; then
		pass "$1"
	else
		fail "$1" "$(printf 'expected: %s\nactual:   %s' "$2" "$3")"
	fi
}

assert_status() {
	if [ "$STATUS" -eq "$1" ]; then
		pass "${2:-exit status $1}"
	else
		fail "${2:-exit status $1}" "$(_last)"
	fi
}

assert_out() {
	if [ "$OUT" == "$1" ]; then
		pass "${2:-stdout}"
	else
		fail "${2:-stdout}" "$(printf 'expected stdout:\n%s\n' "$1"; _last)"
	fi
}

assert_err() {
	local lines
	mapfile -t lines <"$ERR_FILE"
	if [ "$ERR" == "$1" ] && [ "${#lines[@]}" -eq 1 ]; then
		pass "${2:-stderr: $1}"
	else
		fail "${2:-stderr: $1}" "$(printf 'expected stderr (one line):\n%s\n' "$1"; _last)"
	fi
}

assert_ok() {
	if [ "$STATUS" -eq 0 ] && [ ! -s "$ERR_FILE" ]; then
		pass "${1:-succeeds}"
	else
		fail "${1:-succeeds}" "$(_last)"
	fi
}

assert_match() {
	if [[ $3 =~ $2 ]]; then
		pass "$1"
	else
		fail "$1" "$(printf 'expected to match: %s\nactual: %s' "$2" "$3")"
	fi
}

assert_contains() {
	if [[ $3 == *"$2"* ]]; then
		pass "$1"
	else
		fail "$1" "$(printf 'expected to contain: %s\nactual: %s' "$2" "$3")"
	fi
}

assert_no_bytes() {
	local desc=$1 file=$2 b found="" pattern
	shift 2
	for b in "$@"; do # each a hex byte sequence: 1b, e280ae
		# shellcheck disable=SC2059 # the format is the \xHH escapes built here
		pattern=$(printf "$(sed 's/../\\x&/g' <<<"$b")")
		if LC_ALL=C grep -qF -e "$pattern" "$file"; then found="$found $b"; fi
	done
	if [ -z "$found" ]; then
		pass "$desc"
	else
		fail "$desc" "bytes found:$found in $(od -c "$file" | head -20)"
	fi
}

db_fingerprint() {
	local h
	h=$(sqlite3 "$ROVIEC_DB" 'PRAGMA user_version' .dump | sha256sum)
	echo "${h%% *}"
}

# A refused command: exit status, the exact one-line message, nothing on
# stdout, and the database exactly as before.
assert_refused() {
	local code=$1 msg=$2 fp=$3 desc=${4:-refused}
	if [ "$STATUS" -eq "$code" ]; then
		pass "$desc: exit $code"
	else
		fail "$desc: exit $code" "$(_last)"
	fi
	assert_err "$msg" "$desc: message"
	assert_eq "$desc: nothing on stdout" "" "$OUT"
	assert_eq "$desc: database unchanged" "$fp" "$(db_fingerprint)"
}

# json_expect FILE <<'EOF'
# code                 "KN-2026-00001"
# enterprise.name      "Công ty …"
# history[0].action    "create"
# #history             20          (# = length of the array or object;
#                                   #[] = length of the document itself)
# EOF
json_expect() {
	local file=$1 line
	while IFS= read -r line; do
		case $line in '' | '//'*) continue ;; esac
		echo "$line"
	done | "$PYTHON" -c '
import json, re, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
def get(d, path):
    length = path.startswith("#")
    if length:
        path = path[1:]
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        d = d[int(part[1:-1])] if part.startswith("[") else d[part]
    return len(d) if length else d
for line in sys.stdin:
    path, _, want = line.strip().partition(" ")
    want = want.strip()
    desc = "json " + path + " = " + want
    try:
        got = get(doc, path)
    except (KeyError, IndexError, TypeError) as e:
        print("FAIL\t%s\tmissing: %r" % (desc, e))
        continue
    w = json.loads(want)
    same = got == w and type(got) is type(w)
    print("%s\t%s\tactual: %s" % ("PASS" if same else "FAIL", desc, json.dumps(got, ensure_ascii=False)))
' "$file" >"$T/.json" 2>&1 || true
	local verdict desc detail
	if ! grep -q . "$T/.json"; then
		fail "json_expect: nothing checked" "$(head -c 500 "$file")"
	fi
	while IFS=$'\t' read -r verdict desc detail; do
		case $verdict in
		PASS) pass "$desc" ;;
		FAIL) fail "$desc" "$detail" ;;
		*) fail "json_expect: $verdict $desc" "$detail" ;;
		esac
	done <"$T/.json"
}

json_check() {
	local desc=$1 file=$2 expr=$3 res
	res=$("$PYTHON" -c '
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print("yes" if eval(sys.argv[2]) else "no")
' "$file" "$expr" 2>&1) || true
	if [ "$res" = yes ]; then
		pass "$desc"
	else
		fail "$desc" "$(printf '%s\n%s' "$expr" "$res")"
	fi
}

# The value of a Python expression over the JSON document in FILE, as JSON.
json_val() {
	"$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps(eval(sys.argv[2]), ensure_ascii=False))
' "$1" "$2" 2>&1 || true
}

finish() {
	echo "1..$_N"
	if [ "$_FAILED" -gt 0 ]; then
		echo "# $_FAILED of $_N assertions failed"
		exit 1
	fi
	exit 0
}
