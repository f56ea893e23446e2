#!/usr/bin/env python3
"""Writes an Excel-style CSV of N petitions (BOM, CRLF, Vietnamese headers,
DD/MM/YYYY dates) for bench/export_import.sh when `roviec demo` is not
available.  Deterministic: the same N gives the same file.

Usage: export_import_gen.py N OUT.csv"""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(2026)
cats = ["tthc", "dat-dai", "quy-hoach", "ha-tang-trong", "ha-tang-ngoai", "dien", "nuoc", "vien-thong",
        "moi-truong", "pccc", "logistics", "lao-dong", "nha-o", "thue", "gpmb", "khac"]
agencies = ["SXD", "STC", "SCT", "EVN", "BQL", "CT", "CA"]
people = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thu Hà", "Đỗ Minh", "Hoàng Lan"]
topics = ["Cấp điện trạm biến áp", "Ngập nước cổng khu công nghiệp", "Thủ tục cấp phép xây dựng",
          "Giải phóng mặt bằng đường vào KCN", "Nhà ở cho công nhân", "Thuế nhập khẩu linh kiện",
          "Phòng cháy chữa cháy nhà xưởng", "Xử lý nước thải", "Tuyển dụng lao động kỹ thuật"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffMã số thuế,Doanh nghiệp,Khu công nghiệp,Nội dung kiến nghị,Chi tiết,Lĩnh vực,Ngày tiếp nhận,"
            "Cơ quan chủ trì,Cơ quan phối hợp,Cán bộ xử lý,Thời hạn,Kết quả,Mức độ giải quyết,Ngày trả lời\r\n")
    for i in range(n):
        e = rnd.randrange(500)
        day, month = rnd.randrange(1, 29), rnd.randrange(1, 13)
        title = "%s (%d)" % (rnd.choice(topics), i)
        body = "Doanh nghiệp đề nghị, \"khẩn\":\nchi tiết số %d" % i
        row = ["0%09d" % (100000 + e), "Công ty TNHH Số %d" % e, "", title, body, rnd.choice(cats),
               "%02d/%02d/2025" % (day, month)]
        if rnd.random() < 0.7:
            lead = rnd.choice(agencies)
            row += [lead, rnd.choice([a for a in agencies if a != lead]) if rnd.random() < 0.3 else "",
                    rnd.choice(people), "%02d/%02d/2026" % (day, month)]
            if rnd.random() < 0.5:
                row += ["Đã giải quyết, trả lời bằng văn bản", "resolved", "%02d/%02d/2026" % (day, month)]
            else:
                row += ["", "", ""]
        else:
            row += ["", "", "", "", "", "", ""]
        f.write(",".join('"%s"' % c.replace('"', '""') if any(x in c for x in ',"\n') else c for c in row) + "\r\n")
