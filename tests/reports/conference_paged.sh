#!/usr/bin/env bash
# conference_paged.sh — `conference show` and `report conference` print the
# follow-up table a page at a time (ROVIEC_CONF_PAGE forces small pages):
# on a conference with a few thousand petitions, every page size gives the
# bytes of one page holding the whole table (what the table was when it
# was loaded whole) in the table, CSV and JSON forms; the JSON rows are
# the linked petitions SQL reads, in tracking-code order; a conference
# with no petition prints "(none)" / an empty array as before.
source "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ROVIEC_DB" "$1"; }

on 2026-04-15 demo --petitions 10000 --seed 5
CONF=$(q "SELECT id FROM conferences ORDER BY held_on DESC LIMIT 1")
# Every demo link moved onto one conference (setup only: the table is what
# is read here; the counters follow by their triggers), a few thousand.
q "UPDATE conference_petitions SET conference_id = $CONF"
N=$(q "SELECT count(*) FROM conference_petitions WHERE conference_id = $CONF")
assert_eq "the conference holds a few thousand petitions" "1" "$([ "$N" -ge 2000 ] && echo 1)"

show() { # PAGE NAME ARGS…: output of one command at that page size in $T/NAME.PAGE
	local page=$1 name=$2
	shift 2
	ROVIEC_CONF_PAGE=$page rv "$@"
	assert_ok "$* at page size $page"
	cp "$OUT_FILE" "$T/$name.$page"
}

for page in 100000 7; do
	show "$page" table conference show "$CONF"
	show "$page" json conference show "$CONF" --json
	show "$page" rcsv report conference "$CONF" --csv
done
show 3 json conference show "$CONF" --json
show 3 rcsv report conference "$CONF" --csv
show 7 rjson report conference "$CONF" --json
show 7 rtable report conference "$CONF"
show 7 csv conference show "$CONF" --csv
for page in 7 3; do
	for name in table json rcsv; do
		[ -e "$T/$name.$page" ] || continue
		if cmp -s "$T/$name.100000" "$T/$name.$page"; then
			pass "$name: page size $page prints the bytes of one whole page"
		else
			fail "$name: page size $page prints the bytes of one whole page" "$(diff "$T/$name.100000" "$T/$name.$page" | head -20)"
		fi
	done
done
assert_eq "report conference --json is conference show --json" "" "$(cmp "$T/json.7" "$T/rjson.7")"
assert_eq "report conference is conference show" "" "$(cmp "$T/table.7" "$T/rtable.7")"
assert_eq "report conference --csv is conference show --csv" "" "$(cmp "$T/csv.7" "$T/rcsv.7")"

# The oracle: the linked petitions in code order with their five clears.
q "SELECT cp.code, e.name, p.title, coalesce(a.code, ''), coalesce(p.responsible_person, ''), coalesce(p.deadline, ''), p.status
   FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id JOIN enterprises e ON e.id = p.enterprise_id
   LEFT JOIN agencies a ON a.id = p.lead_agency_id WHERE cp.conference_id = $CONF ORDER BY cp.code" >"$T/sql.txt"
"$PYTHON" - "$T/json.7" >"$T/json.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for p in d["petitions"]:
    print("|".join([p["code"], p["enterprise"]["name"], p["title"], p["lead_agency"] or "",
                    p["responsible_person"] or "", p["deadline"] or "", p["status"]]))
PY
if cmp -s "$T/sql.txt" "$T/json.txt"; then
	pass "JSON rows (page size 7) are the linked petitions SQL reads, in code order"
else
	fail "JSON rows (page size 7) are the linked petitions SQL reads, in code order" "$(diff "$T/sql.txt" "$T/json.txt" | head -10)"
fi
assert_eq "CSV: a header record and one record per petition (page size 3)" "$((N + 1))" \
	"$("$PYTHON" -c 'import csv, sys; r = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); i = max(k for k, x in enumerate(r) if x == ["petitions"]); print(len(r) - i - 1)' "$T/rcsv.3")"
json_check "JSON progress counts every linked petition" "$T/json.3" "d['progress']['petitions'] == $N and len(d['petitions']) == $N"

# A conference with no petition.
on 2026-04-15 conference add --title "Hội nghị trống" --date 2026-04-20
EMPTY=$OUT
show 7 ejson conference show "$EMPTY" --json
json_check "no petition: an empty array" "$T/ejson.7" "d['petitions'] == [] and d['title'] == 'Hội nghị trống'"
assert_contains "no petition: the JSON array printed as before" '"petitions": []' "$(cat "$T/ejson.7")"
show 7 etable conference show "$EMPTY"
assert_contains "no petition: the table says (none)" "(none)" "$(cat "$T/etable.7")"
rv conference show 999 --csv
assert_eq "an unknown conference fails" 1 "$([ "$STATUS" -ne 0 ] && echo 1)"
assert_contains "an unknown conference is named" "999" "$ERR"
finish
