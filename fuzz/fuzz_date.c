/* fuzz_date.c — libFuzzer harness: date parsing (DD/MM/YYYY and ISO) and
 * the working-day calendar.  Every parsed date is valid, prints back in both
 * forms and parses again to itself; the calendar takes any valid date. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct calendar *cal;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cal && !(cal = calendar_new()))
		abort();
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	rv_date d;
	char buf[11];
	if (date_parse(s, &d)) {
		rv_date back;
		if (!date_valid(d) || !date_parse(date_vn(d, buf), &back) || back != d)
			abort();
		if (!date_parse_iso(date_iso(d, buf), &back) || back != d)
			abort();
		/* The calendar must cope with any valid date and any count. */
		int n = size ? data[0] % 60 : 0;
		(void)calendar_add_workdays(cal, d, n);
		(void)calendar_workdays_between(cal, d, date_from_ymd(2026, 1, 8));
		(void)calendar_roll_forward(cal, d);
	}
	if (date_parse_iso(s, &d) && !date_valid(d))
		abort();
	free(s);
	return 0;
}
