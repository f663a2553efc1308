package org.jcu.stix;

/**
 * The input is not well-formed JSON / NDJSON, or is truncated. Nothing from such an input is written.
 */
public final class MalformedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where (line and column, or NDJSON line number) */
    public MalformedInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what is wrong and where */
    public MalformedInputException(String message) {
        super(message);
    }
}
