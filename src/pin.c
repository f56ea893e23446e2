/* pin.c — issuing, hashing and checking enterprise PINs (see pin.h). */
#include "pin.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "petition.h"
#include "rv_internal.h"
#include "users.h"
#include "workflow.h"

_Static_assert(PIN_HASH_BUF >= crypto_pwhash_STRBYTES, "PIN_HASH_BUF holds a crypto_pwhash_str hash");

/* The hash of 32 random bytes nobody kept, at the same cost as every PIN
 * hash: verifying against it costs what a real verification costs and can
 * never succeed for an 8-digit PIN. */
static const char dummy_hash[] =
	"$argon2id$v=19$m=19456,t=2,p=1$K0NFKZJvBlQHJgn02juJuQ$uiSy9RqYkgI3RRnjRRRM9OhrCXJhdeBXNxAJ0kkOolY";

const char *pin_dummy_hash(void)
{
	return dummy_hash;
}

bool pin_new(char pin[static PIN_BUF], char hash[static PIN_HASH_BUF])
{
	if (sodium_init() < 0)
		return false;
	for (int i = 0; i < PIN_DIGITS; i++)
		pin[i] = (char)('0' + randombytes_uniform(10));
	pin[PIN_DIGITS] = '\0';
	if (crypto_pwhash_str(hash, pin, PIN_DIGITS, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0) {
		sodium_memzero(pin, PIN_BUF);
		return false;
	}
	return true;
}

bool pin_verify(const char *hash, const char *pin)
{
	if (sodium_init() < 0)
		return false;
	bool real = hash != NULL;
	int r = crypto_pwhash_str_verify(real ? hash : dummy_hash, pin, strlen(pin));
	return real && r == 0;
}

enum rv_code pin_store(struct rv *rv, int64_t petition_id, const char *hash, const char *now)
{
	sqlite3_stmt *st = db_stmt(rv, "INSERT INTO petition_pins(petition_id, hash, issued_at) VALUES (?1, ?2, ?3) "
	                               "ON CONFLICT(petition_id) DO UPDATE SET hash = excluded.hash, "
	                               "issued_at = excluded.issued_at");
	if (!st)
		return rv->code;
	sqlite3_bind_int64(st, 1, petition_id);
	db_bind_text(st, 2, hash);
	db_bind_text(st, 3, now);
	return sqlite3_step(st) == SQLITE_DONE ? RV_OK : db_fail(rv, "storing the PIN");
}

/* Inside the transaction: the new PIN, a clean lookup counter for the
 * code, and the history row (the petition's data and version are
 * unchanged, so the row carries the current version). */
static enum rv_code reissue_tx(struct rv *rv, const struct petition *p, const char *hash, const char *now)
{
	enum rv_code rc = pin_store(rv, p->id, hash, now);
	sqlite3_stmt *st = rc ? NULL : db_stmt(rv, "DELETE FROM lookup_failures WHERE code = ?1");
	if (!rc && !st)
		rc = rv->code;
	if (!rc) {
		db_bind_text(st, 1, p->code);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(rv, "clearing the lookup counter");
	}
	st = rc ? NULL : db_stmt(rv, "SELECT version FROM petitions WHERE id = ?1");
	if (!rc && !st)
		rc = rv->code;
	int64_t version = 0;
	if (!rc) {
		sqlite3_bind_int64(st, 1, p->id);
		if (db_step(rv, st) == SQLITE_ROW)
			version = sqlite3_column_int64(st, 0);
		else
			rc = rv->code ? rv->code : db_fail(rv, "reading the petition");
		sqlite3_reset(st);
	}
	if (!rc)
		rc = wf_history(rv, p->id, version, "pin", NULL, NULL, NULL, NULL);
	return rc;
}

enum rv_code pin_reissue(struct rv *rv, const char *code, char pin[static PIN_BUF],
                         char canonical[static RV_CODE_MAX])
{
	pin[0] = canonical[0] = '\0';
	enum rv_code rc = users_require(rv, PERM_INTAKE);
	struct petition *p = NULL;
	if (!rc)
		rc = petition_load(rv, code ? code : "", 0, &p);
	if (rc)
		return rc;
	char hash[PIN_HASH_BUF], now[21];
	rv_now(now);
	if (!pin_new(pin, hash)) {
		petition_free(&p);
		return rv_fail(rv, RV_EIO, "pin", _("pin: cannot generate a PIN (libsodium)"));
	}
	rc = db_begin(rv);
	if (!rc)
		rc = db_end(rv, reissue_tx(rv, p, hash, now));
	if (rc)
		sodium_memzero(pin, PIN_BUF);
	else
		snprintf(canonical, RV_CODE_MAX, "%s", p->code);
	petition_free(&p);
	return rc;
}
