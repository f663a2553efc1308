package org.jcu.intel;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * How the store migrates at start-up: like Spring Boot's default ({@code flyway.migrate()}), except that a failed run of
 * migration 9 ({@link V9__VersionIdHash}) is cleared first so it runs again. That migration is non-transactional for
 * Flyway (it manages its own transaction), so Flyway records its failure in the schema history and would refuse every
 * later start; but it is atomic on both databases (a failure rolled everything back), so once the cause is fixed
 * (its message names it, e.g. a dangling reference) running it again is exactly right.
 */
@Component
class FailedMigrationRetry implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(FailedMigrationRetry.class);

    /** The migrations that roll back completely on failure although Flyway runs them outside its transaction. */
    static final String ATOMIC_NON_TRANSACTIONAL = "9";

    @Override
    public void migrate(Flyway flyway) {
        retryAndMigrate(flyway);
    }

    /** Clears a failed run of an atomic non-transactional migration (see the class comment), then migrates. */
    static void retryAndMigrate(Flyway flyway) {
        boolean retry = Arrays.stream(flyway.info().all())
                .anyMatch(m -> m.getState() == MigrationState.FAILED
                        && m.getVersion() != null
                        && ATOMIC_NON_TRANSACTIONAL.equals(m.getVersion().getVersion()));
        if (retry) {
            log.warn(
                    "migration {} failed on an earlier start and changed nothing then; running it again",
                    ATOMIC_NON_TRANSACTIONAL);
            flyway.repair();
        }
        flyway.migrate();
    }
}
