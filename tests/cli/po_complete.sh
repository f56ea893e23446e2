# po_complete.sh — Vietnamese first stays true as the code grows: every
# source file that marks strings is in po/POTFILES, po/vi.po translates
# every string the sources mark (none untranslated, none fuzzy, against a
# fresh extraction with the keywords po/meson.build uses), and no usage
# error or rv_fail message is written as a bare English literal.
# Reads the source tree ($ROVIEC_SOURCE_ROOT); needs xgettext and msgmerge.
. "$(dirname "$0")/lib.sh"

SRC=${ROVIEC_SOURCE_ROOT:?ROVIEC_SOURCE_ROOT is not set}
cd "$SRC"

missing=""
for f in src/*.[ch] ui/*.[ch]; do
	if grep -qE '\b(N?_|ngettext)\(' "$f" && ! grep -qxF "$f" po/POTFILES; then missing="$missing $f"; fi
done
if [ -z "$missing" ]; then pass "po/POTFILES lists every file that marks strings"; else
	fail "po/POTFILES lists every file that marks strings" "missing:$missing"; fi

# The glib preset's C keywords that matter here, plus db_fail (po/meson.build).
run xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=db_fail:2 \
	--flag=N_:1:pass-c-format -f po/POTFILES -o "$T/roviec.pot"
assert_status 0 "xgettext reads the sources"
run msgmerge --quiet --no-fuzzy-matching --output-file="$T/vi.po" po/vi.po "$T/roviec.pot"
assert_status 0 "msgmerge"
run msgfmt --check --statistics -o /dev/null "$T/vi.po"
assert_status 0 "msgfmt --check: the translations' formats match"
stats=$ERR
untranslated=$(msgattrib --untranslated --no-obsolete "$T/vi.po" | grep -c '^msgid "' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$T/vi.po" | grep -c '^msgid "' || true)
# msgattrib prints the header entry (msgid "") whenever it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -eq 0 ]; then pass "po/vi.po: nothing untranslated"; else
	fail "po/vi.po: nothing untranslated" "$stats
$(msgattrib --untranslated --no-obsolete --no-location "$T/vi.po" | grep -A1 '^msgid' | head -40)"; fi
if [ "$fuzzy" -eq 0 ]; then pass "po/vi.po: nothing fuzzy"; else fail "po/vi.po: nothing fuzzy" "$stats"; fi

# Single-line calls whose message is a bare literal with words in it.
bare=$(grep -nE '(cli_usage\([^,]+|rv_fail\([^,]+,[^,]+,[^,]+), "[^"%]*[A-Za-z]{2}' src/*.c ui/*.c || true)
if [ -z "$bare" ]; then pass "usage errors and rv_fail messages are marked with _()"; else
	fail "usage errors and rv_fail messages are marked with _()" "$bare"; fi

finish
