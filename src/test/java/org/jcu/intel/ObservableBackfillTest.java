package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jcu.observable.Correlations;
import org.jcu.observable.ObservableKind;
import org.jcu.sharing.Directory;
import org.jcu.test.SqliteStore;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A store written before the correlation index existed gets its observables indexed at start (decision 0015). */
@SqliteStore
class ObservableBackfillTest extends StoreFixture {

    @Autowired
    ObservableBackfill backfill;

    @Autowired
    Correlations correlations;

    @Test
    void versionsStoredBeforeTheIndexAreIndexedOnce() {
        resetStore();
        Directory.Organization org = newOrganization("backfill");
        String id = "indicator--" + UUID.randomUUID();
        String t = "2025-05-01T00:00:00.000Z";
        assertThat(importJson(
                                "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID()
                                        + "\",\"objects\":[{\"type\":"
                                        + "\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\""
                                        + t + "\",\"modified\":\"" + t + "\",\"pattern\":\"[domain-name:value ="
                                        + " 'old.backfill.example']\",\"pattern_type\":\"stix\",\"valid_from\":\"" + t
                                        + "\"}]}",
                                org.id(),
                                false)
                        .clean())
                .isTrue();
        // as a store from before issue 4: versions, no index, generation 0
        jdbc.update("DELETE FROM observable");
        jdbc.update("DELETE FROM observable_value");
        jdbc.update("UPDATE observable_generation SET n = 0 WHERE id = 1");
        assertThat(correlations.everIndexed()).isFalse();
        assertThat(correlations
                        .lookup(scopeOf(org.id()), ObservableKind.DOMAIN, "old.backfill.example")
                        .correlations())
                .isEmpty();

        backfill.run(null);

        assertThat(correlations.everIndexed()).isTrue();
        assertThat(correlations
                        .lookup(scopeOf(org.id()), ObservableKind.DOMAIN, "old.backfill.example")
                        .correlations())
                .singleElement()
                .satisfies(c -> assertThat(c.objects())
                        .extracting(Correlations.Holder::id)
                        .containsExactly(id));
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM observable", Long.class);
        backfill.run(null); // once: a second start does nothing
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM observable", Long.class))
                .isEqualTo(rows);
    }
}
