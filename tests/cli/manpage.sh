# manpage.sh — the man pages agree with the program: every command of
# `roviec --help` has a section in roviec(1) and every section is a command;
# every option and subcommand of `roviec CMD --help` appears in that
# command's section; every global option is documented; every key name of
# the key table (ui/keys.c) appears in roviec-tui(1); and both pages render
# without a single groff warning.
. "$(dirname "$0")/lib.sh"

NL=$'\n'
SRC=${ROVIEC_SOURCE_ROOT:?ROVIEC_SOURCE_ROOT must name the source tree}
MAN1="$SRC/doc/roviec.1"
TUI1="$SRC/doc/roviec-tui.1"

# The roff source with \- turned into -, and font escapes removed, so that
# options can be looked up as typed.
plain() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(lq\|\\(rq//g' "$1"; }
plain "$MAN1" >"$T/man.txt"

# The text of the .SS section of a command under COMMANDS.
section() {
	awk -v cmd="$1" '
		/^\.SH/ { in_cmds = ($0 ~ /^\.SH COMMANDS/); sec = 0; next }
		in_cmds && /^\.SS/ { sec = ($2 == cmd); next }
		sec { print }' "$T/man.txt"
}

rv --help
assert_ok "roviec --help"
mapfile -t COMMANDS < <(awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' "$OUT_FILE")
assert_eq "--help lists the commands" "yes" "$([ "${#COMMANDS[@]}" -ge 15 ] && echo yes || echo no)"

OPTIONS=$(awk '/^\.SH OPTIONS/ { on = 1; next } /^\.SH/ { on = 0 } on' "$T/man.txt")
for opt in $({ grep -o -- '--[a-z][a-z-]*' "$OUT_FILE"; echo --help; echo --version; } | sort -u); do
	assert_match "global option $opt in roviec(1) OPTIONS" "(^|$NL)\.B[IR]* $opt( |$NL|$)" "$OPTIONS"
done

# Commands of the man page that --help does not know.
mapfile -t SECTIONS < <(awk '/^\.SH/ { on = ($0 ~ /^\.SH COMMANDS/); next } on && /^\.SS/ { print $2 }' "$T/man.txt")
for s in "${SECTIONS[@]}"; do
	found=no
	for c in "${COMMANDS[@]}"; do [ "$c" = "$s" ] && found=yes; done
	assert_eq "man section \"$s\" is a command of --help" "yes" "$found"
done

for c in "${COMMANDS[@]}"; do
	sec=$(section "$c")
	assert_eq "roviec(1) has a section for $c" "yes" "$([ -n "$sec" ] && echo yes || echo no)"
	rv "$c" --help
	assert_ok "roviec $c --help"
	for opt in $(grep -o -- '--[a-z][a-z-]*' "$OUT_FILE" | sort -u); do
		[ "$opt" = --help ] && continue
		assert_contains "$c: option $opt in its man section" "$opt" "$sec"
	done
	# Subcommands: the word after "roviec CMD" on a synopsis line
	# (a|b|c for report), when it is a lowercase word.
	for sub in $(sed -n "s/^roviec $c \([a-z][a-z|_]*\).*/\1/p" "$OUT_FILE" | tr '|' '\n' | sort -u); do
		assert_match "$c: subcommand $sub in its man section" "(^|[ .])($c )?$sub( |$)" "$sec"
	done
	rv help "$c"
	assert_eq "roviec help $c = roviec $c --help" "$(cd "$T" && "$ROVIEC" "$c" --help)" "$OUT"
done

# Every key name of the key table is in roviec-tui(1).
plain "$TUI1" >"$T/tui.txt"
mapfile -t KEYS < <(sed -n 's/^[[:space:]]*{ [a-z]*, *[^,]*, *[A-Z_|]*, *ACT_[A-Z_]*, *"\([^"]\+\)" },.*/\1/p' "$SRC/ui/keys.c" | sort -u)
assert_eq "key names read from ui/keys.c" "yes" "$([ "${#KEYS[@]}" -ge 30 ] && echo yes || echo no)"
for k in "${KEYS[@]}"; do
	if grep -qF -- "$k" <(grep '^\.B' "$T/tui.txt"); then pass "key $k in roviec-tui(1)"; else fail "key $k in roviec-tui(1)"; fi
done

# Both pages render without warnings, in a UTF-8 and in the C locale.
for page in "$MAN1" "$TUI1"; do
	run groff -ww -mandoc -Tutf8 -z "$page"
	assert_eq "groff -ww: no warnings for ${page##*/}" "0:" "$STATUS:$ERR"
	if command -v man >/dev/null; then
		LC_ALL=C run man --warnings -l "$page"
		assert_eq "man -l in the C locale: no warnings for ${page##*/}" "0:" "$STATUS:$ERR"
	fi
done

finish
