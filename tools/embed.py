#!/usr/bin/env python3
"""Embed a text file into a C source file as a NUL-terminated char array.

Usage: embed.py INPUT OUTPUT SYMBOL
Used by meson to compile schema.sql (and the holiday data) into the binary,
so the program never looks for them at run time."""
import sys

src, dst, sym = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, 'rb').read()
with open(dst, 'w') as out:
    out.write('/* Generated from %s by tools/embed.py; do not edit. */\n' % src.split('/')[-1])
    out.write('#include <stddef.h>\n')
    out.write('extern const char *const %s;\nextern const size_t %s_len;\n' % (sym, sym))
    out.write('static const unsigned char bytes[] = {\n')
    for i in range(0, len(data), 16):
        out.write('  ' + ', '.join('0x%02x' % b for b in data[i:i + 16]) + ',\n')
    out.write('  0x00\n};\n')
    out.write('const char *const %s = (const char *)bytes;\n' % sym)
    out.write('const size_t %s_len = %d;\n' % (sym, len(data)))
