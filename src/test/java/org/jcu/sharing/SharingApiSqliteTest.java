package org.jcu.sharing;

import org.jcu.test.SqliteStore;

/** {@link SharingApiContract} on SQLite. */
@SqliteStore
class SharingApiSqliteTest extends SharingApiContract {}
