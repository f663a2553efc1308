package org.jcu.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded randomized properties of {@link Normalizer}: idempotence for every kind, and notation independence checked
 * against oracles that do not share the code under test (an RFC 5952 formatter written here, BigInteger masks,
 * {@link java.net.IDN} for simple IDN labels). The seed is printed; replay a failure with {@code -Djcu.norm.seed=N}.
 */
class NormalizerPropertyTest {

    static final long SEED = IpRangeTest.SEED;
    static final int ROUNDS = 2_000;

    @BeforeAll
    static void printSeed() {
        System.out.println("NormalizerPropertyTest seed " + SEED + " (replay: -Djcu.norm.seed=" + SEED + ")");
    }

    // ---------------------------------------------------------------------------------------------------- IP

    @Test
    void ipv6InAnyNotationGivesTheSameValueAndRange() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            int[] groups = randomGroups(random);
            int prefix = random.nextInt(4) == 0 ? 128 : random.nextInt(129);
            int[] network = mask(groups, prefix);
            String expected =
                    rfc5952(network) + (prefix == 128 ? "" : "/" + (isMapped(network) ? prefix - 96 : prefix));
            byte[] expectedBytes = bytes(network);

            for (int variant = 0; variant < 6; variant++) {
                String text = renderIpv6(groups, random) + (prefix == 128 && random.nextBoolean() ? "" : "/" + prefix);
                NormalizedValue value = Normalizer.normalize(ObservableKind.IP, text);

                assertThat(value.value()).as("seed %d: %s", SEED, text).isEqualTo(expected);
                assertThat(value.range().network())
                        .as("seed %d: %s", SEED, text)
                        .isEqualTo(expectedBytes);
                assertThat(value.range().prefix()).as("seed %d: %s", SEED, text).isEqualTo(prefix);
            }
        }
    }

    @Test
    void ipv4AndItsMappedNotationsGiveTheSameValueAndRange() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            int[] octets = {octet(random), octet(random), octet(random), octet(random)};
            int prefix = random.nextInt(3) == 0 ? 32 : random.nextInt(33);
            String dotted = octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
            NormalizedValue plain = Normalizer.normalize(ObservableKind.IP, dotted + "/" + prefix);
            long bits =
                    Long.parseLong(String.format("%02x%02x%02x%02x", octets[0], octets[1], octets[2], octets[3]), 16);
            long network = prefix == 0 ? 0 : bits & (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            String expected = (network >>> 24) + "." + ((network >>> 16) & 255) + "." + ((network >>> 8) & 255) + "."
                    + (network & 255) + (prefix == 32 ? "" : "/" + prefix);

            assertThat(plain.value()).as("seed %d: %s/%d", SEED, dotted, prefix).isEqualTo(expected);
            assertThat(plain.range().isIpv4()).isTrue();
            int[] mapped = {0, 0, 0, 0, 0, 0xffff, octets[0] << 8 | octets[1], octets[2] << 8 | octets[3]};
            for (int variant = 0; variant < 4; variant++) {
                String text = renderIpv6(mapped, random) + "/" + (96 + prefix);
                NormalizedValue value = Normalizer.normalize(ObservableKind.IP, text);

                assertThat(value.value()).as("seed %d: %s", SEED, text).isEqualTo(expected);
                assertThat(value.range()).as("seed %d: %s", SEED, text).isEqualTo(plain.range());
            }
        }
    }

    @Test
    void cidrContainmentIsByBitsWhateverTheNotation() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            int[] groups = randomGroups(random);
            int prefix = random.nextInt(129);
            String block = renderIpv6(groups, random) + "/" + prefix;

            BigInteger network = new BigInteger(1, bytes(groups));
            BigInteger inside = network.xor(new BigInteger(128 - prefix, random));
            String insideText = renderIpv6(groups(inside), random);
            IpRange blockRange = Normalizer.normalize(ObservableKind.IP, block).range();

            assertThat(blockRange.contains(
                            Normalizer.normalize(ObservableKind.IP, insideText).range()))
                    .as("seed %d: %s contains %s", SEED, block, insideText)
                    .isTrue();
            if (prefix > 0) {
                BigInteger outside = network.flipBit(127 - random.nextInt(prefix));
                String outsideText = renderIpv6(groups(outside), random);
                assertThat(blockRange.contains(Normalizer.normalize(ObservableKind.IP, outsideText)
                                .range()))
                        .as("seed %d: %s does not contain %s", SEED, block, outsideText)
                        .isFalse();
            }
        }
    }

    /** Eight 16-bit groups: often zero runs, sometimes IPv4-mapped, all zero or all one. */
    static int[] randomGroups(Random random) {
        int[] groups = new int[8];
        switch (random.nextInt(6)) {
            case 0 -> {
                groups[5] = 0xffff;
                groups[6] = random.nextInt(0x10000);
                groups[7] = random.nextInt(0x10000);
            }
            case 1 -> {
                if (random.nextBoolean()) {
                    java.util.Arrays.fill(groups, 0xffff);
                }
            }
            default -> {
                for (int i = 0; i < 8; i++) {
                    int kind = random.nextInt(10);
                    groups[i] = kind < 4 ? 0 : kind < 6 ? random.nextInt(16) : random.nextInt(0x10000);
                }
            }
        }
        return groups;
    }

    /** One of the many RFC 4291 §2.2 texts of the address: any case, padding, any zero run compressed, dotted tail. */
    static String renderIpv6(int[] groups, Random random) {
        boolean dottedTail = random.nextInt(4) == 0;
        int hexGroups = dottedTail ? 6 : 8;
        int caseMode = random.nextInt(3); // lower, upper, mixed
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < hexGroups; i++) {
            String hex = Integer.toHexString(groups[i]);
            while (hex.length() < 4 && random.nextInt(3) == 0) {
                hex = "0" + hex;
            }
            boolean upper = caseMode == 1 || (caseMode == 2 && random.nextBoolean());
            parts.add(upper ? hex.toUpperCase(Locale.ROOT) : hex);
        }
        List<int[]> zeroRuns = new ArrayList<>();
        for (int start = 0; start < hexGroups; start++) {
            for (int end = start + 1; end <= hexGroups && groups[end - 1] == 0; end++) {
                zeroRuns.add(new int[] {start, end});
            }
        }
        String text;
        if (zeroRuns.isEmpty() || random.nextInt(3) == 0) {
            text = String.join(":", parts);
            if (dottedTail) {
                text += ":";
            }
        } else {
            int[] run = zeroRuns.get(random.nextInt(zeroRuns.size()));
            text = String.join(":", parts.subList(0, run[0])) + "::"
                    + String.join(":", parts.subList(run[1], hexGroups));
            if (dottedTail && run[1] < hexGroups) {
                text += ":";
            }
        }
        if (dottedTail) {
            text += (groups[6] >>> 8) + "." + (groups[6] & 255) + "." + (groups[7] >>> 8) + "." + (groups[7] & 255);
        }
        return text;
    }

    /** Oracle: RFC 5952 §4 text, independent of Guava; IPv4-mapped addresses as dotted quad (jcu's choice). */
    static String rfc5952(int[] groups) {
        if (isMapped(groups)) {
            return (groups[6] >>> 8) + "." + (groups[6] & 255) + "." + (groups[7] >>> 8) + "." + (groups[7] & 255);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never compressed (§4.2.2)
        for (int start = 0; start < 8; start++) {
            int end = start;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - start > bestLength) { // strictly longer: the first of equal runs wins (§4.2.3)
                bestStart = start;
                bestLength = end - start;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    static boolean isMapped(int[] groups) {
        return groups[0] == 0
                && groups[1] == 0
                && groups[2] == 0
                && groups[3] == 0
                && groups[4] == 0
                && groups[5] == 0xffff;
    }

    static int[] mask(int[] groups, int prefix) {
        BigInteger value = new BigInteger(1, bytes(groups));
        BigInteger all = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        return groups(value.and(all.shiftLeft(128 - prefix).and(all)));
    }

    static byte[] bytes(int[] groups) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >>> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return out;
    }

    static int[] groups(BigInteger value) {
        byte[] bytes = IpRangeTest.toBytes(value);
        int[] out = new int[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        return out;
    }

    static int octet(Random random) {
        int kind = random.nextInt(6);
        return kind == 0 ? 0 : kind == 1 ? 255 : random.nextInt(256);
    }

    // ---------------------------------------------------------------------------------------------------- names

    private static final String[] SCRIPTS = {
        "abcdefghijklmnopqrstuvwxyz0123456789äöüéèêñçøåæ", "абвгдежзийклмнопрстуфхцчшщыэюя0123456789",
        "αβγδεζηθικλμνξοπρστυφχψω0123456789", "abcdefghijklmnopqrstuvwxyz0123456789-"
    };

    /** A random IDN in lower-case Unicode form; each label of one script (so no Bidi rule applies). */
    static String randomUnicodeName(Random random) {
        int labels = 1 + random.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            String pool = SCRIPTS[random.nextInt(SCRIPTS.length)];
            StringBuilder label = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                char c = pool.charAt(random.nextInt(pool.length()));
                boolean edge = j == 0 || j == length - 1 || j == 2 || j == 3;
                label.append(c == '-' && edge ? 'x' : c);
            }
            out.add(label.toString());
        }
        String last = out.get(out.size() - 1);
        if (Texts.isAsciiDigits(last)) {
            out.set(out.size() - 1, last + "x");
        }
        return String.join(".", out);
    }

    /** Oracle: the JDK's IDNA2003 ToASCII, which agrees with UTS #46 for these letters (no deviation characters). */
    static String aLabels(String unicodeName) {
        List<String> out = new ArrayList<>();
        for (String label : unicodeName.split("\\.")) {
            out.add(IDN.toASCII(label).toLowerCase(Locale.ROOT));
        }
        return String.join(".", out);
    }

    /** The name with each label as U-label or A-label, in random case, maybe with a trailing or ideographic dot. */
    static String renderName(String unicodeName, Random random) {
        StringBuilder out = new StringBuilder();
        String[] labels = unicodeName.split("\\.");
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                out.append(random.nextInt(5) == 0 ? "\u3002" : ".");
            }
            String label = random.nextBoolean() ? labels[i] : IDN.toASCII(labels[i]);
            out.append(
                    switch (random.nextInt(3)) {
                        case 0 -> label;
                        case 1 -> label.toUpperCase(Locale.ROOT);
                        default -> randomCase(label, random);
                    });
        }
        if (random.nextInt(4) == 0) {
            out.append('.');
        }
        return out.toString();
    }

    @Test
    void idnAsULabelsOrALabelsInAnyCaseGivesOneValue() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            String unicode = randomUnicodeName(random);
            String expected = aLabels(unicode);

            assertThat(Normalizer.unicodeForm(expected))
                    .as("seed %d: %s", SEED, expected)
                    .isEqualTo(unicode);
            for (int variant = 0; variant < 5; variant++) {
                String name = renderName(unicode, random);
                assertThat(Normalizer.normalize(ObservableKind.DOMAIN, name).value())
                        .as("seed %d: %s", SEED, name)
                        .isEqualTo(expected);
                assertThat(Normalizer.normalize(ObservableKind.URL, "hTTp://" + name + "/Ü")
                                .value())
                        .as("seed %d: %s", SEED, name)
                        .isEqualTo("http://" + expected + "/%C3%9C");
                assertThat(Normalizer.normalize(ObservableKind.EMAIL, "Üser@" + name)
                                .value())
                        .as("seed %d: %s", SEED, name)
                        .isEqualTo("Üser@" + expected);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- URL

    private static final String RESERVED = "/?#[]@!$&'()*+,;= ";
    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    private static final String[] PATH_PIECES = {
        "!",
        "$",
        "&",
        "'",
        "(",
        ")",
        "*",
        "+",
        ",",
        ";",
        "=",
        ":",
        "@",
        "%2F",
        "%3a",
        "%20",
        "%e2%82%ac",
        "%41",
        "%7e",
        "%",
        "%z",
        "ü",
        "€",
        "😀",
        "\\",
        "|",
        "^",
        "{",
        "}",
        "`",
        "\"",
        "<",
        ">",
        "[",
        "]",
        "/",
        ".",
        "..",
        "/../",
        "./"
    };

    static String randomComponent(Random random, boolean query) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(3) == 0) {
                out.append(PATH_PIECES[random.nextInt(PATH_PIECES.length)]);
            } else if (query && random.nextInt(8) == 0) {
                out.append(random.nextBoolean() ? "?" : "/");
            } else {
                out.append(UNRESERVED.charAt(random.nextInt(UNRESERVED.length())));
            }
        }
        return out.toString();
    }

    static String randomUrl(Random random) {
        String[] schemes = {"http", "HTTP", "https", "hTTps", "ftp", "ws", "wss", "foo", "git+ssh", "mailto", "urn"};
        String scheme = schemes[random.nextInt(schemes.length)];
        StringBuilder url = new StringBuilder(scheme).append(':');
        if (scheme.equals("mailto") || scheme.equals("urn")) {
            url.append(UNRESERVED.charAt(random.nextInt(26))).append(randomComponent(random, false));
        } else {
            url.append("//");
            if (random.nextInt(5) == 0) {
                url.append(randomComponent(random, false)
                                .replace("/", "")
                                .replace("@", "")
                                .replace("\\", ""))
                        .append('@');
            }
            url.append(
                    switch (random.nextInt(5)) {
                        case 0 -> octet(random) + "." + octet(random) + "." + octet(random) + "." + octet(random);
                        case 1 -> "[" + renderIpv6(randomGroups(random), random) + "]";
                        case 2 -> percentEncodeSome(aLabels(randomUnicodeName(random)), random, 1.0);
                        default -> renderName(randomUnicodeName(random), random);
                    });
            switch (random.nextInt(5)) {
                case 0 -> url.append(':');
                case 1 -> url.append(':').append(random.nextInt(65536));
                case 2 -> url.append(":0").append(Urls.DEFAULT_PORTS.getOrDefault(scheme.toLowerCase(Locale.ROOT), 7));
                default -> {}
            }
            if (random.nextInt(4) > 0) {
                url.append('/').append(randomComponent(random, false));
            }
        }
        if (random.nextBoolean()) {
            url.append('?').append(randomComponent(random, true));
        }
        if (random.nextInt(3) == 0) {
            url.append('#').append(randomComponent(random, true)).append(random.nextInt(4) == 0 ? "#x" : "");
        }
        return url.toString();
    }

    /** Percent-encodes each character with the given probability, hex digits in random case. */
    static String percentEncodeSome(String text, Random random, double probability) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (random.nextDouble() < probability) {
                out.append('%').append(randomCase(String.format("%02X", b & 0xff), random));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    @Test
    void urlNotationsOfOneUrlGiveOneValue() {
        Random random = new Random(SEED);
        String[] schemes = {"http", "https", "ftp"};
        for (int round = 0; round < ROUNDS; round++) {
            String scheme = schemes[random.nextInt(schemes.length)];
            String unicodeHost = randomUnicodeName(random);
            String port = random.nextBoolean() ? "" : ":" + (1024 + random.nextInt(60000));
            StringBuilder path = new StringBuilder();
            for (int segments = random.nextInt(4); segments > 0; segments--) {
                path.append('/');
                for (int i = random.nextInt(8); i > 0; i--) {
                    path.append(
                            random.nextInt(5) == 0
                                    ? "%"
                                            + String.format(
                                                    "%02X", (int) RESERVED.charAt(random.nextInt(RESERVED.length())))
                                    : String.valueOf(UNRESERVED.charAt(random.nextInt(UNRESERVED.length()))));
                }
            }
            String query = random.nextBoolean()
                    ? ""
                    : "?" + randomComponent(random, true).replace("%", "%25");
            String canonicalQuery = query.isEmpty() ? "" : Urls.component(query);
            String expected = scheme + "://" + aLabels(unicodeHost) + port
                    + (path.length() == 0 ? "/" : path.toString()) + canonicalQuery;

            for (int variant = 0; variant < 5; variant++) {
                String variantPort = port.isEmpty() && random.nextBoolean()
                        ? ":" + "0".repeat(random.nextInt(3)) + Urls.DEFAULT_PORTS.get(scheme)
                        : port;
                String variantPath = lowerSomeTriplets(percentEncodeUnreserved(path.toString(), random), random);
                String url = randomCase(scheme, random) + "://" + renderName(unicodeHost, random) + variantPort
                        + variantPath + query;
                assertThat(Normalizer.normalize(ObservableKind.URL, url).value())
                        .as("seed %d: %s", SEED, url)
                        .isEqualTo(expected);
            }
        }
    }

    static String percentEncodeUnreserved(String path, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                out.append(path, i, i + 3);
                i += 2;
            } else if (c != '/' && random.nextInt(4) == 0) {
                out.append('%').append(randomCase(String.format("%02X", (int) c), random));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String lowerSomeTriplets(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && random.nextBoolean()) {
                out.append(text.substring(i, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------- others

    static String randomHex(Random random, int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, digits);
    }

    static String randomCase(String text, Random random) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(c -> out.appendCodePoint(
                        random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return out.toString();
    }

    @Test
    void macNotationsGiveOneValue() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            String hex = randomHex(random, random.nextBoolean() ? 12 : 16);
            String expected = String.join(":", hex.split("(?<=\\G..)"));
            for (int variant = 0; variant < 4; variant++) {
                String text = switch (random.nextInt(4)) {
                    case 0 -> expected;
                    case 1 -> expected.replace(':', '-');
                    case 2 -> String.join(".", hex.split("(?<=\\G....)"));
                    default -> hex;
                };
                text = randomCase(text, random);
                assertThat(Normalizer.normalize(ObservableKind.MAC, text).value())
                        .as("seed %d: %s", SEED, text)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void asnNotationsGiveOneValue() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            long number = random.nextInt(3) == 0 ? random.nextInt(65536) : random.nextLong() & 0xffffffffL;
            for (int variant = 0; variant < 4; variant++) {
                String digits = random.nextBoolean()
                        ? (number >>> 16) + "." + (number & 0xffff)
                        : "0".repeat(random.nextInt(3)) + number;
                String text = (random.nextBoolean() ? randomCase("as", random) : "") + digits;
                assertThat(Normalizer.normalize(ObservableKind.ASN, text).value())
                        .as("seed %d: %s", SEED, text)
                        .isEqualTo(Long.toString(number));
            }
        }
    }

    private static final String REGISTRY_CHARS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .-_{}/äßéøæłžπж$";
    private static final Map<String, String> HIVE_ABBREVIATIONS = Map.of(
            "HKLM",
            "HKEY_LOCAL_MACHINE",
            "HKCU",
            "HKEY_CURRENT_USER",
            "HKCR",
            "HKEY_CLASSES_ROOT",
            "HKU",
            "HKEY_USERS",
            "HKCC",
            "HKEY_CURRENT_CONFIG");

    @Test
    void registryKeysCompareCaseInsensitively() {
        Random random = new Random(SEED);
        List<String> abbreviations = List.copyOf(HIVE_ABBREVIATIONS.keySet());
        for (int round = 0; round < ROUNDS; round++) {
            String abbreviation = abbreviations.get(random.nextInt(abbreviations.size()));
            StringBuilder path = new StringBuilder();
            for (int segments = random.nextInt(5); segments > 0; segments--) {
                path.append('\\');
                for (int i = 1 + random.nextInt(10); i > 0; i--) {
                    path.append(REGISTRY_CHARS.charAt(random.nextInt(REGISTRY_CHARS.length())));
                }
            }
            String expected = Normalizer.normalize(
                            ObservableKind.WINDOWS_REGISTRY_KEY, HIVE_ABBREVIATIONS.get(abbreviation) + path)
                    .value();
            assertThat(expected).startsWith(HIVE_ABBREVIATIONS.get(abbreviation));
            for (int variant = 0; variant < 4; variant++) {
                String hive = random.nextBoolean() ? abbreviation : HIVE_ABBREVIATIONS.get(abbreviation);
                String text = randomCase(hive, random)
                        + randomCase(path.toString(), random)
                        + (random.nextBoolean() ? "\\" : "");
                assertThat(Normalizer.normalize(ObservableKind.WINDOWS_REGISTRY_KEY, text)
                                .value())
                        .as("seed %d: %s", SEED, text)
                        .isEqualTo(expected);
            }
        }
    }

    /** A random valid input of the kind, in a random notation. */
    static String randomValid(ObservableKind kind, Random random) {
        return switch (kind) {
            case IP ->
                random.nextBoolean()
                        ? renderIpv6(randomGroups(random), random)
                                + (random.nextBoolean() ? "/" + random.nextInt(129) : "")
                        : octet(random) + "." + octet(random) + "." + octet(random) + "." + octet(random)
                                + (random.nextBoolean() ? "/" + random.nextInt(33) : "");
            case DOMAIN -> renderName(randomUnicodeName(random), random);
            case URL -> randomUrl(random);
            case EMAIL -> randomEmail(random);
            case MAC -> randomCase(String.join("-", randomHex(random, 12).split("(?<=\\G..)")), random);
            case ASN -> "AS" + (random.nextLong() & 0xffffffffL);
            case WINDOWS_REGISTRY_KEY ->
                "hkcu\\Software\\"
                        + randomComponent(random, false)
                                .replaceAll("[\\\\/%]", "")
                                .replace("..", "x") + "x";
            case MD5 -> randomCase(randomHex(random, 32), random);
            case SHA_1 -> randomCase(randomHex(random, 40), random);
            case SHA_256, SHA3_256 -> randomCase(randomHex(random, 64), random);
            case SHA_512, SHA3_512 -> randomCase(randomHex(random, 128), random);
            case SSDEEP ->
                (3 << random.nextInt(20)) + ":" + randomBase64(random, 1 + random.nextInt(64)) + ":"
                        + randomBase64(random, random.nextInt(65));
            case TLSH ->
                switch (random.nextInt(3)) {
                    case 0 -> randomCase("t1", random) + randomCase(randomHex(random, 70), random);
                    case 1 -> randomCase(randomHex(random, 70), random);
                    default -> randomCase(randomHex(random, 72), random);
                };
        };
    }

    static String randomEmail(Random random) {
        String atext = "abcXYZ019!#$%&'*+/=?^_`{|}~-";
        StringBuilder local = new StringBuilder();
        if (random.nextInt(4) == 0) {
            local.append('"');
            for (int i = random.nextInt(10); i > 0; i--) {
                local.append(
                        switch (random.nextInt(6)) {
                            case 0 -> " ";
                            case 1 -> "@";
                            case 2 -> "\\\"";
                            default -> String.valueOf(atext.charAt(random.nextInt(atext.length())));
                        });
            }
            local.append('"');
        } else {
            for (int i = 1 + random.nextInt(10); i > 0; i--) {
                local.append(atext.charAt(random.nextInt(atext.length())));
            }
        }
        String domain = switch (random.nextInt(4)) {
            case 0 -> "[" + octet(random) + "." + octet(random) + "." + octet(random) + "." + octet(random) + "]";
            case 1 -> "[IPv6:" + renderIpv6(randomGroups(random), random) + "]";
            default -> renderName(randomUnicodeName(random), random);
        };
        return local + "@" + domain;
    }

    static String randomBase64(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ObservableKind.class)
    void normalisingTwiceChangesNothing(ObservableKind kind) {
        Random random = new Random(SEED + kind.ordinal());
        Function<String, NormalizedValue> normalize = raw -> Normalizer.normalize(kind, raw);
        for (int round = 0; round < ROUNDS; round++) {
            String raw = randomValid(kind, random);
            NormalizedValue once = normalize.apply(raw);
            NormalizedValue twice = normalize.apply(once.value());

            assertThat(twice.value()).as("seed %d: %s", SEED, raw).isEqualTo(once.value());
            assertThat(twice.range()).as("seed %d: %s", SEED, raw).isEqualTo(once.range());
            assertThat(once.original()).isEqualTo(raw);
        }
    }
}
