/* demo_plan.c — one demo petition's life: see demo_plan.h.
 *
 * Rates (of all petitions): 3.5 % rejected, 2.5 % withdrawn, 7 % extended
 * once or twice, 12 % answered up to 12 working days late, 3.5 % much
 * later, the rest on time; 88 % of answers are closed, most of those
 * rated.  Each step is a number of working days after the previous one
 * (0: the same day, a little later). */
#include "demo_plan.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

static const char *pick(struct demo_rng *r, const char *const *list)
{
	size_t n = demo_count(list);
	return n ? list[demo_below(r, (uint32_t)n)] : "";
}

/* Writes 'YYYY-MM-DDTHH:MM:SSZ' for s->day and s->secs. */
static void stamp_format(struct demo_stamp *s)
{
	unsigned t = (unsigned)s->secs % 86400u;
	unsigned part[3] = { t / 3600, t / 60 % 60, t % 60 };
	date_iso(s->day, s->iso);
	s->iso[10] = 'T';
	for (int i = 0; i < 3; i++) {
		s->iso[11 + 3 * i] = (char)('0' + part[i] / 10);
		s->iso[12 + 3 * i] = (char)('0' + part[i] % 10);
		s->iso[13 + 3 * i] = i < 2 ? ':' : 'Z';
	}
	s->iso[20] = '\0';
}


enum fate { F_ON_TIME, F_LATE, F_VERY_LATE, F_EXTENDED, F_REJECTED, F_WITHDRAWN };

static enum fate pick_fate(struct demo_rng *r)
{
	double u = demo_unit(r);
	return u < 0.035 ? F_REJECTED
	       : u < 0.06 ? F_WITHDRAWN
	       : u < 0.13 ? F_EXTENDED
	       : u < 0.25 ? F_LATE
	       : u < 0.285 ? F_VERY_LATE
	                    : F_ON_TIME;
}

/* One more command: moves the petition's clock k working days on (k 0:
 * later the same day) and stamps the step there, in office hours of
 * Hanoi (01:00–09:00 UTC).  False when that is after now: the step has
 * not happened yet, and neither has anything after it. */
static bool advance(struct demo_world *w, struct demo_plan *p, int k, struct demo_stamp *out)
{
	rv_date d = k > 0 ? calendar_add_workdays(w->cal, p->clock.day, k) : p->clock.day;
	int secs = d == p->clock.day ? p->clock.secs + 60 + (int)demo_below(&w->rng, 1500)
	                             : 3600 + (int)demo_below(&w->rng, 8 * 3600);
	if (d == RV_DATE_NONE || d > w->today || (d == w->today && secs > w->today_secs))
		return false;
	out->day = d;
	out->secs = secs;
	stamp_format(out);
	p->clock = *out;
	p->last = out;
	p->version++;
	return true;
}

/* Title and body: a topic of the category (or the petition's own text
 * when it is one the Board will not accept), with the slots filled. */
static void plan_texts(struct demo_world *w, struct demo_plan *p, rv_date conference)
{
	const struct demo_category *c = w->cats[p->cat].demo;
	const struct demo_enterprise_ref *e = &w->ents[p->ent];
	p->topic = demo_below(&w->rng, (uint32_t)demo_topic_count(c));
	p->item = pick(&w->rng, c->items);
	struct demo_slots s = {
		.zone = e->zone >= 0 ? w->zones[e->zone].text : NULL,
		.item = p->item,
		.earlier = p->t_create.day - 20 - (rv_date)demo_below(&w->rng, 100),
		.conference = conference,
	};
	date_to_ymd(p->t_create.day, &s.year, NULL, NULL);
	const struct demo_topic *t = &c->topics[p->topic];
	p->title[0] = p->body[0] = '\0';
	demo_fill(p->title, sizeof p->title, 0, p->rejection ? p->rejection->title : t->title, &s, &w->rng);
	size_t len = 0;
	if (conference != RV_DATE_NONE) {
		len = demo_fill(p->body, sizeof p->body, len, demo_conference_intro, &s, &w->rng);
		len = demo_append(p->body, sizeof p->body, len, "\n");
	}
	if (p->rejection) {
		demo_fill(p->body, sizeof p->body, len, p->rejection->body, &s, &w->rng);
		return;
	}
	len = demo_fill(p->body, sizeof p->body, len, t->problem, &s, &w->rng);
	len = demo_append(p->body, sizeof p->body, len, " ");
	demo_fill(p->body, sizeof p->body, len, pick(&w->rng, c->asks), &s, &w->rng);
}

/* The next tracking code of the received year, as workflow.c's next_code
 * makes it. */
static void next_code(struct demo_world *w, struct demo_plan *p)
{
	int y;
	date_to_ymd(p->t_create.day, &y, NULL, NULL);
	int k = y - w->year0;
	char code[48];
	w->seq_dirty[k] = true;
	snprintf(code, sizeof code, "KN-%04d-%05lld", y, (long long)++w->seq[k]);
	size_t len = strlen(code) < sizeof p->code ? strlen(code) : sizeof p->code - 1;
	memcpy(p->code, code, len);
	p->code[len] = '\0';
}

static void plan_intake(struct demo_world *w, struct demo_plan *p, rv_date day, rv_date conference)
{
	static const enum channel channels[] = { CH_WRITTEN, CH_WRITTEN, CH_WRITTEN, CH_WRITTEN, CH_ONLINE,
		                                 CH_ONLINE, CH_ONLINE, CH_PHONE, CH_DIRECT, CH_DIRECT };
	p->ent = demo_below(&w->rng, (uint32_t)w->nents);
	int x = (int)demo_below(&w->rng, (uint32_t)w->cat_weight_total);
	for (p->cat = 0; p->cat + 1 < w->ncats; p->cat++)
		if ((x -= w->cats[p->cat].weight) < 0)
			break;
	for (size_t i = 0; p->rejection && p->rejection->category && i < w->ncats; i++)
		if (strcmp(w->cats[i].code, p->rejection->category) == 0)
			p->cat = i;
	p->channel = conference != RV_DATE_NONE ? CH_CONFERENCE : channels[demo_below(&w->rng, 10)];
	p->t_create.day = day;
	p->t_create.secs = 3600 + (int)demo_below(&w->rng, 8 * 3600);
	if (day == w->today && p->t_create.secs > w->today_secs)
		p->t_create.secs = w->today_secs; /* received today: by now at the latest */
	stamp_format(&p->t_create);
	p->clock = p->t_create;
	p->last = &p->t_create;
	p->version = 1;
	p->status = ST_RECEIVED;
	date_iso(day, p->received);
	p->staff = w->staff[demo_below(&w->rng, (uint32_t)w->nstaff)];
	p->official = w->officials[demo_below(&w->rng, (uint32_t)w->nofficials)];
	plan_texts(w, p, conference);
	next_code(w, p);
}

/* The agency an entry of a category's list names: for "@" the commune of
 * the enterprise's park (the Board when it has none). */
static int resolve_agency(const struct demo_world *w, const struct demo_plan *p, int idx)
{
	if (idx != DEMO_LEAD_COMMUNE)
		return idx;
	const struct demo_enterprise_ref *e = &w->ents[p->ent];
	int commune = e->zone >= 0 ? w->zones[e->zone].commune : -1;
	return commune >= 0 ? commune : w->board;
}

/* A person of the lead agency: each agency has the same five people. */
static void plan_person(struct demo_world *w, struct demo_plan *p)
{
	struct demo_rng r = { w->salt ^ ((uint64_t)w->agencies[p->lead].id * 0x9E3779B97F4A7C15u) ^
		              demo_below(&w->rng, 5) };
	char name[64];
	demo_person_name(demo_next(&r), NULL, name, sizeof name);
	snprintf(p->person, sizeof p->person, "%s (%s)", name, pick(&r, demo_positions));
}

/* Lead agency, coordinating agencies (their codes sorted and joined as
 * workflow.c joins them), person and the category's deadline counted in
 * working days from the day after assignment. */
static void plan_assignment(struct demo_world *w, struct demo_plan *p)
{
	const struct demo_category_ref *c = &w->cats[p->cat];
	p->lead = resolve_agency(w, p, c->lead[demo_below(&w->rng, (uint32_t)c->nlead)]);
	p->ncoord = 0;
	if (c->ncoord && demo_below(&w->rng, 100) < 35) {
		int want = demo_below(&w->rng, 10) < 7 ? 1 : 2;
		for (int t = 0; t < 4 && p->ncoord < want; t++) {
			int a = resolve_agency(w, p, c->coord[demo_below(&w->rng, (uint32_t)c->ncoord)]);
			if (a != p->lead && (p->ncoord == 0 || a != p->coord[0]))
				p->coord[p->ncoord++] = a;
		}
	}
	if (p->ncoord == 2 && strcmp(w->agencies[p->coord[0]].code, w->agencies[p->coord[1]].code) > 0) {
		int t = p->coord[0];
		p->coord[0] = p->coord[1];
		p->coord[1] = t;
	}
	if (p->ncoord)
		snprintf(p->coord_text, sizeof p->coord_text, "%s%s%s", w->agencies[p->coord[0]].code,
		         p->ncoord == 2 ? ", " : "", p->ncoord == 2 ? w->agencies[p->coord[1]].code : "");
	plan_person(w, p);
	p->deadline = p->original_deadline = calendar_add_workdays(w->cal, p->t_assign.day, c->within);
	date_iso(p->t_assign.day, p->assigned_iso);
	date_iso(p->deadline, p->original);
	date_iso(p->deadline, p->deadline_iso);
	const char *liaison = w->agencies[p->lead].liaison;
	p->recorder = liaison ? liaison : p->staff;
}

/* One or two deadline extensions approved by an official before the
 * deadline; false when the next one is still to come. */
static bool plan_extensions(struct demo_world *w, struct demo_plan *p)
{
	int want = demo_below(&w->rng, 100) < 15 ? 2 : 1;
	for (int i = 0; i < want; i++) {
		int span = calendar_workdays_between(w->cal, p->clock.day, p->deadline);
		if (span < 2)
			break;
		struct demo_extension *x = &p->ext[p->next];
		if (!advance(w, p, 1 + (int)demo_below(&w->rng, (uint32_t)span - 1), &x->at))
			return false;
		rv_date extended = calendar_add_workdays(w->cal, p->deadline, 5 + (int)demo_below(&w->rng, 16));
		date_iso(p->deadline, x->old_iso);
		date_iso(extended, x->new_iso);
		x->reason = pick(&w->rng, demo_extension_reasons);
		p->deadline = extended;
		date_iso(extended, p->deadline_iso);
		p->next++;
	}
	return true;
}

static void plan_result(struct demo_world *w, struct demo_plan *p)
{
	double u = demo_unit(&w->rng);
	p->outcome = u < 0.58 ? OC_RESOLVED : u < 0.78 ? OC_PARTLY_RESOLVED : u < 0.94 ? OC_EXPLAINED : OC_DECLINED;
	const struct demo_agency_ref *a = &w->agencies[p->lead];
	const struct demo_enterprise_ref *e = &w->ents[p->ent];
	struct demo_slots s = {
		.zone = e->zone >= 0 ? w->zones[e->zone].text : NULL,
		.item = p->item,
		.agency = a->name,
		.agency_code = a->code,
	};
	date_to_ymd(p->t_answer.day, &s.year, NULL, NULL);
	char fix[400] = "";
	demo_fill(fix, sizeof fix, 0, w->cats[p->cat].demo->topics[p->topic].fix, &s, &w->rng);
	s.fix = fix;
	p->result[0] = '\0';
	demo_fill(p->result, sizeof p->result, 0, pick(&w->rng, demo_results[p->outcome]), &s, &w->rng);
}

/* Answered on time (before the deadline; after the original one when it
 * was extended, which is why it was) or late (after it), late_days as
 * wf_answer counts them. */
static void plan_answer(struct demo_world *w, struct demo_plan *p, enum fate f)
{
	int span = calendar_workdays_between(w->cal, p->clock.day, p->deadline);
	int early = p->next ? calendar_workdays_between(w->cal, p->clock.day, p->original_deadline) : 0;
	bool late = f == F_LATE || f == F_VERY_LATE || (f == F_EXTENDED && demo_below(&w->rng, 5) == 0);
	int k;
	if (late)
		k = span + (f == F_VERY_LATE ? 15 + (int)demo_below(&w->rng, 76) : 1 + (int)demo_below(&w->rng, 12));
	else if (span > early)
		k = early + 1 + (int)demo_below(&w->rng, (uint32_t)(span - early));
	else
		k = 1;
	if (!advance(w, p, k, &p->t_answer))
		return;
	p->answered = true;
	p->status = ST_ANSWERED;
	p->late_days = calendar_workdays_between(w->cal, p->deadline, p->t_answer.day);
	snprintf(p->late_text, sizeof p->late_text, "%d", p->late_days);
	date_iso(p->t_answer.day, p->answered_iso);
	plan_result(w, p);
}

/* 1–5: mostly 4 and 5 for a problem resolved on time, lower for a late
 * or partial answer, lowest for a refusal. */
static int draw_rating(struct demo_rng *r, const struct demo_plan *p)
{
	static const int weights[3][5] = {
		{ 1, 3, 9, 32, 55 },   /* resolved on time */
		{ 4, 8, 20, 38, 30 },  /* late, partly resolved or explained */
		{ 15, 25, 30, 20, 10 } /* declined */
	};
	int kind = p->outcome == OC_DECLINED ? 2 : p->outcome != OC_RESOLVED || p->late_days > 0 ? 1 : 0;
	int x = (int)demo_below(r, 100);
	for (int i = 0; i < 5; i++)
		if ((x -= weights[kind][i]) < 0)
			return i + 1;
	return 5;
}

/* Most answered petitions are closed within two weeks, most of them
 * rated; an enterprise with an account closes its own, always rating. */
static void plan_close(struct demo_world *w, struct demo_plan *p)
{
	if (demo_below(&w->rng, 100) >= 88 || !advance(w, p, 1 + (int)demo_below(&w->rng, 10), &p->t_close))
		return;
	p->closed = true;
	p->status = ST_CLOSED;
	date_iso(p->t_close.day, p->closed_iso);
	const char *account = w->ents[p->ent].account;
	p->closer = account ? account : p->staff;
	if (account || demo_below(&w->rng, 100) < 85) {
		p->rating = draw_rating(&w->rng, p);
		snprintf(p->rating_text, sizeof p->rating_text, "%d", p->rating);
		p->feedback = demo_below(&w->rng, 100) < 75 ? pick(&w->rng, demo_feedback[p->rating - 1]) : NULL;
	}
}

/* Rejected (by an official, saying where to turn) or withdrawn. */
static void plan_exit(struct demo_world *w, struct demo_plan *p, enum status to, int k)
{
	if (!advance(w, p, k, &p->t_exit))
		return;
	p->exited = true;
	p->exit_from = p->status;
	p->status = to;
	if (to == ST_REJECTED) {
		p->reject_reason = p->rejection->reason;
		p->refer_to = p->rejection->refer_to;
	} else {
		p->note = demo_below(&w->rng, 5) ? pick(&w->rng, demo_withdrawals) : NULL;
	}
}

static void plan_life(struct demo_world *w, struct demo_plan *p, enum fate f)
{
	p->intake_category = demo_below(&w->rng, 100) < 15;
	if (!p->intake_category) {
		if (!advance(w, p, (int)demo_below(&w->rng, 3), &p->t_classify))
			return;
		p->classified = true;
		p->status = ST_CLASSIFIED;
	}
	if (f == F_REJECTED || (f == F_WITHDRAWN && demo_below(&w->rng, 3) == 0)) {
		plan_exit(w, p, f == F_REJECTED ? ST_REJECTED : ST_WITHDRAWN, 1 + (int)demo_below(&w->rng, 4));
		return;
	}
	if (!advance(w, p, (int)demo_below(&w->rng, 4), &p->t_assign))
		return;
	p->assigned = true;
	p->status = ST_ASSIGNED;
	plan_assignment(w, p);
	if (demo_below(&w->rng, 10) != 0) { /* a few are answered without a recorded start */
		if (!advance(w, p, (int)demo_below(&w->rng, 4), &p->t_start))
			return;
		p->started = true;
		p->status = ST_IN_PROGRESS;
	}
	if (f == F_EXTENDED && !plan_extensions(w, p))
		return;
	if (f == F_WITHDRAWN) {
		plan_exit(w, p, ST_WITHDRAWN, 1 + (int)demo_below(&w->rng, 8));
		return;
	}
	plan_answer(w, p, f);
	if (p->answered)
		plan_close(w, p);
}

void demo_plan_petition(struct demo_world *w, struct demo_plan *p, rv_date day, rv_date conference)
{
	memset(p, 0, offsetof(struct demo_plan, coord_text));
	enum fate f = pick_fate(&w->rng);
	if (f == F_REJECTED)
		p->rejection = &demo_rejections[demo_below(&w->rng, (uint32_t)demo_nrejections)];
	plan_intake(w, p, day, conference);
	plan_life(w, p, f);
	/* An answer on the conference's own day was given in the session
	 * (conference answer: one more command, at the answer's time). */
	p->conference = conference;
	if (p->answered && conference != RV_DATE_NONE && p->t_answer.day == conference) {
		p->in_session = true;
		p->version++;
	}
}
