package org.jcu.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.jcu.audit.AuditVerification;
import org.jcu.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jcu audit …}: the tamper-evident audit log. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Tamper-evident audit log of reads, writes and exports.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    /** {@code jcu audit verify}: recomputes the chain and checks the anchor; exit 6 names the first broken entry. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Recompute the audit log's HMAC chain from its first entry and check its newest entry against the",
                "anchor file. Prints 'intact' with the number of entries (exit 0), or the first broken entry and why",
                "(exit 6): edited, deleted, inserted, newest entries deleted, rewritten, anchor edited or missing.",
                "Needs the audit key file (jcu.audit.key-file / JCU_AUDIT_KEY_FILE, default DIR/audit.key)."
            })
    static final class Verify implements Callable<Integer> {

        @Mixin
        DataOptions data = new DataOptions();

        @Override
        public Integer call() throws Exception {
            if (data.database == null && !Files.isDirectory(data.dataDir)) {
                throw new UsageException("no data directory " + data.dataDir);
            }
            AuditVerification result;
            java.util.Map<String, Object> properties = data.springProperties();
            // an anchor of another database, or an altered database identity, is a finding, not a start failure
            properties.put("jcu.audit.verify-only", "true");
            try (ConfigurableApplicationContext context = SpringRunner.offline(properties)) {
                result = context.getBean(AuditVerifier.class).verify();
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.err.println("jcu audit verify: cannot verify: " + cause.getMessage());
                return 1;
            }
            System.out.println(result.message());
            return result.intact() ? 0 : JcuCli.EXIT_AUDIT_BROKEN;
        }
    }
}
