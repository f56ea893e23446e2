/* form.h — forms: labelled fields, pickers with type-ahead, inline errors.
 *
 * A form is a view (a modal box over the screen, or a full screen) made of
 * fields of three kinds: a one-line text, a multi-line text, and a picker
 * (type to filter the options it offers, Up/Down and Enter to choose, the
 * chosen option's value is what the form returns).  The submit handler
 * reads the values, calls the core, and on failure puts the core's message
 * next to the field it names (form_error_for() maps rv_field() to a field).
 *
 * Keys: Tab/S-Tab (also Down/Up outside a multi-line field) move between
 * fields; Enter goes to the next field, chooses in a picker, submits on the
 * last field, inserts a newline in a multi-line field; F2 or ^S submits
 * from anywhere; Esc closes an open picker list, else cancels the form. */
#ifndef ROVIEC_UI_FORM_H
#define ROVIEC_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "view.h"

enum field_kind {
	FK_TEXT,   /* one line */
	FK_BODY,   /* several lines; Enter inserts a newline */
	FK_PICK,   /* one of the options offered by pick() */
};

struct pick_option {
	char *value;   /* what the form returns (a code); malloc'd */
	char *label;   /* what the person reads; malloc'd */
};

struct form;

/* Offers up to max options for what was typed (query may be ""), best
 * first; each string malloc'd (the form frees them).  Returns the number
 * of options, or -1 after setting an error with form_error(). */
typedef int (*pick_fn)(struct form *f, void *ctx, const char *query,
                       struct pick_option *out, int max);

struct field_spec {
	const char *key;         /* names the field; matches rv_field() where possible */
	const char *label;       /* msgid */
	enum field_kind kind;
	size_t max_bytes;        /* 0: no limit */
	const char *text;        /* initial text (a picker: the chosen option's label) */
	const char *value;       /* a picker's initial value */
	pick_fn pick;            /* FK_PICK */
	int rows;                /* FK_BODY: rows shown (0: 6) */
	const char *hint;        /* msgid, drawn dim under the field */
	/* Optional: an option was chosen.  Return false when the chooser took
	 * it over (e.g. it opened another form); the field is then unchanged. */
	bool (*chosen)(struct form *f, void *ctx, const struct pick_option *o);
};

enum form_result {
	FORM_STAY,   /* keep the form open (errors were set) */
	FORM_CLOSE,  /* done: close it */
};

struct form_spec {
	const char *title;              /* translated */
	const char *submit_label;       /* translated, shown with F2 */
	const struct field_spec *fields;
	int nfields;
	bool full_screen;               /* a screen of its own instead of a box */
	void *ctx;                      /* passed to every callback */
	enum form_result (*submit)(struct form *f, void *ctx);
	/* Optional: a field's text or value changed (live hints). */
	void (*changed)(struct form *f, void *ctx, const char *key);
	/* Optional: the form closed (free ctx here). */
	void (*closed)(void *ctx);
	/* Optional: text drawn above the fields (translated; may hold data). */
	const char *intro;
};

/* Opens the form on top of the stack.  The spec and its fields are copied.
 * Returns the form, or NULL when it could not open (closed() has then been
 * called). */
struct form *form_open(struct ui *ui, const struct form_spec *spec);

struct ui *form_ui(struct form *f);

/* Closes the form after the current event (as Esc would). */
void form_close(struct form *f);

/* The value of field key: a picker's chosen value (NULL when none); for a
 * text field, the text normalised to NFC (as typed when it cannot be
 * normalised; the core will report why).  Valid until the next call for
 * the same field or until the form closes.  NULL for an unknown key. */
const char *form_value(struct form *f, const char *key);

/* Sets a picker's choice (value and the label shown), or a text field's
 * text when value is NULL. */
void form_set(struct form *f, const char *key, const char *value, const char *label);

/* Messages: next to a field (key), or above all fields (key NULL).  msg
 * NULL clears.  Errors are cleared on every submit. */
void form_error(struct form *f, const char *key, const char *msg);
/* A live hint under a field (e.g. the computed deadline); NULL clears. */
void form_hint(struct form *f, const char *key, const char *text);
/* Puts msg next to the field whose key is field (rv_field()), or above the
 * fields when no field has that key. */
void form_error_for(struct form *f, const char *field, const char *msg);

/* Moves the focus to field key. */
void form_focus(struct form *f, const char *key);

/* Helper for pickers over a fixed list: the options of `all` (n of them)
 * whose folded label or value contains the folded query. */
int form_pick_from(const struct pick_option *all, int n, const char *query,
                   struct pick_option *out, int max);

#endif
