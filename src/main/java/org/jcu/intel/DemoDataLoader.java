package org.jcu.intel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jcu.audit.AuditAction;
import org.jcu.audit.AuditActor;
import org.jcu.audit.AuditLog;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.Directory;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.Pap;
import org.jcu.sharing.SharingDecisions;
import org.jcu.sharing.SharingRequest;
import org.jcu.sharing.Tlp;
import org.jcu.sharing.UserRole;
import org.jcu.stix.StixObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled demo data set — MITRE ATT&amp;CK for ICS v18.1 in STIX 2.1, shipped with MITRE's licence in
 * {@code classpath:demo/} — into an empty store on first start, held by the platform organisation as TLP:CLEAR,
 * PAP:CLEAR, shared with all communities (it is public data).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "jcu.demo-data", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String RESOURCE = "demo/ics-attack-18.1.json.gz";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ImportService imports;
    private final IntelStore store;
    private final Directory directory;
    private final AccessScopes scopes;
    private final SharingDecisions sharing;
    private final AuditLog audit;

    DemoDataLoader(
            ImportService imports,
            IntelStore store,
            Directory directory,
            AccessScopes scopes,
            SharingDecisions sharing,
            AuditLog audit) {
        this.imports = imports;
        this.store = store;
        this.directory = directory;
        this.scopes = scopes;
        this.sharing = sharing;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Directory.Organization platform = directory.platformOrganization();
        if (store.countVersions(scopes.forOrganization(platform.id(), "system", UserRole.PLATFORM_ADMIN)) > 0) {
            return;
        }
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(RESOURCE);
                StixObjectReader reader =
                        StixObjectReader.of(in, StixObjectReader.Format.JSON, "demo:ics-attack-18.1")) {
            ImportReport report = imports.importObjects(
                    reader,
                    new ImportOptions(
                            platform.id(),
                            "demo",
                            false,
                            sharing.resolve(
                                    platform.id(),
                                    new SharingRequest(
                                            Distribution.ALL_COMMUNITIES,
                                            List.of(),
                                            List.of(),
                                            List.of(),
                                            Tlp.CLEAR,
                                            Pap.CLEAR))),
                    n -> {});
            long written = report.committed() ? report.imported() : 0;
            audit.record(AuditAction.IMPORT, AuditActor.system(platform.id()), null, written, List.of(), RESOURCE);
            LOG.info(
                    "Demo data (MITRE ATT&CK for ICS v18.1, (c) The MITRE Corporation, see LICENSE-MITRE-ATTACK.txt):"
                            + " {} objects imported",
                    report.imported());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
