package org.jcu.sharing;

import org.jcu.test.PostgresStore;

/** {@link AccessLeakContract} on PostgreSQL (the predicate is dialect-specific SQL). */
@PostgresStore
class AccessLeakPostgresTest extends AccessLeakContract {}
