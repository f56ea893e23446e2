# safety.sh — nothing a petition holds can drive the terminal of the
# person reading it.  Control characters are refused on the way in
# (single-line fields: all of them; bodies: all but newline and tab);
# bidi and zero-width characters are accepted but shown visibly in
# `petition show` and `petition list` and escaped (\u202e) in JSON; and
# even control characters planted in the database behind roviec's back
# never reach standard output raw.
#
# Byte checks: 0x1b (ESC), 0x07 (BEL) and 0x9b (8-bit CSI).  0x9b is also
# a UTF-8 continuation byte of some Vietnamese letters (ớ = e1 bb 9b), so
# the data here avoids those letters.
. "$(dirname "$0")/lib.sh"

rv init
assert_ok "init"
"$ROVIEC" zone add "KCN Nội Bài"
"$ROVIEC" agency add "Ban Quản lý" --code BQL --kind board
"$ROVIEC" enterprise add "Công ty TNHH Hòa Bình" --tax-code 0100000001 --zone "KCN Nội Bài"
"$ROVIEC" petition add --enterprise 0100000001 --title "Bình thường" >/dev/null

# ---- refused on the way in ----
FP=$(db_fingerprint)
rv petition add --enterprise 0100000001 --title "$(printf 'Tiêu đề\033[2J')"
assert_refused 2 'roviec: title: "Tiêu đề^[[2J" contains a control character (byte 12)' "$FP" "ESC in a title"
rv petition add --enterprise 0100000001 --title "Tiêu đề" --body "$(printf 'Dòng 1\n\033[31mDòng 2')"
assert_refused 2 'roviec: body: "Dòng 1^J^[[31mDòng 2" contains a control character (byte 9)' "$FP" "ESC in a body"
rv petition add --enterprise 0100000001 --title "Tiêu đề" --body "$(printf 'Dòng 1\aDòng 2')"
assert_refused 2 'roviec: body: "Dòng 1^GDòng 2" contains a control character (byte 8)' "$FP" "BEL in a body"
rv petition add --enterprise 0100000001 --title "Tiêu đề" --body "$(printf 'Dòng 1\xc2\x9b31m')"
assert_refused 2 'roviec: body: "Dòng 1<U+009B>31m" contains a control character (byte 8)' "$FP" "C1 CSI in a body"
rv petition add --enterprise 0100000001 --title "Tiêu đề" --body "$(printf 'Dòng 1\x7f')"
assert_refused 2 'roviec: body: "Dòng 1^?" contains a control character (byte 8)' "$FP" "DEL in a body"

# Newline and tab are the body's only control characters; CR LF becomes LF.
rv petition add --enterprise 0100000001 --title "Xuống dòng" --body "$(printf 'Dòng 1\r\n\tDòng 2')"
assert_ok "a body with CR LF and a tab"
PB=${OUT%% *}
rv petition show "$PB" --json
json_expect "$OUT_FILE" <<'EOF'
body "Dòng 1\n\tDòng 2"
EOF
rv petition show "$PB"
assert_contains "show: a multi-line body is indented, the tab kept" "Body:                  Dòng 1
                       	Dòng 2" "$OUT"

# NFD input (base letters + combining marks) is stored as NFC.
NFD_TITLE=$("$PYTHON" -c 'import unicodedata; print(unicodedata.normalize("NFD", "Hỗ trợ đất đai Hòa Lạc"))')
assert_eq "the NFD fixture is really decomposed" "no" "$([ "$NFD_TITLE" = "Hỗ trợ đất đai Hòa Lạc" ] && echo yes || echo no)"
rv petition add --enterprise 0100000001 --title "$NFD_TITLE"
assert_ok "add an NFD title"
PN=${OUT%% *}
rv petition show "$PN" --json
json_expect "$OUT_FILE" <<'EOF'
title "Hỗ trợ đất đai Hòa Lạc"
EOF
rv petition list --search "ho tro dat dai" --csv
assert_contains "search finds the NFD-typed petition" "\"$PN\"" "$OUT"

# ---- bidi override and zero-width characters: stored, shown visibly ----
TITLE=$(printf 'Hóa đơn \u202etxt.exe\u202c số\u200b1\u200d2\ufeff')
rv petition add --enterprise 0100000001 --title "$TITLE" --body "$(printf 'Nội dung \u2066ẩn\u2069\nhết')"
assert_ok "add a title with U+202E, U+202C, U+200B, U+200D, U+FEFF"
PS=${OUT%% *}
rv petition show "$PS" --json
assert_ok "show --json"
json_expect "$OUT_FILE" <<'EOF'
title "Hóa đơn \u202etxt.exe\u202c số\u200b1\u200d2\ufeff"
body "Nội dung \u2066ẩn\u2069\nhết"
EOF
assert_contains "JSON escapes U+202E as \\u202e" 'Hóa đơn \u202etxt.exe\u202c số\u200b1\u200d2\ufeff' "$OUT"
assert_contains "JSON escapes the isolates in the body" 'Nội dung \u2066ẩn\u2069\nhết' "$OUT"
assert_no_bytes "JSON: no raw U+202E, U+202C, U+200B, U+200D, U+FEFF, U+2066, U+2069" "$OUT_FILE" e280ae e280ac e2808b e2808d efbbbf e281a6 e281a9
rv petition show "$PS"
assert_ok "show"
assert_eq "show: the title line makes every format character visible" \
	"$PS  Hóa đơn <U+202E>txt.exe<U+202C> số<U+200B>1<U+200D>2<U+FEFF>  [received]" "$(head -1 "$OUT_FILE")"
assert_contains "show: the body too" "Body:                  Nội dung <U+2066>ẩn<U+2069>
                       hết" "$OUT"
rv petition list --search "hoa don"
assert_ok "list"
assert_eq "list: the row shows them visibly (truncated by display width, never inside an escape)" \
	"$PS  08/01/2026  Công ty TNHH Hòa Bình                                               received                    Hóa đơn <U+202E>txt.exe<U+202C> số…" \
	"$(sed -n 2p "$OUT_FILE")"
assert_no_bytes "list: no raw format characters" "$OUT_FILE" e280ae e280ac e2808b e2808d efbbbf
rv petition list --json --search "hoa don"
json_check "list --json: the title round-trips" "$OUT_FILE" 'd[0]["title"] == "Hóa đơn \u202etxt.exe\u202c số\u200b1\u200d2\ufeff"'
assert_contains "list --json escapes U+202E" '\u202e' "$OUT"
rv petition list --csv --search "hoa don"
assert_contains "list --csv (not a terminal) keeps the text exactly" "\"$TITLE\"" "$OUT"

# ---- control characters planted in the database behind roviec's back ----
# (an older version, a repair by hand, another tool): every output path
# still shows them visibly.  The search trigger calls roviec_fold(), which
# the sqlite3 shell lacks, so it is set aside for the update and restored.
PX=$("$ROVIEC" petition add --enterprise 0100000001 --title "Sẽ bị sửa" --category dien | cut -d" " -f1)
"$ROVIEC" petition assign "$PX" --lead BQL --person "Người xử lý" >/dev/null
"$ROVIEC" petition answer "$PX" --result "Kết quả" --outcome resolved >/dev/null
TRIGGER=$(sqlite3 "$ROVIEC_DB" "SELECT sql FROM sqlite_master WHERE name = 'petitions_search_update'")
E="char(27)"
sqlite3 "$ROVIEC_DB" "DROP TRIGGER petitions_search_update;
UPDATE petitions SET title = 'Tiêu' || $E || '[2J' || char(7) || char(155) || 'đề',
  body = 'Thân' || $E || ']0;pwned' || char(7) || char(10) || 'bài' || char(13),
  responsible_person = 'Người' || $E || '[1m', result = 'Kết' || $E || 'c' || char(155) || '0m',
  feedback = 'Ý' || $E || '[5m', refer_to = 'Nơi' || $E || '[8m' WHERE code = '$PX';
$TRIGGER;
UPDATE agencies SET name = 'Ban' || $E || '[7m';
UPDATE zones SET name = 'KCN' || $E || '[6n';
UPDATE enterprises SET contact = 'Liên hệ' || $E || '[0m' || char(7);"
rv petition show "$PX"
assert_ok "show a tampered petition"
assert_no_bytes "show: no raw ESC, BEL or 0x9b" "$OUT_FILE" 1b 07 9b
assert_eq "show: the title line, visibly" "$PX  Tiêu^[[2J^G<U+009B>đề  [answered]" "$(head -1 "$OUT_FILE")"
assert_contains "show: the body, visibly" "Body:                  Thân^[]0;pwned^G
                       bài^M" "$OUT"
assert_contains "show: the result, visibly" "Result:                Kết^[c<U+009B>0m" "$OUT"
assert_contains "show: the park, visibly" "Park:                  KCN^[[6n" "$OUT"
rv petition show "$PX" --json
assert_ok "show --json of a tampered petition"
assert_no_bytes "show --json: no raw ESC, BEL or 0x9b" "$OUT_FILE" 1b 07 9b
json_expect "$OUT_FILE" <<'EOF'
title "Tiêu\u001b[2J\u0007\u009bđề"
result "Kết\u001bc\u009b0m"
zone "KCN\u001b[6n"
EOF
for fmt in "" --json --csv; do
	rv petition list $fmt
	assert_ok "list $fmt of tampered data"
	assert_no_bytes "petition list $fmt: no raw ESC, BEL or 0x9b" "$OUT_FILE" 1b 07 9b
done
rv petition list --csv --status answered
assert_contains "list --csv: a tampered title is made visible even in a pipe" '"Tiêu^[[2J^G<U+009B>đề"' "$OUT"
for cmd in "agency list" "zone list" "enterprise list" "agency list --csv" "zone list --json" "enterprise list --csv"; do
	# shellcheck disable=SC2086
	rv $cmd
	assert_ok "$cmd of tampered data"
	assert_no_bytes "$cmd: no raw ESC, BEL or 0x9b" "$OUT_FILE" 1b 07 9b
done
rv enterprise list --csv
assert_contains "enterprise list --csv: the tampered contact, visibly" '"Liên hệ^[[0m^G"' "$OUT"

finish
