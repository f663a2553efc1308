package org.jcu.intel;

import org.jcu.test.PostgresStore;

/** {@link IntelStoreContract} on PostgreSQL. */
@PostgresStore
class IntelStorePostgresTest extends IntelStoreContract {}
