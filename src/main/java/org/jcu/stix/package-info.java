/**
 * STIX 2.1 model and wire handling: lossless object trees, identifiers and timestamps, streaming bundle readers
 * (JSON, NDJSON, gzip), schema and semantic validation, and the STIX 2.0 to 2.1 upgrade.
 *
 * <p>Objects are kept as Jackson trees ({@link tools.jackson.databind.node.ObjectNode}) so that every property,
 * custom property and extension survives a round trip; typed accessors live in {@link org.jcu.stix.StixObject}.
 * Source: STIX Version 2.1, OASIS Standard, 10 June 2021 (cited as "STIX 2.1 §n").
 */
@NullMarked
package org.jcu.stix;

import org.jspecify.annotations.NullMarked;
