/* text_internal.h — helpers shared by text.c and text_sort.c only. */
#ifndef ROVIEC_TEXT_INTERNAL_H
#define ROVIEC_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True for combining marks (Unicode categories Mn, Mc, Me). */
bool text_is_mark(int32_t cp);

/* The bytes of s (n of them) without its invalid UTF-8 bytes: s itself when
 * it is all valid, else a malloc'd copy stored in *owned (free it).  *out_n
 * receives the length.  NULL when out of memory. */
const unsigned char *text_valid_bytes(const char *s, size_t n, unsigned char **owned, size_t *out_n);

#endif
