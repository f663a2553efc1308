package org.jcu.observable.pattern;

import java.util.Objects;

/**
 * One step of an object path after the object type (STIX 2.1 §9, Object Path Syntax): a property name, a list index
 * or any list element. {@code file:extensions.'windows-pebinary-ext'.sections[*].entropy} is the type {@code file}
 * and the steps {@code extensions}, {@code windows-pebinary-ext}, {@code sections}, {@code [*]}, {@code entropy}.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface PathStep {

    /** {@code [*]}. */
    AnyIndex ANY_INDEX = new AnyIndex();

    /**
     * A property (or dictionary key) name, unquoted: {@code SHA-256} for {@code 'SHA-256'}. How it was written
     * (quoted or bare) is not kept; {@link StixPattern#format()} quotes it when it needs quotes.
     */
    record Property(String name) implements PathStep {
        public Property {
            Objects.requireNonNull(name);
        }
    }

    /** {@code [n]}: the list element at {@code index}. */
    record Index(int index) implements PathStep {}

    /** {@code [*]}: any element of the list. */
    record AnyIndex() implements PathStep {}
}
