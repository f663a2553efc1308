package org.jcu.observable;

import java.util.List;

/**
 * The result of {@link Normalizer#refang(String)}: the text with defanged notation undone, and every rewrite made.
 *
 * @param text the refanged text
 * @param changes the rewrites in input order; empty if the text was not defanged
 */
public record Refanged(String text, List<Change> changes) {

    public Refanged {
        changes = List.copyOf(changes);
    }

    /** True if anything was rewritten. */
    public boolean changed() {
        return !changes.isEmpty();
    }

    /**
     * One rewrite.
     *
     * @param offset where {@code from} starts in the input text (UTF-16 index)
     * @param from the defanged notation as found, e.g. {@code [.]} or {@code hXXps}
     * @param to what replaced it, e.g. {@code .} or {@code https}
     */
    public record Change(int offset, String from, String to) {}
}
