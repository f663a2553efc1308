package org.jcu.observable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcu.observable.CorrelationStore.HolderRow;
import org.jcu.observable.CorrelationStore.ValueKey;
import org.jcu.observable.CorrelationStore.ValueRow;
import org.jcu.sharing.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The correlation index (decision 0015): which objects hold a normalised value, which stored IP blocks contain an
 * address and which addresses fall in a block. One row per (value, object version), never one per pair, so storage
 * grows linearly with the observables. Every answer lists only objects the reader's {@link AccessScope} may see
 * ({@code AccessPolicy} in the SQL); values themselves are not secret, the objects holding them are.
 *
 * <p>A value held by more objects than {@code jcu.correlation.over-correlation-threshold} that the reader can see is
 * over-correlating: it is reported with a (capped) count instead of a list.
 *
 * <p>Thread-safety: thread-safe.
 */
@Service
public class Correlations {

    /** Counts of visible holders stop at this number (reported as "at least"). */
    public static final long COUNT_CAP = 10_000;

    /** At most this many values are matched by a CIDR query in batch correlation. */
    public static final int MAX_RANGE_VALUES = 1_000;

    /** At most this many visible (value, object) pairs inside a queried block are listed; more sets truncated. */
    public static final int MAX_RANGE_HOLDERS = 10_000;

    /**
     * The answer of {@link #lookup}.
     *
     * @param correlations per related stored value, its visible holders
     * @param truncated    true if a block held more than {@link #MAX_RANGE_HOLDERS} visible (value, object) pairs
     *     and only the first were listed
     * @param valueId      the stored id of the value asked, null if no object holds it (for its notice)
     */
    public record Lookup(
            List<ValueHolders> correlations,
            boolean truncated,
            @Nullable Long valueId) {}

    private final CorrelationStore store;
    private final CorrelationProperties properties;

    /** Scans of queried blocks running now (see {@link CorrelationProperties#blockScans()}). */
    private final java.util.concurrent.Semaphore blockScans;

    Correlations(CorrelationStore store, CorrelationProperties properties) {
        this.store = store;
        this.properties = properties;
        this.blockScans = new java.util.concurrent.Semaphore(properties.blockScans(), true);
    }

    /** Too many block scans are running; the caller may retry (HTTP 503). */
    public static final class BlockScansBusyException extends RuntimeException {
        BlockScansBusyException(int running) {
            super(running + " block lookups are running (jcu.correlation.block-scans); retry in a few seconds");
        }
    }

    /** The permits of the block scans (tests hold them to see the answer when all are taken). */
    java.util.concurrent.Semaphore blockScans() {
        return blockScans;
    }

    /** An object holding a value, as the reader may see it. */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Holder(String id, String type) {}

    /**
     * Objects holding one stored value, as visible to the reader.
     *
     * @param kind            the value's kind code ({@link ObservableKind#code()})
     * @param value           the normalised value
     * @param relation        {@code equal}, {@code contained-in} (a stored block containing the queried address or
     *     block), {@code contains} (a stored address or block inside the queried block)
     * @param objects         holders, at most the over-correlation threshold; empty when over-correlating
     * @param count           number of visible holders, capped at {@link #COUNT_CAP}
     * @param overCorrelating true if more than the threshold hold it
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ValueHolders(
            String kind, String value, String relation, List<Holder> objects, long count, boolean overCorrelating) {}

    /**
     * Writes the index rows of newly stored object versions; called by the importer inside its transaction.
     *
     * @param versions version position ({@code object_version.seq}) and the values extracted from that version
     */
    public void index(Map<Long, List<NormalizedValue>> versions) {
        List<CorrelationStore.Entry> entries = new ArrayList<>();
        versions.forEach((seq, values) -> {
            for (NormalizedValue v : values) {
                entries.add(new CorrelationStore.Entry(seq, v));
            }
        });
        store.add(entries);
    }

    /** True once the index was ever written (its generation moved), false for a store older than the index. */
    public boolean everIndexed() {
        return store.generationUnscoped() > 0;
    }

    /** Records that the index is complete for the stored versions (after a backfill that found no values too). */
    public void markIndexed() {
        store.bumpGeneration();
    }

    /**
     * Refreshes planner statistics of the index tables after a large import (PostgreSQL plans the holder queries as
     * scans until it knows their size; SQLite's {@code PRAGMA optimize} in the importer covers every table).
     */
    public void refreshStatistics() {
        store.refreshStatistics();
    }

    /**
     * Who holds this value: objects with an equal value and, for IP values, stored blocks containing it and stored
     * addresses/blocks inside it. Values nobody may show the reader are omitted.
     *
     * @throws ObservableException if {@code raw} is not a valid value of {@code kind}
     */
    public Lookup lookup(AccessScope scope, ObservableKind kind, String raw) {
        return lookup(scope, Normalizer.normalize(kind, raw));
    }

    /** {@link #lookup(AccessScope, ObservableKind, String)} of a value already normalised. */
    public Lookup lookup(AccessScope scope, NormalizedValue value) {
        // the same statements whether or not the value (or a block containing it) is stored, so that the answer's
        // timing says as little as its content about values the reader cannot see (decision 0015)
        Long id = store.probe(new ValueKey(value.kind(), value.value()));
        List<ValueRow> related = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        if (id != null) {
            related.add(new ValueRow(id, value.kind(), value.value()));
            relations.add("equal");
        }
        IpRange range = value.range();
        if (range != null) {
            for (ValueRow row : store.containing(range)) {
                related.add(row);
                relations.add("contained-in");
            }
        }
        List<ValueHolders> out = new ArrayList<>();
        addHolders(out, scope, related, relations, null);
        boolean truncated = false;
        if (range != null && !range.isSingleAddress()) {
            truncated = addWithin(out, scope, range, null);
        }
        return new Lookup(out, truncated, id);
    }

    /**
     * Adds the visible holders of values inside {@code range}, grouped by value; true if the list was cut.
     *
     * @throws BlockScansBusyException if {@link CorrelationProperties#blockScans()} scans run for longer than the wait
     */
    private boolean addWithin(List<ValueHolders> out, AccessScope scope, IpRange range, @Nullable String self) {
        CorrelationStore.Within within;
        try {
            if (!blockScans.tryAcquire(properties.blockScanWaitMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new BlockScansBusyException(properties.blockScans());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlockScansBusyException(properties.blockScans());
        }
        try {
            within = store.holdersWithin(scope, range, MAX_RANGE_HOLDERS + 1);
        } finally {
            blockScans.release();
        }
        List<CorrelationStore.RangeHolderRow> rows = within.rows();
        Map<Long, List<Holder>> byValue = new LinkedHashMap<>();
        Map<Long, ValueRow> values = new LinkedHashMap<>();
        for (CorrelationStore.RangeHolderRow row : rows.subList(0, Math.min(rows.size(), MAX_RANGE_HOLDERS))) {
            values.putIfAbsent(row.value().id(), row.value());
            if (!row.stixId().equals(self)) {
                byValue.computeIfAbsent(row.value().id(), k -> new ArrayList<>())
                        .add(new Holder(row.stixId(), row.stixType()));
            }
        }
        int threshold = properties.overCorrelationThreshold();
        byValue.forEach((valueId, holders) -> {
            ValueRow v = values.get(valueId);
            holders.sort(Comparator.comparing(Holder::id));
            boolean over = holders.size() > threshold;
            out.add(new ValueHolders(
                    v.kind().code(), v.value(), "contains", over ? List.of() : holders, holders.size(), over));
        });
        return within.cut();
    }

    /** The stored id of {@code value}, if some object holds it (ids are not secret: they derive from the value). */
    public java.util.Optional<Long> valueId(NormalizedValue value) {
        ValueKey key = new ValueKey(value.kind(), value.value());
        return java.util.Optional.ofNullable(store.resolve(List.of(key)).get(key));
    }

    /**
     * The kinds of the values held by the versions of each of {@code stixIds} the reader may see: id → kinds (ids
     * holding no values are absent).
     */
    public java.util.Map<String, java.util.Set<ObservableKind>> kindsOf(
            AccessScope scope, java.util.Collection<String> stixIds) {
        return store.kindsOf(scope, stixIds);
    }

    /** True if {@code scope} may see some version of {@code stixId}. */
    public boolean visible(AccessScope scope, String stixId) {
        return store.visible(scope, stixId);
    }

    /**
     * The values of object {@code stixId} (its versions the reader may see) and, for each, the other objects holding
     * it or a containing/contained IP value. Empty if the object is not visible.
     */
    public List<ObjectValue> forObject(AccessScope scope, String stixId) {
        List<ObjectValue> out = new ArrayList<>();
        for (CorrelationStore.ObjectValueRow row : store.valuesOf(scope, stixId)) {
            ValueRow v = row.value();
            List<ValueRow> values = new ArrayList<>(List.of(v));
            List<String> relations = new ArrayList<>(List.of("equal"));
            IpRange range = v.kind() == ObservableKind.IP
                    ? Normalizer.normalize(ObservableKind.IP, v.value()).range()
                    : null;
            if (range != null) {
                for (ValueRow c : store.containing(range)) {
                    if (c.id() != v.id()) {
                        values.add(c);
                        relations.add("contained-in");
                    }
                }
            }
            List<ValueHolders> related = new ArrayList<>();
            addHolders(related, scope, values, relations, stixId);
            if (range != null && !range.isSingleAddress()) {
                addWithin(related, scope, range, stixId);
            }
            out.add(new ObjectValue(v.kind().code(), v.value(), row.original(), related));
        }
        return out;
    }

    /**
     * A value held by an object and its correlations.
     *
     * @param original the value as the object wrote it, null when equal to {@code value}
     * @param related  other objects holding it (equal) or a containing/contained IP value; each entry excludes the
     *     object itself
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ObjectValue(
            String kind, String value, @Nullable String original, List<ValueHolders> related) {}

    /**
     * Adds the visible holders of each of {@code values} (with its relation), read in one statement whatever the
     * values are — as many statements for a value whose containing blocks are hidden as for one without blocks
     * (decision 0015) — except {@code self}; a value with more holders than the over-correlation threshold is listed
     * as a count (one more statement, for visible holders only).
     */
    private void addHolders(
            List<ValueHolders> out,
            AccessScope scope,
            List<ValueRow> values,
            List<String> relations,
            @Nullable String self) {
        int threshold = properties.overCorrelationThreshold();
        Map<Long, List<HolderRow>> holders =
                store.holdersOf(scope, values.stream().map(ValueRow::id).toList(), threshold + 2);
        for (int i = 0; i < values.size(); i++) {
            ValueRow row = values.get(i);
            List<Holder> list = new ArrayList<>();
            // an object holds its own values; for a block it may or may not (counted if among the rows read)
            boolean selfHolds = self != null && relations.get(i).equals("equal");
            for (HolderRow r : holders.getOrDefault(row.id(), List.of())) {
                if (r.stixId().equals(self)) {
                    selfHolds = true;
                } else {
                    list.add(new Holder(r.stixId(), r.stixType()));
                }
            }
            if (list.isEmpty()) {
                continue;
            }
            if (list.size() > threshold) {
                long count = store.countHolders(scope, row.id(), COUNT_CAP + 1) - (selfHolds ? 1 : 0);
                out.add(new ValueHolders(
                        row.kind().code(), row.value(), relations.get(i), List.of(), Math.min(count, COUNT_CAP), true));
            } else {
                list.sort(Comparator.comparing(Holder::id));
                out.add(new ValueHolders(row.kind().code(), row.value(), relations.get(i), list, list.size(), false));
            }
        }
    }

    /**
     * Correlates a batch of values against the store (e.g. a new feed before import): for each input, the stored
     * values equal to it or, for IP values, containing it or inside it. Values only, no objects: the reader's view
     * of the holders comes from {@link #lookup}.
     *
     * @return input value → matching stored values (kind, value, relation), inputs without a match omitted
     */
    public Map<NormalizedValue, List<Match>> correlate(List<NormalizedValue> batch) {
        Map<ValueKey, NormalizedValue> keys = new LinkedHashMap<>();
        for (NormalizedValue v : batch) {
            keys.putIfAbsent(new ValueKey(v.kind(), v.value()), v);
        }
        Map<ValueKey, Long> found = store.resolve(keys.keySet());
        Map<NormalizedValue, List<Match>> out = new LinkedHashMap<>();
        found.forEach((k, id) -> out.computeIfAbsent(keys.get(k), x -> new ArrayList<>())
                .add(new Match(k.kind().code(), k.value(), "equal")));
        List<NormalizedValue> blocks = new ArrayList<>();
        for (NormalizedValue v : keys.values()) {
            IpRange range = v.range();
            if (range == null) {
                continue;
            }
            for (ValueRow row : store.containing(range)) {
                out.computeIfAbsent(v, x -> new ArrayList<>())
                        .add(new Match(row.kind().code(), row.value(), "contained-in"));
            }
            if (!range.isSingleAddress()) {
                blocks.add(v);
            }
        }
        List<List<ValueRow>> inside =
                store.withinEach(blocks.stream().map(NormalizedValue::range).toList(), MAX_RANGE_VALUES + 1);
        for (int i = 0; i < blocks.size(); i++) {
            NormalizedValue v = blocks.get(i);
            for (ValueRow row : inside.get(i)) {
                if (!row.value().equals(v.value())) {
                    out.computeIfAbsent(v, x -> new ArrayList<>())
                            .add(new Match(row.kind().code(), row.value(), "contains"));
                }
            }
        }
        return out;
    }

    /** A stored value matching an input value. */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Match(String kind, String value, String relation) {}
}
