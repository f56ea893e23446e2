# deb.sh — the Debian package, built and installed for real: scripts/deb
# builds roviec_VERSION_ARCH.deb; its control data and contents are
# checked (dpkg-deb -I/-c, lintian when present); it is installed with
# dpkg -i on this machine, the installed program is smoke-tested (version,
# man -w, the Vietnamese catalogue found without the build tree, a demo
# database, completion, the roviec group and /var/lib/roviec), and it is
# removed and purged.  Everything it changed is undone on exit.  Needs
# root and dpkg; skipped when roviec is already installed here (it would
# not touch that).  Runs as: bash deb.sh /path/to/build/roviec.
. "$(dirname "$0")/../cli/lib.sh"

NL=$'\n'
SRC=${ROVIEC_SOURCE_ROOT:?ROVIEC_SOURCE_ROOT must name the source tree}
# The release build is kept between runs (only the changes recompile).
DEB_BUILD=${ROVIEC_DEB_BUILDDIR:-$T/deb-build}

if [ "$(id -u)" -ne 0 ] || ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
	echo "1..0 # SKIP needs root, dpkg-deb and dpkg-shlibdeps"
	exit 0
fi
# One package test at a time on this machine (dpkg has one database).
exec 9>/var/lock/roviec-package-test.lock
flock -w 600 9
if dpkg-query -W -f='${Status}' roviec 2>/dev/null | grep -q installed; then
	echo "1..0 # SKIP a roviec package is already installed on this machine"
	exit 0
fi

GROUP_BEFORE=$(getent group roviec >/dev/null && echo yes || echo no)
VARLIB_BEFORE=$([ -e /var/lib/roviec ] && echo yes || echo no)
undo() {
	if dpkg-query -W -f='${Status}' roviec 2>/dev/null | grep -qv not-installed; then
		dpkg --purge roviec >/dev/null 2>&1 || true
	fi
	[ "$GROUP_BEFORE" = no ] && getent group roviec >/dev/null && groupdel roviec 2>/dev/null
	[ "$VARLIB_BEFORE" = no ] && [ -d /var/lib/roviec ] && rm -rf /var/lib/roviec
	[ -d "$DEB_BUILD/po/vi.away" ] && mv "$DEB_BUILD/po/vi.away" "$DEB_BUILD/po/vi"
	rm -rf "$T"
}
trap undo EXIT

# ---- build ----
run "$SRC/scripts/deb" --builddir "$DEB_BUILD" --output "$T/out"
assert_eq "scripts/deb succeeds" "0" "$STATUS"
[ "$STATUS" -eq 0 ] || { _diag "$ERR"; finish; }
VERSION=$(sed -n "s/^  version : '\([^']*\)',.*/\1/p" "$SRC/meson.build")
ARCH=$(dpkg --print-architecture)
DEB="$T/out/roviec_${VERSION}_${ARCH}.deb"
assert_eq "prints the .deb it built" "$DEB" "$OUT"
assert_eq "roviec_VERSION_ARCH.deb exists" "yes" "$([ -s "$DEB" ] && echo yes || echo no)"

# ---- control data ----
run dpkg-deb -f "$DEB" Package Version Architecture
assert_out "$(printf 'Package: roviec\nVersion: %s\nArchitecture: %s' "$VERSION" "$ARCH")" "control: package, version, architecture"
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
for lib in libc6 libsqlite3-0 libuuid1 libncursesw6 libutf8proc2 libjansson4 libcsv3 'libxlsxwriter[0-9]+'; do
	assert_match "Depends names $lib" "(^|, )$lib( |,|$)" "$DEPENDS"
done
run dpkg-deb -I "$DEB"
for f in postinst postrm conffiles md5sums; do
	assert_match "control archive holds $f" " $f " "$OUT"
done
assert_eq "conffiles: /etc/roviec/config" "/etc/roviec/config" "$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xOf - ./conffiles)"

# ---- contents ----
run dpkg-deb -c "$DEB"
LISTING=$OUT
for f in ./usr/bin/roviec ./usr/share/man/man1/roviec.1.gz ./usr/share/man/man1/roviec-tui.1.gz \
	./usr/share/locale/vi/LC_MESSAGES/roviec.mo ./usr/share/bash-completion/completions/roviec \
	./usr/share/roviec/holidays-vn.csv ./usr/share/doc/roviec/copyright \
	./usr/share/doc/roviec/changelog.Debian.gz ./etc/roviec/config; do
	assert_match "contains $f" "(^|$NL)-[-rwx]+ root/root +[0-9]+ [0-9-]+ [0-9:]+ ${f//./\\.}($|$NL)" "$LISTING"
done
assert_eq "every file owned by root" "" "$(grep -v ' root/root ' <<<"$LISTING" || true)"
assert_eq "nothing outside /usr and /etc" "" "$(awk '{ print $6 }' <<<"$LISTING" | grep -vE '^\./($|usr/|etc/)' || true)"
if command -v lintian >/dev/null; then
	run lintian --no-tag-display-limit --suppress-tags no-manual-page,initial-upload-closes-no-bugs "$DEB"
	assert_eq "lintian: no errors" "" "$(grep '^E:' "$OUT_FILE" || true)"
else
	pass "lintian is not installed # SKIP lintian not installed"
fi

# ---- install ----
run dpkg -i "$DEB"
assert_eq "dpkg -i succeeds" "0" "$STATUS"
[ "$STATUS" -eq 0 ] || _diag "$ERR"
# The installed program must not lean on the build tree's catalogue.
mv "$DEB_BUILD/po/vi" "$DEB_BUILD/po/vi.away"
run /usr/bin/roviec --version
assert_out "roviec $VERSION" "installed roviec --version"
run man -w roviec
assert_out "/usr/share/man/man1/roviec.1.gz" "man -w roviec"
run man -w roviec-tui
assert_out "/usr/share/man/man1/roviec-tui.1.gz" "man -w roviec-tui"
run env -u ROVIEC_LOCALEDIR LANG=vi_VN.UTF-8 LC_ALL= /usr/bin/roviec --help
assert_match "the installed Vietnamese catalogue is found" "kiến nghị" "$(head -1 "$OUT_FILE")"
mv "$DEB_BUILD/po/vi.away" "$DEB_BUILD/po/vi"
assert_eq "group roviec exists" "yes" "$(getent group roviec >/dev/null && echo yes || echo no)"
assert_eq "/var/lib/roviec: group roviec, mode 2770" "root:roviec 2770" "$(stat -c '%U:%G %a' /var/lib/roviec)"
assert_eq "roviec-lookup: setgid roviec" "root:roviec 2755" "$(stat -c '%U:%G %a' /usr/libexec/roviec/roviec-lookup)"
run /usr/bin/roviec --db "$T/demo.db" demo --petitions 20
assert_eq "installed roviec: demo" "0" "$STATUS"
run /usr/bin/roviec --db "$T/demo.db" petition list --json
assert_match "installed roviec: the demo petitions are listed" '"KN-20[0-9]{2}-[0-9]{5}"' "$OUT"
run bash -c '. /usr/share/bash-completion/bash_completion; complete -p roviec 2>/dev/null || { _completion_loader roviec; complete -p roviec; }'
assert_match "bash completion is found for roviec" "complete -F _roviec roviec" "$OUT"
run dpkg -i "$DEB"
assert_eq "installing again (upgrade path) succeeds" "0" "$STATUS"

# ---- remove and purge ----
run dpkg -r roviec
assert_eq "dpkg -r succeeds" "0" "$STATUS"
assert_eq "removed: no /usr/bin/roviec" "no" "$([ -e /usr/bin/roviec ] && echo yes || echo no)"
assert_eq "removed: the conffile stays" "yes" "$([ -e /etc/roviec/config ] && echo yes || echo no)"
run dpkg -P roviec
assert_eq "dpkg -P succeeds" "0" "$STATUS"
assert_eq "purged: no /etc/roviec/config" "no" "$([ -e /etc/roviec/config ] && echo yes || echo no)"
assert_eq "purged: the empty /var/lib/roviec is gone" "no" "$([ -e /var/lib/roviec ] && echo yes || echo no)"

finish
