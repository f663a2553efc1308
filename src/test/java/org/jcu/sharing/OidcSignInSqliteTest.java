package org.jcu.sharing;

import org.jcu.test.SqliteStore;

/** {@link OidcSignInContract} on SQLite. */
@SqliteStore
class OidcSignInSqliteTest extends OidcSignInContract {}
