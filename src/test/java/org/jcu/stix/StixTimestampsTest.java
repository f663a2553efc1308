package org.jcu.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StixTimestamps}: what is a STIX timestamp, and version keys that sort chronologically as text. */
class StixTimestampsTest {

    /** Seed of the randomized ordering property; override with {@code -Djcu.test.seed=N}. */
    private static final long SEED = Long.getLong("jcu.test.seed", 20240917L);

    @Test
    void versionKeyIgnoresPrecision() {
        String key = StixTimestamps.versionKey("2024-03-01T12:00:00Z");

        assertThat(key).isEqualTo("2024-03-01T12:00:00.000000000Z").hasSize(30);
        assertThat(StixTimestamps.versionKey("2024-03-01T12:00:00.000Z")).isEqualTo(key);
        assertThat(StixTimestamps.versionKey("2024-03-01T12:00:00.000000000Z")).isEqualTo(key);
        assertThat(StixTimestamps.versionKey("2024-03-01T12:00:00.5Z"))
                .isEqualTo(StixTimestamps.versionKey("2024-03-01T12:00:00.500000Z"));
    }

    @Test
    void versionKeyOrdersAcrossPrecisions() {
        assertThat(StixTimestamps.versionKey("2024-03-01T12:00:00.1Z"))
                .isLessThan(StixTimestamps.versionKey("2024-03-01T12:00:00.123456Z"));
        assertThat(StixTimestamps.versionKey("2024-03-01T12:00:00.123456Z"))
                .isLessThan(StixTimestamps.versionKey("2024-03-01T12:00:00.2Z"));
        assertThat(StixTimestamps.versionKey("2024-03-01T12:00:00.999999999Z"))
                .isLessThan(StixTimestamps.versionKey("2024-03-01T12:00:01Z"));
        assertThat(StixTimestamps.versionKey("0999-01-01T00:00:00Z"))
                .isLessThan(StixTimestamps.versionKey("1970-01-01T00:00:00Z"));
    }

    @Test
    void randomTimestampsSortTheSameAsTextKeysAndAsInstants() {
        Random random = new Random(SEED);
        List<String> texts = new ArrayList<>();
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 2000; i++) {
            // few distinct seconds, so equal seconds with different fractions and precisions are common
            Instant instant = Instant.ofEpochSecond(
                    i % 3 == 0 ? from + random.nextInt(5) : from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            String whole = instant.toString().substring(0, 19);
            String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
            texts.add(whole + (digits == 0 ? "" : "." + fraction) + "Z");
        }
        List<String> byKey = texts.stream()
                .sorted(Comparator.comparing(StixTimestamps::versionKey))
                .toList();
        List<String> byInstant = texts.stream()
                .sorted(Comparator.comparing(StixTimestamps::parse))
                .toList();

        assertThat(byKey).as("seed %d", SEED).containsExactlyElementsOf(byInstant);
        assertThat(texts).as("seed %d", SEED).allSatisfy(t -> {
            assertThat(StixTimestamps.isValid(t)).isTrue();
            assertThat(StixTimestamps.instant(StixTimestamps.versionKey(t))).isEqualTo(StixTimestamps.parse(t));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00.1Z",
                "2024-12-31T23:59:59.999999999Z",
                "2024-02-29T00:00:00Z",
                "2016-12-31T23:59:60Z"
            })
    void acceptsStixTimestamps(String text) {
        assertThat(StixTimestamps.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2024-13-01T00:00:00Z",
                "2024-00-10T00:00:00Z",
                "2024-02-30T00:00:00Z",
                "2023-02-29T00:00:00Z",
                "2024-04-31T00:00:00Z",
                "2024-01-32T00:00:00Z",
                "2024-01-01T24:00:00Z",
                "2024-01-01T00:60:00Z",
                "2024-01-01T00:00:00",
                "2024-01-01T00:00:00.000",
                "2024-01-01T00:00:00+01:00",
                "2024-01-01T00:00:00.000+00:00",
                "2024-01-01T00:00:00z",
                "2024-01-01t00:00:00Z",
                "2024-01-01 00:00:00Z",
                "2024-01-01T00:00:00.Z",
                "2024-01-01T00:00:00.1234567890Z",
                "2024-01-01",
                "24-01-01T00:00:00Z",
                "+2024-01-01T00:00:00Z",
                "２０２４-01-01T00:00:00Z",
                ""
            })
    void rejectsTextThatIsNotAStixTimestamp(String text) {
        assertThat(StixTimestamps.isValid(text)).isFalse();
        assertThatThrownBy(() -> StixTimestamps.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StixTimestamps.versionKey(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNull() {
        assertThat(StixTimestamps.isValid(null)).isFalse();
        assertThatThrownBy(() -> StixTimestamps.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void microsHasFixedWidthAndRoundTrips() {
        Instant instant = Instant.parse("2024-03-01T12:00:00.123456Z");

        assertThat(StixTimestamps.micros(instant)).isEqualTo("2024-03-01T12:00:00.123456Z");
        assertThat(StixTimestamps.micros(Instant.parse("2024-03-01T12:00:00Z")))
                .isEqualTo("2024-03-01T12:00:00.000000Z");
        assertThat(StixTimestamps.instant(StixTimestamps.micros(instant))).isEqualTo(instant);
    }
}
