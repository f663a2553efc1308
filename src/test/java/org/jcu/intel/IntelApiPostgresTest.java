package org.jcu.intel;

import org.jcu.test.PostgresStore;

/** {@link IntelApiContract} on PostgreSQL. */
@PostgresStore
class IntelApiPostgresTest extends IntelApiContract {}
