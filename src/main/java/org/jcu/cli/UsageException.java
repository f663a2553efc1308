package org.jcu.cli;

/** A command-line mistake found after parsing (e.g. a malformed {@code --db}); reported in one line, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
