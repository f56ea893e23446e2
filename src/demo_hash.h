/* demo_hash.h — the demo's history rows, hashed on a second thread.
 *
 * The demo writes its history in buffers of DEMO_HROWS rows, from a ring
 * of DEMO_HBUFS.  A full buffer is handed to the hasher, which gives each
 * row, in order, its id and chain hash (history_chain_next) on a thread of
 * its own, while the writer goes on planning and inserting: SHA-256 of
 * seventeen million rows runs on the second core.  The writer inserts a
 * buffer only when the ring is full (or when it flushes), so on a busy
 * machine the hasher has a whole ring's time to be scheduled before the
 * writer waits for it.  Buffers are hashed and inserted in the order they
 * were handed over, so rows are chained in order.  When no thread can be
 * started, hashing happens in the writer's thread at hand-over. */
#ifndef ROVIEC_DEMO_HASH_H
#define ROVIEC_DEMO_HASH_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "history.h"

enum {
	DEMO_HROWS = 256, /* history rows per buffer (and INSERT statement) */
	DEMO_HBUFS = 16,  /* buffers in the ring */
};

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
	struct history_chain *chain; /* advanced by the hasher while buffers are out */
	struct demo_hbuf buf[DEMO_HBUFS];
	/* Buffers handed over, hashed and inserted since the start; buffer
	 * number k is buf[k % DEMO_HBUFS]. */
	uint64_t filled, hashed, inserted;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool quit, threaded;
};

/* Starts the hasher over chain (which the caller may read or reset only
 * when demo_hasher_ready(h, true) has returned NULL). */
void demo_hasher_start(struct demo_hasher *h, struct history_chain *chain);

/* The buffer being filled. */
struct demo_hbuf *demo_hasher_current(struct demo_hasher *h);

/* Hands the buffer being filled over. */
void demo_hasher_submit(struct demo_hasher *h);

/* The oldest buffer handed over and not inserted, once hashed (waiting
 * for it): when all, any such; else only when the ring has no buffer left
 * to fill.  NULL when there is none to insert now.  The caller inserts
 * its rows and calls demo_hasher_release. */
struct demo_hbuf *demo_hasher_ready(struct demo_hasher *h, bool all);
void demo_hasher_release(struct demo_hasher *h);

/* Forgets every buffer (a rolled-back transaction), once hashed. */
void demo_hasher_drop(struct demo_hasher *h);

/* Ends the thread after the buffers out are hashed; h can be started again. */
void demo_hasher_stop(struct demo_hasher *h);

#endif
