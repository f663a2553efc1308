package org.jcu.sighting;

import java.time.Duration;
import java.util.Map;
import org.jcu.observable.ObservableKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Decay settings ({@code jcu.decay.*}).
 *
 * @param halfLife          half-life per observable kind code ({@code jcu.decay.half-life.ip=30d}); kinds not listed
 *     use {@code defaultHalfLife}
 * @param defaultHalfLife   half-life of kinds not listed, and of indicators without indexed observables
 * @param defaultConfidence STIX {@code confidence} (0..100) assumed when an indicator has none
 */
@ConfigurationProperties("jcu.decay")
public record DecayProperties(
        @DefaultValue({}) Map<String, Duration> halfLife,
        @DefaultValue("180d") Duration defaultHalfLife,
        @DefaultValue("50") int defaultConfidence) {

    /** Built-in half-lives: infrastructure changes hands fast, file hashes never change meaning. */
    static final Map<ObservableKind, Duration> BUILT_IN = Map.of(
            ObservableKind.IP, Duration.ofDays(30),
            ObservableKind.URL, Duration.ofDays(60),
            ObservableKind.DOMAIN, Duration.ofDays(90),
            ObservableKind.EMAIL, Duration.ofDays(180),
            ObservableKind.MAC, Duration.ofDays(365));

    /**
     * @throws IllegalArgumentException naming the key when a value is out of range or a kind is unknown
     */
    public DecayProperties {
        halfLife = Map.copyOf(halfLife);
        for (Map.Entry<String, Duration> e : halfLife.entrySet()) {
            ObservableKind.ofCode(e.getKey());
            if (e.getValue().isNegative() || e.getValue().isZero()) {
                throw new IllegalArgumentException("jcu.decay.half-life." + e.getKey() + " must be positive");
            }
        }
        if (defaultHalfLife.isNegative() || defaultHalfLife.isZero()) {
            throw new IllegalArgumentException("jcu.decay.default-half-life must be positive");
        }
        if (defaultConfidence < 0 || defaultConfidence > 100) {
            throw new IllegalArgumentException("jcu.decay.default-confidence must be 0..100, got " + defaultConfidence);
        }
    }

    /** The half-life of {@code kind}: configured, else built in (hashes: 365 days), else the default. */
    public Duration halfLifeOf(ObservableKind kind) {
        Duration configured = halfLife.get(kind.code());
        if (configured != null) {
            return configured;
        }
        if (kind.isHash()) {
            return Duration.ofDays(365);
        }
        return BUILT_IN.getOrDefault(kind, defaultHalfLife);
    }
}
