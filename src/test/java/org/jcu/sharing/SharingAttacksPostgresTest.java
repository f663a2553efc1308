package org.jcu.sharing;

import org.jcu.test.PostgresStore;

/** {@link SharingAttacksContract} on PostgreSQL. */
@PostgresStore
class SharingAttacksPostgresTest extends SharingAttacksContract {}
