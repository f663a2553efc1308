package org.jcu.observable.warninglist;

/**
 * A list entry that {@link Warninglists} could not use and left out: a {@code cidr} entry that is not an IP address
 * or CIDR block, or a {@code regex} entry without valid delimiters, with an unsupported flag or that does not
 * compile as a Java regular expression. Immutable.
 *
 * @param listId the list's slug
 * @param entry the entry as written
 * @param reason why it was skipped, e.g. {@code prefix length 33 is outside 0..32}
 */
public record SkippedEntry(String listId, String entry, String reason) {}
