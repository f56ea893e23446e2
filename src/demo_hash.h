/* demo_hash.h — the demo's history rows, hashed on a second thread.
 *
 * The demo writes its history in buffers of DEMO_HROWS rows.  A full
 * buffer is handed to the hasher, which gives each row, in order, its id
 * and chain hash (history_chain_next) on a thread of its own while the
 * writer inserts the buffer before it: SHA-256 of seventeen million rows
 * runs on the second core instead of between the writer's INSERTs.  One
 * buffer at most is being hashed at a time, so rows are chained in the
 * order they were handed over.  When no thread can be started, submit
 * hashes in the caller's thread. */
#ifndef ROVIEC_DEMO_HASH_H
#define ROVIEC_DEMO_HASH_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "history.h"

enum { DEMO_HROWS = 256 }; /* history rows per INSERT statement */

/* A history row waiting for its INSERT; strings point into a plan of the
 * current group or at static data.  hid and hash come from the hasher. */
struct demo_hrow {
	int64_t id;  /* the petition's */
	int64_t hid; /* the row's, from the chain */
	int version;
	const char *at, *actor, *action, *field, *old, *new_, *note;
	unsigned char hash[HISTORY_HASH_LEN];
};

struct demo_hbuf {
	struct demo_hrow rows[DEMO_HROWS];
	int n;
};

struct demo_hasher {
	struct history_chain *chain; /* advanced by the hasher only while a buffer is out */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct demo_hbuf *job; /* being hashed, or NULL */
	bool quit, threaded;
};

/* Starts the hasher over chain (which the caller may read or reset only
 * after demo_hasher_wait). */
void demo_hasher_start(struct demo_hasher *h, struct history_chain *chain);

/* Waits for the buffer out, if any, then hands b over (its rows keep
 * their strings until it has been waited for). */
void demo_hasher_submit(struct demo_hasher *h, struct demo_hbuf *b);

/* Returns when no buffer is out: every row handed over has its id and
 * hash, and chain is the head after the last. */
void demo_hasher_wait(struct demo_hasher *h);

/* Waits, then ends the thread; h can be started again. */
void demo_hasher_stop(struct demo_hasher *h);

#endif
