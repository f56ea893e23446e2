# install.sh — `meson install` into a temporary DESTDIR puts exactly the
# installed files where Debian expects them under the build's prefix:
# binary, both man pages, the Vietnamese catalogue, bash completion and the
# holiday table; the installed man pages and completion are the source
# files; the installed binary runs.  (Installing for real, and finding the
# catalogue from the installed path, is tests/package/deb.sh.)
. "$(dirname "$0")/lib.sh"

SRC=${ROVIEC_SOURCE_ROOT:?ROVIEC_SOURCE_ROOT must name the source tree}
BUILD=${ROVIEC_BUILD_ROOT:?ROVIEC_BUILD_ROOT must name the build tree}
DEST="$T/dest"

run meson install -C "$BUILD" --no-rebuild --destdir "$DEST"
assert_eq "meson install --destdir succeeds" "0" "$STATUS"
PREFIX=$(meson introspect --buildoptions "$BUILD" | "$PYTHON" -c '
import json, sys
print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
P="$DEST$PREFIX"
mapfile -t FILES < <(cd "$P" && find . -type f | sed 's|^\./||' | sort)
EXPECTED="bin/roviec
libexec/roviec/roviec-lookup
share/bash-completion/completions/roviec
share/locale/vi/LC_MESSAGES/roviec.mo
share/man/man1/roviec-tui.1
share/man/man1/roviec.1
share/roviec/holidays-vn.csv"
assert_eq "exactly the expected files under the prefix" "$EXPECTED" "$(printf '%s\n' "${FILES[@]}")"
assert_eq "nothing outside the prefix" "" "$(cd "$DEST" && find . -type f ! -path ".$PREFIX/*")"
for f in man1/roviec.1 man1/roviec-tui.1; do
	assert_eq "$f is doc/${f#man1/}" "same" "$(cmp -s "$P/share/man/$f" "$SRC/doc/${f#man1/}" && echo same)"
done
assert_eq "completion is completion/roviec.bash" "same" \
	"$(cmp -s "$P/share/bash-completion/completions/roviec" "$SRC/completion/roviec.bash" && echo same)"
assert_eq "holiday table is data/holidays-vn.csv" "same" \
	"$(cmp -s "$P/share/roviec/holidays-vn.csv" "$SRC/data/holidays-vn.csv" && echo same)"
run "$P/bin/roviec" --version
assert_match "the installed binary runs" '^roviec [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"
run env ROVIEC_LOCALEDIR="$P/share/locale" "$P/bin/roviec" --lang vi --help
assert_match "the installed catalogue is a valid one" "kiến nghị" "$(head -1 "$OUT_FILE")"

finish
