package org.jcu.observable.warninglist;

/**
 * One warninglist that a value is on ({@link Warninglists#match}); at most one hit per list and value. Immutable.
 *
 * @param listId the list's slug ({@link Warninglist#id()})
 * @param listName the list's {@code name}
 * @param type the list's {@code type} wire value: {@code string}, {@code substring}, {@code hostname}, {@code cidr}
 *     or {@code regex}
 * @param matchedEntry the list entry that matched, exactly as written in the list (e.g. {@code 10.0.0.0/8},
 *     {@code .google.com}, {@code /^abuse@.*$/i})
 */
public record WarninglistHit(String listId, String listName, String type, String matchedEntry) {}
