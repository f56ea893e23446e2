# lib.sh — helpers for the report, export and import tests.
#
# Sourced by every tests/reports/*.sh script, which meson runs as
#     bash tests/reports/NAME.sh /path/to/build/roviec
# Builds on tests/cli/lib.sh (TAP output, a private temporary directory,
# rv/assert_* helpers, pinned ROVIEC_TODAY/ROVIEC_NOW) and adds:
#
#   on DATE CMD…        runs roviec "today" = DATE (ISO), the clock at
#                       DATE 03:00 UTC, and fails the test loudly when the
#                       command does (dataset building)
#   build_dataset       the fixed small dataset of docs/reports.md (seven
#                       petitions, one conference, three agencies), ending
#                       with ROVIEC_TODAY=2026-04-15
#   db_dump [DB]        every table's rows (no FTS internals), for comparing
#                       databases; history without its ids (a restore
#                       appends it petition by petition); not the PIN
#                       hashes and lookup counters, which no export carries

# shellcheck source=../cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

on() {
	local day=$1
	shift
	STATUS=0
	ROVIEC_TODAY=$day ROVIEC_NOW=${day}T03:00:00Z "$ROVIEC" "$@" >"$OUT_FILE" 2>"$ERR_FILE" || STATUS=$?
	OUT=$(cat "$OUT_FILE")
	ERR=$(cat "$ERR_FILE")
	if [ "$STATUS" -ne 0 ]; then
		fail "dataset step on $day: $*" "$(_last)"
		finish
	fi
}

build_dataset() {
	on 2026-03-01 init
	on 2026-03-01 zone add "KCN Thăng Long"
	on 2026-03-01 zone add "Khu công nghệ cao Hòa Lạc"
	on 2026-03-01 agency add "Sở Xây dựng" --code SXD --kind department
	on 2026-03-01 agency add "EVN Hà Nội" --code EVN --kind utility
	on 2026-03-01 agency add "Ban Quản lý các KCN và CNC Hà Nội" --code BQL --kind board
	on 2026-03-01 enterprise add "Công ty TNHH Canon Việt Nam" --tax-code 0100000001 --zone "KCN Thăng Long"
	on 2026-03-01 enterprise add "Công ty CP Điện tử Hòa Lạc" --tax-code 0100000002 --zone "Khu công nghệ cao Hòa Lạc"
	on 2026-03-01 enterprise add "Công ty TNHH Dệt may Sài Đồng" --tax-code 0100000003
	# 02/03: the conference; three petitions raised there, one answered in the session.
	on 2026-03-02 petition add --enterprise 0100000001 --title "Cấp điện trạm 110kV" --category dien --channel conference
	on 2026-03-02 petition add --enterprise 0100000002 --title "Giải phóng mặt bằng đường vào KCN" --category gpmb --channel conference
	on 2026-03-02 petition add --enterprise 0100000001 --title "Hướng dẫn thủ tục PCCC" --category pccc --channel conference
	on 2026-03-02 conference add --title "Hội nghị đối thoại doanh nghiệp KCN Thăng Long 2026" --date 02/03/2026 \
		--zone "KCN Thăng Long" --chair "Phó Chủ tịch UBND Thành phố" --agency SXD --agency EVN --agency BQL
	on 2026-03-02 petition assign KN-2026-00003 --lead BQL --person "Đỗ Minh" --within 5
	on 2026-03-02 conference answer 1 KN-2026-00003 --result "Đã hướng dẫn tại hội nghị" --outcome explained
	on 2026-03-02 conference link 1 KN-2026-00001 KN-2026-00002
	on 2026-03-03 petition assign KN-2026-00001 --lead EVN --person "Nguyễn Văn An" --within 10
	on 2026-03-03 petition assign KN-2026-00002 --lead SXD --coordinate BQL --person "Trần Thị Bình" --within 10
	on 2026-03-10 petition add --enterprise 0100000001 --title "Ngập nước cổng KCN" --category ha-tang-ngoai --received 10/03/2026
	on 2026-03-11 petition assign KN-2026-00004 --lead SXD --person "Lê Văn Cường" --due 25/03/2026
	on 2026-03-11 conference link 1 KN-2026-00004
	on 2026-03-12 petition start KN-2026-00004
	on 2026-03-16 petition answer KN-2026-00001 --result "Đã đóng điện trạm" --outcome resolved
	on 2026-03-16 petition extend KN-2026-00002 --due 31/03/2026 --reason "Chờ phương án bồi thường"
	on 2026-03-20 petition add --enterprise 0100000003 --title "Đề nghị hỗ trợ ngoài thẩm quyền" --category khac --channel direct
	on 2026-03-20 petition close KN-2026-00001 --rating 5
	on 2026-03-23 petition reject KN-2026-00005 --reason "Không thuộc thẩm quyền" --refer-to "Bộ Công Thương"
	on 2026-04-01 petition add --enterprise 0100000003 --title "Thủ tục cấp phép xây dựng nhà xưởng" --category tthc --channel online
	on 2026-04-02 petition assign KN-2026-00006 --lead BQL --person "Phạm Thu Hà" --within 15
	on 2026-04-02 petition answer KN-2026-00002 --result "Đã bàn giao một phần mặt bằng" --outcome partly_resolved
	on 2026-04-06 petition close KN-2026-00002 --rating 3
	on 2026-04-10 petition add --enterprise 0100000002 --title "Nhà ở cho công nhân" --channel phone
	export ROVIEC_TODAY=2026-04-15 ROVIEC_NOW=2026-04-15T03:00:00Z
}

db_dump() {
	local db=${1:-$ROVIEC_DB} t
	sqlite3 "$db" 'PRAGMA user_version'
	for t in $(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'petition_search%' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('petition_pins', 'lookup_failures') ORDER BY name"); do
		echo "== $t"
		if [ "$t" = history ]; then # append-only: a restore renumbers, keeping each petition's order
			sqlite3 -header "$db" "SELECT petition_id, version, at, os_login, actor, action, field, old, new, note FROM history ORDER BY petition_id, id"
		else
			sqlite3 -header "$db" "SELECT * FROM \"$t\" ORDER BY 1, 2"
		fi
	done
}
