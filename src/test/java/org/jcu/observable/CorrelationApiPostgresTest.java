package org.jcu.observable;

import org.jcu.test.PostgresStore;

/** {@link CorrelationApiContract} on PostgreSQL. */
@PostgresStore
class CorrelationApiPostgresTest extends CorrelationApiContract {}
