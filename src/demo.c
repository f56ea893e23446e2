/* demo.c — placeholder while the generator is written. */
#include "demo.h"
#include "rv_internal.h"
enum rv_code demo_generate(struct rv *rv, long n, unsigned seed, FILE *progress)
{
	(void)n; (void)seed; (void)progress;
	return rv_fail(rv, RV_EIO, NULL, "demo: not yet built");
}
