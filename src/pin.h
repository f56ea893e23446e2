/* pin.h — the PIN an enterprise receives with its tracking code.
 *
 * A PIN is 8 random decimal digits (libsodium randombytes_uniform), shown
 * once on the intake receipt and never stored: the database keeps only a
 * salted Argon2id hash in petition_pins (libsodium crypto_pwhash_str, the
 * parameters below).  `roviec lookup` verifies a typed PIN against it;
 * staff re-issue a lost PIN with `roviec petition pin CODE`. */
#ifndef ROVIEC_PIN_H
#define ROVIEC_PIN_H

#include <stdbool.h>
#include <stdint.h>

#include "petition.h"
#include "rv.h"

#define PIN_DIGITS 8
#define PIN_BUF (PIN_DIGITS + 1)
#define PIN_HASH_BUF 128 /* crypto_pwhash_STRBYTES */

/* Argon2id cost: 2 passes over 19 MiB (OWASP's minimum for Argon2id),
 * lighter than libsodium's INTERACTIVE (64 MiB), which took 0.5-0.8 s per
 * hash on the shared build machine; this one ~0.13 s.  docs/deploy.md
 * gives the arithmetic of why that is enough for an 8-digit PIN. */
#define PIN_OPSLIMIT 2ULL
#define PIN_MEMLIMIT ((size_t)19 << 20)

/* A new random PIN in pin and its hash in hash.  False (nothing written)
 * when libsodium cannot initialise or runs out of memory. */
bool pin_new(char pin[static PIN_BUF], char hash[static PIN_HASH_BUF]);

/* True when pin matches hash.  A NULL hash is verified against a fixed
 * dummy hash of the same cost, so "no such code" takes as long as "wrong
 * PIN", and is always false. */
bool pin_verify(const char *hash, const char *pin);

/* The dummy hash pin_verify uses for NULL (for the unit test that checks
 * its cost equals PIN_OPSLIMIT/PIN_MEMLIMIT). */
const char *pin_dummy_hash(void);

/* Stores hash as the PIN of petition id, replacing any earlier one.  Call
 * inside the caller's transaction. */
enum rv_code pin_store(struct rv *rv, int64_t petition_id, const char *hash, const char *now);

/* Staff: issues a new PIN for the petition with this tracking code (the
 * old one stops working), clears the code's failed-lookup counter and
 * writes a "pin" history row, in one transaction.  pin receives the new
 * PIN, canonical the code as stored.  Needs the intake permission and
 * sight of the petition. */
enum rv_code pin_reissue(struct rv *rv, const char *code, char pin[static PIN_BUF],
                         char canonical[static RV_CODE_MAX]);

#endif
