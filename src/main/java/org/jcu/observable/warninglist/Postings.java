package org.jcu.observable.warninglist;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A hash index from a compared key (a folded string, a masked network) to the lists and entries holding it; most
 * keys are in one list, so a single posting is stored without an array. Filled while a {@link Warninglists} is
 * built, read-only afterwards.
 *
 * @param <K> the key type
 */
final class Postings<K> {

    /** One list entry under a key: the list's position in {@link Warninglists} and the entry as written. */
    record Posting(int list, String entry) {}

    /** Receives the postings found under a key. */
    @FunctionalInterface
    interface Visitor {
        void visit(int list, String entry);
    }

    private final Map<K, Object> byKey = new HashMap<>();

    /** Adds an entry of {@code list} under {@code key}; the first entry of a list under a key wins. */
    void add(K key, int list, String entry) {
        Posting posting = new Posting(list, entry);
        Object existing = byKey.get(key);
        if (existing == null) {
            byKey.put(key, posting);
        } else if (existing instanceof Posting single) {
            if (single.list() != list) {
                byKey.put(key, new Posting[] {single, posting});
            }
        } else {
            Posting[] several = (Posting[]) existing;
            for (Posting other : several) {
                if (other.list() == list) {
                    return;
                }
            }
            Posting[] grown = Arrays.copyOf(several, several.length + 1);
            grown[several.length] = posting;
            byKey.put(key, grown);
        }
    }

    /** Visits the postings under {@code key}, in the order they were added. */
    void visit(K key, Visitor visitor) {
        Object found = byKey.get(key);
        if (found == null) {
            return;
        }
        if (found instanceof Posting single) {
            visitor.visit(single.list(), single.entry());
        } else {
            for (Posting posting : (Posting[]) found) {
                visitor.visit(posting.list(), posting.entry());
            }
        }
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }
}
