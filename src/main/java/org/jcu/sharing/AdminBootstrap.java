package org.jcu.sharing;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start of a server: creates the platform organisation and the bootstrap administrator ({@code admin}) with
 * an API token. The token is {@code JCU_ADMIN_TOKEN} when that is set (for scripts), otherwise a generated one that
 * is printed once to the console (standard output, never a logger, so it reaches no log file).
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
        Directory.Organization platform = directory.platformOrganization();
        if (directory.hasUsers()) {
            return;
        }
        JcuPrincipal admin = directory.createUser(ADMIN_USERNAME, platform.id(), UserRole.PLATFORM_ADMIN);
        String fixed = System.getenv("JCU_ADMIN_TOKEN");
        String token = directory.issueToken(admin.userId(), "bootstrap", fixed == null || fixed.isBlank() ? null : fixed);
        PrintStream console = System.out;
        if (fixed == null || fixed.isBlank()) {
            console.println();
            console.println("  Bootstrap administrator 'admin' created. Its API token (shown only now, store it safely):");
            console.println("    " + token);
            console.println();
        } else {
            console.println("  Bootstrap administrator 'admin' created with the token from JCU_ADMIN_TOKEN.");
        }
    }
}
