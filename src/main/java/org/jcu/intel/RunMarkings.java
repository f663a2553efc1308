package org.jcu.intel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jcu.sharing.HoldingSharing;
import org.jcu.sharing.Markings;
import org.jcu.sharing.Pap;
import org.jcu.sharing.Tlp;
import org.jcu.stix.StixJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One import's view of markings (decision 0007, write-time rules): resolves each object's TLP/PAP from its
 * {@code object_marking_refs}, learns custom marking definitions as they arrive, and after the last batch fixes what
 * streaming could not know yet — references to marking definitions that came later in the input, and containers
 * (report, grouping) whose markings are stricter than the members submitted with them.
 *
 * <p>Memory: one {@code long} per holding created by the import, plus the ref lists of its containers.
 *
 * <p>Thread-safety: used by the import's storing thread only.
 */
final class RunMarkings {

    /** Container types whose members take the container's markings when stricter. */
    static final Set<String> CONTAINERS = Set.of("report", "grouping");

    /** An object's resolved markings: null members fall back to the import's defaults. */
    record Resolved(
            @Nullable Tlp tlp, @Nullable Pap pap, @Nullable String euciMarking) {}

    private final IntelStore store;
    private final String orgId;
    private final HoldingSharing sharing;
    private final Map<String, Markings.Meaning> meanings = new HashMap<>();
    private final Set<String> notYetKnown = new LinkedHashSet<>();
    private long[] created = new long[1024];
    private int createdCount;
    private final List<Container> containers = new ArrayList<>();
    private @Nullable String euciDefinition;

    private record Container(long seq, List<String> members) {}

    RunMarkings(IntelStore store, String orgId, HoldingSharing sharing) {
        this.store = store;
        this.orgId = orgId;
        this.sharing = sharing;
    }

    /** Records what a marking definition in the input means (before objects after it are resolved). */
    Markings.Meaning learn(JsonNode definition) {
        Markings.Meaning meaning = Markings.classify(definition);
        String id = definition.get("id").stringValue();
        meanings.put(id, meaning);
        if (meaning.euci() && euciDefinition == null) {
            euciDefinition = id;
        }
        return meaning;
    }

    /** Notes an EUCI marking definition that failed validation: the whole input is refused all the same. */
    void refuseInput(String definitionId) {
        if (euciDefinition == null) {
            euciDefinition = definitionId;
        }
    }

    /** The most restrictive TLP and PAP among {@code refs}, and the first EUCI marking among them. */
    Resolved resolve(List<String> refs) {
        Tlp tlp = null;
        Pap pap = null;
        String euci = null;
        for (String ref : refs) {
            Markings.Meaning meaning = meaning(ref);
            if (meaning.tlp().isPresent()) {
                tlp = tlp == null
                        ? meaning.tlp().get()
                        : Tlp.mostRestrictive(tlp, meaning.tlp().get());
            }
            if (meaning.pap().isPresent()) {
                pap = pap == null
                        ? meaning.pap().get()
                        : Pap.mostRestrictive(pap, meaning.pap().get());
            }
            if (meaning.euci() && euci == null) {
                euci = ref;
            }
        }
        return new Resolved(tlp, pap, euci);
    }

    /** Notes a holding created by this import; {@code container} carries its member ids if it is a container. */
    void created(long seq, @Nullable List<String> containerMembers) {
        if (createdCount == created.length) {
            created = Arrays.copyOf(created, created.length * 2);
        }
        created[createdCount++] = seq;
        if (containerMembers != null && !containerMembers.isEmpty()) {
            containers.add(new Container(seq, containerMembers));
        }
    }

    /**
     * Applies what was learnt after the fact, within the import's transaction.
     *
     * @return an error if a holding of this import references a marking definition found to be EUCI, else null
     */
    @Nullable
    String finish() {
        if (euciDefinition != null) {
            // whatever refers to it (object or granular markings, before or after it), the input is EUCI material
            return "the input contains marking definition " + euciDefinition + ", which marks EU classified"
                    + " information (EUCI); the platform is not accredited for EUCI and refuses the whole input";
        }
        long[] seqs = Arrays.copyOf(created, createdCount);
        Arrays.sort(seqs);
        for (String ref : notYetKnown) {
            Markings.Meaning meaning = meanings.get(ref);
            if (meaning == null || meaning.isEmpty()) {
                continue;
            }
            for (long seq : store.holdingsMarkedUnscoped(orgId, ref)) {
                if (Arrays.binarySearch(seqs, seq) < 0) {
                    continue;
                }
                if (meaning.euci()) {
                    return "an object references marking definition " + ref
                            + ", which marks EU classified information (EUCI); the platform is not accredited for"
                            + " EUCI and refuses the whole input";
                }
                tighten(seq, meaning.tlp().orElse(null), meaning.pap().orElse(null));
            }
        }
        // containers inside containers: repeat until nothing tightens, so the bundle's order does not matter
        boolean changed = true;
        for (int pass = 0; changed && pass <= containers.size(); pass++) {
            changed = false;
            for (Container container : containers) {
                String[] labels = store.holdingMarkingsUnscoped(container.seq(), orgId);
                Tlp tlp = Tlp.of(labels[0]);
                Pap pap = labels[1] == null ? null : Pap.of(labels[1]);
                for (long seq : store.versionSeqsUnscoped(new HashSet<>(container.members()))) {
                    if (seq != container.seq() && Arrays.binarySearch(seqs, seq) >= 0) {
                        changed |= tighten(seq, tlp, pap);
                    }
                }
            }
        }
        return null;
    }

    private boolean tighten(long seq, @Nullable Tlp tlp, @Nullable Pap pap) {
        String[] labels = store.holdingMarkingsUnscoped(seq, orgId);
        Tlp current = Tlp.of(labels[0]);
        Pap currentPap = labels[1] == null ? null : Pap.of(labels[1]);
        Tlp newTlp = tlp == null ? current : Tlp.mostRestrictive(current, tlp);
        Pap newPap = pap == null ? currentPap : currentPap == null ? pap : Pap.mostRestrictive(currentPap, pap);
        if (newTlp != current || newPap != currentPap) {
            store.updateHoldingMarkings(seq, orgId, newTlp.label(), newPap == null ? null : newPap.label());
            return true;
        }
        return false;
    }

    private Markings.Meaning meaning(String ref) {
        Optional<Tlp> wellKnown = Tlp.ofMarkingId(ref);
        if (wellKnown.isPresent()) {
            return new Markings.Meaning(wellKnown, Optional.empty(), false);
        }
        Markings.Meaning known = meanings.get(ref);
        if (known != null) {
            return known;
        }
        Markings.Meaning stored = store.markingDefinitionHeldBy(ref, orgId)
                .map(content -> Markings.classify(StixJson.parse(content)))
                .orElse(null);
        if (stored == null) {
            notYetKnown.add(ref);
            stored = new Markings.Meaning(Optional.empty(), Optional.empty(), false);
        }
        meanings.put(ref, stored);
        return stored;
    }

    /** The import's sharing decision. */
    HoldingSharing sharing() {
        return sharing;
    }
}
