package org.jcu.sharing;

import org.jcu.test.PostgresStore;

/** {@link OidcSignInContract} on PostgreSQL. */
@PostgresStore
class OidcSignInPostgresTest extends OidcSignInContract {}
