/**
 * Platform plumbing: configuration properties, first-start bootstrap (platform organisation, admin token, demo
 * data), data-source selection (embedded SQLite or PostgreSQL).
 */
@NullMarked
package org.jcu.platform;

import org.jspecify.annotations.NullMarked;
