/**
 * The intelligence store: STIX object versions stored once with one holding per submitting organisation, the
 * import pipeline (stream, upgrade, validate, stamp provenance, store), and the read services behind the REST API,
 * TAXII and the CLI.
 *
 * <p>Identity: a version is ({@code id}, {@code modified}); all versions are kept, the newest is the object's
 * latest; an id's new versions are accepted only from its owner (its first submitter). See
 * {@code docs/decisions/0003-holdings-and-versions.md}.
 */
@NullMarked
package org.jcu.intel;

import org.jspecify.annotations.NullMarked;
