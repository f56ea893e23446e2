#!/usr/bin/env bash
# roundtrip.sh — export → import: roviec's own JSON export, imported into a
# new database, reproduces the exported one row for row (every table but
# the search index's internals: codes, uuids, versions, ids, history rows —
# in each petition's order, renumbered since history is append-only);
# importing it again adds nothing; a damaged export is refused whole.
source "$(dirname "$0")/lib.sh"
build_dataset
# A little of everything: a holiday, a second conference, a category.
on 2026-04-15 holiday add 05/06/2026 --name "Nghỉ thử nghiệm"
on 2026-04-15 category add xuat-nhap-khau --vi "Xuất nhập khẩu" --en "Import and export" --within 10
on 2026-04-15 conference add --title "Hội nghị Hòa Lạc" --date 20/04/2026 --zone "Khu công nghệ cao Hòa Lạc" --agency SXD
on 2026-04-15 conference link 2 KN-2026-00006
on 2026-04-15 user add canbo1 --role agency --agency SXD

rv export --format json --output "$T/all.json"
assert_status 0 "export json"
NEW=$T/restored.db
rv --db "$NEW" init
rv --db "$NEW" import "$T/all.json" --dry-run
assert_out "Dry run: 7 rows read, 7 would be added, 0 already present, 0 bad; nothing written." "dry run"
rv --db "$NEW" import "$T/all.json"
assert_status 0 "import json into a new database"
assert_out "7 rows read: 7 added, 0 already present, 0 bad."
db_dump "$ROVIEC_DB" >"$T/a.txt"
db_dump "$NEW" >"$T/b.txt"
if diff "$T/a.txt" "$T/b.txt" >"$T/diff.txt"; then
	pass "the restored database equals the exported one, table by table"
else
	fail "the restored database equals the exported one, table by table" "$(head -40 "$T/diff.txt")"
fi
assert_eq "history rows compared: all of them" "$(sqlite3 "$ROVIEC_DB" 'SELECT count(*) FROM history')" \
	"$(sqlite3 "$NEW" 'SELECT count(*) FROM history')"
rv --db "$NEW" verify
assert_status 0 "the restored history carries a hash chain that verifies"
rv --db "$NEW" petition list --search "ngap nuoc" --count
assert_out "1" "the search index is rebuilt (accent-insensitive search works)"
rv --db "$NEW" report agencies --json
cp "$OUT_FILE" "$T/ag.json"
json_expect "$T/ag.json" <<'X'
[0].agency         "SXD"
[0].avg_days_late  8.5
[0].extensions     1
X

fp=$(db_fingerprint)
rv import "$T/all.json"
assert_status 0 "importing the export into its own database"
assert_out "7 rows read: 0 added, 7 already present, 0 bad."
assert_eq "nothing duplicated" "$fp" "$(db_fingerprint)"

# CSV out and back in: the same petitions, found again.
rv export --format csv --output "$T/all.csv"
rv import "$T/all.csv"
assert_out "7 rows read: 0 added, 7 already present, 0 bad." "roviec's own CSV: every petition found again by its code"

# A damaged export: refused whole, with the petition's position.
python3 - "$T/all.json" "$T/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["petitions"][2]["enterprise"]["tax_code"] = "0999999999"
d["petitions"][4]["status"] = "lost"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
EMPTY=$T/empty.db
rv --db "$EMPTY" init
FP_EMPTY=$(ROVIEC_DB=$EMPTY db_fingerprint)
rv --db "$EMPTY" import "$T/bad.json"
assert_status 2 "a damaged export is refused"
assert_contains "the unknown enterprise, petition 3" "bad.json:3: enterprise: no enterprise with tax code" "$ERR"
assert_contains "the impossible status, petition 5" "bad.json:5: KN-2026-00005: database error while importing a petition: CHECK constraint failed" "$ERR"
assert_eq "nothing written" "$FP_EMPTY" "$(ROVIEC_DB=$EMPTY db_fingerprint)"
printf '{"format": "something-else", "petitions": []}' >"$T/other.json"
rv --db "$EMPTY" import "$T/other.json"
assert_status 2 "not a roviec export"
assert_contains "says why" 'format is not "roviec-export"' "$ERR"
printf '{"format": "roviec-export", "petitions": [{"uuid": "x", "code": "KN-1"} {}]}' >"$T/syntax.json"
rv --db "$EMPTY" import "$T/syntax.json"
assert_status 2 "broken JSON"
rv --as canbo1 import "$T/all.json"
assert_status 5 "restoring a JSON export is for administrators"
finish
