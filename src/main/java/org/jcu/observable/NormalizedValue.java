package org.jcu.observable;

import org.jspecify.annotations.Nullable;

/**
 * An observable value in its canonical form, as returned by {@link Normalizer#normalize}. Two values of one
 * {@link ObservableKind} correlate when their {@link #value()}s are equal or, for {@link ObservableKind#IP}, when one
 * {@link #range()} contains the other.
 *
 * @param kind what the value is
 * @param value the canonical form used for correlation; normalising it again gives the same value
 * @param original the input exactly as given (for display and provenance)
 * @param range the address or block for {@link ObservableKind#IP}, {@code null} for every other kind
 */
public record NormalizedValue(
        ObservableKind kind,
        String value,
        String original,
        @Nullable IpRange range) {

    /** @throws IllegalArgumentException if {@code range} is missing for an IP value or present for another kind */
    public NormalizedValue {
        if ((range != null) != (kind == ObservableKind.IP)) {
            throw new IllegalArgumentException("an IP range is required for ip values and only for them");
        }
    }
}
