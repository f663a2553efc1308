package org.jcu.intel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcu.sharing.AccessScope;
import org.springframework.stereotype.Service;

/**
 * Read side of the intelligence store, always through the reader's {@link AccessScope}.
 *
 * <p>Thread-safety: stateless.
 */
@Service
public class IntelQueries {

    /** Largest page any listing returns. */
    public static final int MAX_PAGE = 10_000;

    /** A page stops early (with {@code more}) once its objects hold this many characters. */
    public static final long MAX_PAGE_CHARS = 32L * 1024 * 1024;

    private final IntelStore store;

    IntelQueries(IntelStore store) {
        this.store = store;
    }

    /**
     * A listing query.
     *
     * @param types        STIX types to include (empty: all)
     * @param ids          STIX ids to include (empty: all)
     * @param specVersions spec versions to include (empty: all)
     * @param addedAfter   only versions added strictly after this UTC timestamp (fixed-width micros), or null
     * @param versions     which versions per id
     * @param afterSeq     paging position: only versions inserted after it (0 = from the start)
     * @param limit        page size, 1..{@link #MAX_PAGE}
     */
    public record Query(
            List<String> types,
            List<String> ids,
            List<String> specVersions,
            String addedAfter,
            VersionSelector versions,
            long afterSeq,
            int limit) {}

    /**
     * One page of a listing.
     *
     * @param items   versions in insertion order
     * @param more    true if more matching versions follow
     * @param nextSeq paging position to continue from (the last item's {@code seq})
     */
    public record Page(List<StoredVersion> items, boolean more, long nextSeq) {}

    /** Lists versions visible to {@code scope}; pages never skip or repeat a version, whatever their date_added. */
    public Page list(AccessScope scope, Query query) {
        int limit = Math.max(1, Math.min(MAX_PAGE, query.limit()));
        List<StoredVersion> rows = store.listVersions(
                scope,
                new IntelStore.VersionFilter(
                        query.types(),
                        query.ids(),
                        query.specVersions(),
                        query.addedAfter(),
                        query.versions(),
                        query.afterSeq()),
                limit + 1);
        boolean more = rows.size() > limit;
        List<StoredVersion> items = more ? rows.subList(0, limit) : rows;
        items = ReferenceRedactor.redact(store, scope, items);
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            bytes += items.get(i).content().length();
            if (bytes > MAX_PAGE_CHARS && i > 0) {
                items = items.subList(0, i);
                more = true;
                break;
            }
        }
        long next =
                items.isEmpty() ? query.afterSeq() : items.get(items.size() - 1).seq();
        return new Page(List.copyOf(items), more, next);
    }

    /** The newest version of {@code id} visible to {@code scope}. */
    public Optional<StoredVersion> latest(AccessScope scope, String id) {
        return ReferenceRedactor.redact(
                        store,
                        scope,
                        store.listVersions(
                                scope,
                                new IntelStore.VersionFilter(null, List.of(id), null, null, VersionSelector.LAST, 0),
                                1))
                .stream()
                .findFirst();
    }

    /** Every version of {@code id} visible to {@code scope}, in insertion order. */
    public List<StoredVersion> versions(AccessScope scope, String id) {
        return ReferenceRedactor.redact(
                store,
                scope,
                store.listVersions(
                        scope,
                        new IntelStore.VersionFilter(null, List.of(id), null, null, VersionSelector.ALL, 0),
                        MAX_PAGE));
    }

    /** Latest versions per STIX type visible to {@code scope}, sorted by type. */
    public Map<String, Long> countsByType(AccessScope scope) {
        return store.countLatestByType(scope);
    }

    /** Relationships and sightings (latest versions) whose refs name {@code id}, visible to {@code scope}. */
    public List<StoredVersion> referencing(AccessScope scope, String id, int limit) {
        // after redaction, a list ref to an object the reader cannot see is gone: such a match must not be returned
        // (it would confirm that the hidden id exists)
        String quoted = "\"" + id + "\"";
        return ReferenceRedactor.redact(
                        store, scope, store.referencing(scope, id, Math.max(1, Math.min(MAX_PAGE, limit))))
                .stream()
                .filter(v -> v.content().contains(quoted))
                .toList();
    }

    /**
     * Sightings ({@code sighting_of_ref} = {@code id}, latest visible versions) that {@code scope} may see, newest
     * first, at most {@code limit}.
     */
    public List<StoredVersion> sightingsOf(AccessScope scope, String id, int limit) {
        return store.referencingBy(scope, id, "sighting_of_ref", Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    /**
     * {@link #sightingsOf(AccessScope, String, int)} for several ids at once: id → its sightings, newest first, at most
     * {@code limit} each; ids without visible sightings are absent.
     */
    public java.util.Map<String, List<StoredVersion>> sightingsOf(
            AccessScope scope, java.util.Collection<String> ids, int limit) {
        return store.referencingByAll(scope, ids, "sighting_of_ref", Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    /** Which of {@code ids} the reader may see a version of (one query per 500 ids). */
    public java.util.Set<String> visibleIds(AccessScope scope, java.util.Collection<String> ids) {
        return store.visibleIds(scope, ids);
    }

    /**
     * The organisations that own {@code ids} (their first submitters): id → owner, for the ids the reader may see; for
     * services that weigh a source (decay), never shown to readers as such.
     */
    public java.util.Map<String, String> ownersOf(AccessScope scope, java.util.Collection<String> ids) {
        return store.ownersOf(scope, ids);
    }

    /**
     * The handling of the latest version of {@code id} that {@code scope} may see: per granting holding its TLP, PAP,
     * when it was received, and for the reader's own holding its distribution (decision 0007: TLP and PAP are shown to
     * recipients). Empty if the reader may not see the object.
     */
    public List<Map<String, Object>> handling(AccessScope scope, String id) {
        return latest(scope, id)
                .map(v -> store.handling(scope, id, v.versionKey()))
                .orElse(List.of());
    }
}
