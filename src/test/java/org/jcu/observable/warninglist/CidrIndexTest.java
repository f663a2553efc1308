package org.jcu.observable.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jcu.observable.IpRange;
import org.junit.jupiter.api.Test;

/** The prefix-length index agrees with a linear scan over {@link IpRange#contains} (seeded random ranges). */
class CidrIndexTest {

    private static final long SEED = 20240917L;

    private static IpRange randomRange(Random random, boolean ipv4) {
        byte[] address = new byte[16];
        random.nextBytes(address);
        if (ipv4) {
            System.arraycopy(new byte[10], 0, address, 0, 10);
            address[10] = (byte) 0xff;
            address[11] = (byte) 0xff;
            // few distinct leading bits so that ranges nest and collide often
            address[12] = (byte) (10 + random.nextInt(2));
            return IpRange.of(address, 96 + random.nextInt(33));
        }
        address[0] = 0x20;
        address[1] = 0x01;
        address[2] = 0x0d;
        address[3] = (byte) (0xb8 + random.nextInt(2));
        return IpRange.of(address, random.nextInt(129));
    }

    @Test
    void agreesWithALinearScanOnRandomNestedRanges() {
        Random random = new Random(SEED);
        List<IpRange> ranges = new ArrayList<>();
        List<Integer> lists = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            IpRange range = randomRange(random, random.nextBoolean());
            ranges.add(range);
            lists.add(i % 5);
            entries.add(range.canonical());
        }
        CidrIndex index = new CidrIndex(ranges, lists, entries);

        for (int probe = 0; probe < 3_000; probe++) {
            IpRange existing = ranges.get(random.nextInt(ranges.size()));
            IpRange value = random.nextInt(4) == 0
                    ? existing.truncate(Math.max(0, existing.prefix() - random.nextInt(3)))
                    : randomRange(random, random.nextBoolean());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).contains(value)) {
                    expected.add(lists.get(i) + " " + entries.get(i));
                }
            }
            List<String> found = new ArrayList<>();
            index.visitContaining(value, (list, entry) -> found.add(list + " " + entry));

            assertThat(found)
                    .as("containing %s (seed %d)", value, SEED)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().distinct().toList());
        }
    }

    @Test
    void visitsTheMostSpecificRangeFirst() {
        List<IpRange> ranges =
                List.of(IpText.parse("0.0.0.0/0"), IpText.parse("10.0.0.0/8"), IpText.parse("10.1.0.0/16"));
        CidrIndex index = new CidrIndex(ranges, List.of(0, 0, 0), List.of("all", "eight", "sixteen"));
        List<String> found = new ArrayList<>();

        index.visitContaining(IpText.parse("10.1.2.3"), (list, entry) -> found.add(entry));

        assertThat(found).containsExactly("sixteen", "eight", "all");
    }
}
