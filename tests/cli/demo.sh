# demo.sh — `roviec demo` records the quarterly dialogue conferences it
# collects petitions for: each conference-channel petition (and no other)
# is linked to its conference with the "set conference" row `petition add
# --conference` writes; answers given on the conference's day are flagged
# answered in session with the row `conference answer` writes; every
# petition's version is its last history step; `conference list` and
# `conference show` read it; the chain verifies; a second run adds to the
# same conferences instead of recording them again.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ROVIEC_DB" "$1"; }

rv demo --petitions 1200 --seed 7
assert_ok "demo database"

# Today is 2026-01-08: the window (two years) holds the eight quarterly
# conferences of 2024 and 2025; the March 2026 one collects no petition yet.
assert_eq "eight conferences, held on the working day on or after the 20th of the quarter's last month" \
	"2024-03-20 2024-06-20 2024-09-20 2024-12-20 2025-03-20 2025-06-20 2025-09-22 2025-12-22" \
	"$(q "SELECT group_concat(held_on, ' ') FROM (SELECT held_on FROM conferences ORDER BY held_on)")"
assert_eq "titles name the quarter and year" \
	"Hội nghị đối thoại với doanh nghiệp các khu công nghệ cao và khu công nghiệp quý III năm 2025" \
	"$(q "SELECT title FROM conferences WHERE held_on = '2025-09-22'")"
assert_eq "every conference has a chair, a theme, and a park or a place" "0" \
	"$(q "SELECT count(*) FROM conferences WHERE chair IS NULL OR theme IS NULL OR (zone_id IS NULL) = (place IS NULL)")"
assert_eq "titles, chairs and themes are NFC" "True" \
	"$("$PYTHON" -c 'import sys, unicodedata; print(all(unicodedata.is_normalized("NFC", l) for l in sys.stdin))' \
		< <(q "SELECT title || chair || theme || coalesce(place, '') FROM conferences"))"

CONF=$(q "SELECT count(*) FROM petitions WHERE channel = 'conference'")
assert_match "a quarter of the petitions were raised for a conference" '^[0-9]{3}$' "$CONF"
assert_eq "each conference-channel petition is linked" "$CONF" "$(q "SELECT count(*) FROM conference_petitions")"
assert_eq "no other petition is linked" "0" \
	"$(q "SELECT count(*) FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id WHERE p.channel <> 'conference'")"
assert_eq "linked to the conference its body names, collected up to its day" "0" \
	"$(q "SELECT count(*) FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id
	      JOIN conferences c ON c.id = cp.conference_id
	      WHERE p.received > c.held_on OR instr(p.body, strftime('%d/%m/%Y', c.held_on)) = 0")"
assert_eq "each link has one 'set conference' row at version 1, to its conference" "$CONF" \
	"$(q "SELECT count(*) FROM history h JOIN conference_petitions cp ON cp.petition_id = h.petition_id
	      WHERE h.action = 'set' AND h.field = 'conference' AND h.version = 1 AND h.old IS NULL
	      AND h.new = CAST(cp.conference_id AS TEXT)")"
assert_eq "no other 'set conference' row" "$CONF" "$(q "SELECT count(*) FROM history WHERE field = 'conference'")"

INS=$(q "SELECT count(*) FROM conference_petitions WHERE answered_in_session = 1")
assert_match "some answers were given in the session" '^[1-9][0-9]*$' "$INS"
assert_eq "answered in session: answered on the conference's day" "$INS" \
	"$(q "SELECT count(*) FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id
	      JOIN conferences c ON c.id = cp.conference_id
	      WHERE cp.answered_in_session = 1 AND p.answered = c.held_on AND p.status IN ('answered', 'closed')")"
assert_eq "and no answer on that day is left unflagged" "0" \
	"$(q "SELECT count(*) FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id
	      JOIN conferences c ON c.id = cp.conference_id WHERE cp.answered_in_session = 0 AND p.answered = c.held_on")"
assert_eq "each flag has its row right after the answer, at the answer's time" "$INS" \
	"$(q "SELECT count(*) FROM history f JOIN history a ON a.petition_id = f.petition_id AND a.version = f.version - 1
	      AND a.action = 'answer' AND a.at = f.at
	      WHERE f.field = 'answered_in_session' AND f.old = '0' AND f.new = '1'")"
assert_eq "every petition's version is its last history step" "0" \
	"$(q "SELECT count(*) FROM petitions p WHERE p.version <> (SELECT max(version) FROM history h WHERE h.petition_id = p.id)")"
assert_eq "the Board and each linked petition's lead agency take part" "0 0" \
	"$(q "SELECT count(*) FROM conferences c WHERE NOT EXISTS (SELECT 1 FROM conference_agencies ca JOIN agencies a
	      ON a.id = ca.agency_id WHERE ca.conference_id = c.id AND a.code = 'BQL')") $(q "SELECT count(*)
	      FROM conference_petitions cp JOIN petitions p ON p.id = cp.petition_id WHERE p.lead_agency_id IS NOT NULL
	      AND NOT EXISTS (SELECT 1 FROM conference_agencies ca WHERE ca.conference_id = cp.conference_id
	      AND ca.agency_id = p.lead_agency_id)")"

rv conference list --json
assert_ok "conference list"
json_check "conference list: eight, their petitions adding up to the links" "$OUT_FILE" \
	"len(d) == 8 and sum(c['petitions'] for c in d) == $CONF and all(c['petitions'] > 0 for c in d)"
ID=$(q "SELECT conference_id FROM conference_petitions WHERE answered_in_session = 1 LIMIT 1")
N=$(q "SELECT count(*) FROM conference_petitions WHERE conference_id = $ID")
rv conference show "$ID" --json
assert_ok "conference show"
json_check "conference show: its petitions, one answered in session at least" "$OUT_FILE" \
	"len(d['petitions']) == $N and d['progress']['petitions'] == $N and d['progress']['answered_in_session'] >= 1 and any(p['answered_in_session'] for p in d['petitions'])"
rv conference show "$ID"
assert_ok "conference show (table)"
assert_contains "the table names the chair" "$(q "SELECT chair FROM conferences WHERE id = $ID")" "$OUT"

rv verify
assert_ok "verify: the demo's chain, conference rows included"

# Each batch lifts history's append-only guard and puts it back before
# COMMIT: the schema is the one a fresh database has, and the guard works.
"$ROVIEC" --db "$T/fresh.db" init >/dev/null 2>&1
assert_eq "the schema after demo is a fresh database's, triggers included" \
	"$(sqlite3 "$T/fresh.db" "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name" | md5sum)" \
	"$(q "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name" | md5sum)"
assert_contains "the append-only guard refuses a row inserted out of order" \
	"history is append-only: rows cannot be replaced or inserted out of order" \
	"$(sqlite3 "$ROVIEC_DB" "INSERT INTO history(id, petition_id, version, at, os_login, actor, action)
	   VALUES (1, 1, 99, 'x', 'x', 'x', 'x')" 2>&1)"

# A second run adds petitions to the same conferences.
rv demo --petitions 300 --seed 8
assert_ok "a second demo run"
assert_eq "no conference recorded twice" "8" "$(q "SELECT count(*) FROM conferences")"
assert_eq "the new conference petitions are linked too" \
	"$(q "SELECT count(*) FROM petitions WHERE channel = 'conference'")" "$(q "SELECT count(*) FROM conference_petitions")"
rv verify
assert_ok "verify after the second run"

finish
