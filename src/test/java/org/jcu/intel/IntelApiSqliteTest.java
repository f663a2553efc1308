package org.jcu.intel;

import org.jcu.test.SqliteStore;

/** {@link IntelApiContract} on SQLite. */
@SqliteStore
class IntelApiSqliteTest extends IntelApiContract {}
