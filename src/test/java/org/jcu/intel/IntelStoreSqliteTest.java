package org.jcu.intel;

import org.jcu.test.SqliteStore;

/** {@link IntelStoreContract} on embedded SQLite. */
@SqliteStore
class IntelStoreSqliteTest extends IntelStoreContract {}
