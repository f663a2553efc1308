package org.jcu.observable.pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jcu.observable.ObservableKind;
import org.jcu.observable.pattern.Literal.IntegerLiteral;
import org.jcu.observable.pattern.Literal.StringLiteral;
import org.jspecify.annotations.Nullable;

/**
 * The concrete observable values a pattern names, for correlation: the values of comparisons that say "the property
 * is this value", i.e. operator {@code =} or {@code IN} (each element), not negated; for IP paths also {@code
 * ISSUBSET} with its CIDR block. Comparisons under any observation operator (AND, OR, FOLLOWEDBY) and qualifier
 * count; ranges, patterns ({@code LIKE}, {@code MATCHES}) and negations name no value and are skipped.
 *
 * <p>Object paths read (STIX 2.1 §6 Cyber-observable Objects), the index of a list step does not matter:
 *
 * <ul>
 *   <li>{@code ipv4-addr:value}, {@code ipv6-addr:value}: {@link ObservableKind#IP}
 *   <li>{@code network-traffic:src_ref.value}, {@code network-traffic:dst_ref.value}: {@link ObservableKind#IP} if the
 *       value contains {@code :} or only digits, dots and {@code /}, else {@link ObservableKind#DOMAIN}
 *   <li>{@code domain-name:value}: {@link ObservableKind#DOMAIN}; {@code url:value}: {@link ObservableKind#URL}
 *   <li>{@code email-addr:value} and {@code email-message:} {@code from_ref.value}, {@code sender_ref.value}, {@code
 *       to_refs[*].value}, {@code cc_refs[*].value}, {@code bcc_refs[*].value}: {@link ObservableKind#EMAIL}
 *   <li>{@code mac-addr:value}: {@link ObservableKind#MAC}; {@code autonomous-system:number} (integer or string):
 *       {@link ObservableKind#ASN}
 *   <li>{@code windows-registry-key:key} (and {@code win-registry-key:key}, the name §9's own examples use): {@link
 *       ObservableKind#WINDOWS_REGISTRY_KEY}
 *   <li>{@code file:hashes.X}, {@code artifact:hashes.X}, {@code x509-certificate:hashes.X}: the hash kind of
 *       algorithm X ({@link ObservableKind#forHashAlgorithm}); unknown algorithms are skipped
 * </ul>
 *
 * <p>Other paths ({@code file:name}, {@code directory:path}, ...), non-string values (except ASN integers) and empty
 * strings are skipped. Values are returned as written: normalising is the Normalizer's job. Stateless and
 * thread-safe.
 */
public final class PatternObservables {

    private static final Map<String, ObservableKind> PATHS = Map.ofEntries(
            Map.entry("ipv4-addr:value", ObservableKind.IP),
            Map.entry("ipv6-addr:value", ObservableKind.IP),
            Map.entry("domain-name:value", ObservableKind.DOMAIN),
            Map.entry("url:value", ObservableKind.URL),
            Map.entry("email-addr:value", ObservableKind.EMAIL),
            Map.entry("email-message:from_ref.value", ObservableKind.EMAIL),
            Map.entry("email-message:sender_ref.value", ObservableKind.EMAIL),
            Map.entry("email-message:to_refs[*].value", ObservableKind.EMAIL),
            Map.entry("email-message:cc_refs[*].value", ObservableKind.EMAIL),
            Map.entry("email-message:bcc_refs[*].value", ObservableKind.EMAIL),
            Map.entry("mac-addr:value", ObservableKind.MAC),
            Map.entry("autonomous-system:number", ObservableKind.ASN),
            Map.entry("windows-registry-key:key", ObservableKind.WINDOWS_REGISTRY_KEY),
            Map.entry("win-registry-key:key", ObservableKind.WINDOWS_REGISTRY_KEY));

    /** Addresses of either family, decided by a simple check: the Normalizer decides what they really are. */
    private static final Set<String> NETWORK_REFS =
            Set.of("network-traffic:src_ref.value", "network-traffic:dst_ref.value");

    private static final Set<String> HASHED_TYPES = Set.of("file", "artifact", "x509-certificate");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9./]+");

    private PatternObservables() {}

    /**
     * The concrete values of a pattern, in the order of {@link StixPattern#comparisons()}, each distinct value (same
     * kind, raw text, path and cidr flag) once.
     */
    public static List<ExtractedValue> extract(StixPattern pattern) {
        Set<ExtractedValue> found = new LinkedHashSet<>();
        for (Comparison comparison : pattern.comparisons()) {
            if (!comparison.negated()) {
                extract(comparison, found);
            }
        }
        return List.copyOf(new ArrayList<>(found));
    }

    private static void extract(Comparison comparison, Set<ExtractedValue> found) {
        ComparisonOperator operator = comparison.operator();
        if (operator != ComparisonOperator.EQ
                && operator != ComparisonOperator.IN
                && operator != ComparisonOperator.ISSUBSET) {
            return;
        }
        String key = pathKey(comparison);
        boolean networkRef = NETWORK_REFS.contains(key);
        Optional<ObservableKind> kind = networkRef ? Optional.of(ObservableKind.IP) : kind(comparison, key);
        if (kind.isEmpty() || (operator == ComparisonOperator.ISSUBSET && kind.get() != ObservableKind.IP)) {
            return;
        }
        for (Literal value : comparison.values()) {
            String raw = raw(value, kind.get());
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            ObservableKind valueKind = kind.get();
            if (networkRef && operator != ComparisonOperator.ISSUBSET && !looksLikeIp(raw)) {
                valueKind = ObservableKind.DOMAIN;
            }
            boolean cidr =
                    valueKind == ObservableKind.IP && (operator == ComparisonOperator.ISSUBSET || raw.contains("/"));
            found.add(new ExtractedValue(valueKind, raw, comparison.objectPath(), cidr));
        }
    }

    private static Optional<ObservableKind> kind(Comparison comparison, String key) {
        ObservableKind fixed = PATHS.get(key);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        List<PathStep> path = comparison.path();
        if (HASHED_TYPES.contains(comparison.objectType())
                && path.size() == 2
                && path.get(0).equals(new PathStep.Property("hashes"))
                && path.get(1) instanceof PathStep.Property algorithm) {
            return ObservableKind.forHashAlgorithm(algorithm.name());
        }
        return Optional.empty();
    }

    /** Type and path with names unquoted and every list index as {@code [*]}, e.g. {@code file:hashes.SHA-256}. */
    private static String pathKey(Comparison comparison) {
        StringBuilder key = new StringBuilder(comparison.objectType()).append(':');
        for (int i = 0; i < comparison.path().size(); i++) {
            PathStep step = comparison.path().get(i);
            if (step instanceof PathStep.Property property) {
                key.append(i == 0 ? "" : ".").append(property.name());
            } else {
                key.append("[*]");
            }
        }
        return key.toString();
    }

    private static @Nullable String raw(Literal value, ObservableKind kind) {
        if (value instanceof StringLiteral string) {
            return string.value();
        }
        if (kind == ObservableKind.ASN && value instanceof IntegerLiteral integer) {
            return integer.value().toString();
        }
        return null;
    }

    private static boolean looksLikeIp(String raw) {
        return raw.indexOf(':') >= 0 || DIGITS_AND_DOTS.matcher(raw).matches();
    }
}
