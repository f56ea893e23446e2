#!/usr/bin/env bash
# tui_keys.sh — keypress-to-redraw latency of the real terminal UI.
#
#   bench/tui_keys.sh ROVIEC DB [ROUNDS]
#
# Runs `ROVIEC --db DB` in an 80×24 tmux terminal with ROVIEC_UI_TIMING
# (ui/view.c: one line "ACTION ms" per key, from reading the key to the end
# of the redraw, and "IDLE ms" per piece of deferred work that redrew),
# sends the keys below one at a time — waiting after each until the log has
# been quiet for a moment, so each key is a batch of its own and the idle
# work it starts (counting, a search typed meanwhile) is over — and prints,
# per key, the median and the maximum over ROUNDS rounds (default 3).
#
# Keys per round: j ×20, PgDn ×10, G, g, `/dat dai` typed key by key then
# Enter, c, sort changes (s j Enter: received → code, s k Enter: back to
# received, s Enter: the other direction; the orders by enterprise and by
# agency, which no index serves yet, are left out: at 1M they take seconds
# to a minute, see bench/results.md), Enter on a petition and q, b (board)
# and q, C (conferences), Enter on the first conference, PgDn and G in its
# follow-up table, and q q.
#
# DB is written to when it has no conference: one "benchmark conference"
# is added and the 500 newest petitions linked to it, so the conference
# screens have something to show.  Never point it at a database you care
# about; copy it first.  Needs tmux and python3.
set -eu
prog=${1:?usage: tui_keys.sh ROVIEC DB [ROUNDS]}
db=${2:?usage: tui_keys.sh ROVIEC DB [ROUNDS]}
rounds=${3:-3}
quiet=${ROVIEC_BENCH_QUIET_MS:-400}   # the log is quiet this long: the key is done
user=${ROVIEC_BENCH_USER:-chuyenvien1}

case $prog in /*) ;; *) prog=$PWD/$prog ;; esac
case $db in /*) ;; *) db=$PWD/$db ;; esac
command -v tmux >/dev/null || { echo "tui_keys.sh: tmux not found" >&2; exit 2; }
[ -x "$prog" ] && [ -r "$db" ] || { echo "tui_keys.sh: need an executable and a database" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/roviec-tui-keys.XXXXXX")
sock="roviec-tui-keys-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
log=$tmp/timing.log
labels=$tmp/labelled.txt
: >"$log"
: >"$labels"

rv() { "$prog" --db "$db" --as "$user" "$@"; }
first_conf() {  # "ID PETITIONS" of the newest conference, or nothing
	rv conference list --json | python3 -c 'import json, sys
c = json.load(sys.stdin)
print("%s %s" % (c[0]["id"], c[0]["petitions"]) if c else "")'
}
read -r id linked <<<"$(first_conf)" || true
if [ -z "${id:-}" ]; then
	id=$(rv conference add --title "Benchmark conference" --date 01/06/2026)
	linked=0
fi
if [ "$linked" = 0 ]; then
	echo "tui_keys.sh: linking 500 petitions to conference $id of $db" >&2
	mapfile -t codes < <(rv petition list --limit 500 --json |
		python3 -c 'import json, sys; print("\n".join(p["code"] for p in json.load(sys.stdin)))')
	for ((i = 0; i < ${#codes[@]}; i += 50)); do
		rv conference link "$id" "${codes[@]:i:50}" >/dev/null
	done
fi

now_ms() { date +%s%3N; }
lines() { wc -l <"$log"; }

# press LABEL KEY: sends KEY (a tmux key name), waits until its line is in
# the log and the log has been quiet for $quiet ms, then files the new lines
# under LABEL ("IDLE" ones under "LABEL (idle)").
press() {
	local label=$1 key=$2 before start last n
	before=$(lines)
	tm send-keys -t bench -- "$key"
	start=$(now_ms)
	while [ "$(lines)" -le "$before" ]; do
		sleep 0.02
		if [ $(( $(now_ms) - start )) -gt 60000 ]; then
			echo "tui_keys.sh: no frame after $label" >&2
			exit 1
		fi
	done
	last=$(lines)
	start=$(now_ms)
	while [ $(( $(now_ms) - start )) -lt "$quiet" ]; do
		sleep 0.05
		n=$(lines)
		if [ "$n" -ne "$last" ]; then
			last=$n
			start=$(now_ms)
		fi
	done
	tail -n +"$((before + 1))" "$log" | head -n "$((last - before))" | while read -r action ms; do
		if [ "$action" = IDLE ]; then
			printf '%s (idle)\t%s\n' "$label" "$ms"
		else
			printf '%s\t%s\n' "$label" "$ms"
		fi
	done >>"$labels"
}

tm new-session -d -s bench -x 80 -y 24 \
	env LANG=C.UTF-8 TERM=xterm-256color ROVIEC_UI_TIMING="$log" "$prog" --db "$db" --as "$user"
sleep 1

for _ in $(seq "$rounds"); do
	for _ in $(seq 20); do press "j (down)" j; done
	for _ in $(seq 10); do press "PgDn" NPage; done
	press "G (last row)" G
	press "g (first row)" g
	press "/ (search prompt)" /
	for ch in d a t Space d a i; do press "search typing" "$ch"; done
	press "search Enter" Enter
	press "c (clear search)" c
	press "s (sort menu)" s
	press "sort menu (j)" j
	press "sort change (to code)" Enter
	press "s (sort menu)" s
	press "sort menu (j)" k
	press "sort change (to received)" Enter
	press "s (sort menu)" s
	press "sort reverse" Enter
	press "Enter (open petition)" Enter
	press "q (back to list)" q
	press "b (board)" b
	press "q (back to list)" q
	press "C (conferences)" C
	press "Enter (open conference)" Enter
	press "conference PgDn" NPage
	press "conference G (last row)" G
	press "q (back)" q
	press "q (back to list)" q
done
tm send-keys -t bench Q
sleep 0.5

# median and max per label, in the order first seen
python3 - "$labels" "$rounds" "$db" <<'EOF'
import statistics, sys
order, times = [], {}
for line in open(sys.argv[1], encoding="utf-8"):
    label, ms = line.rstrip("\n").split("\t")
    if label not in times:
        order.append(label)
        times[label] = []
    times[label].append(float(ms))
print(f"keypress to finished redraw, {sys.argv[2]} rounds, 80×24, {sys.argv[3]}")
print(f"| {'key':<32} | {'n':>4} | {'median ms':>9} | {'max ms':>8} |")
print(f"|{'-' * 34}|{'-' * 6}|{'-' * 11}|{'-' * 10}|")
for label in order:
    t = times[label]
    print(f"| {label:<32} | {len(t):>4} | {statistics.median(t):>9.2f} | {max(t):>8.2f} |")
EOF
