package org.jcu.observable.warninglist;

import java.util.List;

/** Small in-memory warninglists for tests. */
final class Lists {

    private Lists() {}

    static WarninglistContent list(
            String id, WarninglistType type, List<String> matchingAttributes, String... entries) {
        return new WarninglistContent(
                new Warninglist(
                        id,
                        "List " + id,
                        1,
                        "test list " + id,
                        type,
                        WarninglistCategory.FALSE_POSITIVE,
                        matchingAttributes,
                        entries.length),
                List.of(entries));
    }
}
