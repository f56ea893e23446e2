"""catalogue.py — the hostile string catalogue (>= 300 entries).

catalogue() returns a list of (name, bytes).  Every entry is raw bytes: some
are not valid UTF-8 on purpose, a few hold NUL (only the paths that can carry
a NUL — standard input, CSV and JSON files — receive those).  Categories:
C0 and C1 controls (as UTF-8 and as raw 8-bit bytes), terminal escape
sequences (SGR, cursor, OSC title, OSC 52 clipboard, OSC 8 hyperlinks, DCS,
APC, PM, SOS), bidi overrides and isolates, zero-width and invisible
characters, BOM, invalid/overlong UTF-8 and encoded surrogates, NUL, SQL
metacharacters, format strings, path and shell tricks, decomposed
Vietnamese, CSV formula injection, HTML/JSON breakers, exotic spaces and
very long values (up to 10 MB).

Run directly, it prints the catalogue as "name<TAB>hex" lines.
"""
import unicodedata

VI = "Hỗ trợ đất đai Hòa Lạc"
ESC = "\x1b"


def u(s):
    return s.encode("utf-8", "surrogatepass")


def catalogue():
    out = []

    def add(name, value):
        out.append((name, value if isinstance(value, bytes) else u(value)))

    # C0 controls (NUL only where a NUL can travel), DEL.
    for b in list(range(0x00, 0x20)) + [0x7F]:
        add("c0-%02x" % b, b"Ti\xc3\xaau " + bytes([b]) + b" \xc4\x91\xe1\xbb\x81")
    # C1 controls as UTF-8 (U+0080..U+009F) and as raw 8-bit bytes.
    for cp in range(0x80, 0xA0):
        add("c1-u%04x" % cp, "Tiêu " + chr(cp) + "31m")
    for b in range(0x80, 0xA0):
        add("c1-raw-%02x" % b, b"abc " + bytes([b]) + b"31m")
    # Escape sequences.
    seqs = {
        "sgr-red": ESC + "[31mđỏ" + ESC + "[0m",
        "sgr-blink": ESC + "[1;5;7mnháy",
        "sgr-256": ESC + "[38;5;196mx",
        "sgr-rgb": ESC + "[38;2;255;0;0mx",
        "csi-clear": ESC + "[2J" + ESC + "[H",
        "csi-move": ESC + "[10;10Hx",
        "csi-dsr": ESC + "[6n",
        "csi-altscreen": ESC + "[?1049h",
        "csi-hide-cursor": ESC + "[?25l",
        "csi-erase-line": "abc" + ESC + "[K",
        "csi-up": "a" + ESC + "[1A" + ESC + "[2K",
        "esc-reset": ESC + "c",
        "esc-save": ESC + "7x" + ESC + "8",
        "osc-title-bel": ESC + "]0;pwned\x07",
        "osc-title-st": ESC + "]2;pwned" + ESC + "\\",
        "osc52-clip": ESC + "]52;c;cm0gLXJmIH4K\x07",
        "osc52-query": ESC + "]52;c;?\x07",
        "osc8-link": ESC + "]8;;https://evil.example/" + ESC + "\\bấm đây" + ESC + "]8;;" + ESC + "\\",
        "osc-color": ESC + "]4;1;rgb:ff/00/00\x07",
        "dcs": ESC + "Pq#0;2;0;0;0" + ESC + "\\",
        "dcs-decrqss": ESC + "P$qm" + ESC + "\\",
        "apc": ESC + "_Gf=100;AAAA" + ESC + "\\",
        "pm": ESC + "^privacy" + ESC + "\\",
        "sos": ESC + "Xstart" + ESC + "\\",
        "csi-8bit-u": "\u009b31m",
        "osc-8bit-u": "\u009d0;pwned\u009c",
        "dcs-8bit-u": "\u0090q\u009c",
        "csi-8bit-raw": b"\x9b31m",
        "osc-8bit-raw": b"\x9d0;pwned\x9c",
        "esc-only": ESC,
        "esc-esc": ESC + ESC + "[m",
        "bel-bs-cr": "abc\x07\x08\x08\rXYZ",
        "vt-ff": "a\x0bb\x0cc",
        "title-then-text": "Đúng" + ESC + "]0;x\x07 rồi",
    }
    for k, v in seqs.items():
        add("esc-" + k, v)
    # Bidi controls, each alone and in a filename-spoof context.
    for cp in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]:
        add("bidi-%04x" % cp, "a" + chr(cp) + "b")
        add("bidi-spoof-%04x" % cp, "Hóa đơn " + chr(cp) + "txt.exe" + chr(0x202C))
    add("bidi-trojan", "if (admin) {\u202e } \u2066// check later\u2069 {")
    # Zero-width and invisible characters.
    for cp in [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD, 0x034F, 0x2061, 0x2062, 0x2063, 0x2064,
               0x115F, 0x3164]:
        add("zw-%04x" % cp, "số" + chr(cp) + "1")
        add("zw-only-%04x" % cp, chr(cp))
    add("bom-start", "\ufeffKiến nghị")
    add("bom-middle", "Kiến\ufeffnghị")
    add("bom-raw-only", b"\xef\xbb\xbf")
    # Line and paragraph separators, noncharacters, private use, tags.
    for cp in [0x2028, 0x2029, 0xFFFE, 0xFFFF, 0xFDD0, 0xE000, 0xF8FF, 0xE0001, 0xE0041, 0x10FFFF, 0xFFFD, 0x1F4A9]:
        add("cp-%04x" % cp, "x" + chr(cp) + "y")
    # Invalid UTF-8.
    invalid = {
        "lone-cont-80": b"a\x80b", "lone-cont-bf": b"a\xbfb", "trunc2": b"a\xc3", "trunc3": b"a\xe1\xbb",
        "trunc4": b"a\xf0\x9f\x92", "fe": b"\xfe", "ff": b"\xff", "c0-lead": b"\xc0\x80", "c1-lead": b"\xc1\xbf",
        "overlong-slash2": b"\xc0\xaf", "overlong-slash3": b"\xe0\x80\xaf", "overlong-slash4": b"\xf0\x80\x80\xaf",
        "overlong-nul": b"\xc0\x80", "overlong-esc": b"\xc0\x9b[2J", "overlong-esc3": b"\xe0\x80\x9b[2J",
        "surrogate-hi": b"\xed\xa0\x80", "surrogate-lo": b"\xed\xbf\xbf", "surrogate-pair": b"\xed\xa0\xbd\xed\xb2\xa9",
        "above-10ffff": b"\xf4\x90\x80\x80", "f5": b"\xf5\x80\x80\x80", "f8-5byte": b"\xf8\x88\x80\x80\x80",
        "fc-6byte": b"\xfc\x84\x80\x80\x80\x80", "latin1-viet": "Hòa Lạc".encode("latin-1", "replace"),
        "cp1258": b"H\xf2a L\xe3c", "mixed-valid-invalid": u("Đúng ") + b"\xff" + u(" sai"),
        "utf16le": "Tiêu".encode("utf-16-le"),
    }
    for k, v in invalid.items():
        add("utf8-" + k, v)
    # NUL (standard input, CSV and JSON only).
    add("nul-middle", b"abc\x00def")
    add("nul-start", b"\x00abc")
    add("nul-escape", b"abc\x00\x1b[2J")
    # SQL metacharacters.
    for i, s in enumerate(["' OR 1=1 --", "\"; DROP TABLE petitions; --", "'); DELETE FROM history; --", "%", "_",
                           "\\", "' || char(27) || '", ";", "/* x */", "*/", "`", "''''", "\"\"\"",
                           "x' AND roviec_fold('a') = 'a", "NULL", "0x1b", "1; ATTACH DATABASE '/tmp/x' AS x; --"]):
        add("sql-%02d" % i, s)
    # Format strings.
    for i, s in enumerate(["%n", "%s%s%s%s%s%s", "%x%x%x%x", "%99999999d", "%.1000000f", "%*c", "%1$s%2$n", "%p",
                           "%ls", "%%%", "{0}", "${jndi:ldap://x}", "$(id)", "`id`", "${HOME}"]):
        add("fmt-%02d" % i, s)
    # Path tricks.
    for i, s in enumerate(["../../etc/passwd", "/etc/shadow", "C:\\Windows\\system32", "~root/.ssh",
                           "file:///etc/passwd", "\\\\server\\share", "con", "NUL", "-rf", "--help", "-",
                           "./../../..//", "/dev/tty"]):
        add("path-%02d" % i, s)
    # Decomposed Vietnamese and combining marks.
    for i, s in enumerate([VI, "Đề nghị hỗ trợ", "Nguyễn Thị Ánh Tuyết", "Công ty Cổ phần Đầu tư Hạ tầng",
                           "Ưu đãi thuế thu nhập doanh nghiệp", "Giải phóng mặt bằng", "Khu công nghệ cao"]):
        add("nfd-%02d" % i, unicodedata.normalize("NFD", s))
    add("nfd-mixed", unicodedata.normalize("NFD", "Hòa") + " " + "Lạc")
    add("combining-start", "\u0301abc")
    add("combining-only", "\u0301\u0323")
    add("zalgo", "a" + "\u0301\u0323\u0309" * 60)
    add("hangul-jamo", "\u1100\u1161\u11a8")
    add("vi-precomposed-vs-nfd", "ệ" + unicodedata.normalize("NFD", "ệ"))
    # Wide, RTL and emoji.
    for i, s in enumerate(["中文標題", "漢字" * 200, "مرحبا بالعالم", "שלום", "👨‍👩‍👧‍👦", "🇻🇳🇺🇸", "ｆｕｌｌｗｉｄｔｈ",
                           "𝐁𝐨𝐥𝐝", "Ⅻ", "ﷺ"]):
        add("script-%02d" % i, s)
    # Spaces.
    for i, s in enumerate(["  đầu cuối  ", "\u00a0nbsp\u00a0", "\u3000ideographic\u3000", "\u00a0", "\u2003\u2009",
                           " ", "\t", "a\tb", "a\nb", "a\r\nb", "\n", "\r"]):
        add("space-%02d" % i, s)
    # CSV formula injection, HTML and JSON breakers.
    for i, s in enumerate(["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "=HYPERLINK(\"http://x\")",
                           "\t=1+1"]):
        add("csvinj-%02d" % i, s)
    for i, s in enumerate(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;&lt;", "]]>",
                           "\"><svg onload=alert(1)>", "</td></tr></table>"]):
        add("html-%02d" % i, s)
    for i, s in enumerate(["\"}", "\\u0000", "\\\"", "{\"a\":1}", "\\u001b[2J"]):
        add("json-%02d" % i, s)
    # Long values.
    add("long-title-1000", "a" * 1000)
    add("long-title-1001", "a" * 1001)
    add("long-vi-400", "ệ" * 400)
    add("long-line-4096", "x" * 4096)
    add("long-64k", "b" * 65536)
    add("long-64k-plus", "b" * 65537)
    add("long-line-vi-20k", ("Đường vào khu công nghiệp bị ngập " * 600)[:20000])
    add("long-10mb", b"a" * (10 * 1024 * 1024))
    add("long-many-lines", "dòng\n" * 2000)
    return out


if __name__ == "__main__":
    for name, value in catalogue():
        print("%s\t%s" % (name, value[:64].hex()))
