package org.jcu.intel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.jcu.intel.IntelStore.Known;
import org.jcu.intel.IntelStore.NewHolding;
import org.jcu.intel.IntelStore.NewRef;
import org.jcu.intel.IntelStore.NewTarget;
import org.jcu.intel.IntelStore.NewVersion;
import org.jcu.intel.IntelStore.StoredRef;
import org.jcu.observable.Correlations;
import org.jcu.observable.NormalizedValue;
import org.jcu.observable.ObservableExtractor;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.HoldingSharing;
import org.jcu.sharing.Markings;
import org.jcu.sharing.Pap;
import org.jcu.sharing.Tlp;
import org.jcu.sharing.UserRole;
import org.jcu.stix.MalformedInputException;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixObject;
import org.jcu.stix.StixObjectReader;
import org.jcu.stix.StixTimestamps;
import org.jcu.stix.StixUpgrade;
import org.jcu.stix.StixValidator;
import org.jcu.stix.VersionIdHash;
import org.jcu.stix.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import pipeline: stream objects, upgrade STIX 2.0, validate (schema + semantics), stamp provenance, store
 * versions idempotently, record the organisation's holding, index relationship/sighting references.
 *
 * <p>Rules (see {@code docs/decisions/0003-holdings-and-versions.md}):
 * <ul>
 *   <li>a version is (id, modified); re-importing an identical version is a no-op ({@code unchanged});</li>
 *   <li>the same version with different content is refused as {@code version-conflict};</li>
 *   <li>an older version is stored but never replaces the newer latest;</li>
 *   <li>new versions of an id are accepted only from the organisation that owns it (its first submitter), others are
 *       refused as {@code not-owner}; an identical existing version may be held by any organisation;</li>
 *   <li>one input is one transaction: unless {@link ImportOptions#partial()} is set, any refused object rolls the
 *       whole input back; malformed JSON always does.</li>
 * </ul>
 *
 * <p>Thread-safety: imports are serialised by an internal lock (SQLite has one writer; ordered insertion keeps TAXII
 * paging positions monotonic).
 */
@Service
public class ImportService {

    /** At most this many violations are listed in a report (all are counted). */
    public static final int MAX_REPORTED = 1000;

    /**
     * Objects per batch. Small on purpose: the live batches are what every young GC copies, and with a 256 MiB heap
     * 250 gave 28 k indicators/s against 23 k with 1,000–2,000 (three times less GC pause; docs/BENCHMARKS.md).
     */
    static final int BATCH = 250;
    /**
     * Imports adding at least this many versions refresh the planner statistics afterwards and, on PostgreSQL, have
     * the imported tables VACUUMed in the background (decision 0019); on SQLite, imports storing at least this many
     * objects run with the large page cache and commit with the WAL checkpoint deferred to the background (decisions
     * 0018, 0019).
     */
    static final int STATISTICS_THRESHOLD = 1000;
    /**
     * Prepared batches queued ahead of the one being stored; with the batch being parsed and one waiting for room,
     * at most {@code PIPELINE_DEPTH + 3} batches are in memory.
     */
    static final int PIPELINE_DEPTH = 2;

    private static final CompletableFuture<List<Run.Prepared>> END_OF_INPUT = new CompletableFuture<>();
    static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private static final Set<String> INDEXED_REFS =
            Set.of("source_ref", "target_ref", "sighting_of_ref", "where_sighted_refs", "observed_data_refs");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportService.class);
    /** CPU time of the pipeline's threads, for the DEBUG phase timers (docs/BENCHMARKS.md). */
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static final boolean CPU_TIMES = CPU.isCurrentThreadCpuTimeSupported();

    /** This thread's CPU time in nanoseconds, or 0 where the JVM cannot tell. */
    private static long cpuNow() {
        return CPU_TIMES ? CPU.getCurrentThreadCpuTime() : 0;
    }

    private final IntelStore store;
    private final Correlations correlations;
    private final org.jcu.sharing.Directory directory;
    private static final ObservableExtractor.Extraction NO_OBSERVABLES =
            new ObservableExtractor.Extraction(List.of(), List.of(), null);
    private final TransactionTemplate transactions;
    private final StixValidator validator = new StixValidator();
    private final java.time.Clock clock;
    private final org.jcu.sharing.AccessScopes scopes;
    private final org.jcu.platform.StoreMaintenance maintenance;
    private final ReentrantLock lock = new ReentrantLock();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "jcu-import-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
        Thread thread = new Thread(runnable, "jcu-import-worker");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(
            IntelStore store,
            PlatformTransactionManager transactionManager,
            java.time.Clock clock,
            org.jcu.sharing.AccessScopes scopes,
            Correlations correlations,
            org.jcu.sharing.Directory directory,
            org.jcu.platform.StoreMaintenance maintenance) {
        this.store = store;
        this.maintenance = maintenance;
        this.directory = directory;
        this.correlations = correlations;
        this.scopes = scopes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Imports every object of {@code reader}.
     *
     * @param reader   the input; read to its end (or to its first malformed byte)
     * @param options  submitting organisation, source label, partial mode
     * @param progress called with the number of objects read so far after each batch (may be a no-op)
     * @return the outcome; never throws for bad input (the report carries it)
     */
    public ImportReport importObjects(StixObjectReader reader, ImportOptions options, LongConsumer progress) {
        long started = System.nanoTime();
        lock.lock();
        try {
            Run run = new Run(options);
            try {
                transactions.executeWithoutResult(status -> run.execute(reader, progress, status));
            } catch (MalformedInputException e) {
                run.error = e.getMessage();
                run.committed = false;
            }
            ImportReport report = run.report(reader, (System.nanoTime() - started) / 1e9);
            if (report.committed() && report.imported() >= STATISTICS_THRESHOLD) {
                store.refreshStatistics();
                correlations.refreshStatistics();
                maintenance.afterLargeImport();
            }
            return report;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker threads when the application context closes. */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        workers.shutdown();
        readers.shutdown();
    }

    /** One import's mutable state. */
    private final class Run {
        private final ImportOptions options;
        private final AtomicLong read = new AtomicLong();
        private long imported;
        private long unchanged;
        private long rejected;
        private long upgraded;
        private final Map<String, Long> byType = new TreeMap<>();
        private final List<Violation> violations = new ArrayList<>();
        private final List<Violation> warnings = new ArrayList<>();
        private long notIndexed;
        private String error;
        private boolean committed;
        private long storeNanos;
        private long storeCpuNanos;
        private volatile long readerCpuNanos;
        private final AtomicLong prepareCpuNanos = new AtomicLong();
        private long waitNanos;
        private final java.util.concurrent.atomic.AtomicLong prepareNanos =
                new java.util.concurrent.atomic.AtomicLong();

        private final RunMarkings markings;
        private final String submitterName;
        private final Map<String, Boolean> visibleToSubmitter = new HashMap<>();
        private org.jcu.sharing.AccessScope submitterScope;

        Run(ImportOptions options) {
            this.options = options;
            this.submitterName = directory
                    .organization(options.orgId())
                    .map(org.jcu.sharing.Directory.Organization::name)
                    .orElse("");
            this.markings = new RunMarkings(store, options.orgId(), options.sharing());
        }

        /**
         * Three-stage pipeline: a reader thread parses batches and hands each to the worker pool (upgrade, validate,
         * serialise, hash); this thread, which owns the transaction, stores prepared batches in input order. At most
         * {@link #PIPELINE_DEPTH} batches are in flight, which bounds memory.
         */
        void execute(StixObjectReader reader, LongConsumer progress, TransactionStatus status) {
            store.lockWriters();
            boolean largeImport = false;
            BlockingQueue<CompletableFuture<List<Prepared>>> ready = new ArrayBlockingQueue<>(PIPELINE_DEPTH);
            AtomicBoolean aborted = new AtomicBoolean();
            CompletableFuture<Void> reading =
                    CompletableFuture.runAsync(() -> readBatches(reader, ready, aborted), readers);
            long stored = 0;
            try {
                while (true) {
                    CompletableFuture<List<Prepared>> next = take(ready, reading);
                    if (next == END_OF_INPUT) {
                        break;
                    }
                    List<Prepared> batch = join(next);
                    long t0 = System.nanoTime();
                    long cpu0 = cpuNow();
                    store(batch);
                    storeNanos += System.nanoTime() - t0;
                    storeCpuNanos += cpuNow() - cpu0;
                    stored += batch.size();
                    if (!largeImport && stored >= STATISTICS_THRESHOLD) {
                        // a large import: a bigger page cache, and its commit leaves the checkpoint to the background
                        store.prepareLargeImport();
                        largeImport = true;
                    }
                    progress.accept(stored);
                }
                reading.join();
            } finally {
                aborted.set(true);
                ready.clear();
                awaitQuietly(reading);
            }
            String markingError = markings.finish();
            if (markingError != null) {
                status.setRollbackOnly();
                error = options.source() + ": " + markingError;
                committed = false;
                return;
            }
            if (rejected > 0 && !options.partial()) {
                status.setRollbackOnly();
                committed = false;
            } else {
                committed = imported > 0;
            }
        }

        private void readBatches(
                StixObjectReader reader,
                BlockingQueue<CompletableFuture<List<Prepared>>> ready,
                AtomicBoolean aborted) {
            long cpu0 = cpuNow();
            try {
                List<ObjectNode> batch = new ArrayList<>(BATCH);
                ObjectNode node;
                while (!aborted.get() && (node = reader.next()) != null) {
                    batch.add(node);
                    if (batch.size() == BATCH) {
                        put(ready, prepareAsync(batch), aborted);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    put(ready, prepareAsync(batch), aborted);
                }
                readerCpuNanos = cpuNow() - cpu0;
                put(ready, END_OF_INPUT, aborted);
            } catch (RuntimeException e) {
                put(ready, CompletableFuture.failedFuture(e), aborted);
            } catch (OutOfMemoryError e) {
                put(
                        ready,
                        CompletableFuture.failedFuture(new MalformedInputException(
                                options.source() + ": an object is too large to import with this heap ("
                                        + e.getMessage() + ")",
                                e)),
                        aborted);
            } catch (Error e) {
                put(
                        ready,
                        CompletableFuture.failedFuture(new IllegalStateException("import reader failed", e)),
                        aborted);
                throw e;
            }
        }

        /** Lets the reader thread finish before the caller closes its input (bounded: it checks the abort flag). */
        private void awaitQuietly(CompletableFuture<Void> reading) {
            try {
                reading.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.debug("import reader ended with {}", e.toString());
            }
        }

        private void put(
                BlockingQueue<CompletableFuture<List<Prepared>>> queue,
                CompletableFuture<List<Prepared>> item,
                AtomicBoolean aborted) {
            try {
                while (!aborted.get() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    // the consumer is busy storing; wait for room unless the import was abandoned
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private CompletableFuture<List<Prepared>> take(
                BlockingQueue<CompletableFuture<List<Prepared>>> queue, CompletableFuture<Void> reading) {
            long t0 = System.nanoTime();
            try {
                while (true) {
                    CompletableFuture<List<Prepared>> next = queue.poll(1, TimeUnit.SECONDS);
                    if (next != null) {
                        return next;
                    }
                    if (reading.isDone() && queue.isEmpty()) {
                        throw new IllegalStateException("the import reader stopped without finishing the input");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } finally {
                waitNanos += System.nanoTime() - t0;
            }
        }

        /** Upgrades, validates, serialises and hashes a batch on the worker pool, in slices, keeping order. */
        private CompletableFuture<List<Prepared>> prepareAsync(List<ObjectNode> batch) {
            long base = read.getAndAdd(batch.size());
            int slices = WORKERS;
            int size = (batch.size() + slices - 1) / slices;
            List<CompletableFuture<List<Prepared>>> parts = new ArrayList<>();
            for (int from = 0; from < batch.size(); from += size) {
                int start = from;
                int end = Math.min(batch.size(), from + size);
                parts.add(CompletableFuture.supplyAsync(
                        () -> {
                            long t0 = System.nanoTime();
                            long cpu0 = cpuNow();
                            List<Prepared> out = new ArrayList<>(end - start);
                            for (int i = start; i < end; i++) {
                                out.add(prepare(batch.get(i), base + i));
                            }
                            prepareNanos.addAndGet(System.nanoTime() - t0);
                            prepareCpuNanos.addAndGet(cpuNow() - cpu0);
                            return out;
                        },
                        workers));
            }
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                    .thenApply(done -> {
                        List<Prepared> all = new ArrayList<>(batch.size());
                        parts.forEach(part -> all.addAll(part.join()));
                        return all;
                    });
        }

        private List<Prepared> join(CompletableFuture<List<Prepared>> future) {
            long t0 = System.nanoTime();
            try {
                return joinUnwrapped(future);
            } finally {
                waitNanos += System.nanoTime() - t0;
            }
        }

        private List<Prepared> joinUnwrapped(CompletableFuture<List<Prepared>> future) {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** CPU stage (parallel): upgrade, validate, serialise, hash. */
        private record Prepared(
                ObjectNode node,
                Header object,
                boolean upgraded,
                List<Violation> violations,
                String content,
                String hash,
                String versionKey,
                String markings,
                List<String> markingRefs,
                List<String> containerMembers,
                List<Ref> refs,
                ObservableExtractor.Extraction observables) {}

        /**
         * The common properties the writer needs, read on the worker: the writer never walks the object tree, which
         * another thread built (measured: reading them there was a third of the writer's own CPU).
         */
        private record Header(
                String id,
                long idHash,
                String type,
                String specVersion,
                String created,
                String modified,
                boolean revoked) {

            static Header of(StixObject object) {
                return new Header(
                        object.id(),
                        object.id() == null ? 0 : VersionIdHash.of(object.id()),
                        object.type(),
                        object.specVersion(),
                        object.created(),
                        object.modified(),
                        object.revoked());
            }

            /** {@code modified}, else {@code created}, else null (as {@link StixObject#versionTimestamp()}). */
            String versionTimestamp() {
                return modified != null ? modified : created;
            }
        }

        /** One indexed reference of a relationship or sighting ({@link #INDEXED_REFS}). */
        private record Ref(String name, String target) {}

        private void store(List<Prepared> prepared) {
            Map<String, Long> ids = new HashMap<>();
            for (Prepared p : prepared) {
                if (p.violations().isEmpty()) {
                    ids.put(p.object().id(), p.object().idHash());
                }
            }
            IntelStore.Probe probe = store.knownUnscoped(ids, options.orgId());
            Map<String, Known> known = probe.known();
            Set<String> takenKeys = probe.takenKeys(); // grows with this batch's new versions
            String now = StixTimestamps.micros(clock.instant());

            List<NewVersion> newVersions = new ArrayList<>();
            List<Prepared> accepted = new ArrayList<>();
            List<RunMarkings.Resolved> resolvedMarkings = new ArrayList<>();
            List<Long> existingSeqs = new ArrayList<>();
            for (Prepared p : prepared) {
                if (p.upgraded()) {
                    upgraded++;
                }
                if (!p.violations().isEmpty()) {
                    if (p.violations().stream().anyMatch(v -> "euci-refused".equals(v.rule()))
                            && "marking-definition".equals(p.object().type())) {
                        markings.refuseInput(p.object().id());
                    }
                    reject(p.violations());
                    continue;
                }
                Header object = p.object();
                String id = object.id();
                if ("marking-definition".equals(object.type())
                        && markings.learn(p.node()).euci()) {
                    reject(List.of(euci(id, "/definition", "this marking definition marks EU classified information")));
                    continue;
                }
                RunMarkings.Resolved resolved = markings.resolve(p.markingRefs());
                if (resolved.euciMarking() != null) {
                    reject(List.of(euci(
                            id,
                            "/object_marking_refs",
                            "marked with " + resolved.euciMarking() + ", an EU classified information marking")));
                    continue;
                }
                Known head = known.get(id);
                StoredRef existing = head == null ? null : head.versions().get(p.versionKey());
                boolean conflict = existing != null && !existing.hash().equals(p.hash());
                boolean foreign =
                        existing == null && head != null && !head.ownerOrg().equals(options.orgId());
                String owner = head == null ? options.orgId() : head.ownerOrg();
                if ((conflict || foreign) && object.modified() == null && object.created() == null) {
                    StoredRef stored = head.versions().get(variant(p).versionKey());
                    if (stored != null) {
                        // these bytes are stored already as a variant of this versionless id (below): that version,
                        // whoever may see what — else a second import of them would answer a conflict the first
                        // did not, telling that another organisation holds the id (decision 0010)
                        p = variant(p);
                        existing = stored;
                        conflict = false;
                        foreign = false;
                    }
                }
                if ((conflict || foreign) && !canSee(id)) {
                    // the id exists but the submitter may not see it: answer nothing that confirms that (decision 0010)
                    if (object.modified() == null && object.created() == null) {
                        // a versionless object (SCO, deterministic id): the submitter's content is kept as its own
                        // variant, exactly as if the id were new
                        p = variant(p);
                        existing = head.versions().get(p.versionKey());
                        conflict = false;
                        foreign = false;
                        owner = options.orgId();
                    } else {
                        reject(List.of(unavailable(id)));
                        continue;
                    }
                }
                if (conflict && !owner.equals(options.orgId()) && object.versionTimestamp() != null) {
                    // only the owner adds versions: another organisation's changed copy of a stored version is
                    // answered as any version it may not add, whether it may see the stored one or not — else the
                    // answer would tell a hidden version's timestamp (decision 0010)
                    conflict = false;
                    foreign = true;
                }
                if (conflict) {
                    reject(List.of(new Violation(
                            id,
                            "/modified",
                            "version-conflict",
                            "version "
                                    + (object.versionTimestamp() == null ? "(no modified)" : object.versionTimestamp())
                                    + " is already stored with different content;"
                                    + " a changed object needs a new 'modified'")));
                    continue;
                }
                if (foreign) {
                    reject(List.of(new Violation(
                            id,
                            "/id",
                            "not-owner",
                            "id is owned by another organisation;"
                                    + " only its owner (first submitter) may add versions")));
                    continue;
                }
                if (head != null && head.heldByOrg().contains(p.versionKey())) {
                    unchanged++;
                    continue;
                }
                if (existing == null && !takenKeys.add(object.idHash() + " " + p.versionKey())) {
                    // another id with the same 64-bit key already has this version key (decision 0020): answered as
                    // an unavailable id, which says nothing about the other object
                    reject(List.of(unavailable(id)));
                    continue;
                }
                if (head == null) {
                    head = new Known(options.orgId(), new HashMap<>(), new HashSet<>());
                    known.put(id, head);
                }
                if (existing == null) {
                    newVersions.add(new NewVersion(
                            id,
                            p.versionKey(),
                            object.type(),
                            owner,
                            object.specVersion(),
                            object.modified(),
                            object.created(),
                            object.revoked(),
                            p.upgraded() ? "2.0" : null,
                            p.hash(),
                            p.content(),
                            object.idHash()));
                    head.versions().put(p.versionKey(), new StoredRef(-1, p.hash()));
                    existingSeqs.add(-1L);
                } else {
                    existingSeqs.add(existing.seq());
                }
                accepted.add(p);
                resolvedMarkings.add(resolved);
                head.heldByOrg().add(p.versionKey());
                imported++;
                byType.merge(object.type(), 1L, Long::sum);
            }
            Map<String, Long> seqs = newVersions.isEmpty() ? Map.of() : store.insertVersions(newVersions, now);
            Map<Long, List<String>> receivedFromOthers = receivedFromOthers(existingSeqs);
            List<NewHolding> newHoldings = new ArrayList<>(accepted.size());
            List<Long> released = new ArrayList<>();
            List<NewTarget> newTargets = new ArrayList<>();
            List<NewRef> newRefs = new ArrayList<>();
            Map<Long, List<NormalizedValue>> newObservables = new HashMap<>();
            for (int i = 0; i < accepted.size(); i++) {
                Prepared p = accepted.get(i);
                long seq = existingSeqs.get(i);
                if (seq >= 0) {
                    released.add(seq);
                    // already stored (and indexed) for another holder: the values that do not normalise are reported
                    // all the same, or their absence would tell that the version exists (decision 0010)
                    reportNotIndexed(p.observables());
                }
                if (seq < 0) {
                    Long assigned = seqs.get(p.object().id() + " " + p.versionKey());
                    if (assigned == null) {
                        throw new IllegalStateException("the store assigned no position to "
                                + p.object().id() + " version " + p.versionKey());
                    }
                    seq = assigned;
                    for (Ref ref : p.refs()) {
                        newRefs.add(new NewRef(seq, ref.name(), ref.target()));
                    }
                    collectObservables(seq, p.observables(), newObservables);
                    known.get(p.object().id()).versions().put(p.versionKey(), new StoredRef(seq, p.hash()));
                }
                RunMarkings.Resolved resolved = resolvedMarkings.get(i);
                HoldingSharing sharing = options.sharing();
                Tlp tlp = resolved.tlp() != null ? resolved.tlp() : sharing.defaultTlp();
                List<String> received = receivedFromOthers.get(seq);
                if (received != null) {
                    // never loosened: a recipient re-sharing what it received keeps at least the label it got it
                    // under, and cannot pass AMBER, AMBER+STRICT or RED on at all (decision 0010)
                    Tlp got = received.stream()
                            .map(Tlp::of)
                            .min(Comparator.naturalOrder())
                            .orElseThrow();
                    tlp = Tlp.mostRestrictive(tlp, got);
                    if (got.compareTo(Tlp.AMBER) >= 0) {
                        sharing = new HoldingSharing(
                                Distribution.ORGANISATION_ONLY,
                                List.of(),
                                List.of(),
                                List.of(),
                                sharing.defaultTlp(),
                                sharing.defaultPap());
                    }
                }
                Pap pap = resolved.pap() != null ? resolved.pap() : sharing.defaultPap();
                newHoldings.add(new NewHolding(
                        seq,
                        options.orgId(),
                        now,
                        options.source(),
                        p.markings(),
                        tlp.label(),
                        pap == null ? null : pap.label(),
                        sharing.distribution().name()));
                addTargets(seq, sharing, newTargets);
                markings.created(seq, p.containerMembers());
            }
            if (!newHoldings.isEmpty()) {
                store.insertHoldings(newHoldings);
            }
            if (!released.isEmpty()) {
                // another organisation now holds versions stored before: whoever it shares them with gets them now
                store.announceSeqs(released, now);
            }
            if (!newTargets.isEmpty()) {
                store.insertTargets(newTargets);
            }
            if (!newRefs.isEmpty()) {
                store.insertRefs(newRefs);
            }
            if (!newObservables.isEmpty()) {
                correlations.index(newObservables);
            }
        }

        /** Values of a newly stored version for the correlation index; values that do not normalise are reported. */
        private void collectObservables(
                long seq, ObservableExtractor.Extraction extraction, Map<Long, List<NormalizedValue>> out) {
            if (!extraction.values().isEmpty()) {
                out.put(seq, extraction.values());
            }
            reportNotIndexed(extraction);
        }

        /** Reports the values of {@code extraction} that do not normalise (not indexed). */
        private void reportNotIndexed(ObservableExtractor.Extraction extraction) {
            for (Violation problem : extraction.problems()) {
                notIndexed++;
                if (warnings.size() < MAX_REPORTED) {
                    warnings.add(problem);
                }
            }
        }

        private Prepared prepare(ObjectNode node, long position) {
            boolean wasUpgraded = StixUpgrade.upgradeIfNeeded(node);
            List<Violation> found = new ArrayList<>(validator.validate(node, position));
            StixObject object = new StixObject(node);
            if ("marking-definition".equals(object.type())
                    && Markings.classify(node).euci()) {
                // EUCI material refuses the whole input, even when the definition is otherwise invalid
                found.add(euci(object.id(), "/", "this marking definition marks EU classified information"));
            } else if (found.isEmpty()) {
                Markings.euciLabel(node)
                        .ifPresent(label -> found.add(
                                euci(object.id(), "/labels", "labelled '" + label + "', EU classified information")));
            }
            if (!found.isEmpty()) {
                return refused(node, object, wasUpgraded, found);
            }
            JsonNode sightedBy = node.get("x_jcu_sighted_by");
            if (sightedBy != null && !sightedBy.asString("").equals(submitterName)) {
                // attribution of a sighting is the submitter's own name or nothing (decision 0017)
                found.add(new Violation(
                        object.id(),
                        "/x_jcu_sighted_by",
                        "sighted-by-not-submitter",
                        "names an organisation other than the submitting one; leave it out or give your own name"));
                return refused(node, object, wasUpgraded, found);
            }
            ObservableExtractor.Extraction observables = ObservableExtractor.extract(node);
            if (observables.error() != null) {
                return refused(node, object, wasUpgraded, List.of(observables.error()));
            }
            String content = StixJson.storageForm(node);
            String timestamp = object.versionTimestamp();
            JsonNode markings = node.get("object_marking_refs");
            return new Prepared(
                    node,
                    Header.of(object),
                    wasUpgraded,
                    found,
                    content,
                    StixJson.sha256(content),
                    timestamp == null ? "" : StixTimestamps.versionKey(timestamp),
                    markings != null && markings.isArray() ? StixJson.storageForm(markings) : "[]",
                    strings(markings),
                    RunMarkings.CONTAINERS.contains(object.type()) ? strings(node.get("object_refs")) : List.of(),
                    refs(node),
                    observables);
        }

        /** A prepared object refused with {@code violations}: nothing to store. */
        private static Prepared refused(
                ObjectNode node, StixObject object, boolean upgraded, List<Violation> violations) {
            return new Prepared(
                    node,
                    Header.of(object),
                    upgraded,
                    violations,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    NO_OBSERVABLES);
        }

        /** The submitter's own variant of a versionless object: its version key derives from its content. */
        private Prepared variant(Prepared p) {
            return new Prepared(
                    p.node(),
                    p.object(),
                    p.upgraded(),
                    p.violations(),
                    p.content(),
                    p.hash(),
                    "~" + p.hash().substring(0, 32),
                    p.markings(),
                    p.markingRefs(),
                    p.containerMembers(),
                    p.refs(),
                    p.observables());
        }

        private boolean canSee(String id) {
            return visibleToSubmitter.computeIfAbsent(
                    id, key -> !store.visibleIds(submitter(), List.of(key)).isEmpty());
        }

        private org.jcu.sharing.AccessScope submitter() {
            if (submitterScope == null) {
                submitterScope = scopes.forOrganization(options.orgId(), "import", UserRole.ANALYST);
            }
            return submitterScope;
        }

        /** How the submitter received each existing version from other organisations' holdings (TLP labels). */
        private Map<Long, List<String>> receivedFromOthers(List<Long> seqs) {
            List<Long> existingOnes = seqs.stream().filter(seq -> seq >= 0).toList();
            return existingOnes.isEmpty() ? Map.of() : store.grantedByOthers(submitter(), existingOnes);
        }

        private static List<String> strings(JsonNode array) {
            if (array == null || !array.isArray()) {
                return List.of();
            }
            List<String> out = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                if (item.isString()) {
                    out.add(item.stringValue());
                }
            }
            return out;
        }

        /** The refusal of an id the store cannot take from this submitter, worded to reveal nothing (decision 0010). */
        private static Violation unavailable(String id) {
            return new Violation(
                    id,
                    "/id",
                    "id-unavailable",
                    "this id cannot be accepted from your organisation; give the object a new id");
        }

        private static Violation euci(String id, String path, String what) {
            return new Violation(
                    id,
                    path,
                    "euci-refused",
                    what + "; the platform is not accredited for EU classified information (EUCI) and refuses it");
        }

        private void addTargets(long seq, HoldingSharing sharing, List<NewTarget> out) {
            String org = options.orgId();
            for (String community : sharing.communities()) {
                out.add(new NewTarget(seq, org, HoldingSharing.COMMUNITY, community));
            }
            for (String group : sharing.sharingGroups()) {
                out.add(new NewTarget(seq, org, HoldingSharing.SHARING_GROUP, group));
            }
            for (String recipient : sharing.recipients()) {
                out.add(new NewTarget(seq, org, HoldingSharing.RECIPIENT, recipient));
            }
        }

        private static List<Ref> refs(ObjectNode node) {
            List<Ref> out = null;
            for (String name : INDEXED_REFS) {
                JsonNode value = node.get(name);
                if (value == null) {
                    continue;
                }
                if (out == null) {
                    out = new ArrayList<>();
                }
                if (value.isString()) {
                    out.add(new Ref(name, value.stringValue()));
                } else if (value.isArray()) {
                    for (JsonNode item : value) {
                        if (item.isString()) {
                            out.add(new Ref(name, item.stringValue()));
                        }
                    }
                }
            }
            return out == null ? List.of() : out;
        }

        private void reject(List<Violation> found) {
            rejected++;
            for (Violation v : found) {
                if (violations.size() < MAX_REPORTED) {
                    violations.add(v);
                }
            }
        }

        ImportReport report(StixObjectReader reader, double seconds) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "import {}: {} objects in {} s; store {} s ({} s CPU), waiting for workers {} s,"
                                + " workers busy {} s ({} s CPU), reader {} s CPU",
                        options.source(),
                        read.get(),
                        seconds,
                        storeNanos / 1e9,
                        storeCpuNanos / 1e9,
                        waitNanos / 1e9,
                        prepareNanos.get() / 1e9,
                        prepareCpuNanos.get() / 1e9,
                        readerCpuNanos / 1e9);
            }
            boolean wrote = committed && error == null;
            return new ImportReport(
                    reader.bundleId() != null ? options.source() + " (" + reader.bundleId() + ")" : options.source(),
                    wrote,
                    read.get(),
                    error == null ? imported : 0,
                    unchanged,
                    rejected,
                    upgraded,
                    error == null ? Collections.unmodifiableMap(byType) : Map.of(),
                    List.copyOf(violations),
                    error == null ? notIndexed : 0,
                    error == null ? List.copyOf(warnings) : List.of(),
                    error,
                    seconds);
        }
    }
}
