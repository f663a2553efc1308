/**
 * Observables: values extracted from STIX Cyber-observable Objects and from indicator patterns (STIX 2.1 §9, parsed
 * with jcu's own ANTLR grammar), normalised to one canonical form per {@link org.jcu.observable.ObservableKind}, and
 * the correlation index built on them (one row per normalised value and object version, never pairwise), with
 * warninglists, sightings and decay.
 *
 * <p>{@link org.jcu.observable.Normalizer} is the one place that decides canonical forms (RFC 5952 IP text, UTS #46
 * A-labels, RFC 3986 §6.2.2 URLs, ...; decision 0014); {@link org.jcu.observable.IpRange} holds IP addresses and CIDR
 * blocks as bit ranges so that containment never depends on how an address was written. Free text is refanged
 * ({@link org.jcu.observable.Normalizer#refang}) before it is normalised; STIX values never are.
 */
@NullMarked
package org.jcu.observable;

import org.jspecify.annotations.NullMarked;
