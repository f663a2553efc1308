package org.jcu.observable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL normalisation, RFC 3986 §6.2.2 (syntax-based) plus the scheme-based rules of §6.2.3 for the schemes listed in
 * {@link #DEFAULT_PORTS}. Parsed by hand per RFC 3986 §3 (not {@code java.net.URI}, which rejects much of what is
 * seen in the wild and whose {@code normalize()} removes dot-segments). Stateless and thread-safe.
 *
 * <p>What it does: scheme lower-cased; host lower-cased and IDN hosts to A-labels (as {@link DomainNames}), one
 * trailing dot removed, IP hosts to their canonical text (IPv6 in brackets, RFC 5952; an IPv4-mapped IPv6 host becomes
 * its IPv4 address); port without leading zeros, empty or default port removed; percent-encoding hex upper-cased and
 * percent-encoded unreserved characters decoded (§6.2.2.1, §6.2.2.2) in user info, path, query and fragment;
 * non-ASCII characters percent-encoded as UTF-8 (RFC 3987 §3.1); a '%' not starting a valid triplet becomes
 * {@code %25}; empty path with an authority becomes {@code /} for the listed schemes (§6.2.3).
 *
 * <p>What it does not do: remove dot-segments ({@code /a/../b} is evidence, §6.2.2.3 not applied); touch other
 * ASCII characters that RFC 3986 does not allow (backslash, {@code |}, {@code ^}, ... stay as given); reorder or
 * decode query parameters; follow the WHATWG URL Standard's repairs (backslash as slash, inet_aton IPv4 forms).
 */
final class Urls {

    static final String NO_SCHEME = "no scheme: a URL starts with a scheme such as http: (RFC 3986 §3.1)";
    static final String HOST_PORT = "looks like host:port without a scheme (RFC 3986 §3.1); add one, e.g. http://";
    static final String NO_AUTHORITY = "this scheme needs //host (RFC 9110 §4.2, RFC 3986 §3.2)";
    static final String NO_HOST = "empty host (RFC 9110 §4.2.1)";
    static final String BAD_PORT = "port must be a decimal number 0..65535 (RFC 3986 §3.2.3)";
    static final String BAD_IP_LITERAL = "IP literal must be [IPv6] or [vX.future] (RFC 3986 §3.2.2)";
    static final String AUTHORITY_BACKSLASH = "backslash before the path: browsers read it as '/' (WHATWG URL),"
            + " RFC 3986 §3.2 does not allow it, so the host is ambiguous";
    static final String BAD_HOST_ENCODING = "percent-encoded host is not UTF-8 (RFC 3986 §3.2.2)";
    static final String LONE_SURROGATE = "malformed Unicode text (unpaired surrogate)";
    static final String WHITESPACE =
            "contains whitespace or a control character; percent-encode it (%20) (RFC 3986 §2.1, values are taken"
                    + " literally)";

    /** Schemes with an authority, a default port and {@code /} as the empty path (RFC 3986 §6.2.3). */
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ftp", 21, "ws", 80, "wss", 443);

    private static final Set<String> NEEDS_HOST = DEFAULT_PORTS.keySet();
    private static final Pattern PORT_AND_PATH = Pattern.compile("[0-9]+(?:[/?#].*)?", Pattern.DOTALL);
    private static final Pattern IP_FUTURE = Pattern.compile("[vV][0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {}

    static String normalize(String url) {
        if (Texts.hasWhitespaceOrControl(url)) {
            throw new Rejected(WHITESPACE);
        }
        int colon = url.indexOf(':');
        if (colon <= 0 || !isScheme(url.substring(0, colon))) {
            throw new Rejected(NO_SCHEME);
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 1);
        if (scheme.indexOf('.') >= 0 && PORT_AND_PATH.matcher(rest).matches()) {
            throw new Rejected(HOST_PORT);
        }
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        StringBuilder out = new StringBuilder(url.length() + 8).append(scheme).append(':');
        String path = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            int end = slash < 0 ? rest.length() : slash;
            out.append("//").append(authority(scheme, rest.substring(2, end)));
            path = rest.substring(end);
            if (path.isEmpty() && DEFAULT_PORTS.containsKey(scheme)) {
                path = "/";
            }
        } else if (NEEDS_HOST.contains(scheme)) {
            throw new Rejected(NO_AUTHORITY);
        }
        out.append(component(path));
        if (query != null) {
            out.append('?').append(component(query));
        }
        if (fragment != null) {
            out.append('#').append(component(fragment));
        }
        return out.toString();
    }

    private static String authority(String scheme, String authority) {
        if (authority.indexOf('\\') >= 0) {
            throw new Rejected(AUTHORITY_BACKSLASH);
        }
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        String host = hostPort;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new Rejected(BAD_IP_LITERAL);
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw new Rejected(BAD_IP_LITERAL);
                }
                port = after.substring(1);
            }
        } else {
            int portColon = hostPort.indexOf(':');
            if (portColon >= 0) {
                host = hostPort.substring(0, portColon);
                port = hostPort.substring(portColon + 1);
            }
        }
        StringBuilder out = new StringBuilder(authority.length());
        if (at >= 0) {
            out.append(component(authority.substring(0, at))).append('@');
        }
        out.append(host(scheme, host));
        if (!port.isEmpty()) {
            if (!Texts.isAsciiDigits(port)) {
                throw new Rejected(BAD_PORT);
            }
            String digits = port.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
                throw new Rejected(BAD_PORT);
            }
            Integer defaultPort = DEFAULT_PORTS.get(scheme);
            if (defaultPort == null || defaultPort != Integer.parseInt(digits)) {
                out.append(':').append(digits);
            }
        }
        return out.toString();
    }

    private static String host(String scheme, String host) {
        try {
            return hostOrReject(scheme, host);
        } catch (Rejected e) {
            throw e.rule().equals(NO_HOST) ? e : new Rejected("host: " + e.rule());
        }
    }

    private static String hostOrReject(String scheme, String host) {
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw new Rejected(BAD_IP_LITERAL);
            }
            String inner = host.substring(1, host.length() - 1);
            if (IP_FUTURE.matcher(inner).matches()) {
                return host.toLowerCase(Locale.ROOT);
            }
            if (inner.indexOf(':') < 0) {
                throw new Rejected(BAD_IP_LITERAL);
            }
            IpRange address = IpText.parseAddress(inner);
            return address.isIpv4() ? address.canonical() : "[" + address.canonical() + "]";
        }
        String decoded = host.indexOf('%') >= 0 ? decodeUtf8(host) : host;
        if (decoded.isEmpty()) {
            if (NEEDS_HOST.contains(scheme)) {
                throw new Rejected(NO_HOST);
            }
            return "";
        }
        String ascii = DomainNames.toAscii(decoded);
        return DomainNames.hasNumericLastLabel(ascii)
                ? IpText.parseAddress(ascii).canonical()
                : ascii;
    }

    /** §6.2.2.1/§6.2.2.2 on one component; non-ASCII to UTF-8 triplets; stray '%' to %25; all else as given. */
    static String component(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            boolean plain = c != '%' && c < 0x80;
            if (plain) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '%') {
                if (i + 2 < text.length() && Texts.isHex(text.charAt(i + 1)) && Texts.isHex(text.charAt(i + 2))) {
                    int octet = Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16);
                    if (isUnreserved(octet)) {
                        out.append((char) octet);
                    } else {
                        appendTriplet(out, octet);
                    }
                    i += 3;
                } else {
                    out.append("%25");
                    i++;
                }
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate(c) && codePoint == c) {
                throw new Rejected(LONE_SURROGATE);
            }
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                appendTriplet(out, b & 0xff);
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? text : out.toString();
    }

    private static void appendTriplet(StringBuilder out, int octet) {
        out.append('%').append(HEX[octet >>> 4]).append(HEX[octet & 15]);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static boolean isScheme(String scheme) {
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) {
                return false;
            }
        }
        return true;
    }

    /** A reg-name with percent-encoding (RFC 3986 §3.2.2: UTF-8 for non-ASCII), decoded strictly. */
    private static String decodeUtf8(String host) {
        byte[] bytes = new byte[host.length() * 4];
        int length = 0;
        for (int i = 0; i < host.length(); ) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length() || !Texts.isHex(host.charAt(i + 1)) || !Texts.isHex(host.charAt(i + 2))) {
                    throw new Rejected(BAD_HOST_ENCODING);
                }
                bytes[length++] =
                        (byte) (Character.digit(host.charAt(i + 1), 16) * 16 + Character.digit(host.charAt(i + 2), 16));
                i += 3;
            } else {
                int codePoint = host.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    bytes[length++] = b;
                }
                i += Character.charCount(codePoint);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(BAD_HOST_ENCODING);
        }
    }
}
