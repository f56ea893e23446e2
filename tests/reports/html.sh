#!/usr/bin/env bash
# html.sh — the self-contained HTML reports (a conference, a period)
# rendered by headless Chromium to PDF: A4 pages, the expected text, no
# external resources.  Skipped (exit 77) only when Chromium is missing or
# cannot start here.
source "$(dirname "$0")/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "1..0 # SKIP chromium is not installed (scripts/deps installs it)"
	exit 77
fi
# Renders $1 (HTML) to $2 (PDF) in a fresh profile; 0 on success.
render() {
	local profile
	profile=$(mktemp -d "$T/chromium.XXXXXX")
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage \
		--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >"$T/chromium.log" 2>&1
	[ -s "$2" ]
}
printf '<!DOCTYPE html><html><body><p>probe</p></body></html>\n' >"$T/probe.html"
if ! render "$T/probe.html" "$T/probe.pdf"; then
	echo "1..0 # SKIP chromium cannot start here: $(tail -1 "$T/chromium.log")"
	exit 77
fi

build_dataset
rv export --format html --conference 1 --output "$T/conference.html"
assert_status 0 "export html of a conference"
rv export --format html --from 01/01/2026 --to 30/06/2026 --output "$T/period.html"
assert_status 0 "export html of a period"

for f in conference period; do
	assert_eq "$f: one self-contained file (no src=, no href=, no <script)" "0" \
		"$(grep -ciE '<script|src=|href=|@import|url\(' "$T/$f.html" || true)"
	assert_contains "$f: @page A4" "@page { size: A4" "$(cat "$T/$f.html")"
	assert_contains "$f: inline SVG chart" "<svg viewBox" "$(cat "$T/$f.html")"
	if render "$T/$f.html" "$T/$f.pdf"; then pass "$f: rendered by Chromium"; else fail "$f: rendered by Chromium" "$(tail -5 "$T/chromium.log")"; fi
	if command -v pdfinfo >/dev/null; then
		assert_match "$f: A4 pages" "Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)" "$(pdfinfo "$T/$f.pdf")"
		pdftotext "$T/$f.pdf" "$T/$f.txt"
	else
		fail "$f: pdfinfo/pdftotext (poppler-utils) missing: scripts/deps installs them"
		: >"$T/$f.txt"
	fi
done
txt=$(tr -s ' \n' ' ' <"$T/conference.txt")
assert_contains "conference pdf: title" "Conference follow-up 1: Hội nghị đối thoại doanh nghiệp KCN Thăng Long 2026" "$txt"
assert_contains "conference pdf: overdue petition and its person" "Lê Văn Cường" "$txt"
assert_contains "conference pdf: in-session answer" "answered (in session)" "$txt"
assert_contains "conference pdf: Vietnamese text intact" "Ngập nước cổng KCN" "$txt"
txt=$(tr -s ' \n' ' ' <"$T/period.txt")
assert_contains "period pdf: title" "Report to superiors, 01/01/2026 – 30/06/2026" "$txt"
assert_contains "period pdf: month row" "2026-03 5 2 2 2 1 5.00 5.00" "$txt"
assert_contains "period pdf: agency" "Sở Xây dựng" "$txt"
assert_contains "period pdf: chart legend" "Received Answered Overdue" "$txt"
pages=$(pdfinfo "$T/period.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
assert_match "period pdf: one or two pages" "^[12]$" "${pages:-0}"
finish
