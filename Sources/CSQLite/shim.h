// System SQLite (libsqlite3-dev, 3.40 or later, built with FTS5): only MatnIndex uses it.
#include <sqlite3.h>
