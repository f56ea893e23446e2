# concurrency.sh — 8 processes writing one database at once, no update
# lost.  Each worker, released together at a gate, runs ROUNDS rounds of:
#   - petition add (its own petition);
#   - a read-modify-write on one of 2 shared petitions: read the version
#     (petition show --json), then classify --expect-version V.
# Proven afterwards:
#   - nobody ever saw "database is locked"; every status is 0 or 4;
#   - every add succeeded: distinct codes, each present with its create row;
#   - per shared petition: final version = 1 + successful classifies =
#     1 + classify rows in the history, and no two successes were based on
#     the same version (a lost update would be two);
#   - every refused stale write exited 4, wrote nothing on stdout, and its
#     message says which version it expected, what the version is now
#     (greater) and lists who changed it.
. "$(dirname "$0")/lib.sh"

WORKERS=8
ROUNDS=${ROVIEC_CONC_ROUNDS:-6}

rv init
assert_ok "init"
"$ROVIEC" enterprise add "Công ty TNHH Đồng Thời" --tax-code 0100000001
S1=$("$ROVIEC" petition add --enterprise 0100000001 --title "Chung một")
S2=$("$ROVIEC" petition add --enterprise 0100000001 --title "Chung hai")
S1=${S1%% *} S2=${S2%% *} # "CODE  PIN NNNNNNNN": the receipt line
SHARED=("$S1" "$S2")

worker() {
	local w=$1 r s v rc cat
	while [ ! -e "$T/gate" ]; do :; done
	for r in $(seq 1 "$ROUNDS"); do
		rc=0
		"$ROVIEC" petition add --enterprise 0100000001 --title "Người $w, vòng $r" >>"$T/w$w.codes" 2>>"$T/w$w.err" || rc=$?
		echo "add $rc" >>"$T/w$w.log"
		s=${SHARED[$(((w + r) % 2))]}
		v=$("$ROVIEC" petition show "$s" --json 2>>"$T/w$w.err" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["version"])')
		if [ $((w % 2)) -eq 0 ]; then cat=dien; else cat=nuoc; fi
		rc=0
		"$ROVIEC" petition classify "$s" --category "$cat" --expect-version "$v" >"$T/w$w.$r.out" 2>"$T/w$w.$r.err" || rc=$?
		echo "classify $rc $s $v $T/w$w.$r" >>"$T/w$w.log"
		cat "$T/w$w.$r.err" >>"$T/w$w.err"
	done
}

for w in $(seq 1 "$WORKERS"); do worker "$w" & done
start=$SECONDS
touch "$T/gate"
wait
cat "$T"/w*.log >"$T/all.log"
cut -d" " -f1 "$T"/w*.codes >"$T/all.codes"
echo "# $WORKERS workers × $ROUNDS rounds in $((SECONDS - start)) s: $(grep -c . "$T/all.log") writes"

assert_eq "nobody saw \"database is locked\"" "" "$(cat "$T"/w*.err | grep -i "locked\|busy" || true)"
assert_eq "every status is 0 or 4" "" "$(awk '$2 != 0 && $2 != 4' "$T/all.log")"
assert_eq "every add succeeded" "$((WORKERS * ROUNDS))" "$(awk '$1 == "add" && $2 == 0' "$T/all.log" | wc -l)"
assert_eq "adds printed distinct codes" "$((WORKERS * ROUNDS))" "$(sort -u "$T/all.codes" | wc -l)"
assert_eq "every added petition has its create row" "0" "$(sqlite3 "$ROVIEC_DB" "SELECT count(*) FROM petitions p
  WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.petition_id = p.id AND h.action = 'create')")"
assert_eq "the database holds every petition" "$((WORKERS * ROUNDS + 2))" "$(sqlite3 "$ROVIEC_DB" 'SELECT count(*) FROM petitions')"

for s in "${SHARED[@]}"; do
	wins=$(awk -v s="$s" '$1 == "classify" && $3 == s && $2 == 0' "$T/all.log" | wc -l)
	stale=$(awk -v s="$s" '$1 == "classify" && $3 == s && $2 == 4' "$T/all.log" | wc -l)
	echo "# $s: $wins writes won, $stale refused as stale"
	rv petition show "$s" --json
	assert_eq "$s: final version = 1 + successful writes" "$((1 + wins))" "$(json_val "$OUT_FILE" 'd["version"]')"
	assert_eq "$s: history has one classify per successful write" "$wins" \
		"$(json_val "$OUT_FILE" 'sum(1 for h in d["history"] if h["action"] == "classify")')"
	assert_eq "$s: no two writes won on the same version (no lost update)" "" \
		"$(awk -v s="$s" '$1 == "classify" && $3 == s && $2 == 0 {print $4}' "$T/all.log" | sort | uniq -d)"
	assert_eq "$s: the winners' versions are exactly 1..$wins" "$(seq 1 "$wins")" \
		"$(awk -v s="$s" '$1 == "classify" && $3 == s && $2 == 0 {print $4}' "$T/all.log" | sort -n)"
done

bad=""
while read -r _ rc s v base; do
	[ "$rc" = 4 ] || continue
	msg=$(<"$base.err")
	if [ -s "$base.out" ] || ! [[ $msg =~ ^roviec:\ $s\ changed\ since\ version\ $v\ \(now\ ([0-9]+)\),\ nothing\ was\ written:\ .*\ $ME\ classify ]] ||
		[ "${BASH_REMATCH[1]}" -le "$v" ]; then
		bad="$bad
$msg"
	fi
done < <(grep '^classify' "$T/all.log")
assert_eq "every stale write: exit 4, nothing on stdout, says what changed since and by whom" "" "$bad"
assert_eq "integrity_check" "ok" "$(sqlite3 "$ROVIEC_DB" 'PRAGMA integrity_check')"

finish
