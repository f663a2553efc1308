/**
 * Platform plumbing: configuration properties, first-start bootstrap (platform organisation, admin token, demo
 * data), data-source selection (embedded SQLite or PostgreSQL).
 */
package org.jcu.platform;
