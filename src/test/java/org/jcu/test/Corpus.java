package org.jcu.test;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The one way tests reach the third-party test corpus in {@code ../shared/corpus} (override with the system
 * property or environment variable {@code JCU_CORPUS}). When it is absent (a plain clone) tests that need it are
 * skipped with a message; under CI ({@code CI=true}) its absence is a failure, so corpus tests always run there.
 */
public final class Corpus {

    private Corpus() {}

    /** The corpus root, or null if absent. */
    public static Path root() {
        String configured = System.getProperty("JCU_CORPUS", System.getenv("JCU_CORPUS"));
        Path candidate = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        return Files.isDirectory(candidate) ? candidate.toAbsolutePath().normalize() : null;
    }

    /**
     * A file or folder in the corpus; skips the calling test (or fails under CI) when the corpus is absent.
     *
     * @param relative path below the corpus root, e.g. {@code mitre-attack-stix21/ics-attack-18.1.json}
     */
    public static Path path(String relative) {
        Path root = root();
        if (root == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but the test corpus ../shared/corpus is missing");
            }
            Assumptions.abort("test corpus ../shared/corpus not found (plain clone): skipping corpus test");
        }
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("corpus file missing: " + file);
        }
        return file;
    }
}
