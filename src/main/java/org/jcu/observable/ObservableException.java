package org.jcu.observable;

/**
 * An observable value that cannot be normalised: names the {@link #kind()}, the value exactly as given
 * ({@link #value()}) and the rule it breaks ({@link #rule()}, with its source), e.g. {@code ip value "300.1.1.1": not
 * an IPv4 or IPv6 address (RFC 4291 §2.2 / dotted quad)}.
 *
 * <p>In the message the value is cut after 200 characters and control characters are escaped, so the message is safe
 * to log; {@link #value()} is the untouched input. Immutable and thread-safe.
 */
public final class ObservableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 200;

    private final ObservableKind kind;
    private final String value;
    private final String rule;

    /**
     * @param kind the kind the value was normalised as
     * @param value the value exactly as given
     * @param rule the rule it breaks, with its source, phrased for a user who has to fix the value
     */
    public ObservableException(ObservableKind kind, String value, String rule) {
        super(kind.code() + " value " + quote(value) + ": " + rule);
        this.kind = kind;
        this.value = value;
        this.rule = rule;
    }

    /** The kind the value was normalised as. */
    public ObservableKind kind() {
        return kind;
    }

    /** The value exactly as given. */
    public String value() {
        return value;
    }

    /** The broken rule with its source, without the kind and value. */
    public String rule() {
        return rule;
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 16).append('"');
        int shown = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (value.length() > MAX_SHOWN) {
            out.append("… (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }
}
