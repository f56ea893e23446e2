/* backup.h — copies of the database: taking one while others write, and
 * putting one back after proving it sound.
 *
 * backup_write uses SQLite's online backup API in one step, so the copy is
 * one consistent snapshot (readers never block writers in WAL mode); it is
 * written beside FILE, synced, given mode 0660 and renamed over FILE, so
 * FILE is always either the old copy or the complete new one.
 *
 * backup_restore opens FILE read-only, holds one snapshot of it, runs
 * every check of verify_db on that snapshot and only then copies it into
 * the live database with the backup API, as one write transaction: other
 * processes see the old database or the restored one, never a mixture.
 * A file that fails any check is refused and the live database is not
 * touched.  An older roviec's backup is upgraded after it is put back. */
#ifndef ROVIEC_BACKUP_H
#define ROVIEC_BACKUP_H

#include <stdint.h>

#include "rv.h"

struct backup_info {
	int64_t pages;   /* database pages copied */
	int64_t bytes;   /* pages × page size */
	int64_t history; /* history rows verified (restore) */
};

enum rv_code backup_write(struct rv *rv, const char *path, struct backup_info *info);
enum rv_code backup_restore(struct rv *rv, const char *path, struct backup_info *info);

#endif
