#!/usr/bin/env bash
# export_import.sh — times export (every format) and import (CSV, JSON) of
# N petitions (default 100,000).
#
#   bench/export_import.sh [ROVIEC] [N]
#
# The data comes from `roviec demo --petitions N`; when the demo generator
# is not available, from an Excel-style CSV of N petitions written by
# bench/export_import_gen.py and imported (which is then timed as well).
# Prints one line per step: what, seconds, petitions per second, and the
# CPU seconds (user + system) with the rate they give — on a shared machine
# the wall clock mostly measures the other users; results also go to
# bench/results/export_import.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ROVIEC=${1:-$here/../build/roviec}
N=${2:-100000}
W=$(mktemp -d "${TMPDIR:-/tmp}/roviec-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export ROVIEC_TODAY=2026-06-15 LANG=C.UTF-8 LC_ALL=C.UTF-8
DB=$W/bench.db
mkdir -p "$here/results"
OUT=$here/results/export_import.txt
: >"$OUT"

t() { # t LABEL COUNT CMD… — runs CMD, prints seconds and rates (wall, CPU)
	local label=$1 n=$2 wall user sys TIMEFORMAT='%R %U %S'
	shift 2
	{ time "$@" >/dev/null 2>"$W/err"; } 2>"$W/time" || { echo "$label failed:" >&2; cat "$W/err" >&2; exit 1; }
	read -r wall user sys <"$W/time"
	awk -v l="$label" -v d="$wall" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v n="$n" \
		'BEGIN { printf "%-28s %8.2f s  %9.0f petitions/s   CPU %7.2f s  %9.0f petitions/s\n", l, d, n / d, c, n / c }' |
		tee -a "$OUT"
}

echo "roviec export/import benchmark: $N petitions, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
if "$ROVIEC" --db "$DB" demo --petitions "$N" >/dev/null 2>"$W/err"; then
	echo "data: roviec demo --petitions $N" | tee -a "$OUT"
else
	echo "data: roviec demo unavailable ($(head -1 "$W/err")); importing a generated CSV" | tee -a "$OUT"
	rm -f "$DB"*
	python3 "$here/export_import_gen.py" "$N" "$W/gen.csv"
	"$ROVIEC" --db "$DB" init >/dev/null
	for a in "SXD:Sở Xây dựng" "STC:Sở Tài chính" "SCT:Sở Công Thương" "EVN:EVN Hà Nội" \
		"BQL:Ban Quản lý các KCN và CNC Hà Nội" "CT:Cục Thuế Hà Nội" "CA:Công an thành phố"; do
		"$ROVIEC" --db "$DB" agency add "${a#*:}" --code "${a%%:*}" >/dev/null
	done
	t "import csv (new petitions)" "$N" "$ROVIEC" --db "$DB" import "$W/gen.csv"
	t "import csv again (no-op)" "$N" "$ROVIEC" --db "$DB" import "$W/gen.csv"
fi
for f in csv json open311 xlsx; do
	t "export $f" "$N" "$ROVIEC" --db "$DB" export --format "$f" --output "$W/out.$f"
done
t "export html (period)" "$N" "$ROVIEC" --db "$DB" export --format html --output "$W/out.html"
ls -l "$W"/out.* | awk '{ printf "  %-12s %12d bytes\n", $NF, $5 }' | sed "s|$W/||" | tee -a "$OUT"
"$ROVIEC" --db "$W/restore.db" init >/dev/null
t "import json (restore)" "$N" "$ROVIEC" --db "$W/restore.db" import "$W/out.json"
# roviec's own CSV into a database that has the parks and agencies (and
# nothing else: enterprises are added from the file).
"$ROVIEC" --db "$W/csv.db" init >/dev/null
"$ROVIEC" --db "$DB" zone list --csv | python3 -c '
import csv, subprocess, sys
for r in csv.DictReader(sys.stdin):
    subprocess.run([sys.argv[1], "--db", sys.argv[2], "zone", "add", r["name"]], check=True, stdout=subprocess.DEVNULL)
' "$ROVIEC" "$W/csv.db"
"$ROVIEC" --db "$DB" agency list --csv | python3 -c '
import csv, subprocess, sys
for r in list(csv.DictReader(sys.stdin))[0:]:
    subprocess.run([sys.argv[1], "--db", sys.argv[2], "agency", "add", r["name"], "--code", r["code"], "--kind", r["kind"]],
                   check=True, stdout=subprocess.DEVNULL)
' "$ROVIEC" "$W/csv.db"
t "import csv (roviec's own)" "$N" "$ROVIEC" --db "$W/csv.db" import "$W/out.csv"
t "import csv again (no-op)" "$N" "$ROVIEC" --db "$W/csv.db" import "$W/out.csv"
