/**
 * TAXII 2.1 server (OASIS TAXII Version 2.1, 10 June 2021; cited "TAXII 2.1 §n"): discovery, one API root, its
 * collections, and the read endpoints of §5 (objects, object by id, manifest, versions). The write path and the
 * TAXII client come later.
 */
@NullMarked
package org.jcu.taxii;

import org.jspecify.annotations.NullMarked;
