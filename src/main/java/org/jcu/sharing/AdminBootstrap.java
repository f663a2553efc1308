package org.jcu.sharing;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start of a server with no usable platform administrator (first start, or every admin token revoked): creates the
 * platform organisation and the bootstrap administrator ({@code admin}) if missing, and gives it an API token. The
 * token is {@code JCU_ADMIN_TOKEN} when that is set (for scripts), otherwise a generated one that is printed once to
 * the console (standard output, never a logger, so it reaches no log file).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "jcu.bootstrap-admin", havingValue = "true")
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";

    private final Directory directory;

    AdminBootstrap(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        String fixed = System.getenv("JCU_ADMIN_TOKEN");
        boolean generated = fixed == null || fixed.isBlank();
        if (!generated && fixed.length() < Directory.MIN_TOKEN_LENGTH) {
            throw new IllegalStateException(
                    "JCU_ADMIN_TOKEN must have at least " + Directory.MIN_TOKEN_LENGTH + " characters");
        }
        Directory.Organization platform = directory.platformOrganization();
        if (directory.hasActiveAdminToken()) {
            return;
        }
        String token = directory.bootstrapAdmin(ADMIN_USERNAME, platform.id(), generated ? null : fixed);
        PrintStream console = System.out;
        if (generated) {
            console.println();
            console.println("  Bootstrap administrator '" + ADMIN_USERNAME
                    + "' has a new API token (shown only now, store it safely):");
            console.println("    " + token);
            console.println();
        } else {
            console.println("  Bootstrap administrator '" + ADMIN_USERNAME + "' uses the token from JCU_ADMIN_TOKEN.");
        }
    }
}
