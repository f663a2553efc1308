/**
 * Sightings and decay: STIX 2.1 {@code sighting} objects (§5.5) and a REST shortcut to report one (seen, false
 * positive, expired), source reliability on the admiralty scale, and a decay score per indicator computed for each
 * reader from the sightings that reader may see (decision 0017).
 */
@NullMarked
package org.jcu.sighting;

import org.jspecify.annotations.NullMarked;
