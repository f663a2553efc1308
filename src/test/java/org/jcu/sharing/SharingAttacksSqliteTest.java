package org.jcu.sharing;

import org.jcu.test.SqliteStore;

/** {@link SharingAttacksContract} on SQLite. */
@SqliteStore
class SharingAttacksSqliteTest extends SharingAttacksContract {}
