package org.jcu.observable.pattern;

import java.util.Objects;
import org.jcu.observable.ObservableKind;

/**
 * A concrete observable value named by a pattern comparison, as written (decoded from its literal, not normalised).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the value is, from the object path
 * @param raw the decoded string literal, e.g. {@code 198.51.100.1}, {@code C:\Windows}; for an integer
 *     {@code autonomous-system:number}, its decimal text
 * @param objectPath the comparison's path as written by {@link Comparison#objectPath()}, e.g. {@code
 *     file:hashes.'SHA-256'}
 * @param cidr true if the value stands for a CIDR block rather than one address: the operand of {@code ISSUBSET}, or
 *     an IP value written with a {@code /prefix}; always false for other kinds
 */
public record ExtractedValue(ObservableKind kind, String raw, String objectPath, boolean cidr) {

    public ExtractedValue {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(raw);
        Objects.requireNonNull(objectPath);
    }
}
