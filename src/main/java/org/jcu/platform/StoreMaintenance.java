package org.jcu.platform;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The maintenance a large import leaves to a background thread, one task at a time: on SQLite the WAL checkpoint its
 * commit skipped (decision 0018, {@link #checkpointInBackground}), on PostgreSQL a VACUUM of the tables it filled
 * ({@link #afterLargeImport}, decision 0019).
 *
 * <p>PostgreSQL: the VACUUM runs right after the import. Rows just inserted are not yet marked all-visible, so until a VACUUM sets the visibility map every index scan
 * also reads the table's pages (no index-only scans; PostgreSQL 15 documentation §11.9 and §25.1.5), and the batch
 * correlation's block scans ran at half speed at 10 M observables. Autovacuum gets there on its own schedule, minutes
 * later and in the middle of whatever runs then; this makes it prompt and predictable. A VACUUM waits for (or, after
 * {@code deadlock_timeout}, cancels) an autovacuum working on the same table.
 *
 * <p>The tables are those of the intel store and the correlation index ({@link #IMPORT_TABLES}); this component sits
 * in the platform package because both write them in one import. Requests made while one VACUUM is still queued are
 * folded into it; PostgreSQL's warnings (for instance a database user that does not own the tables, which VACUUM
 * skips with a warning, not an error) are logged. On shutdown a running VACUUM is cancelled, not waited for: it is
 * maintenance, and autovacuum redoes it. A pending SQLite checkpoint is waited for (at most five minutes), so that a
 * command ending right after a large import leaves its data in the database file rather than in the WAL.
 *
 * <p>Thread-safety: safe for concurrent use; one VACUUM runs at a time.
 */
@Component
public class StoreMaintenance {

    /** The tables an import writes in bulk: versions, holdings and their targets, references, the correlation index. */
    static final List<String> IMPORT_TABLES =
            List.of("object_version", "holding", "holding_target", "object_ref", "observable_value", "observable");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreMaintenance.class);

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jcu-store-maintenance");
        thread.setDaemon(true);
        return thread;
    });
    /** A VACUUM is queued and has not started: a new request needs nothing more. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The statement of the running VACUUM, cancelled on shutdown. */
    private final AtomicReference<Statement> running = new AtomicReference<>();

    private volatile Future<?> last = CompletableFuture.completedFuture(null);

    public StoreMaintenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(jdbc);
    }

    /**
     * Requests the background VACUUM of {@link #IMPORT_TABLES}; call after a large import has committed (outside its
     * transaction). Returns at once; failures and warnings are logged (autovacuum catches up).
     */
    public void afterLargeImport() {
        if (!postgres || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            last = worker.submit(this::vacuum);
        } catch (RejectedExecutionException e) {
            queued.set(false);
            LOG.debug("shutting down: the imported tables are left to autovacuum");
        }
    }

    /**
     * SQLite: a PASSIVE checkpoint (never blocks readers or writers) on the background thread; call when a large
     * import's transaction has completed on a connection that had automatic checkpoints off. Failures are logged (the
     * next checkpoint catches up). PostgreSQL: nothing.
     */
    public void checkpointInBackground() {
        if (postgres) {
            return;
        }
        try {
            last = worker.submit(this::checkpoint);
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: SQLite checkpoints when its last connection closes");
        }
    }

    private void checkpoint() {
        try {
            jdbc.query("PRAGMA wal_checkpoint(PASSIVE)", rs -> {});
        } catch (RuntimeException e) {
            LOG.warn("background WAL checkpoint failed: {}", e.getMessage());
        }
    }

    private void vacuum() {
        queued.set(false);
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    running.set(statement);
                    try {
                        statement.execute("VACUUM " + String.join(", ", IMPORT_TABLES));
                        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                            LOG.warn("background VACUUM after an import: {}", w.getMessage());
                        }
                    } finally {
                        running.set(null);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                LOG.debug("background VACUUM cancelled at shutdown: {}", e.getMessage());
            } else {
                LOG.warn("background VACUUM after an import failed (autovacuum will catch up): {}", e.getMessage());
            }
        }
    }

    /**
     * Waits until the last requested task (VACUUM or checkpoint) has finished (benchmarks and tests measure the settled
     * store).
     *
     * @return false if it had not finished within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        try {
            last.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("background store maintenance failed", e.getCause());
        }
    }

    /**
     * Stops the thread: a running VACUUM is cancelled (a command-line import does not wait for it), a pending SQLite
     * checkpoint is waited for (at most five minutes).
     */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        if (postgres) {
            worker.shutdownNow();
            Statement statement = running.get();
            if (statement != null) {
                LOG.info("cancelling the background VACUUM after an import; autovacuum will redo it");
                try {
                    statement.cancel();
                } catch (java.sql.SQLException e) {
                    LOG.debug("cancelling the VACUUM: {}", e.getMessage());
                }
            }
        } else {
            worker.shutdown();
        }
        try {
            if (!worker.awaitTermination(postgres ? 10 : 300, TimeUnit.SECONDS)) {
                LOG.warn(
                        postgres
                                ? "the background VACUUM did not stop within 10 seconds"
                                : "the WAL checkpoint did not finish within 5 minutes; SQLite completes it on next open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
