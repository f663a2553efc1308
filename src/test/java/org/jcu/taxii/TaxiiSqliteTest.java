package org.jcu.taxii;

import org.jcu.test.SqliteStore;

/** {@link TaxiiContract} on SQLite. */
@SqliteStore
class TaxiiSqliteTest extends TaxiiContract {}
