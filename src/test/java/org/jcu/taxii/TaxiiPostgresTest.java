package org.jcu.taxii;

import org.jcu.test.PostgresStore;

/** {@link TaxiiContract} on PostgreSQL. */
@PostgresStore
class TaxiiPostgresTest extends TaxiiContract {}
