package org.jcu.observable;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Canonical forms of observable values, so that equal things correlate however they were written. Values are taken
 * literally, as STIX 2.1 carries them: nothing is trimmed, guessed or refanged (use {@link #refang} on free text
 * first), and a value that does not fit its kind is rejected with an {@link ObservableException} naming the rule.
 * Every normalisation is idempotent: normalising a {@link NormalizedValue#value()} again gives the same value.
 *
 * <table>
 *   <caption>Canonical form per kind</caption>
 *   <tr><th>kind</th><th>accepted</th><th>canonical value</th></tr>
 *   <tr><td>{@link ObservableKind#IP IP}</td>
 *       <td>IPv4 dotted quad without leading zeros; IPv6 in any RFC 4291 §2.2 form; either with {@code /n}</td>
 *       <td>RFC 5952 text ({@link IpRange#canonical()}); IPv4-mapped IPv6 as IPv4; host bits of a block cleared;
 *       {@code /32} and {@code /128} dropped. Zone indexes ({@code %eth0}) rejected.</td></tr>
 *   <tr><td>{@link ObservableKind#DOMAIN DOMAIN}</td>
 *       <td>U-labels or A-labels, any case, one trailing dot</td>
 *       <td>UTS #46 non-transitional ToASCII (ICU4J): lower-case A-labels, no trailing dot; labels of letters,
 *       digits, '-' and '_'; at most 63 octets per label and 253 per name.</td></tr>
 *   <tr><td>{@link ObservableKind#URL URL}</td>
 *       <td>absolute URI (RFC 3986 §4.3); IRIs</td>
 *       <td>RFC 3986 §6.2.2 syntax-based and §6.2.3 scheme-based normalisation; dot-segments kept (see
 *       {@code docs/decisions/0014-observable-normalisation.md}).</td></tr>
 *   <tr><td>{@link ObservableKind#EMAIL EMAIL}</td>
 *       <td>{@code local@domain}, local part atom or quoted string, domain a name or {@code [address literal]}</td>
 *       <td>local part exactly as given (case-sensitive, RFC 5321 §2.4), domain as DOMAIN or canonical IP.</td></tr>
 *   <tr><td>{@link ObservableKind#MAC MAC}</td>
 *       <td>{@code aa:bb:cc:dd:ee:ff}, {@code AA-BB-...}, {@code aabb.ccdd.eeff}, 12 hex digits; EUI-64 alike</td>
 *       <td>lower-case, colon-separated octets (STIX 2.1 §6.10).</td></tr>
 *   <tr><td>{@link ObservableKind#ASN ASN}</td>
 *       <td>{@code 64500}, {@code AS64500}, asdot {@code 1.10} (RFC 5396)</td>
 *       <td>decimal 0..4294967295 without leading zeros (RFC 6793).</td></tr>
 *   <tr><td>{@link ObservableKind#WINDOWS_REGISTRY_KEY WINDOWS_REGISTRY_KEY}</td>
 *       <td>hive (full or {@code HKLM}, {@code HKCU}, {@code HKCR}, {@code HKU}, {@code HKCC}, {@code HKPD})
 *       and key names separated by single backslashes, optional trailing backslash</td>
 *       <td>full hive name, no trailing backslash, upper-cased code point by code point (the registry compares
 *       names case-insensitively, STIX 2.1 §6.17); white space inside names kept.</td></tr>
 *   <tr><td>hashes</td>
 *       <td>hex digits in either case, MD5 32, SHA-1 40, SHA-256 and SHA3-256 64, SHA-512 and SHA3-512 128</td>
 *       <td>lower-case hex.</td></tr>
 *   <tr><td>{@link ObservableKind#SSDEEP SSDEEP}</td><td>{@code blocksize:hash:hash} (base64 hashes)</td>
 *       <td>as given (base64 is case-sensitive).</td></tr>
 *   <tr><td>{@link ObservableKind#TLSH TLSH}</td><td>{@code T1} + 70 hex digits, or 70 or 72 hex digits</td>
 *       <td>{@code T1} (if present) + lower-case hex; with and without {@code T1} stay different values.</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe; the ICU4J UTS #46 instance it shares is immutable and safe for concurrent use.
 */
public final class Normalizer {

    static final String WHITESPACE = "contains whitespace or a control character (values are taken literally; trim"
            + " or refang free text before normalising)";
    static final String ONE_AT = "an email address has exactly one '@' outside a quoted local part (RFC 5321 §4.1.2)";
    static final String EMPTY_LOCAL = "empty local part before '@' (RFC 5321 §4.1.2)";
    static final String EMPTY_DOMAIN = "empty domain after '@' (RFC 5321 §4.1.2)";
    static final String UNTERMINATED_QUOTE = "quoted local part without its closing '\"' (RFC 5321 §4.1.2)";
    static final String ADDRESS_LITERAL =
            "write an IP address as an address literal, [192.0.2.1] or" + " [IPv6:2001:db8::1] (RFC 5321 §4.1.3)";
    static final String MAC_SHAPE = "a MAC address is 6 (EUI-48) or 8 (EUI-64) octets written aa:bb:cc:dd:ee:ff,"
            + " AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or as 12/16 hex digits (STIX 2.1 §6.10, IEEE 802)";
    static final String ASN_SHAPE =
            "an AS number is 0..4294967295 written 64500, AS64500 or asdot 1.10 (RFC 6793," + " RFC 5396)";
    static final String REGISTRY_HIVE = "a registry key starts with a hive: HKEY_LOCAL_MACHINE (HKLM),"
            + " HKEY_CURRENT_USER (HKCU), HKEY_CLASSES_ROOT (HKCR), HKEY_USERS (HKU), HKEY_CURRENT_CONFIG (HKCC) or"
            + " HKEY_PERFORMANCE_DATA (HKPD) (STIX 2.1 §6.17)";
    static final String REGISTRY_EMPTY_NAME =
            "empty key name: key names are separated by single backslashes (STIX 2.1 §6.17)";
    static final String REGISTRY_CONTROL = "contains a control character";
    static final String SSDEEP_SHAPE =
            "an SSDEEP hash is blocksize:hash:hash with base64 hashes, as ssdeep prints" + " it without the file name";
    static final String TLSH_SHAPE = "a TLSH digest is T1 followed by 70 hex digits, or 70 or 72 hex digits";

    private static final Map<String, String> HIVES = Map.ofEntries(
            Map.entry("HKLM", "HKEY_LOCAL_MACHINE"),
            Map.entry("HKCU", "HKEY_CURRENT_USER"),
            Map.entry("HKCR", "HKEY_CLASSES_ROOT"),
            Map.entry("HKU", "HKEY_USERS"),
            Map.entry("HKCC", "HKEY_CURRENT_CONFIG"),
            Map.entry("HKPD", "HKEY_PERFORMANCE_DATA"),
            Map.entry("HKEY_LOCAL_MACHINE", "HKEY_LOCAL_MACHINE"),
            Map.entry("HKEY_CURRENT_USER", "HKEY_CURRENT_USER"),
            Map.entry("HKEY_CLASSES_ROOT", "HKEY_CLASSES_ROOT"),
            Map.entry("HKEY_USERS", "HKEY_USERS"),
            Map.entry("HKEY_CURRENT_CONFIG", "HKEY_CURRENT_CONFIG"),
            Map.entry("HKEY_PERFORMANCE_DATA", "HKEY_PERFORMANCE_DATA"));

    private static final Pattern SSDEEP = Pattern.compile("[1-9][0-9]{0,9}:[A-Za-z0-9+/]{1,64}:[A-Za-z0-9+/]{0,64}");
    private static final Pattern TLSH = Pattern.compile("(?:[Tt]1)?[0-9A-Fa-f]{70}|[0-9A-Fa-f]{72}");

    private Normalizer() {}

    /**
     * The canonical form of {@code raw} as a value of {@code kind} (see the class table).
     *
     * @return the value, with {@link NormalizedValue#range()} set for {@link ObservableKind#IP}
     * @throws ObservableException if {@code raw} is not a valid value of {@code kind}; it names the rule
     */
    public static NormalizedValue normalize(ObservableKind kind, String raw) {
        try {
            if (kind != ObservableKind.EMAIL
                    && kind != ObservableKind.URL
                    && kind != ObservableKind.WINDOWS_REGISTRY_KEY) {
                rejectWhitespace(raw);
            }
            if (kind == ObservableKind.IP) {
                IpRange range = IpText.parseRange(raw);
                return new NormalizedValue(kind, range.canonical(), raw, range);
            }
            String value = switch (kind) {
                case DOMAIN -> domain(raw);
                case URL -> Urls.normalize(raw);
                case EMAIL -> email(raw);
                case MAC -> mac(raw);
                case ASN -> asn(raw);
                case WINDOWS_REGISTRY_KEY -> registryKey(raw);
                case SSDEEP -> ssdeep(raw);
                case TLSH -> tlsh(raw);
                case MD5, SHA_1, SHA_256, SHA_512, SHA3_256, SHA3_512 -> hash(kind, raw);
                case IP -> throw new IllegalStateException("handled above");
            };
            return new NormalizedValue(kind, value, raw, null);
        } catch (Rejected e) {
            throw new ObservableException(kind, raw, e.rule());
        }
    }

    /**
     * Undoes defanging in free text (reports, CSV columns, e-mail): {@code hxxp}, {@code hxxps}, {@code hXXp},
     * {@code fxp} before {@code :} or {@code [} become {@code http}, {@code https}, {@code ftp}; {@code [.] (.) {.}
     * [dot] (dot) {dot}} become {@code .}; {@code [at] (at) {at} [@] (@)} become {@code @}; {@code [:]},
     * {@code [://]} and {@code [/]} lose their brackets. Case-insensitive. Bare words ({@code example dot com}) are
     * left alone. Not applied by {@link #normalize}: STIX values are taken literally.
     *
     * @return the refanged text and each rewrite with its offset in {@code text}
     */
    public static Refanged refang(String text) {
        return Refanger.refang(text);
    }

    /**
     * The registrable domain of a domain name: the public suffix plus one label ({@code www.example.co.uk} →
     * {@code example.co.uk}), using the Public Suffix List bundled with Guava, ICANN and private sections alike (so
     * {@code evil.github.io} is its own registrable domain). The name is normalised as {@link ObservableKind#DOMAIN}
     * first; the result is in A-label form.
     *
     * @return empty for a public suffix itself ({@code co.uk}), a name under no known suffix ({@code localhost},
     *     {@code corp.internal}) or an IP address
     * @throws ObservableException if {@code domain} is not a valid domain name (and not an IP address)
     */
    public static Optional<String> registrableDomain(String domain) {
        String ascii;
        try {
            ascii = DomainNames.toAscii(domain);
        } catch (Rejected e) {
            throw new ObservableException(ObservableKind.DOMAIN, domain, e.rule());
        }
        if (DomainNames.hasNumericLastLabel(ascii)) {
            return Optional.empty();
        }
        try {
            InternetDomainName name = InternetDomainName.from(ascii);
            return name.isUnderPublicSuffix()
                    ? Optional.of(name.topPrivateDomain().toString())
                    : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Guava is stricter than DNS (e.g. labels starting with '-'): no registrable domain it can name
            return Optional.empty();
        }
    }

    /**
     * The Unicode form (U-labels, UTS #46 ToUnicode) of a domain name, for display: {@code xn--bcher-kva.example} →
     * {@code bücher.example}. Returns {@code domain} unchanged if it is not a valid domain name. The Unicode form can
     * look like another name (homographs): show it beside the canonical A-label form, never instead of it.
     */
    public static String unicodeForm(String domain) {
        return DomainNames.toUnicode(domain);
    }

    private static String domain(String raw) {
        String ascii = DomainNames.toAscii(raw);
        if (DomainNames.hasNumericLastLabel(ascii)) {
            throw new Rejected(DomainNames.NUMERIC_TLD);
        }
        return ascii;
    }

    private static String email(String raw) {
        if (raw.isEmpty()) {
            throw new Rejected(ONE_AT);
        }
        if (Texts.hasControl(raw)) {
            throw new Rejected(WHITESPACE);
        }
        String local;
        String domain;
        if (raw.charAt(0) == '"') {
            int close = 1;
            while (close < raw.length() && raw.charAt(close) != '"') {
                close += raw.charAt(close) == '\\' ? 2 : 1;
            }
            if (close >= raw.length()) {
                throw new Rejected(UNTERMINATED_QUOTE);
            }
            local = raw.substring(0, close + 1);
            String rest = raw.substring(close + 1);
            if (!rest.startsWith("@") || rest.indexOf('@', 1) >= 0) {
                throw new Rejected(ONE_AT);
            }
            domain = rest.substring(1);
        } else {
            int at = raw.indexOf('@');
            if (at < 0 || raw.indexOf('@', at + 1) >= 0) {
                throw new Rejected(ONE_AT);
            }
            local = raw.substring(0, at);
            domain = raw.substring(at + 1);
            if (local.isEmpty()) {
                throw new Rejected(EMPTY_LOCAL);
            }
            if (Texts.hasWhitespaceOrControl(local)) {
                throw new Rejected(WHITESPACE);
            }
        }
        if (domain.isEmpty()) {
            throw new Rejected(EMPTY_DOMAIN);
        }
        return local + "@" + emailDomain(domain);
    }

    private static String emailDomain(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String literal = domain.substring(1, domain.length() - 1);
            boolean tagged = literal.regionMatches(true, 0, "IPv6:", 0, 5);
            if (!tagged && literal.indexOf(':') >= 0) {
                throw new Rejected(ADDRESS_LITERAL);
            }
            try {
                if (tagged) {
                    String address = literal.substring(5);
                    if (address.indexOf(':') < 0) {
                        throw new Rejected(IpText.NOT_AN_ADDRESS);
                    }
                    IpRange range = IpText.parseAddress(address);
                    return range.isIpv4() ? "[" + range.canonical() + "]" : "[IPv6:" + range.canonical() + "]";
                }
                return "[" + IpText.parseAddress(literal).canonical() + "]";
            } catch (Rejected e) {
                throw new Rejected("domain part: " + e.rule());
            }
        }
        String ascii;
        try {
            ascii = DomainNames.toAscii(domain);
        } catch (Rejected e) {
            throw new Rejected("domain part: " + e.rule());
        }
        if (DomainNames.hasNumericLastLabel(ascii)) {
            throw new Rejected(ADDRESS_LITERAL);
        }
        return ascii;
    }

    private static String mac(String raw) {
        String hex;
        int length = raw.length();
        if (length == 17 || length == 23) {
            char separator = raw.charAt(2);
            if (separator != ':' && separator != '-') {
                throw new Rejected(MAC_SHAPE);
            }
            StringBuilder digits = new StringBuilder(16);
            for (int i = 0; i < length; i++) {
                if (i % 3 == 2) {
                    if (raw.charAt(i) != separator) {
                        throw new Rejected(MAC_SHAPE);
                    }
                } else {
                    digits.append(raw.charAt(i));
                }
            }
            hex = digits.toString();
        } else if (length == 14 || length == 19) {
            StringBuilder digits = new StringBuilder(16);
            for (int i = 0; i < length; i++) {
                if (i % 5 == 4) {
                    if (raw.charAt(i) != '.') {
                        throw new Rejected(MAC_SHAPE);
                    }
                } else {
                    digits.append(raw.charAt(i));
                }
            }
            hex = digits.toString();
        } else if (length == 12 || length == 16) {
            hex = raw;
        } else {
            throw new Rejected(MAC_SHAPE);
        }
        if (!hex.chars().allMatch(c -> Texts.isHex((char) c))) {
            throw new Rejected(MAC_SHAPE);
        }
        StringBuilder out = new StringBuilder(23);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String asn(String raw) {
        String number = raw.regionMatches(true, 0, "AS", 0, 2) ? raw.substring(2) : raw;
        int dot = number.indexOf('.');
        long value;
        if (dot >= 0) {
            long high = asnPart(number.substring(0, dot), 65535);
            long low = asnPart(number.substring(dot + 1), 65535);
            value = high * 65536 + low;
        } else {
            value = asnPart(number, 4294967295L);
        }
        return Long.toString(value);
    }

    private static long asnPart(String digits, long max) {
        if (!Texts.isAsciiDigits(digits)) {
            throw new Rejected(ASN_SHAPE);
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > max) {
            throw new Rejected(ASN_SHAPE);
        }
        return Long.parseLong(significant);
    }

    private static String registryKey(String raw) {
        if (Texts.hasControl(raw)) {
            throw new Rejected(REGISTRY_CONTROL);
        }
        String key = raw.endsWith("\\") ? raw.substring(0, raw.length() - 1) : raw;
        int firstSeparator = key.indexOf('\\');
        String hive = HIVES.get((firstSeparator < 0 ? key : key.substring(0, firstSeparator)).toUpperCase(Locale.ROOT));
        if (hive == null) {
            throw new Rejected(REGISTRY_HIVE);
        }
        String path = firstSeparator < 0 ? "" : key.substring(firstSeparator);
        if (path.contains("\\\\") || path.endsWith("\\")) {
            throw new Rejected(REGISTRY_EMPTY_NAME);
        }
        StringBuilder out = new StringBuilder(hive.length() + path.length()).append(hive);
        // simple (one-to-one) case mapping, as the registry compares names: 'ß' stays 'ß', never "SS"
        path.codePoints().map(Character::toUpperCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String hash(ObservableKind kind, String raw) {
        int expected = switch (kind) {
            case MD5 -> 32;
            case SHA_1 -> 40;
            case SHA_256, SHA3_256 -> 64;
            case SHA_512, SHA3_512 -> 128;
            default -> throw new IllegalArgumentException("not a fixed-length hash kind: " + kind);
        };
        if (raw.length() != expected || !raw.chars().allMatch(c -> Texts.isHex((char) c))) {
            throw new Rejected(kind.code() + " is " + expected + " hexadecimal digits"
                    + (raw.length() == expected
                            ? " (found a non-hex character)"
                            : ", got " + raw.length() + " characters"));
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    private static String ssdeep(String raw) {
        if (!SSDEEP.matcher(raw).matches()) {
            throw new Rejected(SSDEEP_SHAPE);
        }
        return raw;
    }

    private static String tlsh(String raw) {
        if (!TLSH.matcher(raw).matches()) {
            throw new Rejected(TLSH_SHAPE);
        }
        boolean versioned = raw.length() == 72 && (raw.charAt(0) == 'T' || raw.charAt(0) == 't');
        return versioned ? "T1" + raw.substring(2).toLowerCase(Locale.ROOT) : raw.toLowerCase(Locale.ROOT);
    }

    private static void rejectWhitespace(String raw) {
        if (Texts.hasWhitespaceOrControl(raw)) {
            throw new Rejected(WHITESPACE);
        }
    }
}
