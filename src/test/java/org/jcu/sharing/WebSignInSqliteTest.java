package org.jcu.sharing;

import org.jcu.test.SqliteStore;

/** {@link WebSignInContract} on SQLite. */
@SqliteStore
class WebSignInSqliteTest extends WebSignInContract {}
