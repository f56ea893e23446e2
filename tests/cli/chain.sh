# chain.sh — the tamper-evident history, end to end: verify on a clean
# demo database; edits made behind roviec's back with the sqlite3 shell
# (triggers dropped, a value changed, rows deleted, a row appended, the
# whole chain recomputed by someone who knows the encoding) each detected;
# backup while another process writes, restore, verify; bad files refused
# by restore with the database unchanged; a JSON export imported into a new
# database verifies.
. "$(dirname "$0")/lib.sh"

rv demo --petitions 60 --seed 7
assert_status 0 "demo database"
ROWS=$(sqlite3 "$ROVIEC_DB" 'SELECT count(*) FROM history')

# ---- a clean database ----
rv verify
assert_ok "verify: a fresh demo database passes"
assert_out "Verified: the file is intact and $ROWS history rows chain up to row $ROWS."
rv verify --checkpoint
assert_ok "verify --checkpoint"
assert_match "the checkpoint is one line: rows, head id, sha256" "^roviec-checkpoint rows=$ROWS id=$ROWS sha256=[0-9a-f]{64}$" "$OUT"
CP=$OUT
printf '%s\n' "$CP" >"$T/cp.txt"
rv verify --json
cp "$OUT_FILE" "$T/v.json"
json_check "verify --json: ok, rows and the same head hash" "$T/v.json" \
	"d['ok'] is True and d['rows'] == $ROWS and d['head_id'] == $ROWS and d['sha256'] == '${CP##*sha256=}'"
rv verify --against "$T/cp.txt"
assert_ok "verify --against a checkpoint file"
rv verify --against "$CP"
assert_ok "verify --against the checkpoint text"
rv verify --against "$T/v.json"
assert_ok "verify --against the JSON form"
rv verify --against "roviec-checkpoint rows=3 id=3 sha256=zz"
assert_status 2 "a malformed checkpoint is bad input"
assert_err 'roviec: against: "roviec-checkpoint rows=3 id=3 sha256=zz" is not a checkpoint (roviec-checkpoint rows=N id=ID sha256=HEX)'

# Who may verify: not an agency liaison (they see only their own petitions).
AG=$(sqlite3 "$ROVIEC_DB" "SELECT code FROM agencies ORDER BY id LIMIT 1")
rv user add lienlac --role agency --agency "$AG"
rv --as lienlac verify
assert_status 5 "an agency user may not verify"
assert_contains "the refusal names the allowed roles" "allowed roles: admin, staff, official" "$ERR"

# ---- tampering with the sqlite3 shell ----
tampered() { # NAME SQL: a copy of the database with SQL applied
	cp "$ROVIEC_DB" "$T/$1.db"
	sqlite3 "$T/$1.db" "$2"
}
code_of_row() { sqlite3 "$ROVIEC_DB" "SELECT p.code FROM history h JOIN petitions p ON p.id = h.petition_id WHERE h.id = $1"; }

tampered edited "DROP TRIGGER history_no_update; UPDATE history SET new = 'đã sửa' WHERE id = 57"
rv --db "$T/edited.db" verify
assert_status 6 "an edited history value: exit 6"
assert_err "roviec: history row 57 ($(code_of_row 57)): its content does not match its hash: this row was changed, or the row before it was changed or removed" \
	"the edited row is named with its petition"

tampered edited_hash "DROP TRIGGER history_no_update; UPDATE history SET at = '2020-01-01T00:00:00Z' WHERE id = 20;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'x'); END"
rv --db "$T/edited_hash.db" verify
assert_status 6 "an edited timestamp, trigger put back: still detected"
assert_contains "names row 20" "history row 20 (" "$ERR"

tampered deleted "DROP TRIGGER history_no_delete; DELETE FROM history WHERE id = 30"
rv --db "$T/deleted.db" verify
assert_status 6 "a deleted row in the middle: exit 6"
assert_err "roviec: history row 31 ($(code_of_row 31)): row 30 before it is missing (deleted), or this row was changed"

tampered appended "INSERT INTO history(petition_id, version, at, os_login, actor, action, field, old, new, note)
SELECT petition_id, version, at, os_login, actor, 'set', 'result', NULL, 'giả', NULL FROM history WHERE id = $ROWS"
rv --db "$T/appended.db" verify
assert_status 6 "a row appended outside roviec: exit 6"
assert_err "roviec: history row $((ROWS + 1)) ($(code_of_row "$ROWS")): it has no hash, so it was written outside roviec"

tampered untriggered "DROP TRIGGER history_no_delete"
rv --db "$T/untriggered.db" verify
assert_status 6 "a dropped trigger alone: exit 6"
assert_err "roviec: triggers: history_no_delete is missing, so history is no longer append-only"

# The tail deleted and the trigger put back: a shorter chain is still a
# chain, which only a checkpoint kept outside can tell.
TRIG=$(sqlite3 "$ROVIEC_DB" "SELECT sql FROM sqlite_schema WHERE name = 'history_no_delete'")
tampered truncated "DROP TRIGGER history_no_delete; DELETE FROM history WHERE id > $((ROWS - 5)); $TRIG"
rv --db "$T/truncated.db" verify
assert_ok "a truncated tail alone passes the chain walk"
rv --db "$T/truncated.db" verify --against "$T/cp.txt"
assert_status 6 "verify --against detects the truncated tail"
assert_err "roviec: history ends at row $((ROWS - 5)) ($((ROWS - 5)) rows) but the checkpoint has $ROWS rows up to row $ROWS: its tail was removed"

# Someone who knows the encoding edits row 40 and recomputes every hash
# after it (the chain is then consistent): the checkpoint still tells.
cp "$ROVIEC_DB" "$T/rewritten.db"
"$PYTHON" - "$T/rewritten.db" <<'PY'
import hashlib, sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER history_no_update")
db.execute("UPDATE history SET new = 'viết lại' WHERE id = 40")
def enc(v):
    if v is None: return b"n"
    if isinstance(v, int): return b"i" + struct.pack(">q", v)
    b = v.encode(); return b"t" + struct.pack(">Q", len(b)) + b
prev = bytes(32)
for row in db.execute("SELECT id, petition_id, version, at, os_login, actor, action, field, old, new, note FROM history ORDER BY id").fetchall():
    prev = hashlib.sha256(prev + b"".join(enc(v) for v in row)).digest()
    db.execute("UPDATE history SET hash = ? WHERE id = ?", (prev, row[0]))
db.execute("CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'x'); END")
db.commit()
PY
rv --db "$T/rewritten.db" verify
assert_ok "a consistently recomputed chain passes alone (what a chain cannot prove)"
rv --db "$T/rewritten.db" verify --against "$CP"
assert_status 6 "verify --against detects the rewritten chain"
assert_err "roviec: history row $ROWS differs from the checkpoint: history up to it was rewritten"

# ---- backup while another process writes, then restore ----
TAX=$(sqlite3 "$ROVIEC_DB" "SELECT tax_code FROM enterprises ORDER BY id LIMIT 1")
(
	for i in $(seq 1 15); do
		"$ROVIEC" petition add --enterprise "$TAX" --title "Ghi song song $i" >/dev/null 2>>"$T/writer.err" || echo "fail $i" >>"$T/writer.err"
	done
) &
WRITER=$!
ok_backups=0
for i in 1 2 3; do
	if "$ROVIEC" backup "$T/b.db" >"$T/backup.out" 2>>"$T/backup.err"; then ok_backups=$((ok_backups + 1)); fi
done
wait "$WRITER"
assert_eq "three backups taken while a writer ran" "3" "$ok_backups"
assert_eq "the writer never failed (no lock errors)" "" "$(cat "$T/writer.err")"
assert_eq "nothing on stderr from backup" "" "$(cat "$T/backup.err")"
assert_match "backup reports what it copied" "^Backed up [0-9]+ pages \\([0-9.]+ MB\\) to $T/b.db\\.$" "$(cat "$T/backup.out")"
assert_eq "the backup is mode 0660" "660" "$(stat -c %a "$T/b.db")"
assert_eq "no temporary file left beside it" "b.db" "$(cd "$T" && ls b.db*)"
rv --db "$T/b.db" verify
assert_ok "the backup taken under writes verifies"
BACKUP_PETITIONS=$(sqlite3 "$T/b.db" 'SELECT count(*) FROM petitions')
rv petition add --enterprise "$TAX" --title "Sau sao lưu"
assert_status 0 "one more petition after the backup"
rv restore "$T/b.db"
assert_ok "restore of the backup"
assert_out "Restored $T/b.db: verified ($(sqlite3 "$T/b.db" 'SELECT count(*) FROM history') history rows chained) and put in place."
assert_eq "the database is the backup again" "$BACKUP_PETITIONS" "$(sqlite3 "$ROVIEC_DB" 'SELECT count(*) FROM petitions')"
rv verify
assert_ok "verify after restore"
rv petition add --enterprise "$TAX" --title "Sau khôi phục"
assert_status 0 "writing goes on after a restore"
rv verify
assert_ok "and the chain continues"

# ---- restore refuses bad files, database unchanged ----
fp=$(db_fingerprint)
rv restore "$T/edited.db"
assert_refused 6 "roviec: restore: $T/edited.db refused: history row 57 ($(code_of_row 57)): its content does not match its hash: this row was changed, or the row before it was changed or removed" "$fp" "restore of a tampered file"
assert_eq "the database is unchanged" "$fp" "$(db_fingerprint)"
rv restore "$T/truncated.db"
assert_status 0 "a truncated copy is a valid chain (restore cannot know the checkpoint)"
rv restore "$T/b.db"
rv user add canbo --role staff
fp=$(db_fingerprint)
head -c 20000 "$T/b.db" >"$T/cut.db"
rv restore "$T/cut.db"
assert_status 6 "restore of a cut-off file: exit 6"
assert_contains "says the file is refused" "restore: $T/cut.db" "$ERR"
assert_eq "the database is unchanged" "$fp" "$(db_fingerprint)"
printf 'not a database at all\n' >"$T/text.db"
rv restore "$T/text.db"
assert_status 6 "restore of a text file: exit 6"
assert_eq "the database is unchanged" "$fp" "$(db_fingerprint)"
rv restore "$T/missing.db"
assert_status 3 "restore of a missing file: exit 3"
rv restore "$ROVIEC_DB"
assert_status 2 "restore of the database onto itself: exit 2"
rv --as canbo restore "$T/b.db"
assert_status 5 "restore is for administrators only"
assert_eq "the database is unchanged" "$fp" "$(db_fingerprint)"
rv --as canbo backup "$T/staff.db"
assert_status 0 "staff may take a backup"

# ---- JSON export imported into a new database verifies ----
rv export --format json --output "$T/all.json"
assert_status 0 "export json"
rv --db "$T/new.db" init
rv --db "$T/new.db" import "$T/all.json"
assert_status 0 "import into a new database"
rv --db "$T/new.db" verify
assert_ok "the imported history has a chain that verifies"
assert_eq "every history row was imported" "$(sqlite3 "$ROVIEC_DB" 'SELECT count(*) FROM history')" \
	"$(sqlite3 "$T/new.db" 'SELECT count(*) FROM history')"

finish
