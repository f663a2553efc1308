/**
 * STIX 2.1 patterns (STIX 2.1 §9): {@link org.jcu.observable.pattern.StixPattern#parse} reads the {@code pattern} of
 * an indicator with jcu's own ANTLR grammar ({@code src/main/antlr4/org/jcu/observable/pattern/StixPattern.g4}) into
 * an immutable tree of records ({@link org.jcu.observable.pattern.ObservationExpression}, {@link
 * org.jcu.observable.pattern.Comparison}, {@link org.jcu.observable.pattern.Literal}, ...) or refuses it with a
 * {@link org.jcu.observable.pattern.PatternException} naming offset and rule; {@link
 * org.jcu.observable.pattern.StixPattern#format()} writes it back as text that parses to the same tree; {@link
 * org.jcu.observable.pattern.PatternObservables#extract} lists the concrete values a pattern names, by {@link
 * org.jcu.observable.ObservableKind}, for correlation.
 *
 * <p>The classes ANTLR generates here ({@code StixPatternLexer}, {@code StixPatternParser}, {@code
 * StixPatternVisitor}, {@code StixPatternBaseVisitor}) are public only because ANTLR always writes them so; they are
 * not API. Everything here is immutable or stateless and thread-safe.
 */
@NullMarked
package org.jcu.observable.pattern;

import org.jspecify.annotations.NullMarked;
