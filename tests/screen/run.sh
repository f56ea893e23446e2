#!/usr/bin/env bash
# run.sh — screen tests: drive the real program in tmux, compare exact screens.
#
#   run.sh PROGRAM SCENARIO [EXPECTED_DIR]
#
# PROGRAM is the binary to test (roviec, or the engine demo).  SCENARIO is
# a script of the commands below, one per line ('#' starts a comment).
# Every `expect NAME` captures the screen and compares it exactly with
# EXPECTED_DIR/<scenario>-<NAME>.txt (EXPECTED_DIR defaults to expected/
# next to this script), printing a unified diff on a mismatch.  With
# ROVIEC_SCREEN_UPDATE=1 the captures are written to the expected files
# instead.
#
# The program runs with LANG=C.UTF-8 TZ=ICT-7 (Vietnam) TERM=xterm-256color NO_COLOR=1
# ROVIEC_TODAY=2026-11-23 ROVIEC_NOW=2026-11-23T02:00:00Z and
# ROVIEC_DB=<a fresh temporary database>, in a
# tmux server of its own, inside a wrapper that prints, once the program
# has ended, "exit STATUS, tty restored: yes|no" (the stty settings are
# compared before and after).
#
# Commands:
#   size COLS ROWS      terminal size before `start` (default 80 24)
#   setup CMD…          run a shell command ($ROVIEC is the program, $ROVIEC_DB
#                       the database, $SEED the seed script; same environment);
#                       also while the program runs (another user's change)
#   start [ARGS…]       start PROGRAM ARGS… in a new terminal (again: restart)
#   keys KEY…           tmux send-keys key names: j Enter Escape C-d PageDown…
#   type TEXT           the rest of the line as literal text, key by key
#   typeesc TEXT        like type, after expanding \xHH and \uHHHH escapes
#   paste TEXT          TEXT (with escapes expanded) as a bracketed paste,
#                       byte for byte (LF is not turned into CR)
#   pastecmd CMD…       the output of a shell command as a bracketed paste
#                       (long pastes: 100 KB)
#   bytes HH HH…        raw bytes in hex, in one write (a paste split by a
#                       slow link: see roviec_paste_split)
#   click ROW COL       mouse button 1 at 0-based cell (ROW, COL), twice for
#   wheel up|down ROW COL                                  a double click
#   resize COLS ROWS    resize the terminal
#   signal NAME         send signal NAME (INT, TERM, SEGV…) to the program
#   catalog PO          compile PO (relative to the source tree) and make the
#                       program use it (ROVIEC_LOCALEDIR), for --lang vi
#   expect NAME         wait for a stable screen and compare it
#   wait                wait for a stable screen
#   color               from the next `start`, run without NO_COLOR=1 (the
#                       program and its configuration decide on colour)
#   colors NAME none|some
#                       wait for a stable screen and check its attributes
#                       (tmux capture-pane -e): `none`, no SGR colour
#                       parameter (30–38, 40–48, 90–97, 100–107; the
#                       defaults 39 and 49 are not colours); `some`, at
#                       least one.  Bold, dim, underline, reverse are allowed.
set -u
export LC_ALL=C.UTF-8  # bash splits `type` text by character, tmux reads UTF-8

prog=${1:?usage: run.sh PROGRAM SCENARIO [EXPECTED_DIR]}
scenario=${2:?usage: run.sh PROGRAM SCENARIO [EXPECTED_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
expected_dir=${3:-$here/expected}
name=$(basename "$scenario" .scr)
update=${ROVIEC_SCREEN_UPDATE:-}
timeout_ms=${ROVIEC_SCREEN_TIMEOUT_MS:-5000}

case $prog in /*) ;; *) prog=$PWD/$prog ;; esac
[ -x "$prog" ] || { echo "run.sh: $prog is not an executable" >&2; exit 2; }
[ -r "$scenario" ] || { echo "run.sh: cannot read $scenario" >&2; exit 2; }
command -v tmux >/dev/null || { echo "run.sh: tmux not found; skipping" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/roviec-screen.XXXXXX")
sock="roviec-screen-$$-$RANDOM"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
# shellcheck disable=SC2317  # called by the trap
cleanup() { tm kill-server 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

export ROVIEC="$prog"
export ROVIEC_DB="$tmp/roviec.db"
export SEED="$here/seed.sh"
test_env=(env -i "PATH=$PATH" "HOME=$tmp" "USER=${USER:-tester}" "LOGNAME=${LOGNAME:-${USER:-tester}}"
	LANG=C.UTF-8 TZ=ICT-7 TERM=xterm-256color NO_COLOR=1 ROVIEC_TODAY=2026-11-23
	ROVIEC_NOW=2026-11-23T02:00:00Z "ROVIEC_DB=$ROVIEC_DB" "ROVIEC=$prog" "SEED=$SEED")
# sanitizer settings reach the program (meson test -C a sanitized build)
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
	[ -n "${!v:-}" ] && test_env+=("$v=${!v}")
done

cols=80 rows=24 failures=0 started=0 lineno=0

die() { echo "run.sh: $scenario:$lineno: $*" >&2; exit 2; }

capture() { tm capture-pane -p -t main 2>/dev/null; }

now_ms() { date +%s%3N; }

# Waits until two consecutive captures, 100 ms apart, are identical (and,
# when a wanted file is given, until the screen equals it or the timeout
# passes, so a slow redraw is not mistaken for a wrong one).
settle() {
	local want=${1:-} start prev cur
	start=$(now_ms)
	# longer than the program's idle delay (150 ms): work it defers to a
	# pause in typing (search as you type, counting) has started by now
	sleep 0.25
	prev=$(capture)
	while :; do
		sleep 0.1
		cur=$(capture)
		if [ "$cur" = "$prev" ]; then
			if [ -z "$want" ] || [ ! -f "$want" ] || [ "$cur" = "$(cat "$want")" ]; then
				break
			fi
		fi
		if [ $(( $(now_ms) - start )) -gt "$timeout_ms" ]; then
			break
		fi
		prev=$cur
	done
	printf '%s\n' "$cur" > "$tmp/screen.txt"
}

# Expands \xHH, \uHHHH, \e, \r, \n, \t in $1 (printf %b).
expand() { printf '%b' "$1"; }

send_literal() {
	local text=$1 i ch
	for (( i = 0; i < ${#text}; i++ )); do
		ch=${text:i:1}
		tm send-keys -t main -l -- "$ch"
	done
}

start_program() {
	local wrapper="$tmp/wrapper.sh"
	cat > "$wrapper" <<-'EOF'
		trap : INT  # survive ^C (a handler, so the program gets the default)
		before=$(stty -g)
		# bash's "Segmentation fault" notice goes to /dev/null, the
		# program's own stderr to the terminal
		{ sh -c 'echo $$ > "$0"; exec "$@"' "$PIDFILE" "$@" 2>&3 3>&-; rc=$?; } 3>&2 2>/dev/null
		after=$(stty -g)
		if [ "$before" = "$after" ]; then ok=yes; else ok=no; fi
		printf 'exit %s, tty restored: %s\n' "$rc" "$ok"
		exec sleep 3600
	EOF
	tm kill-session -t main 2>/dev/null
	tm new-session -d -x "$cols" -y "$rows" -s main \
		"${test_env[@]}" "PIDFILE=$tmp/pid" bash "$wrapper" "$prog" "$@" \
		|| die "tmux could not start"
	tm set-option -g -w window-size manual >/dev/null
	started=1
	# keys sent before the program is reading would be echoed by the tty
	local t0
	t0=$(now_ms)
	until [ -n "$(capture | tr -d '[:space:]')" ] || [ $(( $(now_ms) - t0 )) -gt "$timeout_ms" ]; do
		sleep 0.05
	done
	settle
}

compare() {
	local label=$1 want="$expected_dir/$name-$1.txt"
	settle "$want"
	if [ -n "$update" ]; then
		mkdir -p "$expected_dir"
		cp "$tmp/screen.txt" "$want"
		echo "updated $want"
		return
	fi
	if [ ! -f "$want" ]; then
		echo "FAIL $name/$label: no expected screen $want (run with ROVIEC_SCREEN_UPDATE=1)"
		cat "$tmp/screen.txt"
		failures=$((failures + 1))
	elif ! diff -u --label "expected/$name-$label.txt" --label "actual screen" \
	          "$want" "$tmp/screen.txt"; then
		echo "FAIL $name/$label: the screen differs (above)"
		failures=$((failures + 1))
	else
		echo "ok   $name/$label"
	fi
}

# The SGR colour parameters on the screen, one a line (none: empty).
colour_params() {
	tm capture-pane -p -e -t main 2>/dev/null | grep -o $'\e\[[0-9;]*m' | tr -d '\033[m' | tr ';' '\n' |
		grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$'
}

check_colors() {
	local label=$1 want=$2 n
	settle
	n=$(colour_params | wc -l)
	case $want in
	none) [ "$n" -eq 0 ] ;;
	some) [ "$n" -gt 0 ] ;;
	*) die "colors $label: expected none or some, not $want" ;;
	esac && { echo "ok   $name/$label (colour parameters: $n)"; return; }
	echo "FAIL $name/$label: expected $want colour, found $n colour parameter(s):"
	colour_params | sort | uniq -c
	failures=$((failures + 1))
}

mouse_seq() {  # button row col (0-based) -> SGR mouse press and release
	printf '\033[<%d;%d;%dM' "$1" $(( $3 + 1 )) $(( $2 + 1 ))
	[ "$1" = 0 ] && printf '\033[<%d;%d;%dm' "$1" $(( $3 + 1 )) $(( $2 + 1 ))
}

while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	line=${line#"${line%%[![:space:]]*}"}
	case $line in ''|'#'*) continue ;; esac
	cmd=${line%% *}
	arg=""
	[ "$cmd" != "$line" ] && arg=${line#* }
	case $cmd in
	size) read -r cols rows <<< "$arg" ;;
	setup)
		(cd "$tmp" && "${test_env[@]}" bash -c "$arg") > "$tmp/setup.log" 2>&1 \
			|| { cat "$tmp/setup.log" >&2; die "setup failed: $arg"; } ;;
	start) # shellcheck disable=SC2086
		start_program $arg ;;
	keys) [ $started = 1 ] || die "keys before start"
		# shellcheck disable=SC2086
		tm send-keys -t main $arg ;;
	type) send_literal "$arg" ;;
	typeesc) send_literal "$(expand "$arg")" ;;
	paste)
		expand "$arg" > "$tmp/paste.txt"
		tm load-buffer -b p "$tmp/paste.txt"
		tm paste-buffer -p -r -d -b p -t main ;;
	bytes) # shellcheck disable=SC2086
		tm send-keys -t main -H $arg ;;
	pastecmd)
		(cd "$tmp" && "${test_env[@]}" bash -c "$arg") > "$tmp/paste.txt" \
			|| die "pastecmd failed: $arg"
		tm load-buffer -b p "$tmp/paste.txt"
		tm paste-buffer -p -r -d -b p -t main ;;
	click) read -r r c <<< "$arg"
		tm send-keys -t main -l -- "$(mouse_seq 0 "$r" "$c")" ;;
	wheel) read -r dir r c <<< "$arg"
		b=64; [ "$dir" = down ] && b=65
		tm send-keys -t main -l -- "$(mouse_seq $b "$r" "$c")" ;;
	resize) read -r cols rows <<< "$arg"
		tm resize-window -t main -x "$cols" -y "$rows" ;;
	signal)
		settle
		kill -s "$arg" "$(cat "$tmp/pid")" ;;
	catalog)
		mkdir -p "$tmp/locale/vi/LC_MESSAGES"
		msgfmt -o "$tmp/locale/vi/LC_MESSAGES/roviec.mo" "$here/../../$arg" \
			|| die "msgfmt failed on $arg"
		test_env+=("ROVIEC_LOCALEDIR=$tmp/locale") ;;
	expect) compare "$arg" ;;
	wait) settle ;;
	color)
		for i in "${!test_env[@]}"; do
			[ "${test_env[i]}" = NO_COLOR=1 ] && unset 'test_env[i]'
		done
		test_env=("${test_env[@]}") ;;
	colors) read -r label want <<< "$arg"
		[ $started = 1 ] || die "colors before start"
		check_colors "$label" "$want" ;;
	*) die "unknown command: $cmd" ;;
	esac
done < "$scenario"

if [ $failures -gt 0 ]; then
	echo "$name: $failures screen(s) differ"
	exit 1
fi
exit 0
