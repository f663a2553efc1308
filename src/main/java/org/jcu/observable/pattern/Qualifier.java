package org.jcu.observable.pattern;

import java.math.BigDecimal;
import org.jcu.observable.pattern.Literal.TimestampLiteral;

/**
 * A qualifier restricting which observations match the observation expression before it (STIX 2.1 §9, Pattern
 * Qualifiers): {@code WITHIN n SECONDS}, {@code REPEATS n TIMES}, {@code START t'..' STOP t'..'}.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Qualifier {

    /** The qualifier as pattern text, e.g. {@code WITHIN 300 SECONDS}. */
    String format();

    /**
     * {@code WITHIN n SECONDS}: the matching observations lie within {@code seconds} of each other; an integer or a
     * decimal as written ({@code 5} and {@code 5.0} differ), not negative.
     *
     * @throws IllegalArgumentException if {@code seconds} is negative
     */
    record Within(BigDecimal seconds) implements Qualifier {
        public Within {
            if (seconds.signum() < 0) {
                throw new IllegalArgumentException("WITHIN takes a non-negative number of seconds, got " + seconds);
            }
            if (seconds.scale() < 0) {
                seconds = seconds.setScale(0);
            }
        }

        @Override
        public String format() {
            return "WITHIN " + seconds.toPlainString() + " SECONDS";
        }
    }

    /**
     * {@code REPEATS n TIMES}: the observation expression matches {@code times} times.
     *
     * @throws IllegalArgumentException if {@code times} is negative
     */
    record Repeats(long times) implements Qualifier {
        public Repeats {
            if (times < 0) {
                throw new IllegalArgumentException("REPEATS takes a non-negative count, got " + times);
            }
        }

        @Override
        public String format() {
            return "REPEATS " + times + " TIMES";
        }
    }

    /**
     * {@code START t'..' STOP t'..'}: the matching observations lie in this time window; {@code start} must be before
     * {@code stop}.
     *
     * @throws IllegalArgumentException if {@code start} is not before {@code stop}
     */
    record StartStop(TimestampLiteral start, TimestampLiteral stop) implements Qualifier {
        public StartStop {
            if (LiteralRules.compareTimestamps(start.timestamp(), stop.timestamp()) >= 0) {
                throw new IllegalArgumentException("START " + start.format() + " is not before STOP " + stop.format());
            }
        }

        @Override
        public String format() {
            return "START " + start.format() + " STOP " + stop.format();
        }
    }
}
