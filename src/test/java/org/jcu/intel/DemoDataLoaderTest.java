package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.jcu.audit.AuditLog;
import org.jcu.sharing.AccessScope;
import org.jcu.test.SqliteStore;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bundled demo data set (ATT&CK for ICS 18.1) loads into an empty store, once. */
@SqliteStore
class DemoDataLoaderTest extends StoreFixture {

    @Autowired
    IntelStore store;

    @Autowired
    IntelQueries queries;

    @Autowired
    AuditLog audit;

    @Test
    void loadsAttackIcsIntoAnEmptyStoreOnlyOnce() throws Exception {
        resetStore();
        DemoDataLoader loader = new DemoDataLoader(imports, store, directory, scopes, sharingDecisions, audit);
        loader.run(null);
        AccessScope scope = scopeOf(directory.platformOrganization().id());
        assertThat(versionRows()).isEqualTo(1826);
        assertThat(queries.countsByType(scope))
                .containsEntry("attack-pattern", 95L)
                .containsEntry("relationship", 1373L);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT owner_org) FROM object_version", Long.class))
                .isEqualTo(1);
        audit.flush();
        assertThat(jdbc.queryForObject(
                        "SELECT object_count FROM audit_log WHERE audit_action = 'IMPORT' AND username = 'system'"
                                + " ORDER BY seq DESC LIMIT 1",
                        Long.class))
                .isEqualTo(1826);
        assertThat(getClass().getClassLoader().getResource("demo/LICENSE-MITRE-ATTACK.txt"))
                .isNotNull();

        loader.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM holding", Long.class))
                .isEqualTo(1826);
    }
}
