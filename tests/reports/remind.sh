#!/usr/bin/env bash
# remind.sh — reminders per agency: overdue, due soon, late ones owing the
# 7-day progress update; plain text ready to mail; exit 0.
source "$(dirname "$0")/lib.sh"
build_dataset
rv remind --within 6
assert_ok "remind exits 0"
assert_eq "the whole text" "$(cat <<'X'
Reminders of 15/04/2026: overdue petitions, petitions due within 6 working days, and late ones owing a progress update.

======================================================================
To: Ban Quản lý các KCN và CNC Hà Nội (BQL)
Subject: Reminder (đôn đốc) — 0 overdue, 1 due soon, 0 owing a progress update (15/04/2026)

Due within 6 working days (1):
  KN-2026-00006  deadline 23/04/2026
      Công ty TNHH Dệt may Sài Đồng — Thủ tục cấp phép xây dựng nhà xưởng (Phạm Thu Hà)


======================================================================
To: Sở Xây dựng (SXD)
Subject: Reminder (đôn đốc) — 1 overdue, 0 due soon, 1 owing a progress update (15/04/2026)

Overdue (1):
  KN-2026-00004  deadline 25/03/2026, 15 working days late
      Công ty TNHH Canon Việt Nam — Ngập nước cổng KCN (Lê Văn Cường)

Owing a progress update (published every 7 days while late) (1):
  KN-2026-00004  last change 12/03/2026, 21 days ago
X
)" "$OUT"
rv remind
assert_ok "default: due within 3 working days"
assert_contains "BQL's 23/04 deadline is not within 3 working days" "Sở Xây dựng (SXD)" "$OUT"
assert_eq "so only SXD gets a reminder" "1" "$(grep -c '^To:' "$OUT_FILE")"
# A progress update (any recorded change) within 7 days settles the debt.
on 2026-04-13 petition extend KN-2026-00004 --due 30/04/2026 --reason "Chờ kinh phí"
rv remind
assert_contains "nothing overdue or due soon any more" "Nothing is overdue or due soon." "$OUT"
ROVIEC_TODAY=2026-05-12 rv remind
assert_contains "later: the extended deadline (30/04 rolled to 04/05 past the holidays) passed 8 days ago" "last change 13/04/2026, 8 days ago" "$OUT"
rv remind --within abc
assert_status 2 "bad --within"
rv user add canbo1 --role agency --agency BQL
ROVIEC_TODAY=2026-04-20 rv --as canbo1 remind
assert_ok "an agency liaison gets a reminder"
assert_eq "only for their own agency" "To: Ban Quản lý các KCN và CNC Hà Nội (BQL)" "$(grep '^To:' "$OUT_FILE")"
finish
