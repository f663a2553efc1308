package org.jcu.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jcu.audit.AuditAnchor.Anchored;
import org.jcu.audit.AuditAnchor.InvalidAnchorException;
import org.jcu.audit.AuditVerification.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Verifies the audit log ({@code jcu audit verify}): recomputes every entry's MAC from entry 1 on with the key from
 * the key file, checks that sequence numbers run 1, 2, 3, … without gaps and that each entry links to its
 * predecessor's MAC, then checks the head against the anchor file. Stops at the first broken entry.
 *
 * <p>What each tampering shows as: an edited field → {@link Problem#MAC_MISMATCH} at that entry; a deleted entry →
 * {@link Problem#SEQUENCE_BROKEN} at the first missing number (or {@link Problem#PREV_MAC_MISMATCH} if the rest was
 * renumbered); deleted newest entries → {@link Problem#HEAD_BEHIND_ANCHOR} at the first missing one; a chain
 * recomputed under another key → {@link Problem#MAC_MISMATCH} at entry 1; an edited or forged anchor →
 * {@link Problem#ANCHOR_INVALID}. See {@code docs/decisions/0011-audit-log.md} for what it cannot detect.
 *
 * <p>The anchor is read before the rows, so entries appended while verifying never look like a truncation. Memory
 * stays bounded: rows are read in pages of {@value #PAGE}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
@Service
public final class AuditVerifier {

    static final int PAGE = 1000;

    private final AuditLog log;
    private final AuditStore store;

    AuditVerifier(AuditLog log, AuditStore store) {
        this.log = log;
        this.store = store;
    }

    /**
     * Verifies the whole log.
     *
     * @return intact with the number of entries, or the first broken entry and why
     * @throws UncheckedIOException if the anchor file exists but cannot be read
     */
    public AuditVerification verify() {
        Anchored anchored = null;
        String anchorProblem = null;
        try {
            anchored = log.anchor().read();
        } catch (InvalidAnchorException e) {
            anchorProblem = e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the audit anchor " + log.anchor().file(), e);
        }
        AuditChain chain = new AuditChain(log.key().chainKey());
        long seq = 0;
        String prev = AuditChain.GENESIS;
        @Nullable String anchoredMac = null;
        while (true) {
            List<AuditEntry> page = store.after(seq == 0 ? Long.MIN_VALUE : seq, PAGE);
            for (AuditEntry entry : page) {
                long expected = seq + 1;
                if (entry.seq() > expected) {
                    return AuditVerification.broken(
                            seq,
                            expected,
                            Problem.SEQUENCE_BROKEN,
                            entry.seq() == expected + 1
                                    ? "entry #" + expected + " is missing"
                                    : "entries #" + expected + " to #" + (entry.seq() - 1) + " are missing");
                }
                if (entry.seq() < expected) {
                    return AuditVerification.broken(
                            seq,
                            entry.seq(),
                            Problem.SEQUENCE_BROKEN,
                            "entry #" + entry.seq() + " precedes entry #1; numbering starts at 1");
                }
                if (!prev.equals(entry.prevMac())) {
                    return AuditVerification.broken(
                            seq, expected, Problem.PREV_MAC_MISMATCH, "its prev_mac is not the mac of entry #" + seq);
                }
                if (!chain.mac(prev, entry).equals(entry.mac())) {
                    return AuditVerification.broken(
                            seq,
                            expected,
                            Problem.MAC_MISMATCH,
                            entry.action() + " by " + entry.username() + " at " + entry.loggedAt() + " as stored");
                }
                if (anchored != null && entry.seq() == anchored.head().seq()) {
                    anchoredMac = entry.mac();
                }
                prev = entry.mac();
                seq = expected;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return checkHead(seq, anchored, anchorProblem, anchoredMac);
    }

    private AuditVerification checkHead(
            long entries, @Nullable Anchored anchored, @Nullable String anchorProblem, @Nullable String anchoredMac) {
        if (anchorProblem != null) {
            return AuditVerification.broken(entries, entries, Problem.ANCHOR_INVALID, anchorProblem);
        }
        if (anchored == null) {
            return entries == 0
                    ? AuditVerification.intact(0, "audit log intact: no entries yet")
                    : AuditVerification.broken(
                            entries,
                            entries,
                            Problem.ANCHOR_MISSING,
                            "no anchor file " + log.anchor().file() + " for " + entries + " entries");
        }
        long anchoredSeq = anchored.head().seq();
        if (entries < anchoredSeq) {
            return AuditVerification.broken(
                    entries,
                    entries + 1,
                    Problem.HEAD_BEHIND_ANCHOR,
                    "the log ends at #" + entries + ", the anchor written at " + anchored.anchoredAt() + " names #"
                            + anchoredSeq);
        }
        if (!anchored.head().mac().equals(anchoredMac)) {
            return AuditVerification.broken(
                    entries,
                    anchoredSeq,
                    Problem.ANCHOR_MISMATCH,
                    "the anchor written at " + anchored.anchoredAt() + " records another mac for #" + anchoredSeq);
        }
        return AuditVerification.intact(
                entries,
                "audit log intact: " + entries + (entries == 1 ? " entry" : " entries") + "; entry #" + anchoredSeq
                        + " matches the anchor written at "
                        + anchored.anchoredAt()
                        + (entries > anchoredSeq ? " (" + (entries - anchoredSeq) + " entries appended since)" : ""));
    }
}
