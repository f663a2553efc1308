package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jcu.intel.ImportOptions;
import org.jcu.intel.ImportReport;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.Communities;
import org.jcu.sharing.Compartment;
import org.jcu.sharing.Directory;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.HoldingSharing;
import org.jcu.sharing.Pap;
import org.jcu.sharing.Tlp;
import org.jcu.stix.StixObjectReader;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The correlation benchmark of issue 4, point 7, as a test that runs small in the suite (correctness asserted, figures
 * printed, never timed) and large by system properties (docs/BENCHMARKS.md, {@code bench/correlation-bench.sh}):
 *
 * <ol>
 *   <li>store: {@code jcu.bench.observables} values (default 200,000) in indicators of {@code jcu.bench.per-indicator}
 *       values each (default 10), imported through the real import pipeline by four organisations with different
 *       sharing (community GREEN, community AMBER, organisation-only, TLP:RED); about 1 % of values are CIDR blocks
 *       and about 10 % are shared by several indicators;
 *   <li>ingest with correlation on: {@code jcu.bench.ingest} single-value indicators (default 20,000), indicators/s;
 *   <li>batch correlation: {@code jcu.bench.batch} new values (default 20,000), a tenth of them CIDR blocks, through
 *       {@link Correlations#correlate}, values/s, with the planted matches checked;
 *   <li>single-value lookups through {@link Correlations#lookup} with an ordinary organisation's scope: p50/p99;
 *   <li>storage: bytes of the correlation tables and indexes against the observable tables and indexes (decision
 *       0015 says which is which).
 * </ol>
 */
public abstract class CorrelationBenchmarkContract extends StoreFixture {

    @Autowired
    Correlations correlations;

    @Autowired
    org.jcu.platform.StoreMaintenance maintenance;

    @Autowired
    Communities communities;

    @Test
    void correlationAtScale() throws InterruptedException {
        long observables = Long.getLong("jcu.bench.observables", 200_000);
        int perIndicator = Integer.getInteger("jcu.bench.per-indicator", 10);
        int ingest = Integer.getInteger("jcu.bench.ingest", 20_000);
        int batchSize = Integer.getInteger("jcu.bench.batch", 20_000);
        int lookups = Integer.getInteger("jcu.bench.lookups", 5_000);
        long seed = Long.getLong("jcu.bench.seed", 20261129L);
        resetStore();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Directory.Organization gov1 = org("bench-gov1-" + tag, Compartment.GOVERNMENT);
        Directory.Organization gov2 = org("bench-gov2-" + tag, Compartment.GOVERNMENT);
        Directory.Organization gov3 = org("bench-gov3-" + tag, Compartment.GOVERNMENT);
        Directory.Organization priv = org("bench-priv-" + tag, Compartment.PRIVATE);
        Communities.Community community =
                communities.create("bench-" + tag, Communities.Kind.TECHNICAL, "benchmark community");
        communities.recordMou(
                community.id(),
                "MoU-" + tag,
                "",
                java.time.LocalDate.now(),
                java.time.Instant.now().minusSeconds(60),
                null,
                List.of(gov1.id(), gov2.id(), gov3.id(), priv.id()));
        HoldingSharing green = new HoldingSharing(
                Distribution.COMMUNITIES, List.of(community.id()), List.of(), List.of(), Tlp.GREEN, Pap.GREEN);
        HoldingSharing amber = new HoldingSharing(
                Distribution.COMMUNITIES, List.of(community.id()), List.of(), List.of(), Tlp.AMBER, Pap.AMBER);
        HoldingSharing own = new HoldingSharing(
                Distribution.ORGANISATION_ONLY, List.of(), List.of(), List.of(), Tlp.AMBER, Pap.AMBER);
        HoldingSharing red = new HoldingSharing(
                Distribution.ORGANISATION_ONLY, List.of(), List.of(), List.of(gov1.id()), Tlp.RED, Pap.RED);

        // 1. the store
        ValueSpace space = new ValueSpace(seed, observables);
        long indicators = observables / perIndicator;
        long started = System.nanoTime();
        String[] owners = {gov1.id(), gov2.id(), gov3.id(), priv.id()};
        HoldingSharing[] sharings = {green, amber, own, red};
        long perOwner = indicators / owners.length;
        for (int o = 0; o < owners.length; o++) {
            long from = o * perOwner;
            long to = o == owners.length - 1 ? indicators : from + perOwner;
            ImportReport report = importGenerated(space, from, to, perIndicator, owners[o], sharings[o]);
            assertThat(report.clean())
                    .as(report.violations().stream().limit(3).toList().toString())
                    .isTrue();
        }
        double storeSeconds = (System.nanoTime() - started) / 1e9;
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM observable", Long.class);
        Long values = jdbc.queryForObject("SELECT COUNT(*) FROM observable_value", Long.class);
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: store of %,d indicators, %,d observable rows, %,d distinct values in %.1f s"
                        + " (%,.0f indicators/s, %,.0f observables/s)%n",
                indicators,
                stored,
                values,
                storeSeconds,
                indicators / storeSeconds,
                stored / storeSeconds);
        assertThat(stored).isGreaterThanOrEqualTo(observables * 9 / 10);
        settle("store");

        // 2. ingest with correlation on: single-value indicators, as in a feed
        ValueSpace fresh = new ValueSpace(seed + 1, ingest);
        started = System.nanoTime();
        ImportReport ingested = importGenerated(fresh, 0, ingest, 1, gov2.id(), green);
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(ingested.imported()).isEqualTo(ingest);
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: ingest with correlation: %,d indicators in %.2f s = %,.0f indicators/s%n",
                ingest,
                ingestSeconds,
                ingest / ingestSeconds);
        settle("ingest");

        // 3. batch correlation: values drawn from the stored space (planted matches) and new ones, 10 % blocks
        Random random = new Random(seed + 2);
        List<NormalizedValue> batch = new ArrayList<>(batchSize);
        Set<NormalizedValue> planted = new HashSet<>();
        for (int i = 0; i < batchSize; i++) {
            NormalizedValue v;
            if (i % 10 == 0) {
                int prefix = 16 + random.nextInt(13);
                v = Normalizer.normalize(ObservableKind.IP, space.ipv4(random) + "/" + prefix);
            } else if (i % 10 == 1) {
                v = space.stored(random);
                planted.add(v);
            } else {
                v = space.unstored(random);
            }
            batch.add(v);
        }
        correlations.correlate(batch.subList(0, Math.min(1000, batch.size()))); // warm-up
        started = System.nanoTime();
        Map<NormalizedValue, List<Correlations.Match>> matches = correlations.correlate(batch);
        double correlateSeconds = (System.nanoTime() - started) / 1e9;
        long blocksMatched = batch.stream()
                .filter(v -> v.range() != null && !v.range().isSingleAddress() && matches.containsKey(v))
                .count();
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: correlate %,d values (%,d CIDR blocks) in %.3f s = %,.0f values/s; %,d with matches"
                        + " (%,d planted, %,d blocks with addresses inside)%n",
                batch.size(),
                batchSize / 10,
                correlateSeconds,
                batch.size() / correlateSeconds,
                matches.size(),
                planted.size(),
                blocksMatched);
        for (int repeat = 1; repeat <= 2; repeat++) {
            Random again = new Random(seed + 100 + repeat);
            List<NormalizedValue> another = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                another.add(
                        i % 10 == 0
                                ? Normalizer.normalize(
                                        ObservableKind.IP, space.ipv4(again) + "/" + (16 + again.nextInt(13)))
                                : i % 10 == 1 ? space.stored(again) : space.unstored(again));
            }
            started = System.nanoTime();
            correlations.correlate(another);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "CorrelationBench: correlate again (another batch of %,d): %.3f s = %,.0f values/s%n",
                    another.size(),
                    seconds,
                    another.size() / seconds);
        }
        List<NormalizedValue> blocksOnly = batch.stream()
                .filter(v -> v.range() != null && !v.range().isSingleAddress())
                .toList();
        started = System.nanoTime();
        correlations.correlate(blocksOnly);
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: of which the %,d CIDR blocks alone: %.3f s%n",
                blocksOnly.size(),
                (System.nanoTime() - started) / 1e9);
        for (NormalizedValue v : planted) {
            assertThat(matches.get(v))
                    .as("planted value %s", v.value())
                    .anySatisfy(m -> assertThat(m.relation()).isEqualTo("equal"));
        }
        assertThat(blocksMatched).isPositive();

        // 4. single-value lookups through the service, with an ordinary organisation's scope
        AccessScope scope = scopeOf(gov3.id());
        long[] nanos = new long[lookups];
        int found = 0;
        for (int i = 0; i < Math.min(500, lookups); i++) {
            NormalizedValue v = space.stored(random);
            correlations.lookup(scope, v.kind(), v.value());
        }
        for (int i = 0; i < lookups; i++) {
            NormalizedValue v = i % 2 == 0 ? space.stored(random) : space.unstored(random);
            long t0 = System.nanoTime();
            List<Correlations.ValueHolders> answer =
                    correlations.lookup(scope, v.kind(), v.value()).correlations();
            nanos[i] = System.nanoTime() - t0;
            found += answer.isEmpty() ? 0 : 1;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: %,d lookups (half stored values), %,d with visible holders: p50 %.3f ms, p99 %.3f"
                        + " ms, max %.3f ms%n",
                lookups,
                found,
                nanos[lookups / 2] / 1e6,
                nanos[(int) (lookups * 0.99)] / 1e6,
                nanos[lookups - 1] / 1e6);
        assertThat(found).isPositive();

        // 5. storage
        Storage storage = storage();
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: storage: observable tables %,d bytes, correlation %,d bytes, ratio %.2f (%s)%n",
                storage.observable(),
                storage.correlation(),
                storage.correlation() / (double) storage.observable(),
                storage.detail());
        assertThat(storage.correlation()).isPositive();
    }

    /** Bytes of the observable tables/indexes and the correlation indexes (decision 0015). */
    record Storage(long observable, long correlation, String detail) {}

    abstract Storage storage();

    private Directory.Organization org(String name, Compartment compartment) {
        return directory.createOrganization(
                new Directory.NewOrganization(name, "BE", compartment, Set.of(), null, null));
    }

    private ImportReport importGenerated(
            ValueSpace space, long from, long to, int perIndicator, String orgId, HoldingSharing sharing) {
        try (StixObjectReader reader = StixObjectReader.of(
                new GeneratedIndicators(space, from, to, perIndicator), StixObjectReader.Format.NDJSON, "bench")) {
            return imports.importObjects(reader, new ImportOptions(orgId, "bench", false, sharing), n -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deterministic values: value {@code i} of the space is a function of (seed, i); about 10 % of the positions
     * repeat an earlier value (so values are shared), about 1 % are CIDR blocks.
     */
    static final class ValueSpace {
        final long seed;
        final long size;

        ValueSpace(long seed, long size) {
            this.seed = seed;
            this.size = size;
        }

        /** The pattern comparison for position {@code i}. */
        String comparison(long i) {
            long n = mix(i);
            if (Math.floorMod(n, 10) == 0 && i > 0) {
                return comparison(Math.floorMod(mix(n), i)); // shared with an earlier position
            }
            long r = mix(n + 1);
            return switch ((int) Math.floorMod(n >>> 8, 100)) {
                case 0 -> "ipv4-addr:value ISSUBSET '" + ipv4(r) + "/" + (20 + Math.floorMod(r >>> 40, 9)) + "'";
                default -> {
                    int k = (int) Math.floorMod(n >>> 16, 10);
                    if (k < 4) {
                        yield "ipv4-addr:value = '" + ipv4(r) + "'";
                    } else if (k < 6) {
                        yield "domain-name:value = 'h" + Long.toHexString(r & 0xffffffffL) + ".example-"
                                + Math.floorMod(r >>> 32, 5000) + ".com'";
                    } else if (k < 7) {
                        yield "url:value = 'http://u" + Long.toHexString(r & 0xffffffffL) + ".example.net/p/"
                                + Math.floorMod(r >>> 32, 100000) + "'";
                    } else if (k < 8) {
                        yield "ipv6-addr:value = '2001:db8:" + Long.toHexString((r >>> 48) & 0xffff) + "::"
                                + Long.toHexString(r & 0xffff) + "'";
                    } else {
                        yield "file:hashes.'SHA-256' = '" + sha256(r) + "'";
                    }
                }
            };
        }

        NormalizedValue stored(Random random) {
            long i = Math.floorMod(random.nextLong(), size);
            String comparison = comparison(i);
            while (comparison.contains("ISSUBSET")) {
                comparison = comparison(Math.floorMod(random.nextLong(), size));
            }
            return toValue(comparison);
        }

        NormalizedValue unstored(Random random) {
            return Normalizer.normalize(
                    ObservableKind.DOMAIN, "fresh-" + Long.toHexString(random.nextLong()) + ".example.org");
        }

        String ipv4(Random random) {
            return ipv4(random.nextLong());
        }

        static NormalizedValue toValue(String comparison) {
            String raw = comparison.substring(comparison.lastIndexOf(" '") + 2, comparison.lastIndexOf('\''));
            ObservableKind kind = comparison.startsWith("ipv")
                    ? ObservableKind.IP
                    : comparison.startsWith("domain")
                            ? ObservableKind.DOMAIN
                            : comparison.startsWith("url") ? ObservableKind.URL : ObservableKind.SHA_256;
            return Normalizer.normalize(kind, raw);
        }

        static String ipv4(long r) {
            return (1 + Math.floorMod(r, 223)) + "." + Math.floorMod(r >>> 8, 256) + "." + Math.floorMod(r >>> 16, 256)
                    + "." + Math.floorMod(r >>> 24, 256);
        }

        static String sha256(long r) {
            StringBuilder out = new StringBuilder(64);
            long x = r;
            for (int i = 0; i < 4; i++) {
                x = mixStatic(x + i);
                out.append(String.format(Locale.ROOT, "%016x", x));
            }
            return out.toString();
        }

        long mix(long i) {
            return mixStatic(i * 0x9E3779B97F4A7C15L + seed);
        }

        static long mixStatic(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    /** NDJSON of indicators {@code from..to}, each OR-ing {@code perIndicator} values of the space, made on demand. */
    static final class GeneratedIndicators extends InputStream {
        private final ValueSpace space;
        private final int perIndicator;
        private long next;
        private final long to;
        private byte[] line = new byte[0];
        private int pos;

        GeneratedIndicators(ValueSpace space, long from, long to, int perIndicator) {
            this.space = space;
            this.next = from;
            this.to = to;
            this.perIndicator = perIndicator;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() {
            if (pos < line.length) {
                return true;
            }
            if (next >= to) {
                return false;
            }
            long i = next++;
            StringBuilder pattern = new StringBuilder();
            for (int k = 0; k < perIndicator; k++) {
                pattern.append(k == 0 ? "" : " OR ").append('[').append(space.comparison(i * perIndicator + k));
                pattern.append(']');
            }
            String ts = "2026-11-0" + (1 + Math.floorMod(i, 9)) + "T10:00:00.000Z";
            String json = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
                    + new UUID(
                            (space.mix(i) & ~0xF000L) | 0x4000L,
                            (space.mix(i + 1) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                    + "\",\"created\":\"" + ts + "\",\"modified\":\"" + ts + "\",\"name\":\"bench " + i
                    + "\",\"indicator_types\":[\"malicious-activity\"],\"pattern\":\""
                    + pattern.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"pattern_type\":\"stix\",\"valid_from\":\"" + ts + "\",\"confidence\":"
                    + Math.floorMod(space.mix(i), 101) + "}\n";
            line = json.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }

    /**
     * Waits for the maintenance a large import leaves to the background, so the next phase is measured alone and on
     * the settled store, and prints how long it took (part of the store's cost, not of the import's time): SQLite's
     * WAL checkpoint (decision 0018), PostgreSQL's VACUUM of the correlation tables (decision 0019).
     */
    private void settle(String phase) throws InterruptedException {
        long started = System.nanoTime();
        if (org.jcu.platform.Databases.isPostgres(jdbc)) {
            assertThat(maintenance.awaitIdle(java.time.Duration.ofMinutes(10)))
                    .as("background VACUUM within 10 minutes")
                    .isTrue();
            double vacuum = (System.nanoTime() - started) / 1e9;
            // and the server's own checkpoint of the gigabytes just written, as the WAL checkpoint on SQLite below
            jdbc.execute("CHECKPOINT");
            System.out.printf(
                    Locale.ROOT,
                    "CorrelationBench: background VACUUM after the %s phase: %.1f s; CHECKPOINT %.1f s%n",
                    phase,
                    vacuum,
                    (System.nanoTime() - started) / 1e9 - vacuum);
            return;
        }
        long deadline = started + 600_000_000_000L;
        boolean done = false;
        while (!done) {
            try {
                // PASSIVE, as the server's background checkpoint (no truncation: the WAL file is reused); columns:
                // busy (another checkpoint, e.g. the background one, is running), frames in the WAL, frames copied
                done = Boolean.TRUE.equals(jdbc.queryForObject(
                        "PRAGMA wal_checkpoint(PASSIVE)",
                        (rs, n) -> rs.getInt(1) == 0 && rs.getInt(2) == rs.getInt(3)));
            } catch (org.springframework.dao.DataAccessException e) {
                done = false; // busy beyond the busy timeout
            }
            assertThat(done || System.nanoTime() < deadline)
                    .as("WAL checkpoint within 10 minutes")
                    .isTrue();
            if (!done) {
                Thread.sleep(20);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "CorrelationBench: WAL checkpoint after the %s phase: %.1f s%n",
                phase,
                (System.nanoTime() - started) / 1e9);
    }
}
