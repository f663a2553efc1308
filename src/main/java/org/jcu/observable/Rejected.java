package org.jcu.observable;

/**
 * A broken normalisation rule inside the normalisers; {@link Normalizer} turns it into an {@link ObservableException}
 * that names the kind and the whole value. No stack trace: it is control flow, not a defect.
 */
final class Rejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Rejected(String rule) {
        super(rule, null, false, false);
    }

    String rule() {
        return getMessage();
    }
}
