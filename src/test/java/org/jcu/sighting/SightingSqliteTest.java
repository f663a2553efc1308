package org.jcu.sighting;

import org.jcu.test.SqliteStore;

/** {@link SightingContract} on embedded SQLite. */
@SqliteStore
class SightingSqliteTest extends SightingContract {}
