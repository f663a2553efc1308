package org.jcu.observable.warninglist;

import org.jspecify.annotations.Nullable;

/**
 * A warninglist file that is not a valid MISP warninglist: names the file, the field (a JSON pointer, RFC 6901, empty
 * for the whole document) and the rule it breaks.
 *
 * <p>Message form: {@code <source>: <pointer or "document">: <rule>}, e.g.
 * {@code lists/foo/list.json: /type: must be one of string, substring, hostname, cidr, regex (got "ip")}.
 */
public final class WarninglistFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String pointer;
    private final String rule;

    WarninglistFormatException(String source, String pointer, String rule) {
        this(source, pointer, rule, null);
    }

    WarninglistFormatException(String source, String pointer, String rule, @Nullable Throwable cause) {
        super(source + ": " + (pointer.isEmpty() ? "document" : pointer) + ": " + rule, cause);
        this.source = source;
        this.pointer = pointer;
        this.rule = rule;
    }

    /** The file: a path, or {@code classpath:warninglists/<slug>/list.json} for a shipped list. */
    public String source() {
        return source;
    }

    /** The field as a JSON pointer, e.g. {@code /type} or {@code /list/17}; empty for the whole document. */
    public String pointer() {
        return pointer;
    }

    /** The rule broken, e.g. {@code required} or {@code must be a string}. */
    public String rule() {
        return rule;
    }
}
