#!/usr/bin/env bash
# import_bulk.sh — the bulk path of import (src/bulk.c: search index filled
# once at the end, history in multi-row INSERTs) writes what the per-row
# path writes.  The reference is `demo`, whose search index, counters and
# history come from the schema's per-row triggers and history.h: its JSON
# export restored, and its CSV export imported, must give the same search
# index, counters that equal a recount, derived columns as the triggers
# compute them, a history chain that verifies, and the schema as it was.
# A bad row deep in a big file leaves the database exactly as it was; an
# import killed (SIGKILL) at any instant leaves none of its rows or all.
source "$(dirname "$0")/lib.sh"
N=800
A=$T/a.db B=$T/b.db C=$T/c.db
rv --db "$A" demo --petitions $N
assert_status 0 "demo of $N petitions (the per-row reference)"
rv --db "$A" export --format json --output "$T/all.json"
assert_status 0 "export json"
rv --db "$A" export --format csv --output "$T/all.csv"
assert_status 0 "export csv"

# Every (term, petition, column, offset) of the search index; the code
# column apart (a CSV import gives new codes).
vocab() { # vocab DB [WHERE]
	sqlite3 "$1" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'petition_search', 'instance');
		SELECT term, doc, col, offset FROM temp.v ${2:-} ORDER BY 1, 2, 3, 4" | sha256sum
}
# The search index by (term, column, how many petitions), without rowids.
vocab_counts() { # vocab_counts DB [AND …]
	sqlite3 "$1" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'petition_search', 'instance');
		SELECT term, col, count(DISTINCT doc) FROM temp.v WHERE col <> 'code' ${2:-} GROUP BY 1, 2 ORDER BY 1, 2" | sha256sum
}
# Rows where a counter table or a derived column differs from a recount.
mismatches() {
	sqlite3 "$1" "
	WITH c AS (SELECT status, coalesce(category_id, 0) AS category_id, coalesce(zone_id, 0) AS zone_id, count(*) AS n
	           FROM petitions GROUP BY 1, 2, 3),
	     o AS (SELECT lead_agency_id AS agency_id, deadline, count(*) AS n FROM petitions
	           WHERE status IN ('received', 'classified', 'assigned', 'in_progress')
	             AND lead_agency_id IS NOT NULL AND deadline IS NOT NULL GROUP BY 1, 2),
	     s AS (SELECT lead_agency_id AS agency_id, count(*) AS assigned, count(answered) AS answered,
	                  sum(answered IS NOT NULL AND coalesce(late_days, 0) = 0) AS on_time,
	                  sum(CASE WHEN answered IS NOT NULL THEN coalesce(late_days, 0) ELSE 0 END) AS late_sum,
	                  count(rating) AS rated, sum(coalesce(rating, 0)) AS rating_sum
	           FROM petitions WHERE lead_agency_id IS NOT NULL GROUP BY 1)
	SELECT (SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT status, category_id, zone_id, n FROM petition_counts WHERE n > 0))
	     + (SELECT count(*) FROM (SELECT status, category_id, zone_id, n FROM petition_counts WHERE n > 0 EXCEPT SELECT * FROM c))
	     + (SELECT count(*) FROM (SELECT * FROM o EXCEPT SELECT agency_id, deadline, n FROM open_deadlines WHERE n > 0))
	     + (SELECT count(*) FROM (SELECT agency_id, deadline, n FROM open_deadlines WHERE n > 0 EXCEPT SELECT * FROM o))
	     + (SELECT count(*) FROM (SELECT * FROM s EXCEPT SELECT agency_id, assigned, answered, on_time, late_sum, rated,
	                                                            rating_sum FROM agency_stats WHERE assigned > 0))
	     + (SELECT count(*) FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id
	        WHERE p.enterprise_key IS NOT e.sort_key OR p.zone_id IS NOT e.zone_id
	           OR p.lead_key IS NOT coalesce((SELECT sort_key FROM agencies WHERE id = p.lead_agency_id), x'ffff'))"
}
triggers() { sqlite3 "$1" "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name" | sha256sum; }

rv --db "$T/fresh.db" init
# ---- JSON: a restore into a new database ----
rv --db "$B" init
rv --db "$B" import "$T/all.json"
assert_status 0 "json: restore of $N petitions"
assert_out "$N rows read: $N added, 0 already present, 0 bad."
assert_eq "json: the search index equals the per-row one, term by term" "$(vocab "$A")" "$(vocab "$B")"
assert_eq "json: counters and derived columns equal a recount" "0" "$(mismatches "$B")"
assert_eq "json: history rows, all of them" "$(sqlite3 "$A" 'SELECT count(*) FROM history')" \
	"$(sqlite3 "$B" 'SELECT count(*) FROM history')"
rv --db "$B" verify
assert_status 0 "json: the history chain verifies"
assert_eq "json: the search trigger is back, as it was" "$(triggers "$T/fresh.db")" "$(triggers "$B")"
word=$(sqlite3 "$A" "SELECT title FROM petitions WHERE id = $((N - 7))" | awk '{ print $NF }')
rv --db "$A" petition list --search "$word" --count
want=$OUT
rv --db "$B" petition list --search "$word" --count
assert_eq "json: a search finds the same petitions ($word)" "$want" "$OUT"

# ---- CSV: roviec's own export into a database with the parks and agencies ----
"$PYTHON" - "$T/all.json" "$T/ref.json" <<'X'
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
json.dump({'format': d['format'], 'zones': d['zones'], 'agencies': d['agencies'],
           'conferences': d.get('conferences', []), 'petitions': []},
          open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
X
rv --db "$C" init
rv --db "$C" import "$T/ref.json"
assert_out "0 rows read: 0 added, 0 already present, 0 bad." "csv: the parks and agencies, no enterprise"
cp "$C" "$T/c0.db"
rv --db "$C" import "$T/all.csv"
assert_status 0 "csv: import of $N petitions"
assert_match "csv: every row read, none bad" "^$N rows read: [0-9]+ added, [0-9]+ already present, 0 bad\.\$" "$OUT"
# The demo repeats a few petitions word for word (same enterprise, day,
# title and body): the CSV import takes those as already present.
repeats="SELECT id FROM main.petitions p WHERE EXISTS (SELECT 1 FROM main.petitions q WHERE q.id < p.id
	AND q.enterprise_id = p.enterprise_id AND q.received = p.received AND q.title = p.title AND q.body = p.body)"
assert_eq "csv: the repeats are what was left out" "$(sqlite3 "$A" "SELECT count(*) FROM ($repeats)")" \
	"$(sqlite3 "$C" "SELECT $N - count(*) FROM petitions")"
assert_eq "csv: the search index equals the per-row one (term, column, petitions)" \
	"$(vocab_counts "$A" "AND doc NOT IN ($repeats)")" "$(vocab_counts "$C")"
assert_eq "csv: counters and derived columns equal a recount" "0" "$(mismatches "$C")"
assert_eq "csv: two history rows per petition but the received ones" \
	"$(sqlite3 "$C" "SELECT count(*) + count(*) FILTER (WHERE status <> 'received') FROM petitions")" \
	"$(sqlite3 "$C" 'SELECT count(*) FROM history')"
rv --db "$C" verify
assert_status 0 "csv: the history chain verifies"
assert_eq "csv: the search trigger is back, as it was" "$(triggers "$T/fresh.db")" "$(triggers "$C")"
rv --db "$C" petition list --search "$word" --count
assert_eq "csv: a search finds the same petitions ($word)" "$want" "$OUT"

# ---- a bad row deep in a big file changes nothing ----
"$PYTHON" - "$T/all.csv" "$T/bad.csv" <<'X'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))
rows[len(rows) - 10][rows[0].index('received')] = '31/02/2026'
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\n').writerows(rows)
X
line=$("$PYTHON" -c '
import sys
data = open(sys.argv[1], encoding="utf-8").read()
print(data[:data.index("31/02/2026")].count("\n") + 1)' "$T/bad.csv")
first=$(awk -v l="$line" 'NR <= l && /^"?KN-/ { n = NR } END { print n }' "$T/bad.csv")
cp "$T/c0.db" "$T/c1.db"
fp=$(ROVIEC_DB=$T/c1.db db_fingerprint)
rv --db "$T/c1.db" import "$T/bad.csv"
assert_status 2 "csv: a bad date in row $((N - 9)) refuses the file"
assert_eq "csv: one line naming line, field and value" \
	"$T/bad.csv:$first: received: \"31/02/2026\" is not a date (DD/MM/YYYY or YYYY-MM-DD)
roviec: $T/bad.csv: 1 bad rows, nothing imported" "$ERR"
assert_eq "csv: the database is exactly as it was (schema included)" "$fp" "$(ROVIEC_DB=$T/c1.db db_fingerprint)"

# The last petition but a few with several history rows loses the action of its last one.
read -r at bad_code < <("$PYTHON" - "$T/all.json" "$T/bad.json" <<'X'
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
ps = d['petitions']
i = max(i for i in range(len(ps) - 3) if len(ps[i]['history']) > 2)
del ps[i]['history'][-1]['action']
json.dump(d, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
print(i + 1, ps[i]['code'])
X
)
rv --db "$T/d.db" init
fp=$(ROVIEC_DB=$T/d.db db_fingerprint)
rv --db "$T/d.db" import "$T/bad.json"
assert_status 2 "json: a history row without its action refuses the file"
assert_contains "json: names the petition and what is missing" ":$at: $bad_code: history: a row needs" "$ERR"
assert_eq "json: the database is exactly as it was (schema included)" "$fp" "$(ROVIEC_DB=$T/d.db db_fingerprint)"
rv --db "$T/d.db" import "$T/bad.json" --skip-bad
assert_status 0 "json: --skip-bad imports the others"
assert_out "$N rows read: $((N - 1)) added, 0 already present, 1 bad."
rv --db "$T/d.db" verify
assert_status 0 "json: the chain verifies with the refused petition's history left out"
assert_eq "json: its history is not there" "0" \
	"$(sqlite3 "$T/d.db" "SELECT count(*) FROM history h JOIN petitions p ON p.id = h.petition_id WHERE p.code = '$bad_code'")"
assert_eq "json: the others' search index is complete" \
	"$(vocab "$A" "WHERE doc <> (SELECT id FROM main.petitions WHERE code = '$bad_code')")" "$(vocab "$T/d.db")"
# ---- killed mid-import: all or nothing, the trigger in place ----
full=$(sqlite3 "$C" "SELECT count(*) FROM petitions")
for delay in 0.1 0.3 0.6 1.0 1.5; do
	cp "$T/c0.db" "$T/k.db"
	"$ROVIEC" --db "$T/k.db" import "$T/all.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rv --db "$T/k.db" verify
	assert_status 0 "killed after ${delay}s: the file verifies"
	assert_match "killed after ${delay}s: no petition or all of them" "^(0|$full)\$" \
		"$(sqlite3 "$T/k.db" "SELECT count(*) FROM petitions")"
	assert_eq "killed after ${delay}s: the search trigger is there" "$(triggers "$T/fresh.db")" "$(triggers "$T/k.db")"
done
finish
