package org.jcu.sharing;

import org.jcu.test.SqliteStore;

/** {@link AccessLeakContract} on SQLite. */
@SqliteStore
class AccessLeakSqliteTest extends AccessLeakContract {}
