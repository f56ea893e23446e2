/* demo_hash.c — the demo's history hashed on a second thread: see
 * demo_hash.h.  One mutex and one condition variable: the writer waits
 * for "no job", the hasher for "a job or quit". */
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
		while (!h->job && !h->quit)
			pthread_cond_wait(&h->cv, &h->mu);
		if (!h->job)
			break; /* quit, nothing left */
		struct demo_hbuf *b = h->job;
		pthread_mutex_unlock(&h->mu);
		hash_buffer(h->chain, b);
		pthread_mutex_lock(&h->mu);
		h->job = NULL;
		pthread_cond_broadcast(&h->cv);
	}
	pthread_mutex_unlock(&h->mu);
	return NULL;
}

void demo_hasher_start(struct demo_hasher *h, struct history_chain *chain)
{
	*h = (struct demo_hasher){ .chain = chain };
	/* The hash of one row first, in this thread: history_hash_cells
	 * initialises libsodium on first use, which must not race. */
	struct history_chain scratch = { 0 };
	struct demo_hbuf one = { .n = 1, .rows = { { .at = "", .actor = "", .action = "" } } };
	hash_buffer(&scratch, &one);
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

void demo_hasher_wait(struct demo_hasher *h)
{
	if (!h->threaded)
		return;
	pthread_mutex_lock(&h->mu);
	while (h->job)
		pthread_cond_wait(&h->cv, &h->mu);
	pthread_mutex_unlock(&h->mu);
}

void demo_hasher_submit(struct demo_hasher *h, struct demo_hbuf *b)
{
	if (!h->threaded) {
		hash_buffer(h->chain, b);
		return;
	}
	pthread_mutex_lock(&h->mu);
	while (h->job)
		pthread_cond_wait(&h->cv, &h->mu);
	h->job = b;
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
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
