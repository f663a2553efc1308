/**
 * Observables: values extracted from STIX Cyber-observable Objects and from indicator patterns (STIX 2.1 §9, parsed
 * with jcu's own ANTLR grammar), normalised to one canonical form per {@link org.jcu.observable.ObservableKind}, and
 * the correlation index built on them (one row per normalised value and object version, never pairwise), with
 * warninglists, sightings and decay.
 */
@NullMarked
package org.jcu.observable;

import org.jspecify.annotations.NullMarked;
