package org.jcu.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link AuditVerifier#verify()}.
 *
 * @param intact   true if the chain is unbroken from entry 1 and its head agrees with the anchor
 * @param entries  entries verified intact: all of them when intact, else those before the first broken one
 * @param brokenAt sequence number of the first broken entry (for a deletion: the first missing one); 0 when intact
 * @param problem  why it is broken, or null when intact
 * @param message  one line for people, naming the entry and the likely cause
 */
public record AuditVerification(
        boolean intact,
        long entries,
        long brokenAt,
        @Nullable Problem problem,
        String message) {

    /** What was found at {@link #brokenAt()}. */
    public enum Problem {
        /** Entries are missing from the sequence (deleted), or an entry has an impossible number (inserted). */
        SEQUENCE_BROKEN("entries were deleted, or one was inserted"),
        /** The entry does not link to its predecessor: one was deleted or inserted and the rest renumbered. */
        PREV_MAC_MISMATCH("the link to the previous entry is broken: entries were deleted, inserted or reordered"),
        /** The entry's fields do not match its MAC: it was edited, or written without the key. */
        MAC_MISMATCH("the entry does not match its MAC: it was edited, or written without the key"),
        /** The chain ends before the entry named by the anchor: the newest entries were deleted. */
        HEAD_BEHIND_ANCHOR("the newest entries were deleted: the log ends before the entry the anchor names"),
        /** The anchored entry has another MAC than the anchor records: the log was rewritten. */
        ANCHOR_MISMATCH("the entry differs from the one the anchor records: the log was rewritten"),
        /** The anchor file is malformed or its HMAC does not match. */
        ANCHOR_INVALID("the anchor file is malformed or does not match its HMAC: it was edited or forged"),
        /** The log has entries but there is no anchor file. */
        ANCHOR_MISSING("the log has entries but the anchor file is missing");

        private final String meaning;

        Problem(String meaning) {
            this.meaning = meaning;
        }

        /** What this problem means, in words. */
        public String meaning() {
            return meaning;
        }
    }

    static AuditVerification intact(long entries, String message) {
        return new AuditVerification(true, entries, 0, null, message);
    }

    static AuditVerification broken(long entries, long brokenAt, Problem problem, String specifics) {
        return new AuditVerification(
                false,
                entries,
                brokenAt,
                problem,
                "audit log BROKEN at entry #" + brokenAt + ": " + problem.meaning() + " (" + specifics + ")");
    }
}
