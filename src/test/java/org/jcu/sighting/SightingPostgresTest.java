package org.jcu.sighting;

import org.jcu.test.PostgresStore;

/** {@link SightingContract} on PostgreSQL. */
@PostgresStore
class SightingPostgresTest extends SightingContract {}
