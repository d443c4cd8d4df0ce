/*
 * dbpath.c - where the store is: --db PATH, else
 * $XDG_DATA_HOME/newsfuse/store.db, else ~/.local/share/newsfuse/store.db
 * (the XDG base directory default).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* mkdir -p of the directory part of path (modified in place, restored). */
static int make_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc && errno != EEXIST)
			return -1;
	}
	return 0;
}

int cli_store_path(const char *db, int create, char *buf, size_t n)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int len;
	if (db)
		len = snprintf(buf, n, "%s", db);
	else if (xdg && *xdg)
		len = snprintf(buf, n, "%s/newsfuse/store.db", xdg);
	else if (home && *home)
		len = snprintf(buf, n, "%s/.local/share/newsfuse/store.db", home);
	else {
		cli_error("no store: set --db, XDG_DATA_HOME or HOME");
		return -1;
	}
	if (len < 0 || (size_t)len >= n) {
		cli_error("store path too long");
		return -1;
	}
	if (create && !db && make_parents(buf)) {
		cli_error("%s: %s", buf, strerror(errno));
		return -1;
	}
	return 0;
}
