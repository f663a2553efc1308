package org.jcu.audit;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jcu.audit.AuditAnchor.Anchored;
import org.jcu.audit.AuditAnchor.Head;
import org.jcu.audit.AuditAnchor.InvalidAnchorException;
import org.jcu.platform.JcuProperties;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: {@link #record} queues an entry in memory and returns; one background thread appends queued entries
 * to {@code audit_log} in batches (at most {@code jcu.audit.batch-size} entries, default 500, written at most
 * {@code jcu.audit.batch-interval}, default 200 ms, after the first of them was recorded), chaining each to the
 * previous one with an HMAC ({@link AuditChain}) under the key from {@code jcu.audit.key-file} ({@link AuditKey}),
 * and after each batch anchors the new head in {@code jcu.audit.anchor-file} ({@link AuditAnchor}).
 *
 * <p>Appends are serialised across processes (SQLite's write lock; a PostgreSQL advisory lock), so several processes
 * and nodes may share one log if they share the key file. When the database's newest entry is behind the anchor (the
 * newest rows were deleted), the writer continues the chain from the anchor, so the gap stays visible to
 * {@link AuditVerifier} instead of being papered over.
 *
 * <p>Nothing recorded is dropped: a failed batch is retried (with back-off, keeping its order) until it is written;
 * if the writer falls {@value #QUEUE_CAPACITY} entries behind, {@link #record} waits for room rather than lose
 * entries or grow without bound. {@link #flush} waits for everything recorded before it; the context's shutdown
 * flushes, so an orderly shutdown loses nothing (a killed process loses at most the last interval's entries).
 *
 * <p>Thread-safety: {@link #record} and {@link #flush} are safe for concurrent use.
 */
@Service
public final class AuditLog {

    /** At most this many distinct object ids are stored per entry; {@code object_count} keeps the full count. */
    public static final int MAX_IDS = 100;
    /** Entries waiting in memory before {@link #record} blocks. */
    static final int QUEUE_CAPACITY = 10_000;

    static final int MAX_DETAIL = 500;
    static final int MAX_NAME = 200;
    static final int MAX_ID = 300;
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What the writer takes from the queue. */
    private sealed interface Queued permits Pending, Marker {}

    /** An entry before it has a place in the chain; text is cleaned when it gets one (off the caller's thread). */
    private record Pending(
            String loggedAt,
            @Nullable String userId,
            String username,
            @Nullable String orgId,
            AuditAction action,
            long objectCount,
            List<String> objectIds,
            @Nullable String sourceIp,
            String detail)
            implements Queued {

        AuditEntry at(long seq, String prevMac) {
            List<String> ids = new ArrayList<>(objectIds.size());
            for (String id : objectIds) {
                ids.add(clean(id, MAX_ID));
            }
            return new AuditEntry(
                    seq,
                    loggedAt,
                    cleanOrNull(userId, MAX_NAME),
                    clean(username, MAX_NAME),
                    cleanOrNull(orgId, MAX_NAME),
                    action.name(),
                    objectCount,
                    JSON.writeValueAsString(ids),
                    cleanOrNull(sourceIp, MAX_NAME),
                    clean(detail, MAX_DETAIL),
                    prevMac,
                    "");
        }
    }

    /** Completed once every entry queued before it is written; {@code stop} also ends the writer. */
    private record Marker(CompletableFuture<Void> written, boolean stop) implements Queued {}

    private final AuditStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditKey key;
    private final AuditAnchor anchor;
    private final AuditChain chain;
    private final int batchSize;
    private final long intervalNanos;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong batches = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean warnedFull;
    private volatile @Nullable String lastReported;

    AuditLog(
            AuditStore store,
            PlatformTransactionManager transactionManager,
            Clock clock,
            AuditProperties properties,
            JcuProperties jcu) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        Path anchorFile = Objects.requireNonNullElse(
                properties.anchorFile(), jcu.dataDir().resolve("audit.anchor"));
        Path keyFile =
                Objects.requireNonNullElse(properties.keyFile(), jcu.dataDir().resolve("audit.key"));
        this.key = AuditKey.loadOrCreate(keyFile, store.isEmpty() && !Files.exists(anchorFile));
        this.anchor = new AuditAnchor(anchorFile, key.anchorKey(), storeId(store, properties.verifyOnly()));
        try {
            anchor.read();
        } catch (AuditAnchor.ForeignAnchorException e) {
            if (!properties.verifyOnly()) {
                // appending would report this database's entries as deleted; the verifier reports it (exit 6)
                throw new IllegalStateException(e.getMessage(), e);
            }
        } catch (AuditAnchor.InvalidAnchorException | java.io.IOException e) {
            // reported by the writer at its first batch, and by 'jcu audit verify'
        }
        this.chain = new AuditChain(key.chainKey());
        this.batchSize = properties.batchSize();
        this.intervalNanos = properties.batchInterval().toNanos();
        this.writer = new Thread(this::run, "jcu-audit-writer");
        writer.setDaemon(true);
        writer.setUncaughtExceptionHandler((thread, e) -> LOG.error("Audit log: the writer stopped", e));
        writer.start();
    }

    /**
     * Records an action; returns at once (the entry is appended by the background writer). The time is taken now,
     * from the platform clock. Text is stored with control characters and unpaired surrogates replaced by U+FFFD and
     * cut to its limit (names 200 characters, ids 300, detail 500).
     *
     * @param action      what was done
     * @param actor       who did it, for which organisation
     * @param sourceIp    the client's address, or null offline
     * @param objectCount objects returned (reads) or written (writes)
     * @param objectIds   their STIX ids; the first {@value #MAX_IDS} distinct ones are stored
     * @param detail      what the entry should also say (request line, import outcome)
     * @throws IllegalStateException if the log is closed, or the thread is interrupted while the queue is full
     */
    public void record(
            AuditAction action,
            AuditActor actor,
            @Nullable String sourceIp,
            long objectCount,
            Collection<String> objectIds,
            String detail) {
        if (closed) {
            throw new IllegalStateException("the audit log is closed");
        }
        enqueue(new Pending(
                StixTimestamps.micros(clock.instant()),
                actor.userId(),
                actor.username(),
                actor.orgId(),
                action,
                objectCount,
                firstIds(objectIds),
                sourceIp,
                detail));
    }

    /**
     * Records an HTTP request: source IP = {@link HttpServletRequest#getRemoteAddr()} (the peer as the server sees
     * it; behind a reverse proxy, the proxy), detail = method, path and query string.
     *
     * @see #record(AuditAction, AuditActor, String, long, Collection, String)
     */
    public void record(
            AuditAction action,
            AuditActor actor,
            HttpServletRequest request,
            long objectCount,
            Collection<String> objectIds) {
        record(action, actor, request.getRemoteAddr(), objectCount, objectIds, requestLine(request));
    }

    /** {@code GET /api/v1/objects?type=indicator}: method, path and raw query string of a request. */
    public static String requestLine(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /**
     * Waits until every entry recorded before this call is in the database (and anchored).
     *
     * @throws IllegalStateException if that takes longer than 90 s (the database refuses writes), or the thread is
     *     interrupted
     */
    public void flush() {
        if (closed) {
            return;
        }
        awaitMarker(false);
    }

    /** Flushes and stops the writer when the application context closes; reports entries it could not write. */
    @PreDestroy
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            awaitMarker(true);
        } catch (IllegalStateException e) {
            LOG.error("Audit log: entries could not be written before shutdown: {}", e.getMessage());
        }
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = queue.stream().filter(Pending.class::isInstance).count();
        if (lost > 0) {
            LOG.error("Audit log: {} recorded entries were not written before shutdown", lost);
        }
    }

    private void awaitMarker(boolean stop) {
        Marker marker = new Marker(new CompletableFuture<>(), stop);
        enqueue(marker);
        try {
            marker.written().get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("audit entries were not written within " + FLUSH_TIMEOUT.toSeconds() + " s"
                    + (lastReported == null ? "" : "; last problem: " + lastReported));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the audit writer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing the audit log", e);
        }
    }

    private void enqueue(Queued item) {
        if (queue.offer(item)) {
            return;
        }
        if (!warnedFull) {
            warnedFull = true;
            LOG.warn(
                    "Audit log: {} entries are waiting to be written; callers now wait for the writer", QUEUE_CAPACITY);
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to record an audit entry", e);
        }
    }

    /** The writer thread: batches by size and interval, writes, completes markers; ends at a stop marker. */
    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        List<Marker> markers = new ArrayList<>();
        while (true) {
            try {
                take(batch, markers);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (!batch.isEmpty() && !appendWithRetry(batch)) {
                return;
            }
            batch.clear();
            boolean stop = false;
            for (Marker marker : markers) {
                marker.written().complete(null);
                stop |= marker.stop();
            }
            markers.clear();
            if (stop) {
                return;
            }
        }
    }

    /** Waits for one item, then collects more until the batch is full, the interval is over, or a marker comes. */
    private void take(List<Pending> batch, List<Marker> markers) throws InterruptedException {
        Queued item = queue.take();
        long deadline = System.nanoTime() + intervalNanos;
        while (true) {
            if (item instanceof Pending pending) {
                batch.add(pending);
            } else {
                markers.add((Marker) item);
                return;
            }
            if (batch.size() >= batchSize) {
                return;
            }
            long wait = deadline - System.nanoTime();
            Queued next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            item = next;
        }
    }

    /** Appends until it succeeds; false if interrupted during shutdown (the batch is then reported lost). */
    private boolean appendWithRetry(List<Pending> batch) {
        long backoff = 100;
        while (true) {
            try {
                append(batch);
                if (lastReported != null && lastReported.startsWith("append failed")) {
                    LOG.info("Audit log: appending works again");
                    lastReported = null;
                }
                return true;
            } catch (RuntimeException e) {
                report("append failed: " + e, e);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                if (closed) {
                    LOG.error("Audit log: {} entries were not written before shutdown", batch.size());
                    return false;
                }
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    private void append(List<Pending> batch) {
        Head last = transactions.execute(status -> {
            store.lockWriters();
            Head start = startingPoint(store.head());
            long seq = start == null ? 0 : start.seq();
            String prev = start == null ? AuditChain.GENESIS : start.mac();
            List<AuditEntry> entries = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                AuditEntry draft = pending.at(++seq, prev);
                prev = chain.mac(prev, draft);
                entries.add(draft.withMac(prev));
            }
            store.append(entries);
            return new Head(seq, prev, batch.get(batch.size() - 1).loggedAt());
        });
        batches.incrementAndGet();
        try {
            anchor.advance(Objects.requireNonNull(last), StixTimestamps.micros(clock.instant()));
        } catch (IOException e) {
            report("cannot write the audit anchor " + anchor.file() + ": " + e, null);
        }
    }

    /**
     * Where the next entry attaches: the database's newest entry, or the anchored one when the database is behind
     * the anchor (newest rows deleted), so the deletion stays visible as a gap. Problems are logged once.
     */
    private @Nullable Head startingPoint(@Nullable Head databaseHead) {
        Anchored anchored;
        try {
            anchored = anchor.read();
        } catch (AuditAnchor.ForeignAnchorException e) {
            report(
                    e.getMessage() + "; that anchor is not replaced, and entries are appended without an anchor until"
                            + " this is resolved",
                    null);
            return databaseHead;
        } catch (InvalidAnchorException | IOException e) {
            report(e.getMessage() + "; it will be replaced after this batch (run 'jcu audit verify')", null);
            return databaseHead;
        }
        if (anchored == null) {
            if (databaseHead != null) {
                report(
                        "the audit anchor " + anchor.file() + " is missing although the log has entries up to #"
                                + databaseHead.seq() + "; it will be re-created (run 'jcu audit verify')",
                        null);
            }
            return databaseHead;
        }
        Head anchoredHead = anchored.head();
        if (databaseHead == null || databaseHead.seq() < anchoredHead.seq()) {
            report(
                    "the audit log's newest entries are missing: the database ends at #"
                            + (databaseHead == null ? 0 : databaseHead.seq()) + ", the anchor names #"
                            + anchoredHead.seq() + "; new entries continue from the anchor so the gap stays visible",
                    null);
            return anchoredHead;
        }
        if (!anchoredHead.mac().equals(store.macAt(anchoredHead.seq()))) {
            report(
                    "audit entry #" + anchoredHead.seq() + " differs from the anchor: the log was rewritten (run 'jcu"
                            + " audit verify')",
                    null);
        }
        return databaseHead;
    }

    /**
     * The database's identity; when only verifying, an identity that is missing or altered becomes one no anchor
     * names, so the verifier reports the anchor as not this database's (exit 6) instead of the start failing.
     */
    private static String storeId(AuditStore store, boolean verifyOnly) {
        try {
            return store.storeId();
        } catch (IllegalStateException e) {
            if (verifyOnly) {
                return "(missing or altered)";
            }
            throw e;
        }
    }

    /** Logs a problem once until a different one occurs (the writer retries every batch). */
    private void report(String problem, @Nullable Exception cause) {
        if (problem.equals(lastReported)) {
            return;
        }
        lastReported = problem;
        if (cause == null) {
            LOG.error("Audit log: {}", problem);
        } else {
            LOG.error("Audit log: {}", problem, cause);
        }
    }

    /** The key (for the verifier). */
    AuditKey key() {
        return key;
    }

    /** The anchor (for the verifier). */
    AuditAnchor anchor() {
        return anchor;
    }

    /** Batches (transactions) written since start; for tests of batching. */
    long batchesWritten() {
        return batches.get();
    }

    private static List<String> firstIds(Collection<String> ids) {
        Set<String> first = new LinkedHashSet<>();
        for (String id : ids) {
            if (first.size() == MAX_IDS) {
                break;
            }
            first.add(id);
        }
        return List.copyOf(first);
    }

    private static @Nullable String cleanOrNull(@Nullable String text, int max) {
        return text == null ? null : clean(text, max);
    }

    /**
     * Text safe to store and to MAC identically on both databases: control characters (PostgreSQL refuses NUL) and
     * unpaired surrogates (not encodable in UTF-8) become U+FFFD; at most {@code max} characters, never splitting a
     * surrogate pair.
     */
    static String clean(String text, int max) {
        StringBuilder out = null;
        int length = Math.min(text.length(), max);
        if (length < text.length() && Character.isHighSurrogate(text.charAt(length - 1))) {
            length--;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean paired =
                    Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            boolean bad = Character.isISOControl(c) || (Character.isSurrogate(c) && !paired);
            if (bad && out == null) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out != null ? out.toString() : length == text.length() ? text : text.substring(0, length);
    }
}
