package org.jcu.sharing;

import org.jcu.test.PostgresStore;

/** {@link SharingApiContract} on PostgreSQL. */
@PostgresStore
class SharingApiPostgresTest extends SharingApiContract {}
