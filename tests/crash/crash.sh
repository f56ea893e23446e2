# crash.sh — killing roviec at any instant never loses a write it
# acknowledged and never leaves a half-written petition.
#
# One writer walks petitions through add → assign → answer, each command
# with --json, run in the background and SIGKILLed after a random delay
# (seeded: ROVIEC_CRASH_SEED, printed; ROVIEC_CRASH_KILLS, default 200).
# A write is acknowledged — appended to the ledger — only after the
# command returned 0.  A killed step is retried; a retry refused because
# the killed command had in fact committed (exit 2, "cannot assign it")
# moves on without acknowledging.  Afterwards:
#   - PRAGMA integrity_check and foreign_key_check are clean, and roviec
#     verify passes (the history hash chain is whole);
#   - every acknowledged add/assign/answer is there, with its history row;
#   - every petition has its create row, and its version equals its last
#     history version (no half-written petition);
#   - open_deadlines and agency_stats (trigger-kept counters) equal a
#     recount from petitions;
#   - the database still takes writes.
. "$(dirname "$0")/../cli/lib.sh"

SEED=${ROVIEC_CRASH_SEED:-$(date +%s)}
KILLS_WANTED=${ROVIEC_CRASH_KILLS:-200}
RANDOM=$SEED
echo "# seed $SEED (rerun: ROVIEC_CRASH_SEED=$SEED)"

rv init
assert_ok "init"
"$ROVIEC" agency add "Ban Quản lý" --code BQL --kind board
"$ROVIEC" agency add "Sở Xây dựng" --code SXD --kind department
"$ROVIEC" enterprise add "Công ty TNHH Bền Bỉ" --tax-code 0100000001

LEDGER="$T/ledger"
: >"$LEDGER"
KILLS=0 RUNS=0 UNEXPECTED=0
# step ARGS…: runs roviec in the background, kills it after a random
# delay of 0–99 ms (often before it finishes, often after).  Sets RC.
step() {
	"$ROVIEC" "$@" >"$T/step.out" 2>"$T/step.err" &
	local pid=$! ms=$((RANDOM % 100))
	RUNS=$((RUNS + 1))
	sleep "0.$(printf '%03d' "$ms")"
	if kill -9 "$pid" 2>/dev/null; then :; fi
	RC=0
	wait "$pid" 2>/dev/null || RC=$?
	if [ "$RC" -eq 137 ]; then KILLS=$((KILLS + 1)); fi
}

stage=add code="" n=0
start=$SECONDS
while [ "$KILLS" -lt "$KILLS_WANTED" ] && [ $((SECONDS - start)) -lt 120 ]; do
	case $stage in
	add)
		n=$((n + 1))
		step petition add --enterprise 0100000001 --title "Kiến nghị $n" --category dien --json
		if [ "$RC" -eq 0 ]; then
			code=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["code"])' "$T/step.out")
			echo "add $code" >>"$LEDGER"
			stage=assign
		fi
		;;
	assign | answer)
		if [ "$stage" = assign ]; then
			step petition assign "$code" --lead BQL --coordinate SXD --person "Người $n" --within 10 --json
			next=answer
		else
			step petition answer "$code" --result "Kết quả $n" --outcome resolved --json
			next=add
		fi
		if [ "$RC" -eq 0 ]; then
			echo "$stage $code" >>"$LEDGER"
			stage=$next
		elif [ "$RC" -eq 2 ] && grep -q "cannot $stage it" "$T/step.err"; then
			stage=$next # the killed attempt had committed: not acknowledged
		fi
		;;
	esac
	if [ "$RC" -ne 0 ] && [ "$RC" -ne 137 ] && ! grep -q "cannot $stage it\|cannot assign it\|cannot answer it" "$T/step.err"; then
		UNEXPECTED=$((UNEXPECTED + 1))
		fail "seed $SEED: run $RUNS exit $RC" "$(cat "$T/step.err")"
	fi
done
echo "# $RUNS runs, $KILLS killed, $(wc -l <"$LEDGER") acknowledged writes, $((SECONDS - start)) s"
if [ "$KILLS" -ge "$KILLS_WANTED" ]; then pass "$KILLS SIGKILLs (seed $SEED)"; else fail "only $KILLS SIGKILLs in 120 s (seed $SEED)"; fi
assert_eq "no exit status other than 0, 137 and a retry refused (seed $SEED)" 0 "$UNEXPECTED"
rm -f "$T/step.out" "$T/step.err"

q() { sqlite3 "$ROVIEC_DB" "$1"; }
assert_eq "integrity_check (seed $SEED)" "ok" "$(q 'PRAGMA integrity_check')"
assert_eq "foreign_key_check (seed $SEED)" "" "$(q 'PRAGMA foreign_key_check')"
rv verify
assert_ok "roviec verify: integrity, foreign keys and the history hash chain after the kills (seed $SEED)"

# Every acknowledged write, with its history row.
sqlite3 "$ROVIEC_DB" "SELECT CASE h.action WHEN 'create' THEN 'add' ELSE h.action END || ' ' || p.code
  FROM history h JOIN petitions p ON p.id = h.petition_id
  WHERE h.action IN ('create', 'assign', 'answer')" | sort -u >"$T/present"
MISSING=$(sort -u "$LEDGER" | comm -23 - "$T/present")
assert_eq "every acknowledged write is present with its history (seed $SEED)" "" "$MISSING"
assert_eq "acknowledged answers are answered (seed $SEED)" "" \
	"$(grep '^answer ' "$LEDGER" | cut -d' ' -f2 | while read -r c; do
		[ "$(q "SELECT status FROM petitions WHERE code = '$c'")" = answered ] || echo "$c"
	done)"

# Nothing half-written.
assert_eq "every petition has its create row (seed $SEED)" 0 \
	"$(q "SELECT count(*) FROM petitions p WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.petition_id = p.id AND h.action = 'create')")"
assert_eq "every petition's version is its last history version (seed $SEED)" "" \
	"$(q "SELECT code FROM petitions p WHERE version <> (SELECT max(version) FROM history h WHERE h.petition_id = p.id)")"
assert_eq "every status change has its history row (seed $SEED)" "" \
	"$(q "SELECT code FROM petitions p WHERE status <> coalesce((SELECT new FROM history h WHERE h.petition_id = p.id AND field = 'status' ORDER BY version DESC, id DESC LIMIT 1), 'received')")"
assert_eq "assigned petitions have lead, person and deadline (seed $SEED)" "" \
	"$(q "SELECT code FROM petitions WHERE status <> 'received' AND (lead_agency_id IS NULL OR responsible_person IS NULL OR deadline IS NULL)")"
assert_eq "open_deadlines equals a recount (seed $SEED)" "" \
	"$(q "SELECT * FROM (SELECT agency_id, deadline, n FROM open_deadlines EXCEPT
	  SELECT lead_agency_id, deadline, count(*) FROM petitions WHERE status IN ('received', 'classified', 'assigned', 'in_progress')
	  AND lead_agency_id IS NOT NULL AND deadline IS NOT NULL GROUP BY 1, 2)
	  UNION ALL SELECT * FROM (SELECT lead_agency_id, deadline, count(*) FROM petitions WHERE status IN ('received', 'classified', 'assigned', 'in_progress')
	  AND lead_agency_id IS NOT NULL AND deadline IS NOT NULL GROUP BY 1, 2 EXCEPT SELECT agency_id, deadline, n FROM open_deadlines)")"
assert_eq "agency_stats equals a recount (seed $SEED)" "" \
	"$(q "SELECT * FROM (SELECT agency_id, assigned, answered, on_time FROM agency_stats WHERE assigned > 0 EXCEPT
	  SELECT lead_agency_id, count(*), count(answered), sum(answered IS NOT NULL AND coalesce(late_days, 0) = 0) FROM petitions
	  WHERE lead_agency_id IS NOT NULL GROUP BY 1)
	  UNION ALL SELECT * FROM (SELECT lead_agency_id, count(*), count(answered), sum(answered IS NOT NULL AND coalesce(late_days, 0) = 0)
	  FROM petitions WHERE lead_agency_id IS NOT NULL GROUP BY 1 EXCEPT SELECT agency_id, assigned, answered, on_time FROM agency_stats)")"
assert_eq "coordinating agencies only on assigned petitions (seed $SEED)" "" \
	"$(q "SELECT DISTINCT p.code FROM petition_agencies pa JOIN petitions p ON p.id = pa.petition_id WHERE p.lead_agency_id IS NULL")"

# Still usable: a write and a read after all those kills.
rv petition add --enterprise 0100000001 --title "Sau sự cố"
assert_ok "a write after the kills"
rv petition list --count
assert_eq "the list counts every petition" "$(q 'SELECT count(*) FROM petitions')" "$OUT"

finish
