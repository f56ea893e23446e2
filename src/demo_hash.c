/* demo_hash.c — the demo's history hashed on a second thread: see
 * demo_hash.h.  One mutex and one condition variable guard the three
 * counters; the hasher waits for filled > hashed (or quit), the writer
 * for hashed > the buffer it wants. */
#include "demo_hash.h"

static void hash_buffer(struct history_chain *chain, struct demo_hbuf *b)
{
	for (int i = 0; i < b->n; i++) {
		struct demo_hrow *r = &b->rows[i];
		const struct history_row hr = { .petition_id = r->id, .version = r->version, .at = r->at,
			                        .os_login = r->actor, .actor = r->actor, .action = r->action,
			                        .field = r->field, .old = r->old, .new_ = r->new_, .note = r->note };
		history_chain_next(chain, &hr, &r->hid, r->hash);
	}
}

static void *hasher_main(void *arg)
{
	struct demo_hasher *h = arg;
	pthread_mutex_lock(&h->mu);
	for (;;) {
		while (h->hashed == h->filled && !h->quit)
			pthread_cond_wait(&h->cv, &h->mu);
		if (h->hashed == h->filled)
			break; /* quit, nothing left */
		struct demo_hbuf *b = &h->buf[h->hashed % DEMO_HBUFS];
		pthread_mutex_unlock(&h->mu);
		hash_buffer(h->chain, b);
		pthread_mutex_lock(&h->mu);
		h->hashed++;
		pthread_cond_broadcast(&h->cv);
	}
	pthread_mutex_unlock(&h->mu);
	return NULL;
}

void demo_hasher_start(struct demo_hasher *h, struct history_chain *chain)
{
	*h = (struct demo_hasher){ .chain = chain };
	/* One row hashed here first: history_hash_cells initialises libsodium
	 * on first use, which must not race. */
	struct history_chain scratch = { 0 };
	struct demo_hbuf *b = &h->buf[0];
	b->rows[0] = (struct demo_hrow){ .at = "", .actor = "", .action = "" };
	b->n = 1;
	hash_buffer(&scratch, b);
	b->n = 0;
	if (pthread_mutex_init(&h->mu, NULL) != 0)
		return;
	if (pthread_cond_init(&h->cv, NULL) != 0) {
		pthread_mutex_destroy(&h->mu);
		return;
	}
	h->threaded = pthread_create(&h->thread, NULL, hasher_main, h) == 0;
	if (!h->threaded) {
		pthread_cond_destroy(&h->cv);
		pthread_mutex_destroy(&h->mu);
	}
}

static void lock(struct demo_hasher *h)
{
	if (h->threaded)
		pthread_mutex_lock(&h->mu);
}

static void unlock(struct demo_hasher *h)
{
	if (h->threaded)
		pthread_mutex_unlock(&h->mu);
}

struct demo_hbuf *demo_hasher_current(struct demo_hasher *h)
{
	return &h->buf[h->filled % DEMO_HBUFS]; /* only the writer moves filled */
}

void demo_hasher_submit(struct demo_hasher *h)
{
	if (!h->threaded) {
		hash_buffer(h->chain, demo_hasher_current(h));
		h->filled++;
		h->hashed++;
		return;
	}
	pthread_mutex_lock(&h->mu);
	h->filled++;
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
}

struct demo_hbuf *demo_hasher_ready(struct demo_hasher *h, bool all)
{
	lock(h);
	struct demo_hbuf *b = NULL;
	if (h->inserted < h->filled && (all || h->filled - h->inserted == DEMO_HBUFS)) {
		while (h->hashed <= h->inserted)
			pthread_cond_wait(&h->cv, &h->mu); /* threaded: unthreaded hashes at hand-over */
		b = &h->buf[h->inserted % DEMO_HBUFS];
	}
	unlock(h);
	return b;
}

void demo_hasher_release(struct demo_hasher *h)
{
	lock(h);
	h->buf[h->inserted % DEMO_HBUFS].n = 0;
	h->inserted++;
	unlock(h);
}

void demo_hasher_drop(struct demo_hasher *h)
{
	lock(h);
	while (h->hashed < h->filled)
		pthread_cond_wait(&h->cv, &h->mu);
	for (int i = 0; i < DEMO_HBUFS; i++)
		h->buf[i].n = 0;
	h->inserted = h->filled;
	unlock(h);
}

void demo_hasher_stop(struct demo_hasher *h)
{
	if (!h->threaded)
		return;
	pthread_mutex_lock(&h->mu);
	h->quit = true;
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
	pthread_join(h->thread, NULL);
	pthread_cond_destroy(&h->cv);
	pthread_mutex_destroy(&h->mu);
	h->threaded = false;
}
