package org.jcu.intel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcu.observable.Correlations;
import org.jcu.observable.NormalizedValue;
import org.jcu.observable.ObservableExtractor;
import org.jcu.stix.StixJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indexes the observables of versions stored before the correlation index existed (decision 0015): at start, when
 * the store holds versions but the index was never written, every stored version is extracted and indexed, in
 * transactions of {@link #CHUNK} versions under the writer lock. Runs once; later imports index as they store.
 *
 * <p>Thread-safety: runs on the start-up thread.
 */
@Component
@Order(1)
class ObservableBackfill implements ApplicationRunner {

    static final int CHUNK = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ObservableBackfill.class);

    private final IntelStore store;
    private final Correlations correlations;
    private final TransactionTemplate transactions;

    ObservableBackfill(IntelStore store, Correlations correlations, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.correlations = correlations;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (correlations.everIndexed() || store.contentAfterUnscoped(0, 1).isEmpty()) {
            return;
        }
        long versions = backfill();
        LOG.info("Correlation index built for {} object versions stored before it existed", versions);
    }

    /** Indexes every stored version; returns how many were read. */
    long backfill() {
        long after = 0;
        long read = 0;
        while (true) {
            long from = after;
            List<IntelStore.StoredContent> chunk = store.contentAfterUnscoped(from, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            Map<Long, List<NormalizedValue>> values = new HashMap<>();
            for (IntelStore.StoredContent version : chunk) {
                if (StixJson.parse(version.content()) instanceof ObjectNode node) {
                    List<NormalizedValue> found =
                            ObservableExtractor.extract(node).values();
                    if (!found.isEmpty()) {
                        values.put(version.seq(), found);
                    }
                }
            }
            transactions.executeWithoutResult(status -> {
                store.lockWriters();
                correlations.index(values);
            });
            read += chunk.size();
            after = chunk.get(chunk.size() - 1).seq();
        }
        transactions.executeWithoutResult(status -> correlations.markIndexed());
        return read;
    }
}
