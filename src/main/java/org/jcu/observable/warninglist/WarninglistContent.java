package org.jcu.observable.warninglist;

import java.util.List;

/**
 * A warninglist with its entries, as read by {@link WarninglistLoader}: the input from which {@link Warninglists}
 * builds its indexes. Immutable.
 *
 * @param warninglist the list's fields; {@link Warninglist#entryCount()} equals {@code entries.size()}
 * @param entries the distinct non-empty entries of {@code list}, in file order, exactly as written (entries are
 *     brought into the compared form only by {@link Warninglists})
 */
public record WarninglistContent(Warninglist warninglist, List<String> entries) {

    public WarninglistContent {
        entries = List.copyOf(entries);
        if (warninglist.entryCount() != entries.size()) {
            throw new IllegalArgumentException("warninglist " + warninglist.id() + " declares "
                    + warninglist.entryCount() + " entries but has " + entries.size());
        }
    }

    /** The list's slug, {@link Warninglist#id()}. */
    public String id() {
        return warninglist.id();
    }

    /** Shows the fields and the entry count, never the (possibly 100 000) entries. */
    @Override
    public String toString() {
        return "WarninglistContent[" + warninglist + "]";
    }
}
