#!/usr/bin/env bash
# seed.sh — the fixed data the screen tests of roviec run on.
#
# Built through the command line only (so it is what a clerk could have
# typed), on the days the events happened (ROVIEC_TODAY/ROVIEC_NOW per
# command), by the staff user "canbo"; then one direct SQL update stores a
# title holding escape sequences, which every input path refuses on
# purpose but an old import could still contain.  Needs $ROVIEC and
# $ROVIEC_DB; "today" for the tests is Monday 23/11/2026.
set -eu
R=${ROVIEC:?}
: "${ROVIEC_DB:?}"

at() {  # at YYYY-MM-DD COMMAND… : run as canbo on that day
	local day=$1
	shift
	ROVIEC_TODAY=$day ROVIEC_NOW=${day}T02:30:00Z "$R" --as canbo "$@"
}
add() {  # add YYYY-MM-DD TAXCODE CATEGORY CHANNEL TITLE BODY → prints the code
	at "$1" petition add --received "$1" --enterprise "$2" --category "$3" --channel "$4" \
		--title "$5" --body "$6" | cut -d" " -f1
}

ROVIEC_TODAY=2026-01-05 ROVIEC_NOW=2026-01-05T01:00:00Z "$R" init >/dev/null
"$R" user add canbo --role staff >/dev/null
day=2026-01-05
at $day zone add "Khu công nghệ cao Hòa Lạc" >/dev/null
at $day zone add "KCN Thăng Long" >/dev/null
at $day zone add "KCN Quang Minh" >/dev/null
at $day agency add "Ban Quản lý các KCN và KCNC Hà Nội" --code BQL --kind board >/dev/null
at $day agency add "Sở Xây dựng" --code SXD --kind department >/dev/null
at $day agency add "Sở Nông nghiệp và Môi trường" --code SNNMT --kind department >/dev/null
at $day agency add "EVN Hà Nội" --code EVNHN --kind utility >/dev/null
at $day agency add "Cục Thuế Hà Nội" --code CT --kind tax >/dev/null
at $day agency add "Công an thành phố" --code CATP --kind police >/dev/null
at $day agency add "UBND xã Hòa Lạc" --code UBHL --kind commune >/dev/null
at $day enterprise add "Công ty TNHH Canon Việt Nam" --tax-code 0101234567 --zone "KCN Thăng Long" >/dev/null
at $day enterprise add "Công ty TNHH Điện tử Meiko" --tax-code 0102345678 --zone "KCN Thăng Long" >/dev/null
at $day enterprise add "Công ty CP Hòa Lạc Xanh" --tax-code 0103456789 --zone "Khu công nghệ cao Hòa Lạc" >/dev/null
at $day enterprise add "Công ty TNHH Cơ khí Quang Minh" --tax-code 0104567890 --zone "KCN Quang Minh" >/dev/null
at $day enterprise add "Công ty CP Ðức Thành" --tax-code 0105678901 --zone "KCN Quang Minh" >/dev/null
"$R" user add dn-canon --role enterprise --enterprise 0101234567 >/dev/null
"$R" user add lanhdao --role official >/dev/null

# 1: long overdue, in progress
c1=$(add 2026-10-05 0101234567 dat-dai conference "Đất đai: chậm cấp giấy chứng nhận quyền sử dụng đất" \
	"Doanh nghiệp đã nộp hồ sơ từ tháng 6/2026 nhưng chưa được cấp giấy chứng nhận.")
at 2026-10-06 petition assign "$c1" --lead SXD --coordinate SNNMT --person "Nguyễn Văn An" --within 20 >/dev/null
at 2026-10-07 petition start "$c1" >/dev/null
# 2: overdue, assigned
c2=$(add 2026-10-20 0102345678 dien phone "Mất điện kéo dài tại KCN Thăng Long" \
	"Mất điện 3 lần trong tháng, thiệt hại dây chuyền sản xuất.")
at 2026-10-21 petition assign "$c2" --lead EVNHN --person "Trần Thị Bình" --within 10 >/dev/null
# 3: due soon
c3=$(add 2026-11-02 0103456789 ha-tang-ngoai conference "Đường vào Khu công nghệ cao xuống cấp" \
	"Đường giao thông vào khu xuống cấp nghiêm trọng, xe container không thể lưu thông vào mùa mưa.
Đề nghị Sở Xây dựng phối hợp với UBND xã Hòa Lạc sớm sửa chữa.")
at 2026-11-03 petition assign "$c3" --lead SXD --coordinate UBHL --person "Lê Văn Cường" --within 17 >/dev/null
# 4: answered, then closed with a rating
c4=$(add 2026-09-01 0101234567 thue written "Hoàn thuế giá trị gia tăng chậm" "Hồ sơ hoàn thuế quý II chưa được xử lý.")
at 2026-09-02 petition assign "$c4" --lead CT --person "Phạm Thu Hà" --within 15 >/dev/null
at 2026-09-10 petition answer "$c4" --result "Đã hoàn thuế ngày 10/9/2026." --outcome resolved >/dev/null
at 2026-09-15 petition close "$c4" --rating 5 --feedback "Xử lý nhanh" >/dev/null
# 5: just received
add 2026-11-20 0104567890 moi-truong online "Hướng dẫn thủ tục đánh giá tác động môi trường" \
	"Đề nghị hướng dẫn hồ sơ ĐTM cho dự án mở rộng nhà xưởng." >/dev/null
# 6: classified
c6=$(add 2026-11-16 0105678901 pccc direct "Thẩm duyệt phòng cháy chữa cháy kéo dài" "Hồ sơ nộp lần 2 vẫn chưa có kết quả.")
at 2026-11-17 petition classify "$c6" --category pccc >/dev/null
# 7: rejected
c7=$(add 2026-11-09 0102345678 khac written "Đề nghị giảm giá thuê đất" "Doanh nghiệp đề nghị giảm 50% giá thuê.")
at 2026-11-10 petition reject "$c7" --reason "Thuộc thẩm quyền của chủ đầu tư hạ tầng" \
	--refer-to "Công ty phát triển hạ tầng KCN Thăng Long" >/dev/null
# 8: extended
c8=$(add 2026-10-26 0103456789 nuoc phone "Áp lực nước yếu vào giờ cao điểm" "Nhà máy thiếu nước sản xuất ca đêm.")
at 2026-10-27 petition assign "$c8" --lead SXD --person "Lê Văn Cường" --within 10 >/dev/null
ROVIEC_TODAY=2026-11-09 ROVIEC_NOW=2026-11-09T02:30:00Z "$R" --as lanhdao petition extend "$c8" \
	--due 2026-12-04 --reason "Chờ nâng cấp trạm bơm" >/dev/null
# 9: answered, waiting for the enterprise's rating
c9=$(add 2026-10-12 0101234567 lao-dong written "Tuyển dụng lao động nước ngoài" "Thủ tục cấp giấy phép lao động.")
at 2026-10-13 petition assign "$c9" --lead BQL --person "Đỗ Minh Châu" --within 15 >/dev/null
at 2026-10-30 petition answer "$c9" --result "Đã hướng dẫn hồ sơ và cấp phép ngày 30/10." --outcome resolved >/dev/null
# 10: a title that holds escape sequences and bidi controls (old import)
c10=$(add 2026-11-18 0104567890 khac written "Tiêu đề sẽ bị thay" "Nội dung có ký tự điều khiển.")
python3 - "$ROVIEC_DB" "$c10" <<'PY'
import sqlite3, sys, unicodedata
def fold(s):  # text_fold(): lower case, no marks, đ ð → d (for the search triggers)
    if s is None:
        return None
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d").replace("ð", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")
db = sqlite3.connect(sys.argv[1])
db.create_function("roviec_fold", 1, fold)
title = "Xóa\x1b[2J\x1b[31mĐỎ\r\b \u202ecba\u202c hết"
db.execute("UPDATE petitions SET title = ? WHERE code = ?", (title, sys.argv[2]))
db.commit()
PY
