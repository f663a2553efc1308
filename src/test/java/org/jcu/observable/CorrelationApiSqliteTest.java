package org.jcu.observable;

import org.jcu.test.SqliteStore;

/** {@link CorrelationApiContract} on embedded SQLite. */
@SqliteStore
class CorrelationApiSqliteTest extends CorrelationApiContract {}
