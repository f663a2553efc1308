package org.jcu.sharing;

import org.jcu.test.PostgresStore;

/** {@link WebSignInContract} on PostgreSQL. */
@PostgresStore
class WebSignInPostgresTest extends WebSignInContract {}
