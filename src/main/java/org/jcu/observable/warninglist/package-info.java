/**
 * MISP warninglists: lists of well-known values (reserved and private IP ranges, cloud and CDN ranges, public DNS
 * resolvers, top domains, hashes of empty files, ...) that mark an observable as a likely false positive or as
 * known-benign infrastructure.
 *
 * <p>The format is the one of {@code MISP/misp-warninglists} ({@code lists/<slug>/list.json}, validated by its
 * {@code schema.json}): {@code name}, {@code version}, {@code description}, {@code type} (one of {@code string},
 * {@code substring}, {@code hostname}, {@code cidr}, {@code regex}), {@code list} and the optional
 * {@code matching_attributes} and {@code category}. {@link org.jcu.observable.warninglist.WarninglistLoader} reads
 * and validates one file or a directory of them; {@link org.jcu.observable.warninglist.Warninglists} is the
 * immutable matcher built once from a set of lists, {@link org.jcu.observable.warninglist.Warninglists#defaults()}
 * the set shipped in the jar (resources {@code warninglists/}, CC0 1.0, see
 * {@code warninglists/LICENSE-misp-warninglists.txt} and {@code warninglists/index.json}).
 *
 * <p>Values are matched in the normalised form {@link org.jcu.observable.ObservableKind} describes; the list entries
 * are brought into the same form when the matcher is built, so the notation used in a list does not matter.
 */
@NullMarked
package org.jcu.observable.warninglist;

import org.jspecify.annotations.NullMarked;
